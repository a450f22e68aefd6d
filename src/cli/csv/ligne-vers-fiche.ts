// One CSV row → the raw data of a fiche (as a YAML file would give it), for the fiche schema to
// validate: identity and beneficiary columns, one expense, one financing line per financer column.
import { lireMontant } from "../../core/argent.js";
import { cheminTexte, type ProblemeSaisie } from "../../core/erreurs.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { lireCellule, lireChoix } from "./cellules.js";
import { ID_DEPENSE, type Colonne, type PlanColonnes } from "./entetes.js";

export interface FicheDeLigne {
  donnees: Record<string, unknown>;
  /** Field path ("depenses[0].montant") → the header of the column it comes from. */
  colonnes: Map<string, string>;
  /** Cells that could not be read (champ: their header). */
  problemes: ProblemeSaisie[];
}

type Objet = Record<string, unknown>;

/** "depenses[0].montant" for a column's field, computed once per column (every row asks). */
const textesDesChemins = new WeakMap<object, string>();
function texteDuChemin(cible: { chemin: readonly (string | number)[] }): string {
  let t = textesDesChemins.get(cible);
  if (t === undefined) textesDesChemins.set(cible, (t = cheminTexte(cible.chemin)));
  return t;
}

function placer(racine: Objet, chemin: readonly (string | number)[], valeur: unknown): void {
  let o: Objet = racine;
  for (let i = 0; i < chemin.length - 1; i++) {
    const k = chemin[i];
    if (o[k] === undefined) o[k] = typeof chemin[i + 1] === "number" ? [] : {};
    o = o[k] as Objet;
  }
  o[chemin[chemin.length - 1]] = valeur;
}

/** The rules' expense categories, that a `categorie` cell may name as a person writes them. */
export function categoriesConnues(ref: Referentiel): string[] {
  return [...new Set([...ref.dispositifs.values()].flatMap((r) => r.s_applique_a.categories ?? []))];
}

/**
 * `dispositifs` and `categories` (categoriesConnues): the ids a cell may name as a person writes
 * them ("ADEME investissement", "Économies d'énergie").
 */
export function ficheDeLigne(cellules: readonly string[], plan: PlanColonnes, dispositifs: readonly string[], categories: readonly string[] = []): FicheDeLigne {
  const donnees: Objet = { beneficiaire: {}, depenses: [{ id: ID_DEPENSE }] };
  const colonnes = new Map<string, string>();
  const problemes: ProblemeSaisie[] = [];
  const financements: Objet[] = [];
  const modalites: { colonne: Colonne; texte: string }[] = [];

  for (const colonne of plan.colonnes) {
    const cible = colonne.cible;
    const texte = (cellules[colonne.index] ?? "").trim();
    if (cible === null || texte === "") continue;
    switch (cible.sorte) {
      case "champ": {
        const lu = cible.nom === "categorie" ? { ok: true as const, valeur: lireChoix(texte, categories) } : lireCellule(texte, cible.type);
        if (lu.ok) placer(donnees, cible.chemin, lu.valeur);
        else problemes.push({ champ: colonne.entete, message: lu.message });
        colonnes.set(texteDuChemin(cible), colonne.entete);
        break;
      }
      case "dispositif": {
        // "ademe-investissement" or several: "ademe-etudes, bdt-ingenierie"; written as a person writes it.
        const choisis = texte.split(/[,;+]/).map((t) => t.trim()).filter(Boolean).map((t) => lireChoix(t, dispositifs));
        placer(donnees, ["depenses", 0, "dispositifs"], choisis);
        colonnes.set("depenses[0].dispositifs", colonne.entete);
        choisis.forEach((_, j) => colonnes.set(`depenses[0].dispositifs[${j}]`, colonne.entete));
        break;
      }
      case "financeur": {
        // An empty or zero amount: the financer gives nothing, no line.
        if (!/[1-9]/.test(texte)) {
          const m = lireMontant(texte);
          if (m.ok && m.valeur.isZero()) break;
        }
        const i = financements.length;
        financements.push({ financeur: cible.financeur, montant: texte });
        for (const champ of ["", ".montant", ".financeur"]) colonnes.set(`financements[${i}]${champ}`, colonne.entete);
        break;
      }
      default:
        modalites.push({ colonne, texte });
    }
  }
  // regime_<financer> and forme_<financer>: on that financer's line, when it has one.
  for (const { colonne, texte } of modalites) {
    const cible = colonne.cible!;
    if (cible.sorte !== "regime" && cible.sorte !== "forme") continue;
    const i = financements.findIndex((f) => f.financeur === cible.financeur);
    if (i < 0) continue;
    const lu = lireCellule(texte, cible.type);
    if (lu.ok) financements[i][cible.sorte] = lu.valeur;
    colonnes.set(`financements[${i}].${cible.sorte}`, colonne.entete);
  }
  if (financements.length) donnees.financements = financements;
  return { donnees, colonnes, problemes };
}
