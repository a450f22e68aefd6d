// Issue 20: the reasoning steps are written only when a renderer asks for them (`etapes: true`: the
// `expliquer` command, `simuler --expliquer`, the interactive mode). Without it they are empty lists,
// and nothing else of the evaluation changes: same figures, motifs, controls, room left. The steps
// themselves, when asked, are judged by the golden tests and the outputs of `--expliquer`.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { EvaluationFiche } from "../../src/core/modele.js";
import { evaluer, evaluerYaml } from "../outils/regles.js";
import { fiche } from "./arbitraires.js";

/** Every step of an evaluation: the beneficiary's, then each result's. */
const etapes = (e: EvaluationFiche) => [
  ...(e.beneficiaire?.etapes ?? []),
  ...e.resultats.flatMap((r) => r.etapes),
];

/** The evaluation without its steps, Decimals as their text. */
const sansEtapes = (e: EvaluationFiche) =>
  JSON.parse(JSON.stringify(e, (cle, v) => (cle === "etapes" ? undefined : v)));

function memeEvaluation(sans: EvaluationFiche, avec: EvaluationFiche): void {
  expect(etapes(sans)).toEqual([]);
  // A valid fiche always has at least the beneficiary's economic activity as a step.
  expect(etapes(avec).length).toBeGreaterThan(0);
  for (const r of avec.resultats) expect(r.etapes.length).toBeGreaterThan(0);
  expect(sansEtapes(sans)).toEqual(sansEtapes(avec));
}

describe("the steps are written on demand, and change nothing else", () => {
  test("generated fiches, with and without a financing plan, at any date", () => {
    fc.assert(
      fc.property(fiche(), (f) => {
        memeEvaluation(evaluer(f), evaluer(f, { etapes: true }));
        memeEvaluation(evaluer(f, { etapes: false }), evaluer(f, { etapes: true }));
      }),
      { numRuns: 150 },
    );
  });

  test("the examples, at their date and years later (hors période, à vérifier)", () => {
    const fichiers = [
      "fixtures/fiches",
      "fixtures/contrat-exemple/fiches",
      "fixtures/contrat-de-minimis/fiches",
    ]
      .flatMap((dossier) => readdirSync(dossier).map((f) => `${dossier}/${f}`))
      .filter((f) => f.endsWith(".yaml"));
    expect(fichiers.length).toBeGreaterThan(5);
    for (const fichier of fichiers) {
      const texte = readFileSync(fichier, "utf8");
      for (const date of [undefined, "2031-06-01"]) {
        memeEvaluation(evaluerYaml(texte, { date }), evaluerYaml(texte, { date, etapes: true }));
      }
    }
  });
});
