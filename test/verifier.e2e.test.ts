// `ti-aides verifier` run as a CI runs it: the bundled contracts, the JUnit, GitHub and JSON
// outputs, the exit statuses (0 compliant, 1 a rule broken, 2 an input unreadable), --strict.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const EXEMPLE = "fixtures/contrat-exemple";
const DE_MINIMIS = "fixtures/contrat-de-minimis";
const FICHE_JURA_02 = `${DE_MINIMIS}/fiches/jura-02-depollution.yaml`;

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-verifier-"));
function fichier(nom: string, texte: string | Buffer): string {
  const f = join(tmp, nom);
  mkdirSync(join(f, ".."), { recursive: true });
  writeFileSync(f, texte);
  return f;
}

/** The line (1-based) of a text in a file, read here, independently of ti-aides. */
function ligneDe(chemin: string, texte: string): number {
  return (
    readFileSync(chemin, "utf8")
      .split("\n")
      .findIndex((l) => l.includes(texte)) + 1
  );
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (nom) => ["testsuite", "testcase", "failure", "error"].includes(nom),
});
interface CasJunit {
  name: string;
  file?: string;
  failure?: { type: string; message: string; "#text": string }[];
  error?: { message: string }[];
}
function casJunit(texte: string): CasJunit[] {
  return xml.parse(texte).testsuites.testsuite.flatMap((s: { testcase: CasJunit[] }) => s.testcase);
}

describe("the compliant example contract (Vallée de l'Arve)", () => {
  test("table: a line per fiche, the contract's totals, exit 0", () => {
    const r = tiAides(["verifier", EXEMPLE]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const id of ["TI-ARVE-01", "TI-ARVE-02", "TI-ARVE-03"])
      expect(r.stdout).toMatch(new RegExp(`✔ conforme +${id}`));
    // Cost 600 000 + 90 000 + 24 000 = 714 000 €; public 200 000 + 45 000 + 12 000 = 257 000 € (the fixtures' comments).
    expect(r.stdout).toContain("Coût total : 714\u00a0000,00\u00a0€");
    expect(r.stdout).toContain("Financements publics : 257\u00a0000,00\u00a0€");
    expect(r.stdout).toContain("Verdict : ✔ conforme");
  });

  test("the alias check, --strict (no warning in the example) and JUnit: 3 fiches + the contract, no failure", () => {
    const r = tiAides(["check", EXEMPLE, "--strict", "--format", "junit"]);
    expect(r.code).toBe(0);
    const cas = casJunit(r.stdout);
    expect(cas.map((c) => c.name.split(" — ")[0])).toEqual([
      "TI-ARVE-01",
      "TI-ARVE-02",
      "TI-ARVE-03",
      "Contrat TI-VALLEE-ARVE : contrôles d'ensemble",
    ]);
    expect(cas.flatMap((c) => c.failure ?? [])).toEqual([]);
  });

  test("JSON: docs/interface.md's document, plus the contract block with its totals", () => {
    const r = tiAides(["verifier", EXEMPLE, "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.outil).toBe("ti-aides");
    expect(doc.synthese).toEqual({
      fiches: 3,
      conformes: 3,
      non_conformes: 0,
      sans_plan_de_financement: 0,
      en_erreur: 0,
    });
    expect(doc.contrat).toMatchObject({
      id: "TI-VALLEE-ARVE",
      territoire: "Vallée de l'Arve",
      periode: { debut: "2019-01-01", fin: "2022-12-31" },
      conforme: true,
      erreurs: [],
    });
    // 257 000 / 714 000 = 0.35994… → "0.3599"; 457 000 / 714 000 = 0.64005… → "0.6401".
    expect(doc.contrat.totaux).toMatchObject({
      fiches: 3,
      cout_total: "714000.00",
      financements_publics: "257000.00",
      autofinancement: "457000.00",
      part_publique: "0.3599",
      part_autofinancement: "0.6401",
    });
    expect(doc.contrat.totaux.par_financeur).toEqual([
      { financeur: "ademe-investissement", montant: "200000.00" },
      { financeur: "bdt-ingenierie", montant: "45000.00" },
      { financeur: "direccte-conseil-rh", montant: "12000.00" },
    ]);
  });
});

describe("two fiches of one SIREN over the de minimis ceiling together (Haut-Jura)", () => {
  test("table: exit 1, both fiches named", () => {
    const r = tiAides(["verifier", DE_MINIMIS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("TI-JURA-01 et TI-JURA-02");
    // 110 000 + 100 000 = 210 000 € > 200 000 € (Reg. 1407/2013, art. 3 §2), over by 10 000 €.
    expect(r.stdout).toContain("210\u00a0000,00\u00a0€");
    expect(r.stdout).toContain("de 10\u00a0000,00\u00a0€");
    expect(r.stdout).toContain(
      `${FICHE_JURA_02}, ligne ${ligneDe(FICHE_JURA_02, "- financeur: region")}, champ « financements[0] »`,
    );
    expect(r.stdout).toContain("Verdict : ✖ non conforme");
  });

  test("JUnit parsed back: a test case per fiche, a failure per non-compliant control", () => {
    const r = tiAides(["verifier", DE_MINIMIS, "--format", "junit"]);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const cas = casJunit(r.stdout);
    expect(cas).toHaveLength(3); // TI-JURA-01, TI-JURA-02, the contract
    // TI-JURA-01 alone in 2017-2019: 110 000 € ≤ 200 000 €; TI-JURA-02 in 2018-2020: 210 000 € > 200 000 €.
    expect(cas[0].failure).toBeUndefined();
    expect(cas[1].failure!.map((f) => f.type)).toEqual(["de_minimis"]);
    expect(cas[1].file).toBe(FICHE_JURA_02);
    expect(cas[2].failure!.map((f) => f.type)).toEqual(["de_minimis"]);
    expect(cas[2].failure![0].message).toContain("TI-JURA-01 et TI-JURA-02");
    const suite = xml.parse(r.stdout).testsuites;
    expect([suite.tests, suite.failures, suite.errors]).toEqual(["3", "2", "0"]);
  });

  test("GitHub annotations: ::error on the line of the de minimis financing", () => {
    const r = tiAides(["verifier", DE_MINIMIS, "--format", "github"]);
    expect(r.code).toBe(1);
    const ligne = ligneDe(FICHE_JURA_02, "- financeur: region");
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(2);
    for (const a of annotations)
      expect(a.startsWith(`::error file=${FICHE_JURA_02},line=${ligne},title=`)).toBe(true);
    expect(annotations[1]).toContain("TI-JURA-01 et TI-JURA-02");
    // Commas and colons of a property are escaped; a message is one line.
    expect(annotations[0]).toContain("title=TI-JURA-02 — De minimis::");
  });
});

describe("a contract file with its fiches inline", () => {
  const contrat = fichier(
    "inline/contrat.yaml",
    `contrat:
  id: TI-ESSAI
  territoire: Haut-Jura
  periode: {debut: 2019-01-01, fin: 2022-12-31}
fiches:
  - id: TI-ESSAI-01
    date_demande: 2023-02-01
    beneficiaire: {nom: "Atelier, « essai » & fils", siren: "741000012", effectif: 10, chiffre_affaires: 1000000, total_bilan: 1000000}
    depenses: [{id: mission, nature: conseil, categorie: rh, montant: 10000}]
    financements:
      - {financeur: direccte-conseil-rh, montant: 5000, regime: de_minimis}
      - {financeur: autofinancement, montant: 5000}
`,
  );

  test("a date after the contract's period: exit 1, on the line of the field", () => {
    const r = tiAides(["verifier", contrat, "--format", "github"]);
    expect(r.code).toBe(1);
    // date_demande is line 7 of the file above.
    expect(r.stdout).toMatch(
      /^::error file=[^,]*contrat\.yaml,line=7,title=TI-ESSAI-01 — Période du contrat::.*01\/02\/2023/m,
    );
  });

  test("JSON: the fiche outside the period is counted non compliant in synthese, as in the table", () => {
    const r = tiAides(["verifier", contrat, "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    // Its own plan is compliant (5 000 € of de minimis, 50 % of 10 000 €)…
    expect(doc.fiches[0].conforme).toBe(true);
    // …but 01/02/2023 is after the period 2019-01-01 – 2022-12-31: the contract check fails it.
    expect(doc.contrat.conforme).toBe(false);
    expect(doc.synthese).toEqual({
      fiches: 1,
      conformes: 0,
      non_conformes: 1,
      sans_plan_de_financement: 0,
      en_erreur: 0,
    });
    expect(tiAides(["verifier", contrat]).stdout).toMatch(/✖ non conforme/);
  });
});

describe("a contract's fiches in a CSV (the format of ti-aides lot)", () => {
  // The Haut-Jura fixture as two rows: 110 000 € (2019) + 100 000 € (2020) of de minimis for one SIREN.
  const csv = fichier(
    "csv/fiches.csv",
    `id;titre;date_demande;beneficiaire;siren;effectif;chiffre_affaires;total_bilan;secteur;nature;categorie;montant;cout_reference;region;regime_region;autofinancement
TI-C1;Presses électriques;01/04/2019;Plasturgie du Haut-Jura SA;391000015;180;40 000 000;30 000 000;industrie;investissement;economies_energie;500 000;200 000;110 000;de_minimis;390 000
TI-C2;Traitement des COV;03/02/2020;Plasturgie du Haut-Jura SA;391000015;180;40 000 000;30 000 000;industrie;investissement;protection_environnement;400 000;150 000;100 000;de_minimis;300 000
`,
  );

  test("each row is a fiche, placed at its line; a failure names the column", () => {
    const r = tiAides(["verifier", csv, "--format", "github"]);
    expect(r.code).toBe(1);
    // 2018-2020 for the 2020 grant (Reg. 1407/2013): 110 000 + 100 000 = 210 000 € > 200 000 €; TI-C2 is row 3.
    expect(r.stdout).toMatch(
      /^::error file=[^,]*fiches\.csv,line=3,title=TI-C2 — De minimis::.*210\u00a0000,00\u00a0€.*\(colonne « region »\)$/m,
    );
    expect(r.stdout).toContain("TI-C1 et TI-C2");
  });
});

describe("warnings fail only with --strict", () => {
  // A Region line without `regime`: the GBER is assumed, with a warning asking to confirm it.
  const f = fichier(
    "avertissement/fiche.yaml",
    `id: TI-AVERT
date_demande: 2019-06-01
date_debut: 2019-09-01
beneficiaire: {siren: "741000012", effectif: 10, chiffre_affaires: 1000000, total_bilan: 1000000}
depenses: [{id: mission, nature: conseil, categorie: rh, montant: 10000}]
financements:
  - {financeur: region, montant: 5000}
  - {financeur: autofinancement, montant: 5000}
`,
  );

  test("exit 0 without, 1 with --strict; the warning is shown either way", () => {
    const sans = tiAides(["verifier", f]);
    expect(sans.code).toBe(0);
    expect(sans.stdout).toContain("régime non précisé");
    const avec = tiAides(["verifier", f, "--strict", "--format", "junit"]);
    expect(avec.code).toBe(1);
    expect(casJunit(avec.stdout)[0].failure!.map((x) => x.type)).toContain("avertissement");
  });
});

describe("inputs that cannot be read: exit 2, naming them", () => {
  test("a missing path and a file that is not UTF-8, the other fiches still reported", () => {
    const dossier = join(tmp, "illisible");
    mkdirSync(dossier, { recursive: true });
    copyFileSync(`${EXEMPLE}/fiches/01-chaleur-fatale.yaml`, join(dossier, "bonne.yaml"));
    fichier("illisible/latin1.yaml", Buffer.from("id: TI-\xe9T\xe9\n", "latin1"));
    const r = tiAides(["verifier", dossier, "manquant/contrat.yaml", "--format", "junit"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("manquant/contrat.yaml : fichier ou dossier introuvable");
    expect(r.stderr).toMatch(/latin1\.yaml : le fichier n'est pas encodé en UTF-8/);
    expect(sansPileDAppel(r.stderr)).toBe(true);
    const cas = casJunit(r.stdout);
    expect(cas[0].name).toMatch(/^TI-ARVE-01/);
    // A test case of its own for each input that could not be read, so that the CI lists it.
    const enErreur = cas.filter((c) => c.error).map((c) => c.name);
    expect(enErreur).toHaveLength(2);
    expect(enErreur).toContain("manquant/contrat.yaml");
    expect(enErreur.some((n) => n.endsWith("illisible/latin1.yaml"))).toBe(true);
  });

  test("an invalid fiche: file, line and field; an empty folder is refused", () => {
    const mauvaise = fichier(
      "invalide/fiche.yaml",
      "id: TI-X\nbeneficiaire: {nom: A}\ndepenses:\n  - {id: d, nature: etude, montant: -5}\n",
    );
    fichier("vide/README.md", "pas de fiche ici\n");
    const csv = fichier(
      "invalide/lignes.csv",
      "id;nature;montant;date_demande\nTI-Y;etude;1000;31/02/2020\n",
    );
    const r = tiAides(["verifier", mauvaise, join(tmp, "vide"), csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${mauvaise}, ligne 4 : champ « depenses[0].montant » : le montant -5 est négatif`,
    );
    expect(r.stderr).toMatch(/vide : aucune fiche \(\.yaml, \.yml, \.json, \.csv, \.xlsx, \.xlsm\)/);
    // 31 February does not exist: the CSV's line 2, its column « date_demande ».
    expect(r.stderr).toContain(`${csv}, ligne 2, fiche TI-Y : colonne « date_demande »`);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("the same fiche id in two files: exit 2, naming both files and lines", () => {
    const a = fichier("doublon/a.yaml", readFileSync(`${EXEMPLE}/fiches/03-conseil-rh.yaml`, "utf8"));
    const b = fichier(
      "doublon/sous-dossier/b.yaml",
      readFileSync(`${EXEMPLE}/fiches/03-conseil-rh.yaml`, "utf8"),
    );
    const ligne = ligneDe(a, "id: TI-ARVE-03");
    const r = tiAides(["verifier", join(tmp, "doublon"), "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${b}, ligne ${ligne} : champ « id » : identifiant de fiche « TI-ARVE-03 » déjà utilisé dans ${a}, ligne ${ligne}`,
    );
    expect(JSON.parse(r.stdout).contrat.erreurs).toHaveLength(1);
  });

  test("an unknown format is a usage error", () => {
    const r = tiAides(["verifier", EXEMPLE, "--format", "junt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("vouliez-vous dire « junit »");
  });
});

test("--sortie writes the JUnit report to a file, for the CI to collect", () => {
  const rapport = join(tmp, "rapport.xml");
  const r = tiAides(["verifier", DE_MINIMIS, "--format", "junit", "-o", rapport]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(casJunit(readFileSync(rapport, "utf8"))).toHaveLength(3);
});
