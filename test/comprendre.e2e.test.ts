// `expliquer`, `simuler --expliquer`, `regles`, `regles verifier` and the regional rules (--regles,
// TI_AIDES_REGLES), run as a user types them (the built command).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const CHAUFFERIE = "fixtures/fiches/chaufferie.yaml";
const ROBOTS = "fixtures/fiches/region-exemple/robotisation.yaml";
const REGION = "fixtures/regles-region";
const ADEME = readFileSync("rules/dispositifs/ademe-investissement.yaml", "utf8");

function dossier(fichiers: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), "ti-aides-regles-"));
  for (const [nom, texte] of Object.entries(fichiers)) writeFileSync(join(d, nom), texte);
  return d;
}

describe("expliquer", () => {
  test("table: numbered steps with their figures and sources, then the controls", () => {
    const r = tiAides(["expliquer", CHAUFFERIE, "--dispositif", "ademe-investissement"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      / 4\. Taux de base \(catégorie enr\), colonne ME : 55\u00a0%\n +source : Guide TI V5, fiche 8 \(p\. 35\) « L'ADEME s'engage en accompagnant les projets d'investissements dans la transition écologique et énergétique », partie « Les modalités d'intervention », l\.914/,
    );
    expect(r.stdout).toContain(
      "Aide maximale = 60\u00a0% × 800\u00a0000,00\u00a0€, tronquée au centime : 480\u00a0000,00\u00a0€",
    );
    expect(r.stdout).toContain("Contrôles qui concernent ademe-investissement");
    expect(r.stdout).toMatch(
      /✖ Cumul des aides \(chaudiere\) : 500\u00a0000,00\u00a0€ pour une limite de 480\u00a0000,00\u00a0€/,
    );
  });

  test("JSON trace: the last step of the regional rule is its 2021 cap, 250 000 € (fictional deliberation EX-2020-117)", () => {
    const r = tiAides([
      "expliquer",
      ROBOTS,
      "--dispositif",
      "region-exemple-investissement-industriel",
      "--regles",
      REGION,
      "--format",
      "json",
      "--quiet",
    ]);
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout).explications[0];
    expect(x.dispositif.fichier).toBe("fixtures/regles-region/region-exemple-investissement-industriel.yaml");
    const res = x.resultats[0];
    // PE (35 persons, CA 6 M€): robotisation 30 % + 10 points AFR = 40 % ≤ 40 % max; 40 % × 900 000 = 360 000 > 250 000.
    expect(res).toMatchObject({ taux: "0.4000", assiette: "900000.00", plafond: "250000.00" });
    expect(res.etapes.at(-1)).toMatchObject({
      libelle: "Plafond par dépense",
      valeur: "250\u00a0000,00\u00a0€",
    });
    expect(res.etapes.at(-1).source).toContain("EX-2020-117");
    expect(res.etapes.find((e: { libelle: string }) => e.libelle.startsWith("Aide maximale")).valeur).toBe(
      "360\u00a0000,00\u00a0€",
    );
  });

  test("a dispositif the fiche does not ask for is evaluated as if named, and says why it does not apply", () => {
    const r = tiAides(["expliquer", CHAUFFERIE, "--dispositif", "ademe-etudes", "--format", "json"]);
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout).explications[0];
    expect(x.ajoute_aux_depenses).toEqual(["chaudiere"]);
    expect(x.resultats[0].eligible).toBe(false);
    expect(x.resultats[0].motifs.map((m: { code: string }) => m.code)).toContain("nature_non_couverte");
  });

  test("mistakes: unknown dispositif or expense (with a suggestion), missing option — exit 2, no stack trace", () => {
    const cas: [string[], string][] = [
      [
        ["expliquer", CHAUFFERIE, "--dispositif", "ademe-investisement"],
        "vouliez-vous dire « ademe-investissement »",
      ],
      [
        ["expliquer", CHAUFFERIE, "--dispositif", "ademe-investissement", "--depense", "chaudier"],
        "vouliez-vous dire « chaudiere »",
      ],
      [["expliquer", CHAUFFERIE], "il manque l'option obligatoire --dispositif"],
      [["expliquer", "absente.yaml", "--dispositif", "ademe-investissement"], "introuvable"],
    ];
    for (const [args, attendu] of cas) {
      const r = tiAides(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(attendu);
      expect(sansPileDAppel(r.stderr)).toBe(true);
    }
  });

  test("simuler --expliquer adds the reasoning to the report, and the steps to the JSON", () => {
    const t = tiAides(["simuler", CHAUFFERIE, "--expliquer"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("Explication — ademe-investissement");
    expect(t.stdout).toContain(
      "Taux retenu : taux de base et bonus, dans la limite de 100\u00a0% : 60\u00a0%",
    );
    const j = JSON.parse(tiAides(["simuler", CHAUFFERIE, "--expliquer", "--format", "json"]).stdout);
    expect(j.fiches[0].resultats[0].etapes.at(-1).valeur).toBe("480\u00a0000,00\u00a0€");
  });
});

describe("regles", () => {
  test("the 30 fiches of the guide, computed or for information, with operator, offer and contact", () => {
    const r = tiAides(["regles", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.fiches).toHaveLength(30);
    const f3 = doc.fiches.find((f: { fiche: number }) => f.fiche === 3);
    // Fiche 3, Business France: the guide gives no figure, ti-aides informs.
    expect(f3).toMatchObject({
      calcule: false,
      operateur: "Business France",
      source: "Guide TI V5, fiche 3, l.351-446",
    });
    expect(f3.contact).toContain("businessfrance");
    const t = tiAides(["regles", "--theme", "recruter", "--calcule"]);
    expect(t.stdout).toContain("Fiche 12 —");
    expect(t.stdout).not.toContain("Fiche 16 —"); // informative (Guide fiche 16): filtered out by --calcule
    expect(t.stdout).not.toContain("Fiche 1 —"); // « Attirer »
  });

  test("one rule: its figures with their dates and sources; a fiche by its number", () => {
    const r = tiAides(["regles", "ademe-investissement"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Taux de la catégorie enr : PE 65\u00a0%, ME 55\u00a0%, GE 45\u00a0%, non économique 65\u00a0%",
    );
    // The guide cited as a reader finds it: fiche 8 on page 35 (annexe 1, l.205), its title (l.885),
    // the part « Les modalités d'intervention » (l.905), then the line.
    expect(r.stdout).toContain(
      `depuis le 22/11/2018 — Guide TI V5, fiche 8 (p. 35) « L'ADEME s'engage en accompagnant les projets d'investissements dans la transition écologique et énergétique », partie « Les modalités d'intervention », l.914`,
    );
    const f = tiAides(["rules", "8"]);
    expect(f.stdout).toContain("Fiche 8 —");
    expect(f.stdout).toContain("ademe-investissement");
  });

  test("mistakes: unknown theme, rule or fiche number — exit 2 with what to write", () => {
    const cas: [string[], string][] = [
      [["regles", "--theme", "recrutr"], "vouliez-vous dire « recruter »"],
      [["regles", "cifr"], "vouliez-vous dire « cifre »"],
      [["regles", "31"], "les fiches vont de 1 à 30"],
    ];
    for (const [args, attendu] of cas) {
      const r = tiAides(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(attendu);
    }
  });
});

describe("regional rules", () => {
  // The EnR row of ademe-investissement, rewritten by a Region: ME 50 % instead of 55 % (l.914).
  const region = dossier({
    "ademe.yaml": ADEME.replace(
      "{ PE: 0.65, ME: 0.55, GE: 0.45, non_economique: 0.65 }",
      "{ PE: 0.65, ME: 0.50, GE: 0.45, non_economique: 0.65 }",
    ),
  });

  test("an overriding rule changes the result and says so, by --regles and by TI_AIDES_REGLES", () => {
    for (const [args, env] of [
      [["--regles", region], {}],
      [[], { TI_AIDES_REGLES: region }],
    ] as const) {
      const r = tiAides(["simuler", CHAUFFERIE, "--format", "json", ...args], { env });
      expect(r.code).toBe(0);
      // 50 % + 5 points AFR = 55 % of 800 000 € = 440 000 € (was 480 000 €).
      expect(JSON.parse(r.stdout).fiches[0].resultats[0]).toMatchObject({
        taux: "0.5500",
        plafond: "440000.00",
      });
      expect(r.stderr).toContain(
        `Avertissement : La règle « ademe-investissement » de ${join(region, "ademe.yaml")} remplace la règle intégrée (rules/dispositifs/ademe-investissement.yaml).`,
      );
    }
  });

  test("an added rule: the worked example evaluates, dated by the fiche (200 000 € in 2020, 250 000 € in 2021)", () => {
    const r2021 = tiAides(["simuler", ROBOTS, "--regles", REGION, "--format", "json"]);
    expect(r2021.code).toBe(0);
    expect(r2021.stderr).toBe("");
    expect(JSON.parse(r2021.stdout).fiches[0]).toMatchObject({
      conforme: true,
      resultats: [{ plafond: "250000.00", demande: "250000.00" }],
    });
    const r2020 = tiAides([
      "simuler",
      ROBOTS,
      "--regles",
      REGION,
      "--date",
      "2020-06-01",
      "--format",
      "json",
    ]);
    expect(JSON.parse(r2020.stdout).fiches[0].resultats[0]).toMatchObject({
      plafond: "200000.00",
      depassement: "50000.00",
    });
    const sans = tiAides(["simuler", ROBOTS]);
    expect(sans.code).toBe(2);
    expect(sans.stderr).toContain("region-exemple-investissement-industriel");
    const liste = tiAides(["regles", "--regles", REGION]);
    expect(liste.stdout).toContain("Règles ajoutées (--regles, TI_AIDES_REGLES)");
    expect(liste.stdout).toContain("region-exemple-investissement-industriel");
  });

  test("regles verifier: the example folder passes (0); an override is named", () => {
    const r = tiAides(["regles", "verifier", REGION, region]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✔ fixtures/regles-region/region-exemple-investissement-industriel.yaml");
    expect(r.stdout).toContain("remplace la règle intégrée rules/dispositifs/ademe-investissement.yaml");
  });

  test("regles verifier: a broken file is refused with its file, line and field (exit 2); --format json for CI", () => {
    const texte = ADEME.replace(
      "{ PE: 0.65, ME: 0.55, GE: 0.45, non_economique: 0.65 }",
      "{ PE: soixante, ME: 0.55, GE: 0.45, non_economique: 0.65 }",
    );
    const casse = dossier({ "aide.yaml": texte });
    const ligne = texte.split("\n").findIndex((l) => l.includes("soixante")) + 1;
    const r = tiAides(["regles", "verifier", casse]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `Erreur : ${join(casse, "aide.yaml")}, ligne ${ligne} : champ « calcul.taux_par_categorie.enr[0].valeur »`,
    );
    expect(sansPileDAppel(r.stderr)).toBe(true);
    const j = tiAides(["regles", "verifier", casse, "--format", "json"]);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({
      valide: false,
      problemes: [{ fichier: join(casse, "aide.yaml"), ligne }],
    });
    // The same broken folder refused where rules are loaded, too.
    const s = tiAides(["simuler", CHAUFFERIE, "--regles", casse]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain(`ligne ${ligne}`);
    const absent = tiAides(["regles", "verifier", "pas-de-dossier"]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain("introuvable");
  });
});
