// largeurAffichee (src/cli/rendu/largeur.ts) counts the columns of a text in one pass of a regular
// expression: the same count as character by character (colour codes stripped, combining marks not
// counted, a character outside the first plane counted once), on chosen and random texts.
import { stripVTControlCharacters } from "node:util";
import fc from "fast-check";
import { expect, test } from "vitest";
import { largeurAffichee } from "../src/cli/rendu/largeur.js";

function caractereParCaractere(texte: string): number {
  let n = 0;
  for (const ch of stripVTControlCharacters(texte)) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

const CAS = [
  "",
  "Plan équilibré : ressources = coût total = 480\u202f000,00\u00a0€.",
  "e\u0301te\u0301", // accents combinants
  "\u001b[1mGras\u001b[22m et \u001b[31mrouge\u001b[39m",
  "\u009b31mCSI\u009b0m",
  "😀 fiche 8",
  "\ud834\udd65 marque hors du premier plan",
  "\ud800 demi-paire seule",
  "\u001b seul",
];

test.each(CAS)("%j", (texte) => {
  expect(largeurAffichee(texte)).toBe(caractereParCaractere(texte));
});

test("le même compte que caractère par caractère, sur des textes au hasard", () => {
  const morceau = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.string({ unit: "binary", maxLength: 8 }),
    fc.constantFrom(
      "\u0301",
      "\u20d7",
      "\ud834\udd65",
      "😀",
      "\u001b[31m",
      "\u001b[0m",
      "\u009b1m",
      "\u001b]8;;x\u0007",
      "\u202f",
      "€",
    ),
  );
  fc.assert(
    fc.property(fc.array(morceau, { maxLength: 12 }), (morceaux) => {
      const texte = morceaux.join("");
      expect(largeurAffichee(texte)).toBe(caractereParCaractere(texte));
    }),
    { numRuns: 5000, seed: 20261201 },
  );
});
