// The JSON output of `--format json`, written from docs/interface.md « Sortie JSON » independently of
// src/core/document-json.ts, so that a drift of the program from the spec fails the tests.
import { z } from "zod";

/** "480000.00": two decimals, never negative (a ceiling, an amount, a headroom). */
const montant = z.string().regex(/^\d+\.\d{2}$/, "montant à deux décimales");
/** "0.6000": four decimals, between 0 and 1 (docs/domaine.md §0: no rate ever exceeds 100 %). */
const taux = z
  .string()
  .regex(/^\d\.\d{4}$/, "taux à quatre décimales")
  .refine((t) => Number(t) >= 0 && Number(t) <= 1, "taux entre 0 et 1");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const motifSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9_]+$/),
    niveau: z.enum(["info", "avertissement", "erreur"]),
    message: z.string().min(1),
    source: z.string().nullable(),
    // `a_verifier` (docs/domaine.md §0 « Validité et actualité », second edition): the date the figures were last checked.
    verifie_le: date.optional(),
  })
  .refine(
    (m) => (m.code === "a_verifier") === (m.verifie_le !== undefined),
    "verifie_le porté par « a_verifier » et par lui seul",
  );

export const resultatSchema = z
  .strictObject({
    dispositif: z.string().min(1),
    depense: z.string().min(1),
    eligible: z.boolean(),
    assiette: montant.nullable(),
    taux: taux.nullable(),
    plafond: montant.nullable(),
    demande: montant.nullable(),
    depassement: montant.nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    motifs: z.array(motifSchema),
    etapes: z
      .array(
        z.strictObject({ libelle: z.string(), valeur: z.string().optional(), source: z.string().optional() }),
      )
      .optional(),
  })
  // docs/interface.md: "eligible: false comes with at least one motif of niveau: erreur saying why".
  .refine((r) => r.eligible || r.motifs.some((m) => m.niveau === "erreur"), "inéligible sans motif d'erreur")
  // "depassement = max(0, demande − plafond)".
  .refine(
    (r) =>
      r.demande === null ||
      r.plafond === null ||
      r.depassement === null ||
      Math.round(Number(r.depassement) * 100) ===
        Math.max(0, Math.round(Number(r.demande) * 100) - Math.round(Number(r.plafond) * 100)),
    "depassement ≠ max(0, demande − plafond)",
  );

export const controleSchema = z.strictObject({
  controle: z.enum([
    "plafond",
    "equilibre",
    "cumul",
    "de_minimis",
    "transparence",
    "effet_incitatif",
    "cofinancement",
    "parite",
    "participation_minimale",
  ]),
  portee: z.string().min(1),
  conforme: z.boolean().nullable(),
  valeur: montant.nullable(),
  limite: montant.nullable(),
  reglement: z.string().optional(),
  periode_debut: date.optional(),
  periode_fin: date.optional(),
  disponible: montant.optional(),
  publication_requise: z.boolean().optional(),
  // de_minimis, second edition (docs/domaine.md §3): the regulations summed under the ceiling checked.
  details: z.strictObject({ comptees: z.array(z.string().min(1)).min(1) }).optional(),
  message: z.string().min(1),
  source: z.string().nullable(),
});

/** "-20000.00": an amount that may be negative (a room left below zero: the line must come down). */
const montantSigne = z.string().regex(/^-?\d+\.\d{2}$/, "montant signé à deux décimales");

/**
 * Room left of a public line (docs/interface.md « Marges », second edition): `{financeur, depense,
 * demande, maximum, marge, limite_par: {controle, portee, source}}`; marge = maximum − demande.
 */
export const margeSchema = z
  .strictObject({
    ligne: z.number().int().min(1),
    financeur: z.string().min(1),
    dispositif: z.string().min(1).nullable(),
    depense: z.string().min(1).nullable(),
    demande: montant,
    maximum: montant.nullable(),
    marge: montantSigne.nullable(),
    limite_par: z
      .strictObject({
        controle: controleSchema.shape.controle,
        portee: z.string().min(1),
        source: z.string().nullable(),
      })
      .nullable(),
  })
  .refine(
    (m) =>
      m.maximum === null
        ? m.marge === null
        : Math.round(Number(m.marge) * 100) ===
          Math.round(Number(m.maximum) * 100) - Math.round(Number(m.demande) * 100),
    "marge ≠ maximum − demande",
  );

export const ficheSortieSchema = z
  .strictObject({
    id: z.string().min(1),
    date_evaluation: date,
    beneficiaire: z
      .strictObject({
        taille: z.enum(["PE", "ME", "GE"]).nullable(),
        taille_source: z.enum(["calculee", "declaree", "effectif_seul", "par_defaut"]).nullable(),
        categorie_entreprise: z.enum(["PME", "ETI", "GE"]).nullable(),
        activite_economique: z.boolean(),
      })
      .nullable(),
    resultats: z.array(resultatSchema),
    controles: z.array(controleSchema),
    motifs: z.array(motifSchema),
    conforme: z.boolean().nullable(),
    erreurs: z.array(z.string().min(1)),
    marges: z.array(margeSchema),
  })
  // "A fiche that cannot be evaluated (invalid) has erreurs filled and no resultats".
  .refine(
    (f) => f.erreurs.length === 0 || (f.resultats.length === 0 && f.conforme === null),
    "fiche en erreur avec des résultats",
  )
  // "A fiche is compliant when no control is false" (docs/domaine.md §3).
  .refine(
    (f) => f.erreurs.length > 0 || f.conforme === !f.controles.some((c) => c.conforme === false),
    "conforme incohérent avec les contrôles",
  );

export const documentSortieSchema = z
  .strictObject({
    outil: z.literal("ti-aides"),
    version: z.string().regex(/^\d+\.\d+\.\d+/),
    fiches: z.array(ficheSortieSchema),
    synthese: z.strictObject({
      fiches: z.number().int().min(0),
      conformes: z.number().int().min(0),
      non_conformes: z.number().int().min(0),
      sans_plan_de_financement: z.number().int().min(0),
      en_erreur: z.number().int().min(0),
    }),
  })
  .refine((d) => d.synthese.fiches === d.fiches.length, "synthese.fiches ≠ nombre de fiches")
  .refine(
    (d) =>
      d.synthese.conformes +
        d.synthese.non_conformes +
        d.synthese.sans_plan_de_financement +
        d.synthese.en_erreur ===
      d.synthese.fiches,
    "synthèse incohérente",
  );
