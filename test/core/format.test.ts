// French formats: "480 000,00 €" (no-break spaces), "60 %".
import { expect, test } from "vitest";
import { D } from "../../src/core/argent.js";
import { entierFr, euros, pourcent } from "../../src/core/format.js";

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
