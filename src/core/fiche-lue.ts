// A fiche as read from a file, before and after its evaluation: where it stands in its document, and
// the fiche in error when the user got it wrong (the other fiches go on). Pure: the CLI reads the files.
import type { DocumentSource } from "./document.js";
import { ErreurSaisie, formaterProbleme, type ProblemeSaisie } from "./erreurs.js";
import { evaluerFiche, type OptionsEvaluation } from "./evaluer.js";
import { validerFiche } from "./fiche.js";
import { lireChoixEnClair } from "./libelles.js";
import type { EvaluationFiche } from "./modele.js";
import type { Referentiel } from "./regles/referentiel.js";
import type { Fiche } from "./schemas/fiche.js";
import { ficheEnErreur } from "./document-json.js";
import { aujourdhui, estDateValide } from "./dates.js";

/** One fiche to validate: the document and where the fiche stands in it. */
export interface FicheSource {
  doc: DocumentSource;
  chemin: PropertyKey[];
  /** Read ahead (lireDAvance): then the document's raw data need not be kept. */
  lue?: LectureFiche;
}

/** A fiche read as soon as its file was: validated or in error, with what its raw data said of it. */
export interface LectureFiche {
  fiche?: Fiche;
  erreur?: ErreurSaisie;
  id?: string;
  dateDemande?: string;
}

/**
 * Reads a fiche now, while its file's data are fresh: `verifier` then keeps the fiche validated (or its
 * errors), not the raw data of every file until the whole contract is read (issue 20).
 */
export function lireDAvance(source: FicheSource, ref: Referentiel): LectureFiche {
  const lue: LectureFiche = { id: idBrut(source), dateDemande: dateDemandeBrute(source) };
  try {
    lue.fiche = lireEtValider(source, ref);
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    lue.erreur = e;
  }
  return lue;
}

export interface FicheEvaluee {
  evaluation: EvaluationFiche;
  fiche?: Fiche;
  source: FicheSource;
  /** The user's mistakes in this fiche, with file, line and field. */
  erreur?: ErreurSaisie;
}

/** Validates a fiche; natures, zones and regimes written in words are read first (core/libelles.ts). */
export function lireEtValider(source: FicheSource, ref: Referentiel): Fiche {
  if (source.lue) {
    if (source.lue.erreur) throw source.lue.erreur;
    return source.lue.fiche!;
  }
  const donnees = lireChoixEnClair(source.doc.donnees, source.chemin, ref);
  return validerFiche({ ...source.doc, donnees }, source.chemin);
}

/** `validee`: the fiche as lireEtValider already gave it (a contract reads each fiche once; issue 20). */
export function evaluerSource(
  source: FicheSource,
  ref: Referentiel,
  options: OptionsEvaluation = {},
  validee?: Fiche,
): FicheEvaluee {
  let fiche: Fiche | undefined;
  try {
    fiche = validee ?? lireEtValider(source, ref);
    return { evaluation: evaluerFiche(fiche, ref, options), fiche, source };
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    const erreur = localiser(e, source);
    const id = fiche?.id ?? idBrut(source) ?? source.doc.fichier;
    return {
      evaluation: ficheEnErreur(
        id,
        options.date ?? fiche?.date_demande ?? dateDemandeBrute(source) ?? aujourdhui(),
        erreur.problemes.map(formaterProbleme),
      ),
      fiche,
      source,
      erreur,
    };
  }
}

export function idBrut(source: FicheSource): string | undefined {
  if (source.lue) return source.lue.id;
  let v: unknown = source.doc.donnees;
  for (const k of source.chemin) v = (v as Record<PropertyKey, unknown> | undefined)?.[k];
  const id = (v as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

/** The fiche's own date_demande when it is a date, though the fiche is invalid elsewhere. */
function dateDemandeBrute(source: FicheSource): string | undefined {
  if (source.lue) return source.lue.dateDemande;
  let v: unknown = source.doc.donnees;
  for (const k of source.chemin) v = (v as Record<PropertyKey, unknown> | undefined)?.[k];
  const d = (v as { date_demande?: unknown } | undefined)?.date_demande;
  return typeof d === "string" && estDateValide(d) ? d : undefined;
}

/** "financements[0].financeur" → ["financements", 0, "financeur"]. */
export function cheminDepuisTexte(champ: string): PropertyKey[] {
  const chemin: PropertyKey[] = [];
  for (const m of champ.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    chemin.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return chemin;
}

/** Adds the file and line to problems found after validation (unknown ids, references). */
export function localiser(e: ErreurSaisie, source: FicheSource): ErreurSaisie {
  const problemes: ProblemeSaisie[] = e.problemes.map((p) => {
    if (p.fichier) return p;
    const chemin = [...source.chemin, ...(p.champ ? cheminDepuisTexte(p.champ) : [])];
    return {
      ...p,
      fichier: source.doc.fichier,
      ligne: source.doc.ligneDe(chemin),
      champ: chemin.length ? texteChemin(chemin) : undefined,
    };
  });
  return new ErreurSaisie(problemes);
}

function texteChemin(chemin: PropertyKey[]): string {
  return chemin.map((k, i) => (typeof k === "number" ? `[${k}]` : (i ? "." : "") + String(k))).join("");
}
