// How many worker threads `lot` starts (src/cli/csv/evaluateurs.ts): none for a short file, one per
// core but the one that reads and writes the CSV for a long file, and what TI_AIDES_TRAVAILLEURS says.
import { afterEach, describe, expect, test, vi } from "vitest";

const coeurs = vi.hoisted(() => ({ n: 2 }));
vi.mock("node:os", async (original) => ({
  ...(await original<typeof import("node:os")>()),
  availableParallelism: () => coeurs.n,
}));

const { nombreDeTravailleurs, TAILLE_TRAVAILLEURS } = await import("../src/cli/csv/evaluateurs.js");

const avant = process.env.TI_AIDES_TRAVAILLEURS;
afterEach(() => {
  if (avant === undefined) delete process.env.TI_AIDES_TRAVAILLEURS;
  else process.env.TI_AIDES_TRAVAILLEURS = avant;
});

describe("nombreDeTravailleurs", () => {
  test("a short file is evaluated in this thread", () => {
    delete process.env.TI_AIDES_TRAVAILLEURS;
    coeurs.n = 8;
    expect(nombreDeTravailleurs(TAILLE_TRAVAILLEURS - 1)).toBe(0);
  });

  test("a long file: one worker per core but one, at most 8; none on one core", () => {
    delete process.env.TI_AIDES_TRAVAILLEURS;
    for (const [n, attendu] of [
      [1, 0],
      [2, 1],
      [4, 3],
      [9, 8],
      [32, 8],
    ]) {
      coeurs.n = n;
      expect(nombreDeTravailleurs(TAILLE_TRAVAILLEURS)).toBe(attendu);
    }
  });

  test("TI_AIDES_TRAVAILLEURS decides, up to 16", () => {
    coeurs.n = 2;
    process.env.TI_AIDES_TRAVAILLEURS = "0";
    expect(nombreDeTravailleurs(10 * TAILLE_TRAVAILLEURS)).toBe(0);
    process.env.TI_AIDES_TRAVAILLEURS = "3";
    expect(nombreDeTravailleurs(1)).toBe(3);
    process.env.TI_AIDES_TRAVAILLEURS = "99";
    expect(nombreDeTravailleurs(1)).toBe(16);
  });
});
