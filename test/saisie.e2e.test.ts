// Ce que tape l'utilisateur (issue 12, docs/interface.md « Lire ce que contient un tableur ») : montants ambigus, libellés en
// clair, messages en français qui nomment fichier, ligne et champ, un seul chargeur de règles.
// Lancé comme un utilisateur : une fiche YAML tapée à la main, un CSV de tableur, des options.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-saisie-"));
function fichier(nom: string, texte: string | Buffer): string {
  const f = join(tmp, nom);
  writeFileSync(f, texte);
  return f;
}

const EXEMPLE = readFileSync("fixtures/fiches/chaufferie.yaml", "utf8");
const CSV_EXEMPLE = readFileSync("fixtures/csv/contrat-exemple.csv", "utf8");
const [ENTETES, TI01] = CSV_EXEMPLE.replace(/^\uFEFF/, "")
  .split(/\n(?=TI-02)/)[0]
  .split(/\n(?=TI-01)/);

const COLONNES = ENTETES.split(";");

/** The example's first row (TI-01) with some cells changed, by header; saved as the example is. */
function csvTi01(cellules: Record<string, string>): string {
  const ligne = TI01.split(";");
  for (const [entete, texte] of Object.entries(cellules)) {
    const i = COLONNES.indexOf(entete);
    if (i < 0) throw new Error(`colonne ${entete} absente de l'exemple`);
    ligne[i] = texte;
  }
  return fichier(`ti01-${Math.random().toString(36).slice(2)}.csv`, `${ENTETES}\n${ligne.join(";")}\n`);
}

describe("montants ambigus : 350.000 n'est jamais 350 €", () => {
  test("CSV : « 350.000 » dans la colonne d'un financeur est une erreur sur sa cellule, la ligne « en erreur »", () => {
    // Before: read as 350 €, row "Conforme : oui" under a 260 € ceiling.
    const csv = csvTi01({
      Montant: "600.000",
      "Coût de référence": "200.000",
      "ADEME investissement": "350.000",
    });
    const r = tiAides(["lot", csv, "--format", "jsonl"]);
    expect(r.code).toBe(0);
    const fiche = JSON.parse(r.stdout.trim().split("\n")[0]);
    expect(fiche.erreurs.join("\n")).toMatch(/« 600\.000 » ambigu.*écrivez 600000 ou 600 000/);
    expect(fiche.erreurs.join("\n")).toMatch(/« ADEME investissement ».*« 350\.000 » ambigu/);
    expect(fiche.resultats).toEqual([]);
    expect(r.stderr).toMatch(/ligne \d+.*« Montant ».*ambigu/);
  });

  test("CSV : 1 200 000,50 €, 1200000 et 1200000,5 restent lus", () => {
    const csv = csvTi01({
      Montant: "1200000,5",
      "Coût de référence": "400000",
      "ADEME investissement": "350 000,00 €",
    });
    const r = tiAides(["lot", csv, "--format", "jsonl"]);
    const fiche = JSON.parse(r.stdout.trim().split("\n")[0]);
    expect(fiche.erreurs).toEqual([]);
    // 60 % (ME 55 % + AFR 5 points, Guide fiche 8, l.912-914) of 1 200 000,50 − 400 000 = 800 000,50 → 480 000,30 €.
    expect(fiche.resultats[0].plafond).toBe("480000.30");
  });

  test("YAML : « montant: 350.000 » (lu 350 par YAML) est refusé avec la ligne du fichier", () => {
    const f = fichier("ambigu.yaml", EXEMPLE.replace("montant: 350000", "montant: 350.000"));
    const r = tiAides(["simuler", f]);
    expect(r.code).toBe(2);
    // Line 29 of the fiche: the ademe-investissement financing line's amount.
    expect(r.stderr).toContain(
      `${f}, ligne 29 : champ « financements[0].montant » : montant « 350.000 » ambigu (350 000 € ou 350 € ?) : écrivez 350000 ou 350 000`,
    );
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test('JSON : « "montant": 600.000 » aussi, « 1200.000 » a trop de décimales ; un taux à trois décimales reste lu', () => {
    const f = fichier(
      "ambigu.json",
      JSON.stringify(
        {
          id: "F",
          beneficiaire: { taille: "PE", taux_is: 0.125 },
          depenses: [{ id: "d", nature: "investissement", categorie: "enr", montant: 1000 }],
        },
        null,
        2,
      ).replace('"montant": 1000', '"montant": 600.000'),
    );
    const r = tiAides(["simuler", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ligne 12 : champ « depenses\[0\]\.montant » : montant « 600\.000 » ambigu/);
    expect(r.stderr).not.toContain("taux_is");
    const g = fichier("precis.json", readFileSync(f, "utf8").replace("600.000", "1200.000"));
    expect(tiAides(["simuler", g]).stderr).toMatch(
      /ligne 12 : champ « depenses\[0\]\.montant » : le montant 1200\.000 a plus de deux décimales/,
    );
  });

  test("simuler --montant 350.000 : code 2, l'option nommée", () => {
    const r = tiAides([
      "simuler",
      "--dispositif",
      "ademe-investissement",
      "--taille",
      "ME",
      "--categorie",
      "enr",
      "--montant",
      "350.000",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--montant");
    expect(r.stderr).toContain("écrivez 350000 ou 350 000");
  });
});

describe("messages en français, qui disent quoi faire, avec la ligne", () => {
  test("simuler sur un CSV : utilisez lot ou verifier (pas les messages anglais du parseur YAML)", () => {
    const r = tiAides(["simuler", "fixtures/csv/contrat-exemple.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "fixtures/csv/contrat-exemple.csv : c'est un tableau CSV, pas une fiche YAML ou JSON : évaluez ses lignes avec « ti-aides lot FICHIER.csv »",
    );
    expect(r.stderr).not.toMatch(/[A-Z][a-z]+ [a-z]+ (at|in|of) /); // no English sentence
  });

  test("simuler sur un classeur, même renommé : enregistrez en CSV, puis lot", () => {
    // An .xlsx is a ZIP archive: "PK\x03\x04", then its XML parts.
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      Buffer.from("[Content_Types].xml"),
    ]);
    // Named .xlsx: lot and verifier read it (since the second edition); renamed: said to be a workbook.
    const xlsx = tiAides(["simuler", fichier("contrat.xlsx", zip)]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain(
      "c'est un classeur Excel, pas une fiche YAML ou JSON : évaluez ses lignes avec « ti-aides lot FICHIER.xlsx »",
    );
    const f = fichier("contrat-renomme.yaml", zip);
    const r = tiAides(["simuler", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${f} : c'est un classeur de tableur, pas une fiche YAML ou JSON : dans le tableur, « Enregistrer sous » → « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) », puis « ti-aides lot FICHIER.xlsx »`,
    );
    expect(r.stderr).not.toContain("bloc de champs");
  });

  test.each([
    ["guillemets suivis d'autre chose", "titre: 'Chaufferie' biomasse\n", 4, "texte en trop après la valeur"],
    ["échappement invalide", 'titre: "C:\\Dossiers\\fiche"\n', 4, "séquence d'échappement invalide"],
    ["alias sans ancre", "titre: *titre_commun\n", 4, "alias « *titre_commun » sans ancre"],
    [
      "liste non fermée (vue à la ligne suivante)",
      "territoire: [Ardèche Drôme\n",
      6,
      "crochet ou accolade non fermé, sur cette ligne ou plus haut",
    ],
  ])("YAML tapé à la main, %s : message français avec la ligne", (_, faute, ligne, message) => {
    const lignes = EXEMPLE.split("\n");
    const i = lignes.findIndex((l) => l.startsWith(faute.split(":")[0] + ":"));
    lignes[i] = faute.trimEnd();
    const f = fichier(`faute-${ligne}-${i}.yaml`, lignes.join("\n"));
    const r = tiAides(["simuler", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}, ligne ${ligne} : `);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/Unexpected|Invalid|Unresolved|bombe|trop d'alias|Flow sequence/);
  });

  test("nature de la dépense absente : champ obligatoire et valeurs possibles, pas « undefined »", () => {
    const f = fichier("sans-nature.yaml", EXEMPLE.replace("    nature: investissement\n", ""));
    const r = tiAides(["simuler", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "champ « depenses[0].nature » : champ obligatoire manquant ; valeurs possibles : etude, investissement,",
    );
    expect(r.stderr).not.toContain("undefined");
  });
});

describe("catégories en clair : lues si ce sont les mots du guide, sinon une erreur de saisie", () => {
  const simulerAdeme = (categorie: string, ...autres: string[]) =>
    tiAides([
      "simuler",
      "--dispositif",
      "ademe-investissement",
      "--taille",
      "ME",
      "--afr",
      "--categorie",
      categorie,
      "--montant",
      "1200000",
      "--cout-reference",
      "400000",
      ...autres,
    ]);

  test("simuler --categorie energie (faute de frappe) : code 2 et les catégories proches, pas « non éligible »", () => {
    const r = simulerAdeme("energie");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("champ « --categorie » : catégorie « energie » inconnue des règles");
    expect(r.stderr).toContain(
      "les plus proches : enr (« Développement des EnR »), economies_energie (« Réalisation d'économies d'énergie »)",
    );
    expect(r.stdout).not.toMatch(/non éligible/i);
  });

  test.each([
    // ME, zone AFR : 55 % + 5 points (l.912, l.914) ; 40 % + 5 points (l.916) ; réseaux : 100 % (l.915) ; du surcoût 800 000 €.
    ["Développement des EnR", "0.6000", "480000.00"],
    ["Énergies renouvelables", "0.6000", "480000.00"],
    ["Réalisation d'économies d'énergie", "0.4500", "360000.00"],
    ["Réseaux de chaleur", "1.0000", "800000.00"],
  ])(
    "simuler --categorie « %s » : le libellé du guide est lu (taux %s, plafond %s)",
    (categorie, taux, plafond) => {
      const r = simulerAdeme(categorie, "--format", "json");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).fiches[0].resultats[0]).toMatchObject({
        dispositif: "ademe-investissement",
        eligible: true,
        taux,
        plafond,
      });
    },
  );

  test("suramortissement : « Impression 3D » est lu comme fabrication_additive (fiche 23, l.2120)", () => {
    const r = tiAides([
      "simuler",
      "--dispositif",
      "suramortissement",
      "--nature",
      "equipement",
      "--categorie",
      "Impression 3D",
      "--taille",
      "PE",
      "--montant",
      "100000",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    // 40 % × 100 000 € déduits (l.2112), au taux d'IS de 28 % : 11 200 € d'impôt en moins (l.2112 : « jusqu'à 11,2 % »).
    expect(JSON.parse(r.stdout).fiches[0].resultats[0]).toMatchObject({
      eligible: true,
      details: { economie_impot: "11200.00" },
    });
  });

  test("lot : « Développement des EnR » est lu ; « Energie » met la ligne « en erreur » sur sa colonne, sans conseil de retirer le financement", () => {
    const bon = tiAides(["lot", csvTi01({ Catégorie: "Développement des EnR" }), "--format", "jsonl"]);
    // ME, AFR : 60 % de 1 200 000 − 400 000 = 480 000 € (l.912-914).
    expect(JSON.parse(bon.stdout.trim())).toMatchObject({
      erreurs: [],
      resultats: [{ eligible: true, plafond: "480000.00" }],
    });
    const faute = tiAides(["lot", csvTi01({ Catégorie: "Energie" })]);
    expect(faute.stdout).toContain("catégorie « Energie » inconnue des règles");
    expect(faute.stdout).not.toMatch(/retir|inéligible/i);
    expect(faute.stderr).toMatch(
      /ligne \d+, fiche TI-01 : colonne « Catégorie » : catégorie « Energie » inconnue/,
    );
    expect(faute.stderr).toMatch(/1 en erreur/);
  });

  test("YAML : « categorie: Réseaux de chaleur » est lu ; « categorie: chaufferie » est refusé avec sa ligne", () => {
    const lu = tiAides([
      "simuler",
      fichier("reseau.yaml", EXEMPLE.replace("categorie: enr", "categorie: Réseaux de chaleur")),
      "--format",
      "json",
    ]);
    expect(lu.code).toBe(0);
    expect(JSON.parse(lu.stdout).fiches[0].resultats[0].taux).toBe("1.0000"); // l.915 : 100 %
    const f = fichier("chaufferie-cat.yaml", EXEMPLE.replace("categorie: enr", "categorie: chaufferie"));
    const r = tiAides(["simuler", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${f}, ligne 24 : champ « depenses[0].categorie » : catégorie « chaufferie » inconnue des règles`,
    );
  });

  test("les catégories d'une règle régionale (--regles) sont connues, avec ses libellés ; un libellé pris par deux catégories est refusé", () => {
    const robots = readFileSync("fixtures/fiches/region-exemple/robotisation.yaml", "utf8").replace(
      "categorie: robotisation",
      "categorie: Robotique industrielle",
    );
    const regle = readFileSync(
      "fixtures/regles-region/region-exemple-investissement-industriel.yaml",
      "utf8",
    );
    const avecLibelles = regle.replace(
      "regime_defaut: rgec",
      'libelles:\n  robotisation:\n    textes: [Robotique industrielle]\n    source: "EXEMPLE FICTIF"\nregime_defaut: rgec',
    );
    const dossier = mkdtempSync(join(tmp, "regles-"));
    writeFileSync(join(dossier, "region.yaml"), avecLibelles);
    const r = tiAides(["simuler", fichier("robots.yaml", robots), "--regles", dossier, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fiches[0]).toMatchObject({ erreurs: [], resultats: [{ eligible: true }] });
    // « Énergies renouvelables » is already ademe-investissement's enr (fiche 8, l.914).
    const conflit = mkdtempSync(join(tmp, "regles-"));
    writeFileSync(
      join(conflit, "region.yaml"),
      avecLibelles.replace("[Robotique industrielle]", "[Robotique industrielle, Énergies renouvelables]"),
    );
    for (const args of [
      ["regles", "verifier", conflit],
      ["simuler", fichier("robots2.yaml", robots), "--regles", conflit],
    ]) {
      const x = tiAides(args);
      expect(x.code).toBe(2);
      expect(x.stderr).toContain("le libellé « Énergies renouvelables » désigne déjà la catégorie « enr »");
      expect(x.stderr).toContain("region.yaml");
    }
  });
});

test("l'identifiant d'une catégorie régionale (« robot ») l'emporte sur le libellé « Robot » d'une règle intégrée", () => {
  const regle = readFileSync(
    "fixtures/regles-region/region-exemple-investissement-industriel.yaml",
    "utf8",
  ).replaceAll("robotisation", "robot");
  const dossier = mkdtempSync(join(tmp, "regles-"));
  writeFileSync(join(dossier, "region.yaml"), regle);
  const robots = fichier(
    "robot.yaml",
    readFileSync("fixtures/fiches/region-exemple/robotisation.yaml", "utf8").replace(
      "categorie: robotisation",
      "categorie: robot",
    ),
  );
  const r = tiAides(["simuler", robots, "--regles", dossier, "--format", "json"]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).fiches[0]).toMatchObject({
    erreurs: [],
    resultats: [{ dispositif: "region-exemple-investissement-industriel", eligible: true }],
  });
});

describe("un seul chargeur de règles : regles verifier et l'évaluation acceptent et refusent les mêmes fichiers", () => {
  const REGLE = readFileSync("fixtures/regles-region/region-exemple-investissement-industriel.yaml", "utf8");
  const ROBOTS = "fixtures/fiches/region-exemple/robotisation.yaml";
  function surcouche(texte: string | Buffer): string {
    const dossier = mkdtempSync(join(tmp, "surcouche-"));
    writeFileSync(join(dossier, "region.yaml"), texte);
    return dossier;
  }
  function lesDeux(dossier: string, message: string | RegExp) {
    for (const args of [
      ["regles", "verifier", dossier],
      ["simuler", ROBOTS, "--regles", dossier],
    ]) {
      const r = tiAides(args);
      expect(r.code, args[0] + " " + args[1]).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).toContain(join(dossier, "region.yaml"));
      expect(sansPileDAppel(r.stderr)).toBe(true);
    }
  }

  test("un champ « beneficiaire.constructor » : refusé des deux côtés", () => {
    lesDeux(
      surcouche(
        REGLE.replace("champ: beneficiaire.secteur\n    dans", "champ: beneficiaire.constructor\n    dans"),
      ),
      /« beneficiaire\.constructor » n'est pas un champ d'une fiche/,
    );
  });

  test("une surcouche en Latin-1 : refusée des deux côtés, le fichier nommé", () => {
    lesDeux(surcouche(Buffer.from(REGLE, "latin1")), /pas encodé en UTF-8/);
  });

  test.each(["montant", "id", "prive", "autofinancement", "region", "cout-reference", "regime-region"])(
    "l'identifiant réservé « %s » (une colonne CSV) : refusé, le fichier nommé",
    (id) => {
      lesDeux(
        surcouche(REGLE.replace("id: region-exemple-investissement-industriel", `id: ${id}`)),
        new RegExp(`identifiant « ${id} » est réservé`),
      );
    },
  );
});

describe("nature, zone et régime en clair (rules/parametres/libelles.yaml)", () => {
  test("YAML tapé à la main : « Outre-mer », « Investissements », « Règlement général d'exemption par catégorie » sont lus", () => {
    const f = fichier(
      "en-clair.yaml",
      EXEMPLE.replace("zone: metropole", "zone: Outre-mer")
        .replace("    nature: investissement", "    nature: Investissements")
        .replace(
          "    regime: rgec\n  - financeur: region",
          "    regime: Règlement général d'exemption par catégorie\n  - financeur: region",
        ),
    );
    const r = tiAides(["simuler", f, "--format", "json"]);
    expect(r.code).toBe(0);
    // ME, EnR 55 % (l.914) + DOM-COM 15 points (l.912) = 70 % of 800 000 € = 560 000 €.
    expect(JSON.parse(r.stdout).fiches[0].resultats[0]).toMatchObject({
      taux: "0.7000",
      plafond: "560000.00",
    });
  });

  test("CSV : Zone « DOM », Régime Région « De minimis » sont lus ; Zone « Mayotte » est une erreur sur sa colonne avec les valeurs permises", () => {
    const dom = tiAides([
      "lot",
      csvTi01({ Zone: "DOM", "Régime Région": "De minimis" }),
      "--format",
      "jsonl",
    ]);
    const fiche = JSON.parse(dom.stdout.trim());
    expect(fiche.erreurs).toEqual([]);
    expect(fiche.resultats[0]).toMatchObject({ taux: "0.7000", plafond: "560000.00" });
    expect(fiche.controles.some((c: { controle: string }) => c.controle === "de_minimis")).toBe(true);
    const faute = tiAides(["lot", csvTi01({ Zone: "Mayotte" }), "--format", "jsonl"]);
    expect(JSON.parse(faute.stdout.trim()).erreurs.join("\n")).toContain(
      "« Zone » : valeur « Mayotte » non reconnue ; valeurs permises : metropole, corse, outre_mer",
    );
  });

  test("simuler --zone « France métropolitaine » est lu ; --nature travaux est refusé (code 2) avec l'option nommée", () => {
    const r = tiAides([
      "simuler",
      "--dispositif",
      "ademe-investissement",
      "--taille",
      "ME",
      "--zone",
      "France métropolitaine",
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
    expect(JSON.parse(r.stdout).fiches[0].resultats[0].taux).toBe("0.5500"); // ME, EnR, hors AFR (l.914)
    const n = tiAides([
      "simuler",
      "--dispositif",
      "ademe-etudes",
      "--nature",
      "travaux",
      "--montant",
      "50000",
    ]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain("champ « --nature » : valeur « travaux » non reconnue");
  });
});
