// French formats: "480 000,00 €" (no-break spaces), "60 %".
import { expect, test } from "vitest";
import { D } from "../../src/core/argent.js";
import { euros, pourcent } from "../../src/core/format.js";

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
