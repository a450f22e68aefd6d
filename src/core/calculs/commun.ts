// What every kind of calculation takes and gives, what its module declares (`SorteCalcul`), and the
// reading of a dated parameter.
import type { Dec } from "../argent.js";
import type { Entrees } from "../champs.js";
import { motifAVerifier } from "../actualite.js";
import { dateFr } from "../dates.js";
import type { Etape, Motif, Resultat } from "../modele.js";
import { valeurA, type Lecture, type Parametre } from "../parametres.js";
import type { Fiche } from "../schemas/fiche.js";
import type { Regle } from "../schemas/regle.js";

export interface EntreeCalcul extends Entrees {
  regle: Regle;
  date: string;
  /** Whether a renderer shows the reasoning steps (`OptionsEvaluation.etapes`): else none is written. */
  etapes?: boolean;
}

export interface SortieCalcul {
  /** false when the calculation itself rules the expense out (e.g. a category with no row). */
  eligible: boolean;
  assiette: Dec | null;
  taux: Dec | null;
  plafond: Dec | null;
  intensite: Dec | null;
  details: Record<string, string | number | boolean | null>;
  motifs: Motif[];
  /**
   * The reasoning steps, null when no renderer asked for them (`OptionsEvaluation.etapes`): a step is
   * then written as `s.etapes?.push({…})`, whose texts are not even built (issue 20).
   */
  etapes: Etape[] | null;
}

/** An input field a rule reads, with where it stands in the rule file (for the rule checks). */
export interface ChampLu {
  champ: string;
  chemin: PropertyKey[];
}

/** What a fiche-level pass of a kind works on: one rule, and the fiche's results under it. */
export interface PasseFiche<C> {
  regle: Regle;
  calcul: C;
  /** The results of this rule, in the fiche's order; a pass changes them in place. */
  resultats: Resultat[];
  fiche: Fiche;
  date: string;
  /** Whether the reasoning steps are written (`OptionsEvaluation.etapes`). */
  etapes: boolean;
}

/**
 * A kind of calculation, one module each, registered in calculs/index.ts: the engine, the rule
 * checks, `ti-aides regles` and the interactive mode ask it, never the kind's name.
 */
export interface SorteCalcul<C> {
  /** What it does, in a sentence (`ti-aides regles`). */
  description: string;
  calculer(c: C, e: EntreeCalcul): SortieCalcul;
  /** The input fields its `calcul:` reads (each must exist in a fiche). */
  champsLus?(c: C): ChampLu[];
  /** Its table by category (each category of the rule needs a row), with where it stands. */
  tableParCategorie?(c: C): { chemin: string; lignes: string[] } | undefined;
  /** It gives no amount, only eligibility (the list of `ti-aides regles` says so). */
  sansMontant?: boolean;
  /** Its figure is a tax deduction, not an aid (`fiscal` in the result). */
  fiscal?: boolean;
  /** A ceiling binds the sum over the fiche's expenses: the `plafond` control sums them. */
  plafondSurLaFiche?(c: C): boolean;
  /** Whether the form of the aid changes its figure (the interactive mode then asks it). */
  dependDeLaForme?(c: C): boolean;
  /** What `ti-aides regles` adds after the description: a text, and the same for JSON. */
  precisions?(c: C): { texte: string; json: Record<string, unknown> };
  /** Fiche-level pass once every expense is calculated, before the amounts asked are counted. */
  passeAvantDemandes?(p: PasseFiche<C>): void;
  /** Fiche-level pass once the amounts asked are known. */
  passeApresDemandes?(p: PasseFiche<C>): void;
}

/** Nothing calculated yet; `e.etapes`: the reasoning steps are written. */
export function sortieVide(e?: EntreeCalcul): SortieCalcul {
  return {
    eligible: true,
    assiette: null,
    taux: null,
    plafond: null,
    intensite: null,
    details: {},
    motifs: [],
    etapes: e?.etapes ? [] : null,
  };
}

/**
 * The value of a dated parameter at the evaluation date; warns when the date is outside its validity,
 * and when its last check is more than a year old (`a_verifier`, docs/domaine.md §0).
 */
export function lire<T>(p: Parametre<T>, date: string, motifs: Motif[]): Lecture<T> {
  const v = valeurA(p, date);
  if (v.hors_periode === "avant") {
    motifs.push({
      code: "date_avant_vigueur",
      niveau: "avertissement",
      message: `Date d'évaluation ${dateFr(date)} antérieure à la première valeur connue (${dateFr(v.depuis)}) : cette valeur est appliquée faute d'antérieure.`,
      source: v.source,
    });
  } else if (v.hors_periode === "apres") {
    motifs.push({
      code: "date_apres_vigueur",
      niveau: "avertissement",
      message: `Date d'évaluation ${dateFr(date)} postérieure à la fin de validité (${dateFr(v.jusqu_au!)}) de cette valeur : vérifiez qu'elle s'applique encore.`,
      source: v.source,
    });
  }
  const actualite = motifAVerifier(v, date);
  if (actualite) motifs.push(actualite);
  if (v.a_confirmer) {
    motifs.push({
      code: "valeur_a_confirmer",
      niveau: "avertissement",
      message: `Valeur à confirmer au texte : ${v.note ?? v.source}.`,
      source: v.source,
    });
  }
  return v;
}
