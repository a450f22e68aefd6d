// The financing plan, normalised: which scheme each line pays under, on which expenses, under which
// regime, and how much of it counts as State aid (docs/domaine.md §2 « Financeurs génériques » and §3).
import { ZERO, type Dec } from "./argent.js";
import { ErreurSaisie, type ProblemeSaisie } from "./erreurs.js";
import type { Motif } from "./modele.js";
import { preparation, type Referentiel } from "./regles/referentiel.js";
import {
  FINANCEURS_PRIVES,
  FINANCEURS_PUBLICS,
  type Forme,
  type Regime,
  type Reglement,
} from "./schemas/communs.js";
import type { Fiche } from "./schemas/fiche.js";
import type { Regle } from "./schemas/regle.js";
import { vouliezVousDire } from "./suggestion.js";

export interface Ligne {
  /** Position in `financements`, for messages. */
  index: number;
  financeur: string;
  /** The dispositif the line pays under: the financer itself, or the line's `dispositif`. */
  dispositif: Regle | null;
  prive: boolean;
  regime: Regime | "fiscal" | null;
  forme: Forme;
  montant: Dec;
  /** What counts as aid: the amount, or the gross grant equivalent of a loan, advance or guarantee. */
  aide: Dec;
  /** Whether it is State aid (counts in cumul, de minimis, transparency). */
  aideEtat: boolean;
  /** Whether the line gives its gross grant equivalent (`equivalent_subvention`). */
  avecEquivalentSubvention: boolean;
  depenses: string[];
  dateOctroi: string | null;
  reglement: Reglement;
}

/**
 * An object literal that must name every field of T, optional ones included: a copy written field by
 * field (for V8, one shape) cannot then drop a field added to T later — tsc refuses it.
 */
export type ChampParChamp<T> = { [K in keyof Required<T>]: T[K] };

/**
 * The line at another amount and aid, its fields written in the order of `normaliserLignes`: every line
 * then has one shape (a spread copy gets another, and the controls reading lines were compiled again
 * and again, issue 20).
 */
export function ligneAvec(l: Ligne, montant: Dec, aide: Dec): Ligne {
  const copie: ChampParChamp<Ligne> = {
    index: l.index,
    financeur: l.financeur,
    dispositif: l.dispositif,
    prive: l.prive,
    regime: l.regime,
    forme: l.forme,
    montant,
    aide,
    aideEtat: l.aideEtat,
    avecEquivalentSubvention: l.avecEquivalentSubvention,
    depenses: l.depenses,
    dateOctroi: l.dateOctroi,
    reglement: l.reglement,
  };
  return copie;
}

export function libelleLigne(l: Ligne): string {
  return l.dispositif && l.dispositif.id !== l.financeur
    ? `${l.financeur} (${l.dispositif.id})`
    : l.financeur;
}

/** Checks that every financer, dispositif and expense named exists; refuses the fiche otherwise. */
export function verifierReferences(fiche: Fiche, ref: Referentiel): void {
  const problemes: ProblemeSaisie[] = [];
  const { ids, financeurs } = preparation(ref);
  const depenses = fiche.depenses.map((d) => d.id);
  const vus = new Set<string>();
  fiche.depenses.forEach((d, i) => {
    if (vus.has(d.id))
      problemes.push({
        champ: `depenses[${i}].id`,
        message: `identifiant de dépense « ${d.id} » en double dans la fiche`,
      });
    vus.add(d.id);
    d.dispositifs?.forEach((id, j) => {
      if (!ref.dispositifs.has(id))
        problemes.push({
          champ: `depenses[${i}].dispositifs[${j}]`,
          message: `dispositif inconnu « ${id} »${vouliezVousDire(id, ids)} ; la liste : ti-aides regles`,
        });
    });
  });
  fiche.financements?.forEach((f, i) => {
    if (!financeurs.includes(f.financeur)) {
      problemes.push({
        champ: `financements[${i}].financeur`,
        message: `financeur inconnu « ${f.financeur} »${vouliezVousDire(f.financeur, financeurs)} ; un identifiant de dispositif ou : ${[...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES].join(", ")}`,
      });
    }
    if (f.dispositif && !ref.dispositifs.has(f.dispositif)) {
      problemes.push({
        champ: `financements[${i}].dispositif`,
        message: `dispositif inconnu « ${f.dispositif} »${vouliezVousDire(f.dispositif, ids)}`,
      });
    }
    f.depenses?.forEach((id, j) => {
      if (!depenses.includes(id))
        problemes.push({
          champ: `financements[${i}].depenses[${j}]`,
          message: `dépense inconnue « ${id} »${vouliezVousDire(id, depenses)} ; dépenses de la fiche : ${depenses.join(", ")}`,
        });
    });
  });
  if (fiche.beneficiaire.nature === "association" && fiche.beneficiaire.activite_economique === undefined) {
    problemes.push({
      champ: "beneficiaire.activite_economique",
      message:
        "obligatoire pour une association : l'activité aidée est-elle économique (offre de biens ou services sur un marché) ? true ou false",
    });
  }
  if (problemes.length) throw new ErreurSaisie(problemes);
}

/**
 * Normalises the financing lines. `selectionnes` gives, per expense, the dispositifs evaluated on
 * it by its list or by default: a dispositif line without `depenses` covers those expenses.
 */
export function normaliserLignes(
  fiche: Fiche,
  ref: Referentiel,
  selectionnes: Map<string, Set<string>>,
  motifs: Motif[],
): Ligne[] {
  // By push, not `map`: once optimized, `map` gives a holey array, and the lines' `depenses` would be of
  // two kinds, each one more compilation of the controls that read them (issue 20).
  // The lines themselves too: the controls and the margins read `lignes` in every fiche with a plan.
  const toutes: string[] = [];
  for (const d of fiche.depenses) toutes.push(d.id);
  const lignes: Ligne[] = [];
  const financements = fiche.financements ?? [];
  for (let index = 0; index < financements.length; index++) {
    const f = financements[index];
    const regleFinanceur = ref.dispositifs.get(f.financeur) ?? null;
    const dispositif = f.dispositif ? ref.dispositifs.get(f.dispositif)! : regleFinanceur;
    const prive = (FINANCEURS_PRIVES as readonly string[]).includes(f.financeur);
    const forme: Forme = f.forme ?? "subvention";
    let depenses = f.depenses ?? toutes;
    if (!f.depenses && dispositif) {
      const couvertes = toutes.filter((id) => selectionnes.get(id)?.has(dispositif.id));
      if (couvertes.length) depenses = couvertes;
    }
    let regime: Ligne["regime"] = null;
    if (!prive) {
      if (f.regime) regime = f.regime;
      else if (regleFinanceur) regime = regleFinanceur.regime_defaut;
      else if (dispositif && dispositif.regime_defaut !== "fiscal") regime = dispositif.regime_defaut;
      else {
        regime = "rgec";
        motifs.push({
          code: "regime_a_confirmer",
          niveau: "avertissement",
          message: `Financement n°${index + 1} (${f.financeur}) : régime non précisé, le RGEC est retenu ; confirmez-le avec « regime: rgec », « de_minimis » ou « hors_aide_etat ».`,
          source: "Règlement (UE) 651/2014 (RGEC) ; Guide TI V5, annexe 2",
        });
      }
    }
    if (regime === "fiscal") {
      motifs.push({
        code: "mesure_fiscale_financement",
        niveau: "avertissement",
        message: `Financement n°${index + 1} (${f.financeur}) : une mesure fiscale n'est pas une ligne de financement ; elle est exclue des contrôles d'aide.`,
        source: dispositif?.source ?? null,
      });
    }
    const aideEtat =
      !prive &&
      regime !== "hors_aide_etat" &&
      regime !== "fiscal" &&
      (dispositif?.aide_etat ?? true) &&
      (regleFinanceur?.aide_etat ?? true);
    let aide = f.montant;
    if (aideEtat && forme !== "subvention" && !["fonds_propres", "quasi_fonds_propres"].includes(forme)) {
      if (f.equivalent_subvention !== undefined) aide = f.equivalent_subvention;
      else {
        motifs.push({
          code: "esb_manquant",
          niveau: "avertissement",
          message: `Financement n°${index + 1} (${f.financeur}, ${forme}) : sans equivalent_subvention, l'aide est comptée à son montant nominal, ce qui la surestime.`,
          source: "Règlement (UE) 651/2014, art. 5 (transparence des aides)",
        });
      }
    }
    lignes.push({
      index,
      financeur: f.financeur,
      dispositif,
      prive,
      regime,
      forme,
      montant: f.montant,
      aide: aideEtat ? aide : ZERO,
      aideEtat,
      avecEquivalentSubvention: f.equivalent_subvention !== undefined,
      depenses,
      dateOctroi: f.date_octroi ?? fiche.date_demande ?? null,
      reglement: f.reglement ?? "general",
    });
  }
  return lignes;
}
