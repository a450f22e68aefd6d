// What the rules tell a fiche's author, said to a spreadsheet's user: a financing line is a
// financer's column ("colonne « Région »", not "Financement n°2 (region)"), and what to confirm is
// written in a column ("dans la colonne « Régime Région »", not "regime: rgec").
import type { EvaluationFiche, Motif } from "../../core/modele.js";
import { cheminTexte } from "../../core/erreurs.js";
import { ID_DEPENSE, type PlanColonnes } from "./entetes.js";

/** Field path → the column it is read from (colonneDuChamp). */
export type NommerColonne = (champ: string) => string | undefined;

const REGIME_A_CONFIRMER =
  /^Financement n°(\d+) \(([^)]+)\) : (régime non précisé, le RGEC est retenu) ; confirmez-le avec .*$/;
/**
 * A message about one of the row's own financing lines starts with it: "Financement n°2 (region)",
 * "Financement n°1 (region, avance_remboursable)", "Financement n°3". (Further in a message, a
 * "financement n°" may be another fiche's: left as it is.)
 */
const FINANCEMENT = /^Financement n°(\d+)(?: \(([^),]*)(, [^)]*)?\))?/;

const parPlan = new WeakMap<PlanColonnes, Map<string, string>>();

/** The file's own headers by field path (for the result cells, which are not read from a row). */
export function nommerParEntetes(plan: PlanColonnes): NommerColonne {
  let noms = parPlan.get(plan);
  if (!noms) {
    noms = new Map();
    for (const c of plan.colonnes)
      if (c.cible?.sorte === "champ") noms.set(cheminTexte(c.cible.chemin), c.entete);
    parPlan.set(plan, noms);
  }
  return (champ) => noms.get(champ);
}

/** A row's one expense: « la dépense de la ligne (colonne « Montant ») », with the file's header. */
export function nomDeLaDepense(nommer: NommerColonne): string {
  return `la dépense de la ligne (colonne « ${nommer("depenses[0].montant") ?? "montant"} »)`;
}

/**
 * A row's one expense has an id of ti-aides's own (ID_DEPENSE): never shown as « depense ». It is the
 * row's expense, named by the column of its amount; the fields a message asks for, by their column.
 * Each replacement is made, and its column looked up, only when the message holds what it replaces
 * (every row tells its margins and anomalies): a replacement of what is absent changes nothing.
 */
export function depenseEnColonnes(message: string, nommer: NommerColonne): string {
  let dit = message;
  if (message.includes(`« ${ID_DEPENSE} »`)) {
    const depense = nomDeLaDepense(nommer);
    dit = dit
      .replaceAll(`Dépense « ${ID_DEPENSE} »`, depense[0].toUpperCase() + depense.slice(1))
      .replaceAll(`sur « ${ID_DEPENSE} »`, `sur ${depense}`);
  }
  const colonne = (champ: string) => nommer(`depenses[0].${champ}`) ?? champ;
  if (dit.includes("taux_max")) {
    const tauxMax = colonne("taux_max");
    const ouTauxMax =
      tauxMax === "taux_max"
        ? "la colonne « taux_max » (ajoutez-la au tableau si elle n'y est pas)"
        : `la colonne « ${tauxMax} »`;
    dit = dit
      .replace(
        "indiquez taux_max sur la dépense (l'intensité du régime d'aide appliqué)",
        `indiquez l'intensité du régime d'aide appliqué dans ${ouTauxMax}`,
      )
      .replace("sans intensité maximale (taux_max)", `sans intensité maximale (colonne « ${tauxMax} »)`);
  }
  if (dit.includes("précisez « categorie » ou « dispositifs »"))
    dit = dit.replace(
      "précisez « categorie » ou « dispositifs »",
      // the dispositif column, when this is said, is empty or absent: its canonical header
      `précisez la colonne « ${colonne("categorie")} » ou « dispositif »`,
    );
  return dit;
}

/** A message for a CSV user; unchanged when it says nothing of YAML. */
export function messagePourTableur(brut: string, code: string | undefined, nommer: NommerColonne): string {
  const message = depenseEnColonnes(brut, nommer);
  const regime = code === "regime_a_confirmer" ? REGIME_A_CONFIRMER.exec(message) : null;
  if (regime) {
    const i = Number(regime[1]) - 1;
    const financeur = nommer(`financements[${i}]`) ?? regime[2];
    const canonique = `regime_${regime[2]}`;
    const colonne = nommer(`financements[${i}].regime`) ?? canonique;
    // No such column in the file yet (ligne-vers-fiche names it by its canonical header): to add.
    const ou =
      colonne === canonique
        ? `une colonne « Régime ${financeur} » à ajouter au tableau`
        : `la colonne « ${colonne} »`;
    return `Colonne « ${financeur} » : ${regime[3]} ; confirmez-le en écrivant RGEC, de minimis ou hors aide d'État dans ${ou}.`;
  }
  if (!message.startsWith("Financement n°")) return message;
  return message.replace(
    FINANCEMENT,
    (tout, n: string, _financeur: string | undefined, precision: string | undefined) => {
      const colonne = nommer(`financements[${Number(n) - 1}]`);
      return colonne === undefined
        ? tout
        : `Colonne « ${colonne} »${precision ? ` (${precision.slice(2)})` : ""}`;
    },
  );
}

/** A message of the evaluation (a motif's with its code) → as told to a CSV user. */
export type DireAuTableur = (message: string, code?: string) => string;

export function direAuTableur(nommer: NommerColonne): DireAuTableur {
  return (message, code) => messagePourTableur(message, code, nommer);
}

/**
 * Each item with its message told (`avecCode`: a motif, whose code says what it is); the same array
 * when none changes. Each message is read once: every row asks, for every message.
 */
function direChacun<T extends { message: string; code?: string }>(
  xs: T[],
  dire: DireAuTableur,
  avecCode: boolean,
): T[] {
  let dits: T[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const message = dire(x.message, avecCode ? x.code : undefined);
    if (message !== x.message) (dits ??= xs.slice())[i] = { ...x, message };
  }
  return dits ?? xs;
}

/** The evaluation with its messages told to a CSV user (the same object when none changes: every row asks). */
export function evaluationPourTableur(e: EvaluationFiche, nommer: NommerColonne): EvaluationFiche {
  const dire = direAuTableur(nommer);
  const controles = direChacun(e.controles, dire, false);
  let resultats: EvaluationFiche["resultats"] | undefined;
  for (let i = 0; i < e.resultats.length; i++) {
    const r = e.resultats[i];
    const motifs = direChacun<Motif>(r.motifs, dire, true);
    if (motifs !== r.motifs) (resultats ??= e.resultats.slice())[i] = { ...r, motifs };
  }
  const propres = direChacun<Motif>(e.motifs, dire, true);
  return propres === e.motifs && controles === e.controles && resultats === undefined
    ? e
    : { ...e, motifs: propres, controles, resultats: resultats ?? e.resultats };
}
