// The schema of rules/parametres/guide.yaml: the guide's fiches, annexes and the parts of each, by
// the line of the guide where their title stands, to cite a source a reader can open.
import { z } from "zod";
import { auPremierUsage } from "./communs.js";

/** Built at their first use: a command that finds the plan in the rules cache checks only its shape. */
export const schemasPlanDuGuide = auPremierUsage(() => {
  const texte = z.string().min(3, "texte trop court");

  const section = z
    .strictObject({
      /** The line of the guide's text where the title stands. */
      ligne: z.number().int().min(1),
      titre: texte,
      /** Set on a fiche's own title; a title without `fiche` nor `annexe` is a part of the one before. */
      fiche: z.number().int().min(1).optional(),
      annexe: z.number().int().min(1).optional(),
      /** The page the guide's table of contents gives (the PDF a user holds). */
      page: z.number().int().min(1).optional(),
    })
    .refine((s) => s.fiche === undefined || s.annexe === undefined, {
      message: "une section est une fiche ou une annexe, pas les deux",
    });

  const plan = z
    .strictObject({
      $schema: z.string().optional(),
      source: texte,
      sections: z.array(section).min(1),
    })
    .refine((p) => p.sections.every((s, i) => i === 0 || s.ligne > p.sections[i - 1].ligne), {
      message: "les sections sont rangées dans l'ordre du guide, chacune après la précédente (« ligne »)",
      path: ["sections"],
    });

  return { section, plan };
});

type Schemas = ReturnType<typeof schemasPlanDuGuide>;
export type PlanDuGuide = z.output<Schemas["plan"]>;
export type SectionGuide = z.output<Schemas["section"]>;
