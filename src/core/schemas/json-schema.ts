// The JSON Schema of each input format, generated from the zod schemas (the input side), so that
// editors check and complete the YAML files (`ti-aides schema fiche|contrat|regles`).
import { z } from "zod";
import { schemaDateIso } from "../parametres.js";
import { schemasContrat } from "./contrat.js";
import { auPremierUsage, schemasCommuns } from "./communs.js";
import { schemasFiche } from "./fiche.js";
import { schemasRegle } from "./regle.js";

export const FORMATS_SCHEMA = ["fiche", "contrat", "regles"] as const;
export type FormatSchema = (typeof FORMATS_SCHEMA)[number];

type Json = Record<string, unknown>;

/** The value types read by a transform (French amounts, "50 %") have no JSON side: say what they accept. */
const typesValeurs = auPremierUsage(() => {
  const { montant, nombre, taux, entier, fractionSignee } = schemasCommuns();
  const dateIso = schemaDateIso();
  return new Map<unknown, Json>([
    [
      montant,
      {
        anyOf: [{ type: "number", minimum: 0 }, { type: "string" }],
        description: "Montant en euros, au centime au plus : 1200000, 1234.56 ou « 1 234,56 € ».",
      },
    ],
    [
      nombre,
      {
        anyOf: [{ type: "number", minimum: 0 }, { type: "string" }],
        description: "Nombre positif ou nul (effectif, durée) ; « 50 % » vaut 0,5.",
      },
    ],
    [
      taux,
      {
        anyOf: [{ type: "number", minimum: 0, maximum: 1 }, { type: "string" }],
        description: "Taux en fraction entre 0 et 1 (0.55 = 55 %), ou « 55 % ».",
      },
    ],
    [
      entier,
      {
        anyOf: [{ type: "integer", minimum: 0 }, { type: "string" }],
        description: "Nombre entier positif ou nul.",
      },
    ],
    [
      fractionSignee,
      {
        anyOf: [{ type: "number" }, { type: "string" }],
        description: "Fraction, éventuellement négative (-0.02 = −2 %).",
      },
    ],
    [
      dateIso,
      { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Date AAAA-MM-JJ (ex. 2019-06-01)." },
    ],
  ]);
});

const TITRES: Record<FormatSchema, { titre: string; description: string }> = {
  fiche: {
    titre: "Fiche-action ti-aides",
    description: "Une fiche-action d'un contrat Territoire d'industrie (docs/interface.md « Une fiche »).",
  },
  contrat: {
    titre: "Contrat ti-aides",
    description:
      "Un fichier de contrat : `contrat:` (id, territoire, période) et, le cas échéant, `fiches:` la liste des fiches-actions.",
  },
  regles: {
    titre: "Règle de dispositif ti-aides",
    description:
      "Un fichier de règle d'un dispositif (rules/dispositifs/*.yaml, ou règle régionale ajoutée par --regles).",
  },
};

function schemaZod(format: FormatSchema): z.ZodType {
  switch (format) {
    case "fiche":
      return schemasFiche().fiche;
    case "contrat":
      // Each fiche of `fiches:` is validated on its own when read; for an editor, it is a fiche.
      return schemasContrat().fichierContrat.extend({ fiches: z.array(schemasFiche().fiche).optional() });
    case "regles":
      return z.lazy(() => schemasRegle().regleSchema);
  }
}

export function schemaJson(format: FormatSchema): Json {
  const schema = z.toJSONSchema(schemaZod(format), {
    io: "input",
    override: (ctx) => {
      const remplacement = typesValeurs().get(ctx.zodSchema);
      if (!remplacement) return;
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[k];
      Object.assign(ctx.jsonSchema, structuredClone(remplacement));
    },
  }) as Json;
  const { $schema, ...reste } = schema;
  return { $schema, title: TITRES[format].titre, description: TITRES[format].description, ...reste };
}
