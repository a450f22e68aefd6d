// One CSV row evaluated: read into a fiche, validated and evaluated like any fiche file
// (evaluerSource); a bad row becomes a row in error, with its line and column, and the batch goes on.
// The result is plain data, so a worker thread can compute it as well as the main thread.
import { cheminTexte, formaterProbleme, type ProblemeSaisie } from "../../core/erreurs.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { ficheEnErreur, ficheJson } from "../../core/sortie-json.js";
import { evaluerSource } from "../evaluation.js";
import { catalogue, type PlanColonnes } from "./entetes.js";
import { categoriesConnues, ficheDeLigne } from "./ligne-vers-fiche.js";
import { cellulesResultat } from "./resultats.js";

export type FormatLot = "csv" | "jsonl" | "json";
export type Statut = "conforme" | "non_conforme" | "en_erreur";

/** What every row of one file shares (serialisable, except the rules each thread loads). */
export interface ParametresLot {
  plan: PlanColonnes;
  fichier: string;
  format: FormatLot;
  date?: string;
  /** Decimal separator of the amounts written in CSV cells. */
  separateurDecimal: string;
}

export interface ContexteLot extends ParametresLot {
  ref: Referentiel;
  /** Field path → the header of its column in this file, else its canonical header: errors name it. */
  nomsDesChamps: Map<string, string>;
  dispositifs: string[];
  categories: string[];
}

export function contexteLot(p: ParametresLot, ref: Referentiel): ContexteLot {
  const nomsDesChamps = new Map<string, string>();
  for (const c of catalogue(ref).values()) if (c.sorte === "champ") nomsDesChamps.set(cheminTexte(c.chemin), c.nom);
  for (const { cible, entete } of p.plan.colonnes) if (cible?.sorte === "champ") nomsDesChamps.set(cheminTexte(cible.chemin), entete);
  return { ...p, ref, nomsDesChamps, dispositifs: [...ref.dispositifs.keys()], categories: categoriesConnues(ref) };
}

export interface Enregistrement {
  cellules: string[];
  /** Line of the file where the row starts. */
  ligne: number;
}

export interface LigneTraitee {
  ligne: number;
  statut: Statut;
  /** CSV: the row's cells then the result cells; JSON formats: the fiche object's JSON text. */
  sortie: string[] | string;
  /** The row's mistakes, with file, line and column (for standard error). */
  problemes: ProblemeSaisie[];
}

export function traiterLigne({ cellules, ligne }: Enregistrement, c: ContexteLot): LigneTraitee {
  const largeur = c.plan.colonnes.length;
  const lieu = { fichier: c.fichier, ligne };
  const { donnees, colonnes, problemes } = ficheDeLigne(cellules, c.plan, c.dispositifs, c.categories);
  const enTrop = cellules.slice(largeur).filter((x) => x.trim() !== "");
  if (enTrop.length) {
    problemes.push({ message: `${enTrop.length} cellule(s) au-delà de la dernière colonne d'en-tête (« ${enTrop[0].slice(0, 40)} »…) : un séparateur en trop décale-t-il la ligne ?` });
  }
  const ev = evaluerSource({ doc: { fichier: c.fichier, donnees, ligneDe: () => ligne }, chemin: [] }, c.ref, { date: c.date });
  // Name columns, not fields: "champ « Montant »" rather than "depenses[0].montant".
  const nommer = (champ?: string) => (champ === undefined ? undefined : (colonnes.get(champ) ?? c.nomsDesChamps.get(champ) ?? champ));
  const deLaFiche = (ev.erreur?.problemes ?? []).map((p) => ({ ...p, champ: nommer(p.champ) }));
  const lues = problemes.map((p) => ({ ...lieu, ...p }));
  const erreurs = [...lues, ...deLaFiche.filter((p) => !lues.some((q) => q.champ !== undefined && q.champ === p.champ))];

  let evaluation = ev.evaluation;
  if (erreurs.length) {
    const id = typeof donnees.id === "string" ? donnees.id : `ligne ${ligne}`;
    evaluation = ficheEnErreur(id, ev.evaluation.date_evaluation, erreurs.map(formaterProbleme));
  }
  const statut: Statut = erreurs.length ? "en_erreur" : evaluation.conforme === false ? "non_conforme" : "conforme";
  const sortie = c.format === "csv"
    ? [...Array.from({ length: largeur }, (_, i) => cellules[i] ?? ""), ...cellulesResultat(evaluation, erreurs.length ? undefined : ev.fiche, c.plan, c.separateurDecimal)]
    : JSON.stringify(ficheJson(evaluation));
  return { ligne, statut, sortie, problemes: erreurs };
}
