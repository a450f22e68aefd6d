// The shape check of the guide's plan that the rules cache applies without zod (estUnPlanDuGuide,
// src/core/schemas/plan-du-guide.ts) says what the plan's zod schema says: on the guide's plan, and on
// each alteration of it below (a cached entry of the right hash but not a plan must be rebuilt).
import { describe, expect, test } from "vitest";
import { estUnPlanDuGuide, schemasPlanDuGuide } from "../src/core/schemas/plan-du-guide.js";
import { chargerPlanDuGuide } from "../src/regles-disque.js";

const plan = chargerPlanDuGuide();
const copie = () =>
  structuredClone(plan) as unknown as Record<string, unknown> & { sections: Record<string, unknown>[] };

/** Alterations of the plan, each by a function of a fresh copy. */
const alterations: [string, (p: ReturnType<typeof copie>) => unknown][] = [
  ["le plan tel quel", (p) => p],
  ["avec $schema", (p) => ({ ...p, $schema: "./schema.json" })],
  ["$schema non texte", (p) => ({ ...p, $schema: 3 })],
  ["clé inconnue", (p) => ({ ...p, autre: 1 })],
  ["source absente", ({ source: _s, ...p }) => p],
  ["source trop courte", (p) => ({ ...p, source: "ab" })],
  ["source non texte", (p) => ({ ...p, source: 12345 })],
  ["sections vides", (p) => ({ ...p, sections: [] })],
  ["sections non liste", (p) => ({ ...p, sections: { 0: p.sections[0] } })],
  ["sections absentes", ({ sections: _s, ...p }) => p],
  ["nul", () => null],
  ["liste", (p) => [p]],
  ["texte", () => "plan"],
  [
    "sections dans le désordre",
    (p) => ({ ...p, sections: [p.sections[1], p.sections[0], ...p.sections.slice(2)] }),
  ],
  [
    "deux sections à la même ligne",
    (p) => ({ ...p, sections: [p.sections[0], { ...p.sections[1], ligne: p.sections[0].ligne }] }),
  ],
  ["une seule section", (p) => ({ ...p, sections: [p.sections[0]] })],
  ["section nulle", (p) => ({ ...p, sections: [null] })],
  ["section liste", (p) => ({ ...p, sections: [[]] })],
];
for (const [champ, valeurs] of Object.entries({
  ligne: [0, -1, 1.5, "3", 2 ** 53, Number.NaN, Infinity, null, undefined, 1],
  titre: ["ab", "abc", 123, null, undefined, "Une fiche"],
  fiche: [0, 1, 2.5, "1", null, undefined, 2 ** 53],
  annexe: [0, 1, 2.5, "1", null, undefined],
  page: [0, 1, -3, 2.5, "1", null, undefined],
  inconnu: [1, undefined],
}))
  for (const v of valeurs)
    for (const i of [0, 5])
      alterations.push([
        `section ${i}, ${champ} = ${String(v)}`,
        (p) => {
          p.sections[i] = { ...p.sections[i], [champ]: v };
          return p;
        },
      ]);
alterations.push(
  ["fiche et annexe", (p) => ({ ...p, sections: [{ ...p.sections[0], fiche: 1, annexe: 2 }] })],
  ["fiche sans annexe", (p) => ({ ...p, sections: [{ ligne: 4, titre: "Fiche", fiche: 1 }] })],
);

describe("estUnPlanDuGuide dit ce que dit le schéma du plan", () => {
  test("le plan du guide est un plan ; au moins une altération ne l'est pas", () => {
    expect(estUnPlanDuGuide(plan)).toBe(true);
    expect(alterations.filter(([, f]) => !estUnPlanDuGuide(f(copie()))).length).toBeGreaterThan(20);
  });
  test.each(alterations)("%s", (_nom, alterer) => {
    const x = alterer(copie());
    expect(estUnPlanDuGuide(x)).toBe(schemasPlanDuGuide().plan.safeParse(x).success);
  });
});
