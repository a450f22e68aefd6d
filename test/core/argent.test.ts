// Money: French amounts read exactly, ceilings truncated, shares exact to the cent (docs/domaine.md §0).
import { describe, expect, test } from "vitest";
import {
  D,
  lireMontant,
  lireNombre,
  repartir,
  tronquerCentime,
  arrondirCentime,
} from "../../src/core/argent.js";

describe("lireMontant", () => {
  test.each([
    [1200000, "1200000"],
    ["1200000", "1200000"],
    ["1 200 000,50 €", "1200000.5"],
    ["1\u00a0200\u00a0000,50\u00a0€", "1200000.5"],
    ["1\u202f200\u202f000,5", "1200000.5"],
    ["0", "0"],
    [0.1, "0.1"],
  ])("%j → %s", (entree, attendu) => {
    const r = lireMontant(entree);
    expect(r.ok && r.valeur.toString()).toBe(attendu);
  });
  test.each([
    ["-1", "négatif"],
    [-0.01, "négatif"],
    ["12,345", "deux décimales"],
    [1.005, "deux décimales"],
    [Infinity, "fini"],
    [NaN, "fini"],
    ["abc", "n'est pas un montant"],
    [true, "montant est attendu"],
    ["1e400", "n'est pas un montant"],
    ["1234567890123456789012345678901234567890", "dépasse"],
  ])("%j is refused (%s)", (entree, motif) => {
    const r = lireMontant(entree);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(motif);
  });
});

test("lireNombre reads fractions and percents", () => {
  const r = lireNombre("55 %");
  expect(r.ok && r.valeur.toString()).toBe("0.55");
  const v = lireNombre("0,75");
  expect(v.ok && v.valeur.toString()).toBe("0.75");
});

test("a ceiling is truncated to the cent, a share rounded half-up", () => {
  expect(tronquerCentime(new D("480000.009")).toFixed(2)).toBe("480000.00");
  expect(arrondirCentime(new D("0.005")).toFixed(2)).toBe("0.01");
  expect(arrondirCentime(new D("0.0049")).toFixed(2)).toBe("0.00");
});

test("repartir: a line that finances one expense gives it the whole line, to the cent", () => {
  // One weight: its share is 100 % of the line (docs/domaine.md §0), whatever the weight, even zero.
  for (const poids of ["480000.00", "0", "0.01"]) {
    expect(repartir(new D("350000.00"), [new D(poids)]).map((x) => x.toFixed(2))).toEqual(["350000.00"]);
  }
  // An amount finer than the cent still comes out in cents: 10,005 € is 1 000,5 cents; the cent left
  // over goes to the largest fractional part (repartir's rule), here the only share: 10,01 €.
  expect(repartir(new D("10.005"), [new D(3)]).map((x) => x.toFixed(3))).toEqual(["10.010"]);
});

test("repartir: shares add up to the total exactly, pro rata of the weights", () => {
  // 100 € over three equal weights: 33,34 + 33,33 + 33,33.
  expect(repartir(new D(100), [new D(1), new D(1), new D(1)]).map((x) => x.toFixed(2))).toEqual([
    "33.34",
    "33.33",
    "33.33",
  ]);
  // 200 000 over 300 000 and 100 000: 150 000 and 50 000.
  expect(repartir(new D(200000), [new D(300000), new D(100000)]).map((x) => x.toFixed(2))).toEqual([
    "150000.00",
    "50000.00",
  ]);
  // Zero weights: equal shares.
  expect(repartir(new D("0.03"), [new D(0), new D(0)]).map((x) => x.toFixed(2))).toEqual(["0.02", "0.01"]);
});

describe("lireMontant : un point suivi d'exactement trois chiffres, sans virgule, est ambigu (docs/interface.md « Lire ce que contient un tableur »)", () => {
  test.each(["350.000", "1.200.000", "12.500 €", " 600.000 ", "999.999.999"])(
    "« %s » est refusé : 350 000 ou 350 ?",
    (texte) => {
      const r = lireMontant(texte);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/ambigu.*écrivez \d+ ou \d/);
    },
  );
  test("le message dit les deux lectures et comment écrire", () => {
    expect(lireMontant("350.000")).toEqual({
      ok: false,
      message:
        "montant « 350.000 » ambigu (350 000 € ou 350 € ?) : écrivez 350000 ou 350 000, et les centimes après une virgule (350 000,50)",
    });
  });
  test.each([
    ["1 200 000,50 €", "1200000.5"],
    ["1200000", "1200000"],
    ["1200000,5", "1200000.5"],
    ["350000.50", "350000.5"],
    ["0.000", "0"],
    ["12.5", "12.5"],
  ])("« %s » reste lu : %s", (texte, valeur) => {
    const r = lireMontant(texte);
    expect(r.ok && r.valeur.toString()).toBe(valeur);
  });
  test("« 1200.000 » (quatre chiffres avant le point) : plus de deux décimales écrites, refusé", () => {
    expect(lireMontant("1200.000")).toMatchObject({
      ok: false,
      message: expect.stringContaining("plus de deux décimales"),
    });
  });
});
