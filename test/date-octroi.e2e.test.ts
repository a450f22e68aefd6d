// `--date` moves the evaluation date, not the grant date (docs/domaine.md §3: a line's grant date is its
// date_octroi, by default the fiche's date_demande). The spec does not say which one --date should move
// for the transparency threshold: the tool keeps the grant date and says so, never in silence.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tiAides } from "./outils/cli.js";

const CHAUFFERIE = "fixtures/fiches/chaufferie.yaml";
const esp = "[\\s\\u00a0\\u202f]";

interface Sortie {
  fiches: {
    motifs: { code: string; message: string; niveau: string }[];
    controles: { controle: string; portee: string; limite: string | null }[];
  }[];
}

function simuler(fichier: string, ...args: string[]): Sortie["fiches"][number] {
  const r = tiAides(["simuler", fichier, "--format", "json", ...args]);
  expect(r.stderr).not.toMatch(/Erreur/);
  return (JSON.parse(r.stdout) as Sortie).fiches[0];
}

const transparence = (f: Sortie["fiches"][number]) =>
  f.controles.filter((c) => c.controle === "transparence").map((c) => c.limite);

describe("--date and the grant date (date_octroi)", () => {
  test("--date 2024 on a fiche applied for in 2019: the threshold of the grant date, and a warning naming both dates", () => {
    const f = simuler(CHAUFFERIE, "--date", "2024-06-01");
    // Grant date = date_demande 2019-06-01: 500 000 € (Règlement (UE) 651/2014, art. 9 ; Guide note 10, l.2641).
    expect(transparence(f)).toEqual(["500000.00", "500000.00"]);
    const m = f.motifs.find((x) => x.code === "date_octroi_par_defaut");
    expect(m?.niveau).toBe("avertissement");
    expect(m?.message).toContain("01/06/2024");
    expect(m?.message).toContain("01/06/2019");
    expect(m?.message).toContain("financements n°1 et n°2");
    // At 2024-06-01 the threshold would be 100 000 € (Règlement (UE) 2023/1315 modifying art. 9).
    expect(m?.message).toMatch(
      new RegExp(`500${esp}000,00${esp}€ au 01/06/2019, 100${esp}000,00${esp}€ au 01/06/2024`),
    );
    expect(m?.message).toContain("date_octroi: 2024-06-01");
  });

  test("no --date, or --date equal to date_demande: nothing to say", () => {
    expect(simuler(CHAUFFERIE).motifs.map((m) => m.code)).not.toContain("date_octroi_par_defaut");
    expect(simuler(CHAUFFERIE, "--date", "2019-06-01").motifs.map((m) => m.code)).not.toContain(
      "date_octroi_par_defaut",
    );
  });

  test("lines with their own date_octroi: read at that date, no warning", () => {
    const dossier = mkdtempSync(join(tmpdir(), "ti-aides-octroi-"));
    const fichier = join(dossier, "chaufferie-octroi.yaml");
    const texte = readFileSync(CHAUFFERIE, "utf8")
      .replace(
        "    regime: rgec\n  - financeur: region",
        "    regime: rgec\n    date_octroi: 2024-06-01\n  - financeur: region",
      )
      .replace(
        "    montant: 150000\n    regime: rgec",
        "    montant: 150000\n    regime: rgec\n    date_octroi: 2024-06-01",
      );
    writeFileSync(fichier, texte);
    const f = simuler(fichier, "--date", "2024-06-01");
    // Granted 2024-06-01: 100 000 € (Règlement (UE) 2023/1315 modifying art. 9 of 651/2014).
    expect(transparence(f)).toEqual(["100000.00", "100000.00"]);
    expect(f.motifs.map((m) => m.code)).not.toContain("date_octroi_par_defaut");
  });

  test("the table says it too", () => {
    const r = tiAides(["simuler", CHAUFFERIE, "--date", "01/06/2024"]);
    expect(r.stdout).toMatch(/⚠ Deux dates : .*01\/06\/2024.*01\/06\/2019/);
  });
});
