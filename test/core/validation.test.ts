// The French messages of a refused field (src/core/validation.ts): what was written, what is
// expected, and never a wrong agreement ("une liste n'est pas accepté").
import { describe, expect, test } from "vitest";
import { lireFiche } from "../../src/core/fiche.js";
import { ErreurSaisie } from "../../src/core/erreurs.js";
import { sansNulls } from "../../src/core/validation.js";

function messages(texte: string): string[] {
  try {
    lireFiche(texte, "fiche.yaml");
  } catch (e) {
    if (e instanceof ErreurSaisie) return e.problemes.map((p) => `${p.ligne}:${p.champ}:${p.message}`);
    throw e;
  }
  throw new Error("fiche acceptée");
}

const DEBUT =
  "id: TI-1\nbeneficiaire:\n  nature: entreprise\ndepenses:\n  - id: d\n    nature: etude\n    montant: 1000\n";

describe("a value of the wrong kind", () => {
  test.each([
    ["a list for a text", "titre: [a, b]\n", "1:titre:une liste ne convient pas : un texte attendu"],
    ["a block for a text", "titre: {a: 1}\n", "1:titre:un bloc de champs ne convient pas : un texte attendu"],
    ["a number for a text", "titre: 12\n", "1:titre:la valeur 12 ne convient pas : un texte attendu"],
  ])("%s", (_, ligne, attendu) => {
    expect(messages(ligne + DEBUT)).toEqual([attendu]);
  });
});

describe("sansNulls: an empty YAML field means « not given »", () => {
  test("data without null is given back as is (no copy)", () => {
    const d = {
      id: "TI-1",
      depenses: [{ id: "d", montant: "1 000 €" }],
      beneficiaire: { effectif: 0, afr: false },
    };
    expect(sansNulls(d)).toBe(d);
  });

  test("a null anywhere: a copy without the null fields, the data itself untouched", () => {
    const d = {
      id: "TI-1",
      titre: null,
      depenses: [{ id: "d", libelle: null, montant: 1 }],
      beneficiaire: { nom: "A" },
    };
    const s = sansNulls(d);
    expect(s).toStrictEqual({ id: "TI-1", depenses: [{ id: "d", montant: 1 }], beneficiaire: { nom: "A" } });
    expect(d.titre).toBeNull();
    expect(d.depenses[0].libelle).toBeNull();
  });

  test("a __proto__ key stays an own key of the copy, never its prototype", () => {
    const d = JSON.parse('{"id": null, "beneficiaire": {"__proto__": {"taille": "PE"}}}');
    const s = sansNulls(d) as { beneficiaire: Record<string, unknown> };
    expect(Object.keys(s.beneficiaire)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(s.beneficiaire)).toBe(Object.prototype);
    expect(s.beneficiaire.taille).toBeUndefined();
  });
});
