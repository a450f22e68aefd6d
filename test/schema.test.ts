// `ti-aides schema fiche|contrat|regles`: JSON Schemas generated from the zod schemas. Checked by
// reading them back (zod's fromJSONSchema, an independent reader of JSON Schema) and validating the
// fixtures and the built-in rules with them; wrong files must be refused.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { schemaJson } from "../src/core/schemas/json-schema.js";
import { RACINE, tiAides } from "./outils/cli.js";

const lecteur = (format: "fiche" | "contrat" | "regles") => z.fromJSONSchema(schemaJson(format) as never);
const yaml = (f: string) => parse(readFileSync(f, "utf8"));

function fichiers(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? fichiers(join(dossier, e.name))
      : /\.ya?ml$/.test(e.name)
        ? [join(dossier, e.name)]
        : [],
  );
}

describe("the JSON Schemas accept the project's files and refuse wrong ones", () => {
  test("fiche: every fixture fiche; an unknown field, a wrong zone, a missing id are refused", () => {
    const s = lecteur("fiche");
    const fiches = fichiers("fixtures/fiches");
    expect(fiches.length).toBeGreaterThanOrEqual(2);
    for (const f of fiches) expect(s.safeParse(yaml(f)).success, f).toBe(true);
    const base = yaml("fixtures/fiches/chaufferie.yaml");
    expect(s.safeParse({ ...base, beneficiaire: { ...base.beneficiaire, efectif: 120 } }).success).toBe(
      false,
    );
    expect(s.safeParse({ ...base, localisation: { zone: "metropol" } }).success).toBe(false);
    const { id: _id, ...sansId } = base;
    expect(s.safeParse(sansId).success).toBe(false);
    // French amounts are text, and accepted as the fiche reader accepts them.
    expect(
      s.safeParse({ ...base, depenses: [{ ...base.depenses[0], montant: "1 200 000,00 €" }] }).success,
    ).toBe(true);
  });

  test("regles: every built-in rule and the regional example; a rule without its calculation is refused", () => {
    const s = lecteur("regles");
    for (const f of [...fichiers("rules/dispositifs"), ...fichiers("fixtures/regles-region")])
      expect(s.safeParse(yaml(f)).success, f).toBe(true);
    const { calcul: _c, ...sansCalcul } = yaml("rules/dispositifs/cifre.yaml");
    expect(s.safeParse(sansCalcul).success).toBe(false);
    expect(s.safeParse({ ...yaml("rules/dispositifs/cifre.yaml"), theme: "attire" }).success).toBe(false);
  });

  test("contrat: the contract fixtures, with fiches inline or in files", () => {
    const s = lecteur("contrat");
    const contrats = readdirSync("fixtures")
      .filter((d) => d.startsWith("contrat"))
      .map((d) => join("fixtures", d, "contrat.yaml"));
    expect(contrats.length).toBeGreaterThanOrEqual(1);
    for (const f of contrats) expect(s.safeParse(yaml(f)).success, f).toBe(true);
    expect(
      s.safeParse({ contrat: { id: "X", territoire: "T", periode: { debut: "2019-01-01" } } }).success,
    ).toBe(false);
    expect(s.safeParse({ fiches: [{ id: "sans-beneficiaire", depenses: [] }] }).success).toBe(false);
  });
});

test("the fixtures name the schema the README says to generate, by a path that resolves from them", () => {
  for (const f of fichiers("fixtures/fiches")) {
    const premiere = readFileSync(f, "utf8").split("\n")[0];
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(premiere);
    expect(m, f).not.toBeNull();
    expect(resolve(dirname(f), m![1])).toBe(join(RACINE, "schemas/fiche.schema.json"));
  }
});

test("ti-aides schema: JSON on stdout or in a file; an unknown format is refused with a suggestion", () => {
  const r = tiAides(["schema", "fiche"]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  expect(doc.title).toBe("Fiche-action ti-aides");
  expect(doc.required).toEqual(["id", "beneficiaire", "depenses"]);
  const sortie = join(mkdtempSync(join(tmpdir(), "ti-aides-schema-")), "regles.schema.json");
  expect(tiAides(["schema", "regles", "-o", sortie]).code).toBe(0);
  expect(JSON.parse(readFileSync(sortie, "utf8")).properties.calcul).toBeDefined();
  const faux = tiAides(["schema", "fich"]);
  expect(faux.code).toBe(2);
  expect(faux.stderr).toContain("vouliez-vous dire « fiche »");
});
