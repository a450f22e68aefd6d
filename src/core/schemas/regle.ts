// The schema of a dispositif's rule file (rules/dispositifs/*.yaml); its `calcul:` is the schema of
// its kind, given by the kind's module (calculs/index.ts).
import { z } from "zod";
import { parametre, schemaDateIso } from "../parametres.js";
import { schemaCalcul } from "../calculs/index.js";
import { auPremierUsage, schemasCommuns, NATURES_DEPENSE, REGIMES, THEMES } from "./communs.js";

function construire() {
  const { code, nombre, taux } = schemasCommuns();
  const dateIso = schemaDateIso();
  const valeurSimple = z.union([z.string(), z.number(), z.boolean()]);

  /** A test on one input field; the comparison figures carry the condition's source and dates. */
  const test = z.strictObject({
    champ: z
      .string()
      .regex(
        /^(depense|beneficiaire|fiche|financement)\.[a-z0-9_]+$/,
        "champ attendu : depense.x, beneficiaire.x, fiche.x ou financement.x",
      ),
    egal: valeurSimple.optional(),
    dans: z.array(valeurSimple).optional(),
    au_moins: nombre.optional(),
    au_plus: nombre.optional(),
    moins_de: nombre.optional(),
    plus_de: nombre.optional(),
    connu: z.literal(true).optional(),
  });

  const condition = test.extend({
    code,
    niveau: z.enum(["erreur", "avertissement"]).default("erreur"),
    /** Printed when the test fails; {valeur} is the input, {champ} its name. */
    message: z.string().min(3),
    source: z.string().min(3),
    depuis: dateIso.optional(),
    jusqu_au: dateIso.optional(),
    si: test.optional(),
    // Seconde édition, point 8 : la date où la condition a été vérifiée à sa source (actualité).
    verifie_le: dateIso.optional(),
  });

  const calcul = schemaCalcul();

  const regleSchema = z.strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/, "un identifiant en minuscules et tirets est attendu"),
    nom: z.string(),
    operateur: z.string(),
    fiche: z.number().int().min(1).optional(),
    theme: z.enum(THEMES),
    source: z.string(),
    offre: z.string(),
    contact: z.string().optional(),
    beneficiaires: z.string().optional(),
    s_applique_a: z.strictObject({
      natures: z.array(z.enum(NATURES_DEPENSE)).optional(),
      categories: z.array(z.string()).optional(),
      /** Also applies to an expense of these natures that has this field (e.g. economie_annuelle_prevue). */
      si_champ: z.string().optional(),
    }),
    /** Regime of a line paying under this dispositif when the user does not say; `fiscal` is no financing line. */
    regime_defaut: z.enum([...REGIMES, "fiscal"]),
    /** Whether its aid is State aid (counted in cumul and de minimis). */
    aide_etat: z.boolean().default(true),
    valable_jusqu_au: z.strictObject({ date: dateIso, source: z.string() }).optional(),
    // Seconde édition, point 8 : le début de validité que la source donne (VTE « dès la rentrée 2019 »).
    valable_a_partir_du: z.strictObject({ date: dateIso, source: z.string() }).optional(),
    /** An info motif when other public financers share the expense (e.g. Guide fiche 8, l.922). */
    si_cofinancement_public: z.strictObject({ message: z.string(), source: z.string() }).optional(),
    champs: z.array(z.string()).default([]),
    /** Issue 12: the words a person may write for a category (the guide's label, plain synonyms), with their source. */
    libelles: z
      .record(code, z.strictObject({ textes: z.array(z.string().min(2)).min(1), source: z.string().min(3) }))
      .optional(),
    conditions: z.array(condition).default([]),
    calcul,
    /** What the controls of the financing plan read of this dispositif, apart from its calculation. */
    controles: z
      .strictObject({
        /** The other financers must bring at least this share of the expense (fiche 1). */
        cofinancement_min: parametre(taux).optional(),
        /** The named financers pay in equal parts (fiche 21). */
        parite: z.array(z.string()).optional(),
      })
      .optional(),
  });
  return { condition, calcul, regleSchema };
}

type Schemas = ReturnType<typeof construire>;
export const schemasRegle = auPremierUsage(construire);

export type RegleBrute = z.input<Schemas["regleSchema"]>;
export type Regle = z.output<Schemas["regleSchema"]>;
export type Condition = z.output<Schemas["condition"]>;
export type Calcul = z.output<Schemas["calcul"]>;
