// Issue 16: the quick question (`simuler` with options, no file) takes financing lines, so that each
// control of the financing plan can be tried from the command line; --date in both French forms; a
// fiche in error said once. The real command, as a user types it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { lancer } from "./outils/lancer.js";
import { sansPileDAppel } from "./outils/cli.js";

/**
 * ME, AFR, EnR: 55 % + 5 points AFR = 60 % of (1 200 000 − 400 000) = 480 000 € of ceiling
 * (Guide TI V5, fiche 8, l.909-914).
 */
const QUESTION = [
  "simuler",
  "--date",
  "2019-06-01",
  "--dispositif",
  "ademe-investissement",
  "--taille",
  "ME",
  "--afr",
  "--categorie",
  "enr",
  "--montant",
  "1200000",
  "--cout-reference",
  "400000",
];

interface Controle {
  controle: string;
  portee: string;
  conforme: boolean | null;
  valeur: string | null;
  limite: string | null;
  publication_requise?: boolean;
}

async function controles(...financement: string[]): Promise<Controle[]> {
  const r = await lancer([...QUESTION, ...financement, "--format", "json"]);
  expect(r.stderr).not.toMatch(/^Erreur/m);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).fiches[0].controles as Controle[];
}

describe("simuler en une ligne, avec des lignes de financement", () => {
  test("cumul : 350 000 (ADEME) + 150 000 (Région) = 500 000 € > 480 000 € ; plan équilibré ; de minimis dans le plafond", async () => {
    const c = await controles(
      "--financement",
      "ademe-investissement=350000",
      "--financement",
      "Région=150 000 €", // the financer in words, the amount in French: read as region, 150 000
      "--regime-financement",
      "region=de_minimis",
      "--financement",
      "autofinancement=700000",
    );
    const par = (nom: string) => c.filter((x) => x.controle === nom);
    // Public aid on the expense: 350 000 + 150 000 = 500 000 € against 480 000 € (RGEC art. 8).
    expect(par("cumul")).toEqual([
      expect.objectContaining({ conforme: false, valeur: "500000.00", limite: "480000.00" }),
    ]);
    // Resources 350 000 + 150 000 + 700 000 = 1 200 000 € = the expense.
    expect(par("equilibre")).toEqual([
      expect.objectContaining({ conforme: true, valeur: "1200000.00", limite: "1200000.00" }),
    ]);
    // In 2019 the general de minimis ceiling is 200 000 € (Règlement 1407/2013, art. 3 §2): 150 000 within.
    expect(par("de_minimis")).toEqual([
      expect.objectContaining({ conforme: true, valeur: "150000.00", limite: "200000.00" }),
    ]);
    // --strict: 1 on a fiche that is not compliant.
    const strict = await lancer([
      ...QUESTION,
      "--financement",
      "ademe-investissement=350000",
      "--financement",
      "region=150000",
      "--regime-financement",
      "region=de_minimis",
      "--financement",
      "autofinancement=700000",
      "--strict",
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("Cumul des aides");
  });

  test("de minimis dépassé (250 000 € > 200 000 €), transparence (600 000 € ≥ 500 000 €), plan déséquilibré", async () => {
    const dm = await controles("--financement", "region=250000", "--regime-financement", "region=de minimis");
    // 250 000 € over the 200 000 € of Règlement 1407/2013, art. 3 §2.
    expect(dm.find((x) => x.controle === "de_minimis")).toMatchObject({
      conforme: false,
      valeur: "250000.00",
      limite: "200000.00",
    });
    // Resources 250 000 € for an expense of 1 200 000 €: not balanced.
    expect(dm.find((x) => x.controle === "equilibre")?.conforme).toBe(false);

    // An individual aid of 500 000 € or more is published (RGEC art. 9 §1 c; Guide note 10, l.2641).
    const tr = await controles("--financement", "region=600000", "--regime-financement", "region=rgec");
    expect(tr.find((x) => x.controle === "transparence" && x.portee === "region")).toMatchObject({
      publication_requise: true,
      valeur: "600000.00",
      limite: "500000.00",
    });
  });

  test("--aide-de-minimis-anterieure : 100 000 € reçus en 2018 + 150 000 € = 250 000 € > 200 000 € sur 2017-2019", async () => {
    const c = await controles(
      "--financement",
      "region=150000",
      "--regime-financement",
      "region=de_minimis",
      "--aide-de-minimis-anterieure",
      "01/03/2018=100000",
    );
    // Règlement 1407/2013, art. 3 §2: 200 000 € over three fiscal years (2017, 2018, 2019 for a 2019 demand).
    expect(c.find((x) => x.controle === "de_minimis")).toMatchObject({
      conforme: false,
      valeur: "250000.00",
      limite: "200000.00",
    });
  });

  test("--date-debut : travaux commencés avant la demande, l'effet incitatif n'est pas respecté (RGEC art. 6 §2)", async () => {
    const avant = await controles(
      "--financement",
      "ademe-investissement=350000",
      "--date-debut",
      "01/05/2019",
    );
    expect(avant.find((x) => x.controle === "effet_incitatif")?.conforme).toBe(false);
    const apres = await controles(
      "--financement",
      "ademe-investissement=350000",
      "--date-debut",
      "2019-09-01",
    );
    expect(apres.find((x) => x.controle === "effet_incitatif")?.conforme).toBe(true);
  });

  test("sans --date-debut : l'effet incitatif non vérifiable nomme l'option, pas le champ date_debut du YAML", async () => {
    const r = await lancer([
      ...QUESTION,
      "--financement",
      "ademe-investissement=350000",
      "--regime-financement",
      "ademe-investissement=rgec",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--date-debut");
    expect(r.stdout).not.toContain("date_debut");
  });

  test("régime non précisé : l'avertissement dit quelle option ajouter, pas « regime: » de YAML", async () => {
    const r = await lancer([...QUESTION, "--financement", "region=150000"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("confirmez-le avec --regime-financement region=rgec");
    expect(r.stdout).not.toContain("regime: rgec");
  });

  test.each([
    [["--financement", "region"], "écrivez FINANCEUR=VALEUR", "--financement region=150000"],
    [["--financement", "=150000"], "écrivez FINANCEUR=VALEUR", "--financement region=150000"],
    [
      ["--regime-financement", "region=de_minimis"],
      "aucune ligne de financement « region »",
      "--financement region=150000",
    ],
    [["--financement", "regoin=1000"], "--financement regoin=…", "vouliez-vous dire « region »"],
    [["--financement", "region=350.000"], "--financement region=…", "écrivez 350000 ou 350 000"],
    [
      ["--financement", "region=1000", "--regime-financement", "region=minimi"],
      "--regime-financement region=…",
      "rgec, de_minimis, hors_aide_etat",
    ],
    [
      ["--financement", "region=1", "--financement", "region=2"],
      "« region » est donné deux fois",
      "additionnez",
    ],
    [["--date-debut", "31/02/2019"], "--date-debut « 31/02/2019 » : date invalide", "JJ/MM/AAAA"],
    [["--aide-de-minimis-anterieure", "2018-03-01"], "écrivez DATE=MONTANT", "2018-03-01=50000"],
  ])("saisie mal formée %j : code 2 et ce qu'il faut écrire", async (args, attendu, conseil) => {
    const r = await lancer([...QUESTION, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(attendu);
    expect(r.stderr).toContain(conseil);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("« --montant 1 200 000 » sans guillemets : dit de mettre des guillemets", async () => {
    const r = await lancer([
      "simuler",
      "--dispositif",
      "ademe-investissement",
      "--montant",
      "1",
      "200",
      "000",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("entre guillemets");
  });
});

describe("--date : AAAA-MM-JJ ou JJ/MM/AAAA, comme dans le CSV", () => {
  test("01/06/2019 est lu comme 2019-06-01 ; 31/02/2019 et 2019-02-30 sont refusés (code 2)", async () => {
    const fiche = "fixtures/fiches/chaufferie.yaml";
    const [fr, iso, fevrier, iso30] = await Promise.all([
      lancer(["simuler", fiche, "--date", "01/06/2019", "--format", "json"]),
      lancer(["simuler", fiche, "--date", "2019-06-01", "--format", "json"]),
      lancer(["simuler", fiche, "--date", "31/02/2019"]),
      lancer(["lot", "fixtures/csv/contrat-exemple.csv", "--date", "2019-02-30"]),
    ]);
    expect(fr.code).toBe(0);
    expect(JSON.parse(fr.stdout).fiches[0].date_evaluation).toBe("2019-06-01");
    expect(fr.stdout).toBe(iso.stdout);
    for (const r of [fevrier, iso30]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--date « [^»]+ » : date invalide, ce jour n'existe pas dans le calendrier/);
      expect(r.stdout).toBe("");
    }
  });
});

describe("une fiche invalide : dite une fois, sur la sortie d'erreur", () => {
  const dossier = mkdtempSync(join(tmpdir(), "ti-aides-simuler-options-"));
  const fichier = join(dossier, "invalide.yaml");
  writeFileSync(
    fichier,
    [
      "id: TI-X",
      "date_demande: 2019-06-01",
      "beneficiaire:",
      "  taille: ME",
      "depenses:",
      "  - id: d",
      "    nature: investissement",
      "    montant: 1000",
      "    montnat: 3",
      "",
    ].join("\n"),
  );

  test("tableau : rien sur la sortie standard, une ligne d'erreur avec fichier, ligne et champ, code 2", async () => {
    const r = await lancer(["simuler", fichier]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const erreurs = r.stderr.split("\n").filter((l) => l.includes("montnat"));
    expect(erreurs).toHaveLength(1);
    expect(erreurs[0]).toContain(`${fichier}, ligne 9 : champ « depenses[0].montnat »`);
  });

  test("JSON : la fiche en erreur est datée de sa date_demande (2019-06-01), pas d'aujourd'hui", async () => {
    const r = await lancer(["simuler", fichier, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).fiches[0].date_evaluation).toBe("2019-06-01");
  });

  test("avec une bonne fiche : la bonne au tableau, la mauvaise une seule fois", async () => {
    const r = await lancer(["simuler", "fixtures/fiches/chaufferie.yaml", fichier]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("TI-07-CHAUFFERIE");
    expect(r.stdout).not.toContain("montnat");
    expect(r.stderr.split("\n").filter((l) => l.includes("montnat"))).toHaveLength(1);
  });
});
