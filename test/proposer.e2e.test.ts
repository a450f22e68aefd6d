// `ti-aides proposer` run as a user runs it (docs/interface.md « proposer »): the proposed fiche,
// written with -o or on standard output, comes out compliant from `simuler` and `verifier`; the
// table says what each financer brings and what binds it; user errors are code 2, in French.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const CHAUFFERIE = "fixtures/fiches/chaufferie.yaml";
const tmp = mkdtempSync(join(tmpdir(), "ti-aides-proposer-"));
/** Amounts are written with no-break spaces ("480 000,00 €"): compared here with plain spaces. */
const espaces = (texte: string) => texte.replaceAll("\u00a0", " ");
const CONTRAT = join(tmp, "contrat.yaml");
writeFileSync(
  CONTRAT,
  `contrat: {id: C, territoire: Ardèche Drôme, periode: {debut: 2019-01-01, fin: 2022-12-31}}\nfiches:\n  - ${readFileSync(
    CHAUFFERIE,
    "utf8",
  )
    .replace(/^#.*\n/gm, "")
    .replaceAll("\n", "\n    ")}`,
);

describe("proposer on the README's chaufferie", () => {
  test("-o writes the proposed fiche; simuler and verifier find it compliant", () => {
    const sortie = join(tmp, "proposee.yaml");
    const r = tiAides(["proposer", CHAUFFERIE, "-o", sortie]);
    expect(r.code, r.stderr).toBe(0);
    // The table, on standard output when the fiche goes to a file. ADEME fiche 8: 60 % × (1 200 000 −
    // 400 000) = 480 000 € (l.909-914, l.927), the cumul on « chaudiere » at the same 480 000 €.
    expect(espaces(r.stdout)).toMatch(/ademe-investissement\s*│\s*480 000,00 €/);
    expect(r.stdout).toMatch(/Cumul des aides/);
    expect(espaces(r.stdout)).toMatch(/Aide publique : 480 000,00 €/);
    const fiche = parse(readFileSync(sortie, "utf8")) as {
      financements: { financeur: string; montant: number }[];
    };
    expect(fiche.financements.map((f) => [f.financeur, f.montant])).toEqual([
      ["ademe-investissement", 480000],
      ["region", 0],
      ["autofinancement", 720000],
    ]);

    const s = tiAides(["simuler", sortie, "--format", "json", "--strict"]);
    expect(s.code, s.stderr).toBe(0);
    const doc = JSON.parse(s.stdout) as { fiches: { conforme: boolean }[] };
    expect(doc.fiches[0].conforme).toBe(true);
    const v = tiAides(["verifier", sortie]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  test("without -o the fiche goes to standard output (the table to standard error), and reads back", () => {
    const r = tiAides(["propose", CHAUFFERIE, "--financeurs", "region,ademe-investissement"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Plan proposé pour la fiche TI-07-CHAUFFERIE/);
    const fiche = parse(r.stdout) as { financements: { financeur: string; montant: number }[] };
    // The Region listed first takes the 480 000 € the cumul allows; ADEME keeps its line at 0.
    expect(fiche.financements.map((f) => [f.financeur, f.montant])).toEqual([
      ["region", 480000],
      ["ademe-investissement", 0],
      ["autofinancement", 720000],
    ]);
    const lue = join(tmp, "lue.yaml");
    writeFileSync(lue, r.stdout);
    expect(tiAides(["verifier", lue]).code).toBe(0);
  });

  test("the fiche read on standard input (« - »)", () => {
    const r = tiAides(["proposer", "-"], { entree: readFileSync(CHAUFFERIE, "utf8") });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/montant: 480000/);
  });

  test("--format json writes the fiche as JSON, valid input of simuler", () => {
    const sortie = join(tmp, "proposee.json");
    const r = tiAides(["proposer", CHAUFFERIE, "--format", "json", "-o", sortie]);
    expect(r.code, r.stderr).toBe(0);
    expect(tiAides(["simuler", sortie, "--strict"]).code).toBe(0);
  });

  test("a fiche where no public aid is possible says why", () => {
    // The works started before the application: a GBER aid loses its incentive effect (note 8, l.2637).
    const f = join(tmp, "tardive.yaml");
    writeFileSync(
      f,
      readFileSync(CHAUFFERIE, "utf8").replace("date_debut: 2019-09-01", "date_debut: 2019-05-01"),
    );
    const r = tiAides(["proposer", f, "-o", join(tmp, "tardive-proposee.yaml")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Aucune aide publique possible/);
    expect(r.stdout).toMatch(/début des travaux/);
  });
});

describe("user errors: code 2, a French message, no stack trace", () => {
  test.each([
    [
      ["proposer", CHAUFFERIE, "--financeurs", "regoin"],
      /--financeurs : financeur public inconnu « regoin » .*region/,
    ],
    [["proposer", CHAUFFERIE, "--financeurs", ""], /--financeurs est vide/],
    [["proposer", CONTRAT], /proposer prend une fiche, pas un contrat/],
    [["proposer", "absente.yaml"], /absente\.yaml/],
    [
      ["proposer", CHAUFFERIE, "--format", "csv"],
      /le format « csv » n'est pas écrit par cette commande ; formats permis : yaml, json/,
    ],
  ])("%j", (args, message) => {
    const r = tiAides(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("-o naming the fiche itself is refused before anything is read (the fiche is not destroyed)", () => {
    const f = join(tmp, "elle-meme.yaml");
    writeFileSync(f, readFileSync(CHAUFFERIE, "utf8"));
    const r = tiAides(["proposer", f, "-o", f]);
    expect(r.code).toBe(2);
    expect(readFileSync(f, "utf8")).toBe(readFileSync(CHAUFFERIE, "utf8"));
  });

  test("a fiche naming no public financer: the file, the field, and what to do", () => {
    const f = join(tmp, "sans-public.yaml");
    const texte = readFileSync(CHAUFFERIE, "utf8");
    writeFileSync(
      f,
      texte.slice(0, texte.indexOf("financements:")) +
        "financements:\n  - financeur: autofinancement\n    montant: 1200000\n",
    );
    const r = tiAides(["proposer", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sans-public\.yaml.*ligne \d+.*financements.*--financeurs/);
  });
});
