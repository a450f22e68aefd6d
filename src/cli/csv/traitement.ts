// One CSV row evaluated: read into a fiche, validated and evaluated like any fiche file
// (evaluerSource); a bad row becomes a row in error, with its line and column, and the batch goes on.
// The result is plain data, so a worker thread can compute it as well as the main thread.
import { cheminTexte, formaterProbleme, type ProblemeSaisie } from "../../core/erreurs.js";
import { evaluerSource } from "../../core/fiche-lue.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { ficheEnErreur, ficheJson } from "../../core/document-json.js";
import { catalogue, type PlanColonnes } from "./entetes.js";
import { categoriesConnues, colonneDuChamp, ficheDeLigne } from "./ligne-vers-fiche.js";
import { direAuTableur, evaluationPourTableur, type NommerColonne } from "./consignes.js";
import { anomalies, cellulesResultat } from "./resultats.js";
import { resultatClasseur, type ResultatClasseur } from "../classeur/resultat.js";

export type FormatLot = "csv" | "jsonl" | "json" | "xlsx";
/** sans_plan: read and evaluated, but without financing plan there is nothing to find compliant. */
export type Statut = "conforme" | "non_conforme" | "sans_plan" | "en_erreur";

/** What every row of one file shares (serialisable, except the rules each thread loads). */
export interface ParametresLot {
  plan: PlanColonnes;
  fichier: string;
  format: FormatLot;
  date?: string;
  /** Decimal separator of the amounts written in CSV cells. */
  separateurDecimal: string;
  /** The summary on a terminal (rendu/lot.ts) is written: each row's first anomaly is kept. */
  resume?: boolean;
}

export interface ContexteLot extends ParametresLot {
  ref: Referentiel;
  /** Field path → its canonical header: errors name the column that would hold it. */
  nomsDesChamps: Map<string, string>;
  dispositifs: string[];
  categories: string[];
}

export function contexteLot(p: ParametresLot, ref: Referentiel): ContexteLot {
  const nomsDesChamps = new Map<string, string>();
  for (const c of catalogue(ref).values())
    if (c.sorte === "champ") nomsDesChamps.set(cheminTexte(c.chemin), c.nom);
  return {
    ...p,
    ref,
    nomsDesChamps,
    dispositifs: [...ref.dispositifs.keys()],
    categories: categoriesConnues(ref),
  };
}

export interface Enregistrement {
  cellules: string[];
  /** The row's number in the spreadsheet (header = 1). */
  ligne: number;
}

export interface LigneTraitee {
  ligne: number;
  statut: Statut;
  /**
   * CSV: the result cells (the writer puts the row's own cells before them: it has them, a worker need
   * not send them back); JSON formats: the fiche object's JSON text; xlsx: none.
   */
  rendu: string[] | string;
  /** The row's cells, joined again by the thread that read them (lot.ts), for the CSV writer. */
  cellules?: string[];
  /** xlsx: the result cells and what the workbook's other sheets need (the input cells stay in it). */
  classeur?: ResultatClasseur;
  /** The row's mistakes, with file, line and column (for standard error). */
  problemes: ProblemeSaisie[];
  /** For the summary on a terminal (rendu/lot.ts): the fiche's id and its first anomaly or error. */
  id: string;
  premiereAnomalie?: string;
}

export function traiterLigne({ cellules, ligne }: Enregistrement, c: ContexteLot): LigneTraitee {
  const { donnees, colonnes, problemes } = ficheDeLigne(cellules, c.plan, c.dispositifs, c.categories);
  const ev = evaluerSource(
    { doc: { fichier: c.fichier, donnees, ligneDe: () => ligne }, chemin: [] },
    c.ref,
    // CSV cells show only the anomalies: the other controls' messages are not written (issue 20).
    { date: c.date, messages: c.format === "csv" ? "anomalies" : undefined },
  );
  const id = typeof donnees.id === "string" ? donnees.id : undefined;
  const lieu = { fichier: c.fichier, ligne, idFiche: id };
  // Name columns, not fields: "colonne « Montant »" rather than "depenses[0].montant".
  const enColonne = (p: ProblemeSaisie): ProblemeSaisie => {
    const { champ, ...reste } = p;
    return { ...reste, ...lieu, colonne: p.colonne ?? colonneDuChamp(champ, colonnes, c.nomsDesChamps) };
  };
  // Filled by push, not map and spread: an array made by an optimised map is "holey", and traiterLigne,
  // having seen both kinds, was compiled anew (docs/performance.md, s6-entree).
  const lues: ProblemeSaisie[] = [];
  for (const p of problemes) lues.push(enColonne(p));
  const erreurs = lues.slice();
  // A cell already reported unreadable is not reported again by the schema.
  for (const p of ev.erreur?.problemes ?? []) {
    const q = enColonne(p);
    if (!lues.some((l) => l.colonne !== undefined && l.colonne === q.colonne)) erreurs.push(q);
  }

  const nommer: NommerColonne = (champ) => colonneDuChamp(champ, colonnes, c.nomsDesChamps);
  // CSV cells show only the anomalies: their messages are told to the user as they are written
  // (anomalies), not every message of the evaluation; the other formats write them all.
  const dire = c.format === "csv" && !erreurs.length ? direAuTableur(nommer) : undefined;
  const evaluation = erreurs.length
    ? ficheEnErreur(id ?? `ligne ${ligne}`, ev.evaluation.date_evaluation, erreurs.map(formaterProbleme))
    : dire
      ? ev.evaluation
      : evaluationPourTableur(ev.evaluation, nommer);
  const statut: Statut = erreurs.length
    ? "en_erreur"
    : evaluation.controles.length === 0
      ? "sans_plan"
      : evaluation.conforme === false
        ? "non_conforme"
        : "conforme";
  if (c.format === "xlsx")
    return {
      ligne,
      statut,
      rendu: [],
      classeur: resultatClasseur(evaluation, erreurs.length ? undefined : ev.fiche, c.plan),
      problemes: erreurs,
      id: id ?? `ligne ${ligne}`,
    };
  const rendu =
    c.format === "csv"
      ? cellulesResultat(evaluation, erreurs.length ? undefined : ev.fiche, c.plan, c.separateurDecimal, dire)
      : JSON.stringify(ficheJson(evaluation));
  const premiereAnomalie = !c.resume
    ? undefined
    : erreurs.length
      ? // the row and file are the summary's own: the column and the mistake
        `${erreurs[0].colonne ? `colonne « ${erreurs[0].colonne} » : ` : ""}${erreurs[0].message}`
      : anomalies(evaluation, dire)[0];
  return { ligne, statut, rendu, problemes: erreurs, id: id ?? `ligne ${ligne}`, premiereAnomalie };
}
