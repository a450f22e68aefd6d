// Issue 20: the plain form of a fiche is read without the yaml library (src/core/document-simple.ts).
// Whatever it accepts must give the data and the lines the library gives (lireAvecYaml); anything else
// is left to the library. Checked on every YAML file of the project and on generated documents.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import { chemins, fichiersYaml } from "../outils/documents.js";
import { lireAvecYaml, lireDocument, type DocumentSource } from "../../src/core/document.js";
import { lireSimple } from "../../src/core/document-simple.js";

/** What differs between the fast reading and the library's, for a text the fast reader accepts. */
function ecarts(texte: string): string[] {
  const simple = lireSimple(texte);
  if (!simple) return [];
  let attendu: DocumentSource;
  try {
    attendu = lireAvecYaml(texte, "f.yaml");
  } catch (e) {
    return [`accepté, mais la bibliothèque le refuse : ${String(e)}`];
  }
  const lu = lireDocument(texte, "f.yaml");
  const diff: string[] = [];
  try {
    expect(lu.donnees).toStrictEqual(attendu.donnees);
  } catch {
    diff.push(`données ${JSON.stringify(lu.donnees)} au lieu de ${JSON.stringify(attendu.donnees)}`);
  }
  for (const c of chemins(attendu.donnees))
    if (lu.ligneDe(c) !== attendu.ligneDe(c))
      diff.push(`${JSON.stringify(c)} : ligne ${lu.ligneDe(c)} au lieu de ${attendu.ligneDe(c)}`);
  return diff.map((d) => `${JSON.stringify(texte).slice(0, 120)} — ${d}`);
}

test("the fiches of the examples are read without the library, as it reads them", () => {
  const fiches = fichiersYaml("fixtures").filter((f) => f.includes("fiches"));
  expect(fiches.length).toBeGreaterThan(5);
  for (const f of fiches) {
    const texte = readFileSync(f, "utf8");
    expect(lireSimple(texte), f).toBeDefined();
    expect(ecarts(texte), f).toEqual([]);
  }
});

test("every YAML file of the project: what the fast reader accepts, it reads as the library does", () => {
  const tous = [...fichiersYaml("fixtures"), ...fichiersYaml("rules"), ...fichiersYaml("test")];
  const problemes = tous.flatMap((f) => ecarts(readFileSync(f, "utf8")).map((e) => `${f} : ${e}`));
  expect(problemes.slice(0, 10)).toEqual([]);
});

test.each([
  ["a: 350.000\n", "350.000"], // written decimals kept (document.ts)
  ["a: 0.125\n", 0.125],
  ["a: 0.500\n", "0.500"],
  ["a: 12\n", 12],
  ["a: -3\n", -3],
  ["a: 2019-06-01\n", "2019-06-01"],
  ["a: Null\n", null],
  ["a: ~\n", null],
  ["a: FALSE\n", false],
  ["a: yes\n", "yes"],
  ["a: '123'\n", "123"],
  ['a: "x: y"\n', "x: y"],
  ["a: http://exemple.fr/a,b\n", "http://exemple.fr/a,b"],
  ["a: [x, y-z]\n", ["x", "y-z"]],
  ["a: [ ]\n", []],
])("%j is read as the library reads it", (texte, valeur) => {
  expect(lireSimple(texte)).toBeDefined();
  expect(ecarts(texte)).toEqual([]);
  expect(lireDocument(texte, "f.yaml").donnees).toStrictEqual({ a: valeur });
});

test.each([
  "a: 1 # commentaire\n",
  "a: &x 1\nb: *x\n",
  "a: |\n  texte\n",
  "a: texte\n  suite\n",
  "a:\n",
  "a:\n- 1\n",
  "a: {b: 1}\n",
  "a: 1e3\n",
  "a: 0x1F\n",
  "a: .inf\n",
  "a: 01\n",
  "a: +1\n",
  "a: -0\n",
  'a: "\\t"\n',
  "a: 1\na: 2\n",
  "a:  1\n b: 2\n",
  "a: 1\r\nb: 2\r\n",
  "a:\tb\n",
  "--- \na: 1\n",
  " a: 1\n",
  "- a\n  - b\n",
  "1: a\n",
  "true: a\n",
  "__proto__: a\n",
  "a: [1, 2]\n",
  "a: [x,]\n",
  "a: b: c\n",
  "a: 'x\n",
  "a: \u00a0x\n",
])("%j is left to the library", (texte) => {
  expect(lireSimple(texte)).toBeUndefined();
});

// Generated documents: nested blocks and lists, with values chosen among what YAML reads in many ways.
const VALEURS = [
  "1",
  "0",
  "-1",
  "12.5",
  "0.125",
  "350.000",
  "1.10",
  "1.0",
  "007",
  "+3",
  "-0",
  "1e3",
  ".5",
  "5.",
  "1_000",
  "0o17",
  "0x1A",
  ".inf",
  "-.Inf",
  ".nan",
  "null",
  "Null",
  "~",
  "true",
  "False",
  "yes",
  "no",
  "on",
  "2019-06-01",
  "2019-6-1",
  "12:30",
  "a:b",
  "a: b",
  "a :b",
  "a#b",
  "a #b",
  "#a",
  "@a",
  "`a",
  "%a",
  "&a",
  "*a",
  "!a",
  "|",
  ">",
  "?",
  "? a",
  "-",
  "- a",
  "-a",
  "[a]",
  "[a, b]",
  "[1]",
  "[a b]",
  "[]",
  "[ ]",
  "{}",
  "{a: 1}",
  '"a"',
  "'a'",
  '"a\\"b"',
  "'a''b'",
  '"a',
  "a'",
  "é à",
  "Chaudière 2 MW",
  "x,y",
  "]",
  "a ",
  "",
];
const CLES = ["id", "montant", "a_b", "x", "true", "1", "A-b", "__proto__"];
const arbreYaml: fc.Arbitrary<string[]> = fc.letrec<{ bloc: string[] }>((tie) => ({
  bloc: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...CLES),
          fc.oneof(
            fc.constantFrom(...VALEURS).map((v) => [v]),
            tie("bloc"),
          ),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((paires) =>
        paires.flatMap(([k, v]) =>
          v.length === 1 && !v[0].startsWith("\u0000")
            ? [`${k}: ${v[0]}`]
            : [`${k}:`, ...v.map((l) => `  ${l}`)],
        ),
      ),
    fc
      .array(
        fc.oneof(
          fc.constantFrom(...VALEURS).map((v) => [v]),
          tie("bloc"),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((elements) =>
        elements.flatMap((v) =>
          v.length === 1 ? [`- ${v[0]}`] : [`- ${v[0]}`, ...v.slice(1).map((l) => `  ${l}`)],
        ),
      ),
  ),
})).bloc;

test("generated documents: what the fast reader accepts, it reads as the library does", () => {
  let acceptes = 0;
  fc.assert(
    fc.property(arbreYaml, fc.boolean(), (lignes, commentaire) => {
      const texte = (commentaire ? "# en-tête\n" : "") + lignes.join("\n") + "\n";
      if (lireSimple(texte)) acceptes++;
      expect(ecarts(texte)).toEqual([]);
    }),
    { numRuns: 3000, seed: 20 },
  );
  expect(acceptes).toBeGreaterThan(100);
});
