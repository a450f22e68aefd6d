// `ti-aides simuler` run as a user types it: table, JSON, YAML, flags form, errors and exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const EXEMPLE = "fixtures/fiches/chaufferie.yaml";
const tmp = mkdtempSync(join(tmpdir(), "ti-aides-simuler-"));
function fichier(nom: string, texte: string): string {
  const f = join(tmp, nom);
  writeFileSync(f, texte);
  return f;
}

describe("the bundled example (docs/interface.md's fiche)", () => {
  test("table: French amounts and rates, the controls, no colour under NO_COLOR", () => {
    const r = tiAides(["simuler", EXEMPLE]);
    expect(r.code).toBe(0);
    // ME, EnR, AFR: 55 % + 5 points = 60 % of 1 200 000 − 400 000 → 480 000,00 € (Guide l.912-914).
    expect(r.stdout).toContain("480\u00a0000,00\u00a0€");
    expect(r.stdout).toContain("60\u00a0%");
    expect(r.stdout).toContain("Cumul des aides");
    expect(r.stdout).toContain("non conforme");
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  test("JSON exactly in docs/interface.md's shape", () => {
    const r = tiAides(["simuler", EXEMPLE, "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.outil).toBe("ti-aides");
    expect(doc.synthese).toEqual({
      fiches: 1,
      conformes: 0,
      non_conformes: 1,
      sans_plan_de_financement: 0,
      en_erreur: 0,
    });
    const f = doc.fiches[0];
    expect(f.id).toBe("TI-07-CHAUFFERIE");
    expect(f.date_evaluation).toBe("2019-06-01");
    expect(f.beneficiaire).toEqual({
      taille: "ME",
      taille_source: "calculee",
      categorie_entreprise: "PME",
      activite_economique: true,
    });
    expect(f.resultats[0]).toMatchObject({
      dispositif: "ademe-investissement",
      depense: "chaudiere",
      eligible: true,
      assiette: "800000.00",
      taux: "0.6000",
      plafond: "480000.00",
      demande: "350000.00",
      depassement: "0.00",
    });
    expect(f.resultats[0].motifs.map((m: { code: string }) => m.code)).toContain("bonus_afr_metropole");
    // 350 000 + 150 000 = 500 000 € of public aid > 480 000 € (note 9, l.2639).
    expect(f.controles.find((c: { controle: string }) => c.controle === "cumul")).toMatchObject({
      portee: "chaudiere",
      conforme: false,
      valeur: "500000.00",
      limite: "480000.00",
    });
    expect(f.conforme).toBe(false);
    expect(f.erreurs).toEqual([]);
  });

  test("YAML output and --sortie file", () => {
    const sortie = join(tmp, "resultat.yaml");
    const r = tiAides(["simuler", EXEMPLE, "--format", "yaml", "-o", sortie]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(parse(readFileSync(sortie, "utf8")).fiches[0].resultats[0].plafond).toBe("480000.00");
  });

  test("--strict exits 1 on a non-compliant fiche", () => {
    expect(tiAides(["simuler", EXEMPLE, "--strict"]).code).toBe(1);
  });

  test("standard input with -", () => {
    const r = tiAides(["simuler", "-", "--format", "json"], { entree: readFileSync(EXEMPLE) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fiches[0].resultats[0].plafond).toBe("480000.00");
  });
});

describe("the flags form", () => {
  test("docs/interface.md's quick question gives 60 % and 480 000 €", () => {
    const r = tiAides([
      "simuler",
      "--dispositif",
      "ademe-investissement",
      "--taille",
      "ME",
      "--zone",
      "metropole",
      "--afr",
      "--categorie",
      "enr",
      "--montant",
      "1200000",
      "--cout-reference",
      "400000",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fiches[0].resultats[0]).toMatchObject({
      taux: "0.6000",
      plafond: "480000.00",
    });
  });

  test("--forme avance_remboursable adds 10 points (Guide fiche 8, l.920): 70 % → 560 000 €", () => {
    const r = tiAides([
      "simuler",
      "--dispositif",
      "ademe-investissement",
      "--taille",
      "ME",
      "--afr",
      "--categorie",
      "enr",
      "--montant",
      "1 200 000 €",
      "--cout-reference",
      "400000",
      "--forme",
      "avance_remboursable",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fiches[0].resultats[0]).toMatchObject({
      taux: "0.7000",
      plafond: "560000.00",
    });
  });

  test("a misspelt dispositif is refused with a suggestion", () => {
    const r = tiAides(["simuler", "--dispositif", "ademe-investisement", "--montant", "1000"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("vouliez-vous dire « ademe-investissement »");
  });

  test("a bad amount names the flag", () => {
    const r = tiAides([
      "simuler",
      "--dispositif",
      "ademe-investissement",
      "--categorie",
      "enr",
      "--montant",
      "-5",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--montant");
    expect(r.stderr).toContain("négatif");
  });
});

describe("input mistakes: exit 2, a French message with file, line and field, no stack trace", () => {
  const base = readFileSync(EXEMPLE, "utf8");

  test("an unknown field, with its line and a suggestion", () => {
    const f = fichier("typo.yaml", base.replace("    cout_reference: 400000", "    cout_referance: 400000"));
    const r = tiAides(["simuler", f]);
    expect(r.code).toBe(2);
    const ligne = base.split("\n").findIndex((l) => l.includes("cout_reference")) + 1;
    expect(r.stderr).toContain(`${f}, ligne ${ligne}`);
    expect(r.stderr).toContain("depenses[0].cout_referance");
    expect(r.stderr).toContain("vouliez-vous dire « cout_reference »");
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("negative, over-precise and non-finite amounts", () => {
    for (const [valeur, attendu] of [
      ["-100", "négatif"],
      ["1200000.001", "deux décimales"],
      [".inf", "fini"],
      ["1e400", "fini"],
    ]) {
      const r = tiAides([
        "simuler",
        fichier("montant.yaml", base.replace("montant: 1200000", `montant: ${valeur}`)),
      ]);
      expect(r.code, valeur).toBe(2);
      expect(r.stderr, valeur).toContain(attendu);
      expect(r.stderr).toContain("depenses[0].montant");
    }
  });

  test("French amount strings are accepted", () => {
    const f = fichier(
      "fr.yaml",
      base
        .replace("montant: 1200000", 'montant: "1 200 000,00 €"')
        .replace("cout_reference: 400000", "cout_reference: 400 000,00 €"),
    );
    const r = tiAides(["simuler", f, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fiches[0].resultats[0].plafond).toBe("480000.00");
  });

  test("an unknown financer, a wrong enum value, a missing required field", () => {
    const r1 = tiAides([
      "simuler",
      fichier("f1.yaml", base.replace("financeur: region", "financeur: regoin")),
    ]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/financements\[1\]\.financeur.*vouliez-vous dire « region »/);
    const r2 = tiAides(["simuler", fichier("f2.yaml", base.replace("zone: metropole", "zone: metropol"))]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/localisation\.zone.*vouliez-vous dire « metropole »/);
    const r3 = tiAides(["simuler", fichier("f3.yaml", base.replace(/^id: .*$/m, ""))]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/champ « id » : champ obligatoire manquant/);
  });

  test("missing file, folder, invalid YAML, unknown option, bad --date", () => {
    const cas: [string[], string][] = [
      [["simuler", "absent.yaml"], "introuvable"],
      [["simuler", "fixtures"], "dossier"],
      [["simuler", fichier("casse.yaml", "id: [\n")], "syntaxe"],
      [["simuler", EXEMPLE, "--inconnue"], "option inconnue"],
      [["simuler", EXEMPLE, "--date", "2019-02-30"], "date invalide"],
      [["simuler", EXEMPLE, "--format", "xml"], "format « xml » inconnu"],
    ];
    for (const [args, attendu] of cas) {
      const r = tiAides(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain(attendu);
      expect(sansPileDAppel(r.stderr)).toBe(true);
    }
  });

  test("no file and no terminal: a clear message, not a hanging prompt", () => {
    const r = tiAides(["simuler"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("aucune fiche");
  });

  test("a good fiche and a bad one: the good one is evaluated, exit 2", () => {
    const r = tiAides(["simuler", EXEMPLE, fichier("vide.yaml", ""), "--format", "json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).fiches).toHaveLength(1);
    expect(r.stderr).toContain("vide");
  });
});

test("--help and --version, in French", () => {
  const aide = tiAides(["--help"]);
  expect(aide.code).toBe(0);
  expect(aide.stdout).toContain("Utilisation :");
  expect(aide.stdout).toContain("simuler");
  expect(tiAides(["simuler", "--help"]).stdout).toContain("--cout-reference");
  expect(tiAides(["--version"]).stdout.trim()).toBe("1.0.0");
});
