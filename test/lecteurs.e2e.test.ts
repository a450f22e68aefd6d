// The input readers by extension (src/cli/lecteurs.ts), asked by every command that reads fiches:
// what `verifier` reads, `simuler` and `expliquer` read too or refuse with the command to use.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { lancer } from "./outils/lancer.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-lecteurs-"));
const fiche = join(tmp, "fiche.yml");
copyFileSync("fixtures/fiches/chaufferie.yaml", fiche);
const tableau = join(tmp, "contrat.csv");
copyFileSync("fixtures/csv/contrat-exemple.csv", tableau);
/** A workbook or a tab-separated table: refused by extension, whatever its bytes. */
const refuses = [".tsv", ".xls", ".ods"].map((e) => {
  const f = join(tmp, `classeur${e}`);
  writeFileSync(f, "id;titre\n");
  return f;
});
/** An Excel workbook: read by lot and verifier (test/classeur.e2e.test.ts), a table to the others. */
const classeurs = [".xlsx", ".xlsm"].map((e) => {
  const f = join(tmp, `contrat${e}`);
  copyFileSync("fixtures/classeur/contrat-exemple.xlsx", f);
  return f;
});

describe("a command that reads fiche documents", () => {
  test.each([["simuler"], ["expliquer", "--dispositif", "ademe-investissement"]])(
    "%s: a .yml fiche is read; a CSV, a TSV or a workbook refused, naming lot and verifier",
    async (...commande) => {
      const lue = await lancer([commande[0], fiche, ...commande.slice(1), "--format", "json"]);
      expect(lue.code, lue.stderr).toBe(0);
      for (const f of [tableau, ...refuses]) {
        const r = await lancer([commande[0], f, ...commande.slice(1)]);
        expect(r.code, f).toBe(2);
        expect(r.stderr).toContain(`Erreur : ${f}`);
        expect(r.stderr).toMatch(/pas une fiche YAML ou JSON.*« ti-aides lot FICHIER\.csv »/);
        expect(r.stderr).toContain("ti-aides verifier FICHIER.csv");
      }
      for (const f of classeurs) {
        const r = await lancer([commande[0], f, ...commande.slice(1)]);
        expect(r.code, f).toBe(2);
        expect(r.stderr).toContain(
          `Erreur : ${f} : c'est un classeur Excel, pas une fiche YAML ou JSON : évaluez ses lignes avec « ti-aides lot FICHIER.xlsx », ou vérifiez tout le contrat avec « ti-aides verifier FICHIER.xlsx »`,
        );
      }
    },
  );
});

test("verifier: a .yml fiche, a CSV table and an .xlsx workbook are read; .ods, .xls refused, naming lot", async () => {
  const r = await lancer(["verifier", fiche, tableau, classeurs[0], "--format", "json"]);
  const sources = JSON.parse(r.stdout).contrat.sources.map((s: { fichier: string }) => s.fichier);
  expect(sources).toContain(fiche);
  expect(sources).toContain(tableau);
  expect(sources).toContain(classeurs[0]);
  for (const f of refuses) {
    const k = await lancer(["verifier", f]);
    expect(k.code, f).toBe(2);
    expect(k.stderr).toMatch(/pas une fiche YAML ou JSON.*« ti-aides lot FICHIER\.csv »/);
  }
});
