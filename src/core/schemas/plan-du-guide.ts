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

const CLES_PLAN = new Set(["$schema", "source", "sections"]);
const CLES_SECTION = new Set(["ligne", "titre", "fiche", "annexe", "page"]);

/**
 * True when `plan` (above) accepts `x`: the same checks, written without zod, for the plan the rules
 * cache gives back (a table reads it at every run: checking it with the schema ran zod at every start).
 * test/plan-du-guide-forme.test.ts compares the two on the guide's plan and its alterations.
 */
export function estUnPlanDuGuide(x: unknown): x is PlanDuGuide {
  if (!estObjetAuxCles(x, CLES_PLAN)) return false;
  if (x.$schema !== undefined && typeof x.$schema !== "string") return false;
  if (!estTexte(x.source) || !Array.isArray(x.sections) || x.sections.length < 1) return false;
  for (const s of x.sections as unknown[]) {
    if (!estObjetAuxCles(s, CLES_SECTION) || !estRang(s.ligne) || !estTexte(s.titre)) return false;
    for (const champ of ["fiche", "annexe", "page"])
      if (s[champ] !== undefined && !estRang(s[champ])) return false;
    if (s.fiche !== undefined && s.annexe !== undefined) return false;
  }
  const sections = x.sections as { ligne: number }[];
  return sections.every((s, i) => i === 0 || s.ligne > sections[i - 1].ligne);
}

function estObjetAuxCles(x: unknown, cles: Set<string>): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  for (const cle in x) if (!cles.has(cle)) return false;
  return true;
}

/** z.string().min(3) */
const estTexte = (v: unknown): boolean => typeof v === "string" && v.length >= 3;
/** z.number().int().min(1) */
const estRang = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 1;
