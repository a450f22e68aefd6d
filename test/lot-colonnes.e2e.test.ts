// The messages of a CSV row name the columns the user wrote, never ti-aides's own id of the row's
// expense (« depense ») nor a YAML field (taux_max, categorie, dispositifs) — docs/interface.md,
// « Lire ce que contient un tableur » : « Messages about CSV … input name the column ».
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tiAides } from "./outils/cli.js";

function csv(texte: string): string {
  const f = join(mkdtempSync(join(tmpdir(), "ti-aides-colonnes-")), "lignes.csv");
  writeFileSync(f, texte);
  return f;
}

describe("lot: the row's expense and the fields to fill are named by their column", () => {
  // L1: a consulting expense no dispositif of the guide covers (no category) with a Region line: the
  // cumul has no ceiling. L2: EnR 100 000 € for a large enterprise (size unknown, GE by prudence):
  // 45 % = 45 000 € (Guide fiche 8, l.914), the Region asks 20 000 €, room 25 000 €.
  const fichier = csv(
    "id;Nature;Catégorie;Montant (€);Région;Autofinancement\n" +
      "L1;conseil;;100 000;20 000;80 000\n" +
      "L2;investissement;enr;100 000;20 000;80 000\n",
  );

  test("CSV: Anomalies and Marges say « la dépense de la ligne (colonne « Montant (€) ») », never « depense »", () => {
    const r = tiAides(["lot", fichier, "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain("« depense »");
    expect(r.stdout).toContain(
      "La dépense de la ligne (colonne « Montant (€) ») : 20\u00a0000,00\u00a0€ d'aides d'État, mais aucun dispositif chiffré n'en donne l'intensité maximale ; indiquez l'intensité du régime d'aide appliqué dans la colonne « taux_max » (ajoutez-la au tableau si elle n'y est pas).",
    );
    expect(r.stdout).toContain("cumul non vérifiable sans intensité maximale (colonne « taux_max »)");
    expect(r.stdout).toContain("précisez la colonne « categorie » ou « dispositif »");
    expect(r.stdout).toContain(
      "Région : 45\u00a0000,00\u00a0€ au plus, limité par le cumul sur la dépense de la ligne (colonne « Montant (€) »)",
    );
  });

  test("JSON lines and verifier: the same messages", () => {
    const jsonl = tiAides(["lot", fichier, "--format", "jsonl"]);
    expect(jsonl.stdout).not.toContain("« depense »");
    expect(jsonl.stdout).toContain("La dépense de la ligne (colonne « Montant (€) »)");
    const v = tiAides(["verifier", fichier, "--format", "json"]);
    expect(v.stdout).not.toContain("« depense »");
    expect(v.stdout).toContain("La dépense de la ligne (colonne « Montant (€) »)");
  });

  test("the HTML report of a CSV: the row's expense by its column, in ceilings, scopes and tables", () => {
    const html = join(mkdtempSync(join(tmpdir(), "ti-aides-colonnes-")), "lot.html");
    tiAides(["lot", "fixtures/csv/contrat-exemple.csv", "--format", "html", "-o", html]);
    const texte = readFileSync(html, "utf8")
      .replace(/<[^>]+>/g, " ")
      .replace(/[\u00a0\u202f\s]+/g, " ");
    expect(texte).not.toMatch(/« depense »|\/ depense\b|> ?depense ?</);
    expect(texte).not.toMatch(/\bdepense\b/);
    expect(texte).toContain(
      "Cumul des aides sur la dépense de la ligne (colonne « Montant ») (toutes aides publiques)",
    );
  });

  test("the example contract's CSV: no « depense » left", () => {
    const r = tiAides(["lot", "fixtures/csv/contrat-exemple.csv", "--format", "csv"]);
    expect(r.stdout).not.toContain("« depense »");
    expect(r.stdout).toContain("limité par le cumul sur la dépense de la ligne (colonne « Montant »)");
  });
});
