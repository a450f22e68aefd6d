// Issue 12: any CSV of N rows — whatever its line endings (CRLF, LF, CR, mixed), its delimiter, its
// `sep=` line and its encoding (UTF-8 with or without BOM, Windows-1252) — gives N output rows of
// `lot`, with every input cell unchanged (byte for byte in Windows-1252), cells beyond the header's
// width included. Only deliberate change: a cell that a spreadsheet would run as a formula gets "'".
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { lot } from "../../src/cli/commandes/lot.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-aller-retour-"));

/** Windows-1252, its five undefined bytes standing for themselves (as U+0081…). */
const VERS_1252 = new Map<string, number>();
for (let b = 0; b < 256; b++) {
  const c = [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)
    ? String.fromCharCode(b)
    : iconv.decode(Buffer.from([b]), "windows-1252");
  VERS_1252.set(c, b);
}
const en1252 = (texte: string) => Buffer.from([...texte].map((c) => VERS_1252.get(c)!));

// Characters that matter: delimiters, quotes, line breaks, accents, the euro sign, the bytes
// Windows-1252 leaves undefined, UTF-8 look-alikes ("Ã©"), formula starters.
const COMMUNS = [
  "a",
  "Z",
  "0",
  " ",
  "é",
  "É",
  "€",
  "ç",
  "œ",
  "’",
  "«",
  "\u00a0",
  "\u0081",
  "\u008d",
  "\u008f",
  "\u0090",
  "\u009d",
  "Ã",
  "©",
  ";",
  ",",
  '"',
  "\n",
  "\r",
  "=",
  "-",
  "+",
  "@",
  "'",
];
const UTF8_SEUL = ["😀", "中", "\u202f"];

type Encodage = "utf-8" | "utf-8-bom" | "windows-1252";

const cas = fc.constantFrom<Encodage>("utf-8", "utf-8-bom", "windows-1252").chain((encodage) => {
  const caractere = fc.constantFrom(...(encodage === "windows-1252" ? COMMUNS : [...COMMUNS, ...UTF8_SEUL]));
  const cellule = fc.array(caractere, { maxLength: 8 }).map((cs) => cs.join(""));
  return fc.record({
    encodage: fc.constant(encodage),
    separateur: fc.constantFrom(";", ","),
    ligneSep: fc.boolean(),
    notes: fc.integer({ min: 0, max: 3 }),
    fins: fc.array(fc.constantFrom("\r\n", "\n", "\r"), { minLength: 16, maxLength: 16 }),
    finale: fc.boolean(),
    // Each row: its cells after the id (fewer or more than the header has).
    lignes: fc.array(fc.array(cellule, { maxLength: 7 }), { minLength: 1, maxLength: 15 }),
  });
});

function champ(c: string, sep: string): string {
  return /[";,\r\n]/.test(c) || c.includes(sep) ? `"${c.replaceAll('"', '""')}"` : c;
}

/** What `lot` writes for a cell: a formula-looking one neutralised by a leading "'". */
function attendue(c: string): string {
  return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(c) ? `'${c}` : c;
}

describe("a CSV read and written back by lot", () => {
  const ecrire = process.stderr.write.bind(process.stderr);
  beforeAll(() => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true); // the summary of each run
  });
  afterAll(() => {
    vi.restoreAllMocks();
    void ecrire;
  });

  test("N rows in, N rows out, every cell unchanged", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(cas, async (c) => {
        const entetes = [
          "id",
          "nature",
          "montant",
          ...Array.from({ length: c.notes }, (_, i) => `Note ${i + 1}`),
        ];
        const rangees = c.lignes.map((cellules, i) => [`L${i + 1}`, ...cellules]);
        const lignes = [entetes, ...rangees].map((r) =>
          r.map((x) => champ(x, c.separateur)).join(c.separateur),
        );
        let texte = c.ligneSep ? `sep=${c.separateur}${c.fins[15]}` : "";
        lignes.forEach((l, i) => (texte += l + (i < lignes.length - 1 || c.finale ? c.fins[i] : "")));
        const octets =
          c.encodage === "windows-1252"
            ? en1252(texte)
            : Buffer.from((c.encodage === "utf-8-bom" ? "\ufeff" : "") + texte, "utf8");
        const entree = join(tmp, `e${++n}.csv`);
        const sortie = join(tmp, `s${n}.csv`);
        writeFileSync(entree, octets);

        expect(await lot(entree, { sortie, quiet: true })).toBe(0);

        // Read back at the byte level for Windows-1252 (latin1: one character per byte).
        const lu = readFileSync(sortie);
        const brut = c.encodage === "windows-1252" ? lu.toString("latin1") : lu.toString("utf8");
        const sansSep = c.ligneSep ? brut.replace(/^(\ufeff?)sep=.(\r\n|\n|\r)/, "$1") : brut;
        const obtenu: string[][] = parse(sansSep, {
          delimiter: c.separateur,
          bom: true,
          relax_column_count: true,
          record_delimiter: ["\r\n", "\n", "\r"],
        });
        const versSortie = (x: string) => (c.encodage === "windows-1252" ? en1252(x).toString("latin1") : x);

        expect(obtenu).toHaveLength(rangees.length + 1);
        const largeur = entetes.length;
        const resultats = obtenu[0].length - largeur;
        rangees.forEach((cellules, i) => {
          const o = obtenu[i + 1];
          for (let j = 0; j < largeur; j++) expect(o[j]).toBe(versSortie(attendue(cellules[j] ?? "")));
          const enTrop = cellules.slice(largeur);
          if (enTrop.some((x) => x !== ""))
            expect(o.slice(largeur + resultats)).toEqual(enTrop.map((x) => versSortie(attendue(x))));
        });
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
