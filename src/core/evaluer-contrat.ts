// A whole contract evaluated, between reading its files and rendering its findings (as changesets'
// assembleReleasePlan sits between reading and applying): each fiche evaluated with the de minimis
// aid of the other fiches of its undertaking, a fiche id given twice left out of the totals, the
// fiches in error kept, and the contract's own controls. Pure: the files are read by the caller.
import { controlerContrat, deMinimisDesAutresFiches, type BilanContrat, type Lieu } from "./contrat.js";
import { cheminTexte, ErreurSaisie, type ProblemeSaisie } from "./erreurs.js";
import { evaluerSource, idBrut, lireEtValider, type FicheEvaluee, type FicheSource } from "./fiche-lue.js";
import type { MessagesEcrits } from "./controles/messages.js";
import type { Referentiel } from "./regles/referentiel.js";
import type { Contrat } from "./schemas/contrat.js";
import type { Fiche } from "./schemas/fiche.js";

export interface OptionsContrat {
  /** Evaluation date (YYYY-MM-DD); each fiche's own dates otherwise. */
  date?: string;
  /** The contract's identity and period, when a contract file gives them: adds the period and territory checks. */
  contrat?: Contrat;
  /**
   * Fiches the caller could not fully read (a CSV row with unreadable cells): evaluated like the
   * others, but never counted, and no other fiche sees their de minimis aid.
   */
  illisibles?: ReadonlySet<FicheSource>;
  /**
   * true: each evaluation writes its explanation steps (`OptionsEvaluation.etapes`). By default they
   * are empty lists: no output of a whole contract shows them, a contract keeps every fiche's
   * evaluation to the end, and the steps were a seventh of what a fiche costs `verifier` in memory
   * (issue 20).
   */
  etapes?: boolean;
  /** "anomalies": each evaluation writes the control messages of its anomalies only (`OptionsEvaluation.messages`). */
  messages?: MessagesEcrits;
}

/** A fiche id given a second time: the index of the second fiche, and the problem that names both places. */
export interface Doublon {
  index: number;
  probleme: ProblemeSaisie;
}

export interface ResultatContrat {
  /** Every fiche, in the order given, evaluated or in error. */
  fiches: FicheEvaluee[];
  /** Counted in the contract's totals and controls: valid, read in full, and not a duplicate id. */
  comptees: boolean[];
  doublons: Doublon[];
  /** The contract's controls, warnings and totals; a `lieu.fiche` is an index in `fiches`. */
  bilan: BilanContrat;
}

export function evaluerContrat(
  sources: FicheSource[],
  ref: Referentiel,
  options: OptionsContrat = {},
): ResultatContrat {
  const { date, contrat, illisibles } = options;
  // A second fiche with the same id is reported, and left out of the contract's totals and controls.
  const doublons = identifiantsEnDouble(sources.map((source) => ({ source, id: idBrut(source) })));
  const exclues = new Set(doublons.map((d) => d.index));
  // First read every fiche, so that each one is evaluated with the de minimis aid of the others.
  const valides: { index: number; fiche: Fiche }[] = [];
  sources.forEach((s, index) => {
    if (exclues.has(index) || illisibles?.has(s)) return;
    try {
      valides.push({ index, fiche: lireEtValider(s, ref) });
    } catch (e) {
      if (!(e instanceof ErreurSaisie)) throw e; // reported by evaluerSource below
    }
  });
  const autres = deMinimisDesAutresFiches(
    valides.map((v) => v.fiche),
    ref,
    date,
  );
  const autresDe = new Map(valides.map((v, k) => [v.index, autres[k]]));
  // Each fiche validated once: the fiches read above are evaluated as read, the others (in error,
  // duplicates, unreadable) are read again by evaluerSource, which reports their errors.
  const lues = new Map(valides.map((v) => [v.index, v.fiche]));
  const fiches = sources.map((s, i) =>
    evaluerSource(
      s,
      ref,
      { date, autresDeMinimis: autresDe.get(i), etapes: options.etapes, messages: options.messages },
      lues.get(i),
    ),
  );

  const comptees = fiches.map(
    (f, i) => f.fiche !== undefined && !f.erreur && !exclues.has(i) && !illisibles?.has(f.source),
  );
  const evaluables = fiches.map((f, i) => ({ f, i })).filter(({ i }) => comptees[i]);
  const bilan = controlerContrat(
    evaluables.map(({ f }) => ({ fiche: f.fiche!, evaluation: f.evaluation })),
    ref,
    contrat,
  );
  // The bilan places its findings among the fiches it was given: placed back among all of them.
  const replacer = <T extends { lieu?: Lieu }>(x: T): T =>
    x.lieu ? { ...x, lieu: { ...x.lieu, fiche: evaluables[x.lieu.fiche].i } } : x;
  return {
    fiches,
    comptees,
    doublons,
    bilan: { ...bilan, controles: bilan.controles.map(replacer), motifs: bilan.motifs.map(replacer) },
  };
}

/** The same fiche id twice in a contract: an error on the second, naming both places (files and lines). */
export function identifiantsEnDouble(fiches: { source: FicheSource; id: string | undefined }[]): Doublon[] {
  const premiers = new Map<string, FicheSource>();
  const doubles: Doublon[] = [];
  fiches.forEach(({ source, id }, index) => {
    if (id === undefined) return;
    const premier = premiers.get(id);
    if (!premier) {
      premiers.set(id, source);
      return;
    }
    const ligne = premier.doc.ligneDe([...premier.chemin, "id"]);
    doubles.push({
      index,
      probleme: {
        fichier: source.doc.fichier,
        ligne: source.doc.ligneDe([...source.chemin, "id"]),
        champ: cheminTexte([...source.chemin, "id"]),
        message: `identifiant de fiche « ${id} » déjà utilisé dans ${premier.doc.fichier}${ligne ? `, ligne ${ligne}` : ""} : cette fiche-ci est exclue des totaux et des contrôles du contrat ; donnez-lui son propre identifiant, ou retirez-la si c'est la même fiche`,
      },
    });
  });
  return doubles;
}
