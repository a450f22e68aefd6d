// Issue 20: lireDocument no longer keeps the parsed document for ligneDe, only each value's line. The
// lines must stay those the document gave: compared here with the former lookup (yaml's getIn on the
// document, a map entry by its key's line), on every path of the fixtures and of odd documents.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { chemins, fichiersYaml } from "../outils/documents.js";
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { lireDocument } from "../../src/core/document.js";

/** The lookup of lireDocument before issue 20, on the yaml document itself. */
function ligneAvant(doc: Document, lignes: LineCounter, chemin: PropertyKey[]): number | undefined {
  for (let n = chemin.length; n >= 0; n--) {
    const partie = chemin.slice(0, n) as (string | number)[];
    if (typeof partie[n - 1] === "string") {
      const parent = doc.getIn(partie.slice(0, -1), true);
      if (isMap(parent)) {
        const paire = parent.items.find(
          (p) => isPair(p) && isScalar(p.key) && p.key.value === partie[partie.length - 1],
        );
        const cle = paire?.key as Node | undefined;
        if (cle?.range) return lignes.linePos(cle.range[0]).line;
      }
    }
    const noeud = doc.getIn(partie, true) as Node | undefined;
    if (noeud?.range) return lignes.linePos(noeud.range[0]).line;
  }
  return undefined;
}

const ETRANGES = [
  "a: &x {b: 1, c: [2, 3]}\nd: *x\ne:\n  - *x\n  -\n  - f: null\n",
  "0: zéro\n1: [un, deux]\n'2': trois\ncle:\n",
  '{"id": "J", "depenses": [{"id": "d", "montant": 12}], "vide": {}, "liste": []}',
  "- a\n- b: [c, {d: e}]\n",
  "# rien qu'un commentaire\n",
  "? [complexe]\n: valeur\nsimple: 1\n",
];

test("ligneDe gives the lines the parsed document gave, on fixtures and odd documents", () => {
  const textes = [
    ...fichiersYaml("fixtures").map((f) => readFileSync(f, "utf8")),
    ...fichiersYaml("rules").map((f) => readFileSync(f, "utf8")),
    ...ETRANGES,
  ];
  let compares = 0;
  const ecarts: string[] = [];
  for (const texte of textes) {
    const doc = lireDocument(texte, "f.yaml");
    const lignes = new LineCounter();
    const yaml = parseDocument(texte, { lineCounter: lignes, uniqueKeys: false, strict: true });
    for (const c of chemins(doc.donnees)) {
      compares++;
      const attendu = ligneAvant(yaml, lignes, c);
      if (doc.ligneDe(c) !== attendu)
        ecarts.push(`${JSON.stringify(c)} : ${doc.ligneDe(c)} au lieu de ${attendu}`);
    }
  }
  expect(ecarts.slice(0, 10)).toEqual([]);
  expect(compares).toBeGreaterThan(1000);
});
