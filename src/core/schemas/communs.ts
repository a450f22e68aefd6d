// Value types shared by the rule files and the fiches.
import { z } from "zod";
import { D } from "../argent.js";
import { estEntier, estTaux, lireFractionSignee, lireMontant, lireNombre, type Lecture } from "./lectures.js";

/** The reading behind each transform made by `lecture` (the fiche's validator generator names it). */
export const LECTURES = new WeakMap<object, (v: unknown) => Lecture<unknown>>();

/** A value read by `lire` (lectures.ts): its value, or zod's issue with the reading's message. */
function lecture<T>(lire: (v: unknown) => Lecture<T>) {
  const transformer = (v: unknown, ctx: z.core.$RefinementCtx<unknown>): T => {
    const r = lire(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.valeur;
  };
  LECTURES.set(transformer, lire);
  return z.unknown().transform(transformer);
}

/**
 * The value types shared by the rule files and the fiches, built on first use, once (the same objects
 * each time: the fiche's validator generator and the JSON Schema know them by identity): `simuler` on a
 * valid fiche with its rules in the cache never runs zod (docs/performance.md).
 */
export const schemasCommuns = auPremierUsage(() => {
  /** An amount in euros: a number or a French string ("1 234,56 €"), ≥ 0, at most 2 decimals. */
  const montant = lecture(lireMontant);

  /** A non-negative number (headcount, years, hours) or a fraction ("50 %" → 0.5). */
  const nombre = lecture(lireNombre);

  /** A rate as a fraction between 0 and 1 (0.55 = 55 %; "55 %" accepted). */
  const taux = nombre.refine(estTaux, {
    message: "un taux est une fraction entre 0 et 1 (0,55 = 55 %) : écrivez 0.55 ou « 55 % »",
  });

  /** A signed fraction (an expected return may be negative). */
  const fractionSignee = lecture(lireFractionSignee);

  /** A whole number of days, months or hours. */
  const entier = nombre.refine(estEntier, { message: "un nombre entier est attendu" });

  /** A code in a rule file (a condition's, a poste's): lower case and _. */
  const code = z.string().regex(/^[a-z0-9_]+$/, "un code en minuscules et _ est attendu");

  return { montant, nombre, taux, fractionSignee, entier, code };
});

export const TAILLES = ["PE", "ME", "GE"] as const;
export type Taille = (typeof TAILLES)[number];

export const ZONES = ["metropole", "corse", "outre_mer"] as const;
export const NATURES_BENEFICIAIRE = [
  "entreprise",
  "collectivite",
  "association",
  "etablissement_public",
  "consortium",
] as const;
export const NATURES_DEPENSE = [
  "etude",
  "investissement",
  "animation",
  "formation",
  "equipement",
  "recrutement",
  "conseil",
  "capital",
] as const;
export const SECTEURS = [
  "industrie",
  "artisanat",
  "commerce",
  "restauration",
  "agriculture",
  "peche",
  "transport_routier",
  "services",
  "autre",
] as const;
export const FORMES = [
  "subvention",
  "avance_remboursable",
  "pret",
  "fonds_propres",
  "quasi_fonds_propres",
  "garantie",
] as const;
export const REGIMES = ["rgec", "de_minimis", "hors_aide_etat"] as const;
export const REGLEMENTS = ["general", "agricole", "peche", "sieg"] as const;
export const TYPES_CONTRAT = ["cdd", "cdi", "alternance"] as const;
export const NIVEAUX = ["bac", "bac+1", "bac+2", "bac+3", "bac+4", "bac+5", "bac+6", "bac+8"] as const;
export const VOCATIONS = ["regionale", "nationale", "multiregionale"] as const;
export const THEMES = ["attirer", "recruter", "innover", "simplifier"] as const;

/** Generic financers (docs/domaine.md §2): no intensity of their own. */
export const FINANCEURS_PUBLICS = [
  "etat",
  "region",
  "departement",
  "epci",
  "commune",
  "feder",
  "autre_public",
] as const;
export const FINANCEURS_PRIVES = ["prive", "autofinancement"] as const;

/** Each generic financer as a person names it, and what the name may need said for a newcomer. */
export const NOMS_FINANCEURS: Record<
  (typeof FINANCEURS_PUBLICS)[number] | (typeof FINANCEURS_PRIVES)[number],
  { nom: string; precision?: string }
> = {
  etat: { nom: "État" },
  region: { nom: "Région" },
  departement: { nom: "Département" },
  epci: { nom: "EPCI", precision: "intercommunalité" },
  commune: { nom: "Commune" },
  feder: { nom: "FEDER", precision: "fonds européen" },
  autre_public: { nom: "Autre financeur public" },
  prive: { nom: "Financeur privé" },
  autofinancement: { nom: "Autofinancement", precision: "le bénéficiaire lui-même" },
};

export type Forme = (typeof FORMES)[number];
export type Regime = (typeof REGIMES)[number];
export type Reglement = (typeof REGLEMENTS)[number];
export type Zone = (typeof ZONES)[number];

export { D };

/**
 * Schemas built on first use, once: a command that finds its rules in the cache never builds those of
 * the rule files (~12 ms at each start: docs/performance.md).
 */
export function auPremierUsage<T>(construire: () => T): () => T {
  let construit: T | undefined;
  return () => (construit ??= construire());
}
