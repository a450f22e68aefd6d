// `ti-aides lot` gives the same output whatever the number of worker threads evaluating its rows
// (TI_AIDES_TRAVAILLEURS: 0, none; 1; 2), on a file of several batches with what makes the reading and
// the order hard: rows in error, quoted cells on two lines across batch boundaries, blank rows in the
// middle and at the end; and a worker never keeps `lot` alive when it stops on an error (an output
// file that could not be opened left `lot` hanging for ever, on main at a8f34d1).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { generer } from "./bench/generateur.mjs";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-lot-fils-"));

/** 600 rows of the bench's contract (a wrong amount at rows 57, 157…), made harder to read. */
async function contrat(): Promise<string> {
  const brut = join(tmp, "brut.csv");
  await generer(brut, 600);
  const lignes = readFileSync(brut, "utf8").split("\r\n");
  // A title on two lines, with the separator and quotes inside, in the rows on each side of the first
  // batch boundary (250 rows) and in the middle of the second.
  for (const i of [249, 250, 251, 400])
    lignes[i] = lignes[i].replace(
      /;Action n°(\d+) — ([^;]*);/,
      ';"Action n°$1\r\nsur deux lignes ; dite ""$2"" ";',
    );
  const blanche = ";".repeat(lignes[0].split(";").length - 1);
  // Blank rows: kept in the middle (around the boundary), dropped at the end.
  lignes.splice(253, 0, blanche, blanche);
  lignes.splice(lignes.length - 1, 0, blanche, blanche);
  const f = join(tmp, "contrat.csv");
  writeFileSync(f, lignes.join("\r\n"));
  return f;
}

/** The summary's duration and rate change from run to run; nothing else may. */
const sansDuree = (s: string) => s.replace(/en \d+,\d s(, [\d\u202f\u00a0 ]+ lignes\/s)?/, "en (durée)");

describe("the same output with 0, 1 or 2 worker threads", async () => {
  const entree = await contrat();
  for (const format of ["csv", "jsonl", "json"]) {
    test(`--format ${format} --strict`, () => {
      // Every count for the CSV; for JSON and JSON Lines (the same rows, another writer), 0 and 2.
      const [seul, ...autres] = (format === "csv" ? ["0", "1", "2"] : ["0", "2"]).map((n) =>
        tiAides(["lot", entree, "--format", format, "--strict"], { env: { TI_AIDES_TRAVAILLEURS: n } }),
      );
      // 6 rows in error (rows 57, 157… of the generator), the others mostly non compliant: --strict says 1.
      expect(seul.code).toBe(1);
      expect(seul.stderr).toMatch(/600 ligne\(s\) — .* 6 en erreur/);
      for (const r of autres) {
        expect(r.code).toBe(seul.code);
        expect(r.stdout).toBe(seul.stdout);
        expect(sansDuree(r.stderr)).toBe(sansDuree(seul.stderr));
      }
      if (format !== "csv") return;
      // In the order of the input: the ids, the blank rows kept in the middle, the two-line titles.
      const sortie = parse(seul.stdout, {
        delimiter: ";",
        bom: true,
        relax_column_count: true,
      }) as string[][];
      const ids = sortie.slice(1).map((l) => l[0]);
      expect(ids.length).toBe(602); // 600 rows and the 2 blank ones in the middle
      expect(ids.slice(250, 255)).toEqual(["TI-0000251", "TI-0000252", "", "", "TI-0000253"]);
      expect(ids.filter((id) => id !== "")).toEqual(
        Array.from({ length: 600 }, (_, i) => `TI-${String(i + 1).padStart(7, "0")}`),
      );
      expect(sortie[250][1]).toMatch(/^Action n°250\r\nsur deux lignes ; dite "[^"]+" $/);
    });
  }

  test("the rows in error are reported with their spreadsheet row, in order", () => {
    const r = tiAides(["lot", entree, "--format", "jsonl"], { env: { TI_AIDES_TRAVAILLEURS: "2" } });
    const lignes = [...r.stderr.matchAll(/ligne (\d+), fiche TI-(\d+) : colonne « Montant »/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // Row n of the generator is spreadsheet row n + 1 (the header is 1), n + 3 after the two blank
    // rows put after row 252; the line breaks inside quoted cells do not count as rows.
    expect(lignes).toEqual([
      [58, 57],
      [158, 157],
      [260, 257],
      [360, 357],
      [460, 457],
      [560, 557],
    ]);
  });
});

describe("a worker thread never keeps `lot` alive", () => {
  test("an output file that cannot be opened: exit 2, at once", () => {
    // With a worker started, this hung for ever (main, a8f34d1): the worker kept the process alive.
    const sortie = join(tmp, "pas-de-dossier", "sortie.csv");
    const r = tiAides(["lot", "fixtures/csv/contrat-exemple.csv", "-o", sortie], {
      env: { TI_AIDES_TRAVAILLEURS: "1" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sortie\.csv : écriture impossible/);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("no header row, with a worker asked for: exit 2", () => {
    const entree = join(tmp, "vide.csv");
    writeFileSync(entree, ";;;\r\n;;;\r\n");
    const r = tiAides(["lot", entree], { env: { TI_AIDES_TRAVAILLEURS: "1" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/aucune ligne d'en-têtes/);
  });
});
