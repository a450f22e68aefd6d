// The French messages of a refused field (src/core/validation.ts): what was written, what is
// expected, and never a wrong agreement ("une liste n'est pas accepté").
import { describe, expect, test } from "vitest";
import { lireFiche } from "../../src/core/fiche.js";
import { ErreurSaisie } from "../../src/core/erreurs.js";

function messages(texte: string): string[] {
  try {
    lireFiche(texte, "fiche.yaml");
  } catch (e) {
    if (e instanceof ErreurSaisie) return e.problemes.map((p) => `${p.ligne}:${p.champ}:${p.message}`);
    throw e;
  }
  throw new Error("fiche acceptée");
}

const DEBUT = "id: TI-1\nbeneficiaire:\n  nature: entreprise\ndepenses:\n  - id: d\n    nature: etude\n    montant: 1000\n";

describe("a value of the wrong kind", () => {
  test.each([
    ["a list for a text", "titre: [a, b]\n", "1:titre:une liste ne convient pas : un texte attendu"],
    ["a block for a text", "titre: {a: 1}\n", "1:titre:un bloc de champs ne convient pas : un texte attendu"],
    ["a number for a text", "titre: 12\n", "1:titre:la valeur 12 ne convient pas : un texte attendu"],
  ])("%s", (_, ligne, attendu) => {
    expect(messages(ligne + DEBUT)).toEqual([attendu]);
  });
});
