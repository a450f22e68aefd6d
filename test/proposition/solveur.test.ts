// The lexicographic maximum of proposer's linear programme (src/core/proposition/solveur.ts): first
// the total, then each variable in its order — the ties broken in the order the financers are listed.
import { describe, expect, test } from "vitest";
import { maximiserLexicographique } from "../../src/core/proposition/solveur.js";

const arrondi = (x: number[] | null) => x?.map((v) => Math.round(v * 1e6) / 1e6);

describe("maximiserLexicographique", () => {
  // x0 + x1 ≤ 10 and x0 ≤ x1: every point of the segment (5, 5)–(0, 10) gives the total 10; the first
  // variable first: x0 = 5, then x1 = 5.
  test("the total first, then the first variable as high as the total allows", () => {
    const x = maximiserLexicographique({
      n: 2,
      contraintes: [
        { cle: "total", coefficients: [1, 1], max: 10 },
        { cle: "x0<=x1", coefficients: [1, -1], max: 0 },
      ],
    });
    expect(arrondi(x)).toEqual([5, 5]);
  });

  // The same with three variables, the third one favoured by nothing but its place: x2 gets what x0
  // and x1 leave (x0 ≤ 2, x1 ≤ 3, total ≤ 10 → 2, 3, 5).
  test("each later variable takes what the earlier ones leave", () => {
    const x = maximiserLexicographique({
      n: 3,
      contraintes: [
        { cle: "total", coefficients: [1, 1, 1], max: 10 },
        { cle: "x0", coefficients: [1, 0, 0], max: 2 },
        { cle: "x1", coefficients: [0, 1, 0], max: 3 },
      ],
    });
    expect(arrondi(x)).toEqual([2, 3, 5]);
  });

  // Within the total, the order beats the solver's own choice of vertex: x1 ≤ 8, x0 + x1 ≤ 10, and
  // x0 − x1 ≤ 0; the total 10 is reached from (2, 8) to (5, 5): x0 first → (5, 5).
  test("a tie is never left to the solver's choice of vertex", () => {
    const x = maximiserLexicographique({
      n: 2,
      contraintes: [
        { cle: "x1", coefficients: [0, 1], max: 8 },
        { cle: "total", coefficients: [1, 1], max: 10 },
        { cle: "x0<=x1", coefficients: [1, -1], max: 0 },
      ],
    });
    expect(arrondi(x)).toEqual([5, 5]);
  });

  test("no feasible point: null", () => {
    expect(
      maximiserLexicographique({ n: 1, contraintes: [{ cle: "c", coefficients: [1], min: 2, max: 1 }] }),
    ).toBeNull();
  });
});
