// French formats: "480 000,00 €" (no-break spaces), "60 %".
import { expect, test } from "vitest";
import { D } from "../../src/core/argent.js";
import { entierFr, euros, points, pourcent } from "../../src/core/format.js";

test.each([
  ["0", "0,00"],
  ["12", "12,00"],
  ["123", "123,00"],
  ["1234", "1\u00a0234,00"],
  ["480000", "480\u00a0000,00"],
  ["1234567.5", "1\u00a0234\u00a0567,50"],
  ["-1234.5", "-1\u00a0234,50"],
  ["0.005", "0,01"],
])("euros(%s)", (x, attendu) => {
  expect(euros(new D(x))).toBe(`${attendu}\u00a0€`);
});

test("pourcent", () => {
  expect(pourcent(new D("0.6"))).toBe("60\u00a0%");
  expect(pourcent(new D("0.125"))).toBe("12,5\u00a0%");
});

// As Intl.NumberFormat("fr-FR") writes them on Node 20: groups of three, a narrow no-break space (U+202F).
test.each([
  [0, "0"],
  [999, "999"],
  [1000, "1\u202f000"],
  [250000, "250\u202f000"],
  [1234567, "1\u202f234\u202f567"],
])("entierFr(%s)", (n, attendu) => {
  expect(entierFr(n)).toBe(attendu);
});

// Issue 20: euros and pourcent read an amount to the cent, a rate to four decimals, from their own
// digits. The formulas they replace (toFixed(2); times(100) rounded half-up to two decimals) are the
// reference: same text on every kind of value, those of the fast path and those that leave it.
const eurosParToFixed = (d: InstanceType<typeof D>) => {
  const texte = d.toFixed(2);
  const signe = texte[0] === "-" ? "-" : "";
  const entier = texte.slice(signe.length, -3);
  let groupes = entier.slice(0, entier.length % 3 || 3);
  for (let i = groupes.length; i < entier.length; i += 3) groupes += "\u00a0" + entier.slice(i, i + 3);
  return `${signe}${groupes},${texte.slice(-2)}\u00a0€`;
};
const pourcentParProduit = (d: InstanceType<typeof D>) => {
  const p = d.times(100);
  return `${p.isInteger() ? p.toFixed(0) : p.toDecimalPlaces(2).toString().replace(".", ",")}\u00a0%`;
};

test("euros : même texte que toFixed(2), au centime ou non, grand, négatif, zéro négatif", () => {
  const valeurs = [
    "0",
    "-0",
    "0.1",
    "0.01",
    "0.001",
    "-0.001",
    "-0.005",
    "5",
    "10.5",
    "999.99",
    "1000",
    "-1000.1",
    "123456789.12",
    "999999999999.99",
    "1e20",
    "1e21",
    "123456789012345678901234.5",
    "1.005",
    "2.675",
    "0.0000001",
    "-7.5",
  ];
  // Des montants au centime de toutes les longueurs (1 à 12 chiffres avant la virgule).
  for (let n = 1, x = 7; n <= 12; n++, x = x * 10 + ((n * 3) % 10))
    valeurs.push(`${x}.${n % 10}${n % 3}`, `${x}`);
  for (const v of valeurs) expect(euros(new D(v)), v).toBe(eurosParToFixed(new D(v)));
});

test("pourcent : même texte que le produit par 100 arrondi à deux décimales", () => {
  const valeurs = [
    "0",
    "-0",
    "1",
    "0.6",
    "0.45",
    "0.05",
    "0.055",
    "0.0005",
    "0.1234",
    "0.12345",
    "0.333333",
    "0.99999",
    "1.5",
    "12",
    "-0.1",
    "0.0000001",
    "0.00001",
  ];
  for (const v of valeurs) expect(pourcent(new D(v)), v).toBe(pourcentParProduit(new D(v)));
});

test("points : même texte que le produit par 100, exact", () => {
  const valeurs = ["0", "-0", "0.15", "0.05", "0.1", "1", "0.055", "0.0005", "0.12345", "-0.05", "0.333333"];
  for (const v of valeurs) expect(points(new D(v)), v).toBe(new D(v).times(100).toString());
});
