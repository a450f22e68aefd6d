// What an evaluation produces: results per (dispositif, expense), controls, and their reasons.
import type { Dec } from "./argent.js";
import type { Taille } from "./schemas/communs.js";

export type Niveau = "info" | "avertissement" | "erreur";

/** A reason: why a figure is what it is, or what the user must know or change. */
export interface Motif {
  code: string;
  niveau: Niveau;
  message: string;
  source: string | null;
  /** `a_verifier`: the date the figures were last checked (docs/domaine.md §0 « Validité et actualité »). */
  verifie_le?: string;
}

/** One step of the reasoning, for `expliquer`: what was read or computed, its figure, its source. */
export interface Etape {
  libelle: string;
  valeur?: string;
  source?: string;
}

export type Origine = "liste" | "defaut" | "financement";

export interface Resultat {
  dispositif: string;
  depense: string;
  eligible: boolean;
  assiette: Dec | null;
  taux: Dec | null;
  plafond: Dec | null;
  demande: Dec | null;
  depassement: Dec | null;
  details: Record<string, string | number | boolean | null>;
  motifs: Motif[];
  /** Why it was evaluated: named by the expense, applies by default, or asked by a financing line. */
  origine: Origine;
  /** A tax deduction (suramortissement): `plafond` is the extra deduction, not an aid (second edition). */
  fiscal?: boolean;
  /** taux × assiette, before the amount caps: the intensity ceiling the cumul control uses. */
  intensite: Dec | null;
  /** The reasoning steps: written only when asked (`evaluerFiche(…, { etapes: true })`), else empty. */
  etapes: Etape[];
}

export type NomControle =
  | "plafond"
  | "equilibre"
  | "cumul"
  | "de_minimis"
  | "transparence"
  | "effet_incitatif"
  | "cofinancement"
  | "parite"
  | "participation_minimale";

export interface Controle {
  controle: NomControle;
  portee: string;
  conforme: boolean | null;
  valeur: Dec | null;
  limite: Dec | null;
  message: string;
  source: string | null;
  /** de_minimis */
  reglement?: string;
  periode_debut?: string;
  periode_fin?: string;
  disponible?: Dec;
  /** transparence */
  publication_requise?: boolean;
  /** de_minimis: `comptees`, the regulations summed under this ceiling (second edition). */
  details?: { comptees: string[] };
}

export interface BeneficiaireEvalue {
  taille: Taille | null;
  taille_source: "calculee" | "declaree" | "effectif_seul" | "par_defaut" | null;
  categorie_entreprise: "PME" | "ETI" | "GE" | null;
  activite_economique: boolean;
  /** The key of the single undertaking for de minimis. */
  entreprise_unique: string;
  motifs: Motif[];
  /** The reasoning steps: written only when asked (`evaluerFiche(…, { etapes: true })`), else empty. */
  etapes: Etape[];
}

export interface EvaluationFiche {
  id: string;
  date_evaluation: string;
  beneficiaire: BeneficiaireEvalue | null;
  resultats: Resultat[];
  controles: Controle[];
  /** Warnings about the fiche as a whole (territory, financing lines, readings of the guide). */
  motifs: Motif[];
  conforme: boolean | null;
  erreurs: string[];
  /** Room left of each public financing line (docs/interface.md « Marges »); empty without a plan. */
  marges: Marge[];
}

/**
 * How much a public financing line could ask, the other public lines fixed and self-financing absorbing
 * the difference, every control staying compliant; `maximum` null when no amount is (the control that
 * blocks is then `limite_par`).
 */
export interface Marge {
  /** Position of the line in `financements`, from 1. */
  ligne: number;
  financeur: string;
  /** The financer as a person names it (« Région », « ADEME (ademe-investissement) »), for messages. */
  nom: string;
  /** The dispositif the line pays under, when it is not the financer itself. */
  dispositif: string | null;
  /** The expense the line names, when it names exactly one. */
  depense: string | null;
  demande: Dec;
  maximum: Dec | null;
  /** maximum − demande: negative when the line must come down. */
  marge: Dec | null;
  limite_par: { controle: NomControle; portee: string; source: string | null } | null;
}
