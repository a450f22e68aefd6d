// Whether a fiche's territory is one of the 121 Territoires d'industrie of the guide (fiche 4), whatever
// its case and accents; the names read are remembered, and the answer stays the same.
import { expect, test } from "vitest";
import { estTerritoireConnu } from "../../src/core/territoires.js";
import { REF } from "../outils/regles.js";

test("a name of the guide's table, as a person writes it, is known; a misspelt one is not, every time", () => {
  // « Vallée de l'Arve » is in the guide's table (rules/parametres/territoires.yaml, guide l.502).
  for (let i = 0; i < 3; i++) {
    expect(estTerritoireConnu(REF, "Vallée de l'Arve")).toBe(true);
    expect(estTerritoireConnu(REF, "VALLEE DE L'ARVE")).toBe(true);
    expect(estTerritoireConnu(REF, "Vallée de l'Arvee")).toBe(false);
  }
});
