// The yaml library's errors reach a user in French, with their line (issue 12): every snippet below
// makes the parser report one of its error codes; none of its English sentences may come through.
import { describe, expect, test } from "vitest";
import { lireDocument } from "../../src/core/document.js";
import { ErreurSaisie } from "../../src/core/erreurs.js";

function problemes(texte: string) {
  try {
    lireDocument(texte, "fiche.yaml");
  } catch (e) {
    if (e instanceof ErreurSaisie) return e.problemes;
    throw e;
  }
  return [];
}

const ANGLAIS =
  /\b(Unexpected|Invalid|Missing|must|cannot|not allowed|Unresolved|Implicit|Nested|Tabs|Alias|Anchor|Flow|token|scalar|sequence|mapping)\b/;

describe("erreurs de syntaxe YAML : en français, avec la ligne", () => {
  test.each([
    ["BAD_DQ_ESCAPE", 'id: a\ntitre: "C:\\dossier"\n', 2],
    ["UNEXPECTED_TOKEN (scalaire en trop)", "id: a\ntitre: 'x' y\n", 2],
    ["BLOCK_AS_IMPLICIT_KEY", "id: a\ntitre: b c: d\n", 2],
    ["BAD_INDENT", "id: a\nbeneficiaire:\n  nom: x\n nature: y\n", 4],
    ["MISSING_CHAR (guillemet)", 'id: a\ntitre: "x\n', 3],
    ["TAB_AS_INDENT", "id: a\nbeneficiaire:\n\tnom: x\n", 3],
    ["MULTIPLE_ANCHORS", "id: a\ntitre: &x &y t\n", 2],
    ["MULTIPLE_DOCS", "id: a\n---\nid: b\n", 2],
    ["BAD_SCALAR_START", "id: a\ntitre: @x\n", 2],
    ["BLOCK_IN_FLOW / liste non fermée", "id: a\ndepenses: [\n  - x\n", 2],
    ["ALIAS_PROPS", "id: &a a\ntitre: &b *a\n", 2],
    ["KEY_OVER_1024_CHARS", `id: a\n? ${"x".repeat(1100)}\n: 1\n${"y".repeat(1100)}: 2\n`, 2],
  ])("%s", (_, texte, ligneMin) => {
    const ps = problemes(texte);
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      expect(p.message).not.toMatch(ANGLAIS);
      expect(p.fichier).toBe("fiche.yaml");
      expect(p.ligne).toBeGreaterThanOrEqual(ligneMin);
    }
  });

  test("un alias sans ancre est nommé, avec sa ligne ; ce n'est pas une « bombe d'alias »", () => {
    expect(problemes("id: a\nbeneficiaire: *benef\n")).toEqual([
      {
        fichier: "fiche.yaml",
        ligne: 2,
        message:
          "alias « *benef » sans ancre : un alias *nom reprend la valeur marquée &nom plus haut dans le fichier ; définissez l'ancre avant l'alias, ou écrivez la valeur elle-même",
      },
    ]);
  });

  test("« montant: 350.000 » reste le texte écrit ; « taux: 0.125 » reste un nombre", () => {
    expect(lireDocument("montant: 350.000\ntaux: 0.125\nb: 0.500\n", "f.yaml").donnees).toEqual({
      montant: "350.000",
      taux: 0.125,
      b: "0.500",
    });
  });
});
