// The schema of rules/catalogue.yaml: the guide's 30 operational fiches (annexe 1), those ti-aides
// computes (their `dispositifs`) and those that only inform, with operator, offer and contact.
import { z } from "zod";
import { auPremierUsage, THEMES } from "./communs.js";

/** Built at their first use: a command that finds its rules in the cache never reads the catalogue. */
export const schemasCatalogue = auPremierUsage(() => {
  const texte = z.string().min(3, "texte trop court");

  const fiche = z.strictObject({
    fiche: z.number().int().min(1),
    titre: texte,
    theme: z.enum(THEMES),
    /** Lines of the guide the fiche spans, "239-285". */
    lignes: z.string().regex(/^\d+(-\d+)?$/, "lignes du guide attendues, ex. « 239-285 »"),
    operateur: texte,
    offre: texte,
    beneficiaires: texte,
    contact: texte,
    /** Ids of the rule files that compute it; empty when the fiche only informs. */
    dispositifs: z.array(
      z.string().regex(/^[a-z0-9-]+$/, "un identifiant de dispositif en minuscules et tirets est attendu"),
    ),
  });

  const catalogue = z.strictObject({
    $schema: z.string().optional(),
    source: texte,
    fiches: z.array(fiche).min(1),
  });

  return { fiche, catalogue };
});

type Schemas = ReturnType<typeof schemasCatalogue>;
export type Catalogue = z.output<Schemas["catalogue"]>;
export type FicheCatalogue = z.output<Schemas["fiche"]>;
