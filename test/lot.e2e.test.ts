// `ti-aides lot` run as a user types it, on CSV files written as French Excel writes them: BOM or
// Windows-1252, `;`, decimal comma, U+202F thousands, `€`, CRLF, quoted multi-line cells, `sep=;`,
// bad rows in the middle, empty rows at the end.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { documentJson } from "../src/core/document-json.js";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const EXEMPLE = "fixtures/csv/contrat-exemple.csv";
const ATTENDU = "fixtures/csv/contrat-exemple.attendu.csv";
const tmp = mkdtempSync(join(tmpdir(), "ti-aides-lot-"));
function fichier(nom: string, contenu: string | Buffer): string {
  const f = join(tmp, nom);
  writeFileSync(f, contenu);
  return f;
}
const lireCsv = (texte: string | Buffer, delimiter = ";"): string[][] =>
  parse(texte, { delimiter, bom: true, relax_column_count: true });
const RESULTATS = [
  "Taille calculée",
  "Dispositifs éligibles",
  "Plafond ademe-investissement",
  "Plafond ademe-etudes",
  "Plafond bdt-ingenierie",
  "Plafond direccte-conseil-rh",
  "Total aide publique",
  "Conforme",
  "Marges",
  "Anomalies",
  "Erreurs",
];

describe("the example contract (fixtures/csv/contrat-exemple.csv)", () => {
  // The expected output, figures worked out by hand from the guide (sizes: Reg. (EU) 651/2014,
  // annex I — PE < 50 staff and CA ≤ 10 M€, ME < 250 and CA ≤ 50 M€, GE otherwise):
  // TI-01 ME (120; 30 M€). EnR ME 55 % (Guide fiche 8, l.914) + 5 points AFR (l.912) = 60 % of
  //       1 200 000 − 400 000 = 800 000 € (surcoût, l.927) → 480 000,00. Public aid 350 000 + 150 000
  //       = 500 000,00 > 480 000: cumul breached by 20 000 (note 9, l.2639) → non conforme.
  // TI-02 PE (30; 5 M€). Réseaux de chaleur et de froid 100 % (l.915) of 500 000 − 100 000
  //       → 400 000,00. Aid 300 000,00 ≤ 400 000; 300 000 + 200 000 = 500 000 balanced → oui.
  // TI-03 GE (400). Diagnostic GE 50 % (fiche 6, l.797) of min(80 000, 50 000 assiette cap, l.796)
  //       → 25 000,00; 25 000 asked = the ceiling (≤ is compliant, docs/domaine.md §0) → oui.
  // TI-04 a collectivité: non-economic (docs/domaine.md §1). BdT ingénierie min(50 % × 240 000, 100 000)
  //       (fiche 1, l.269 and l.274) → 100 000,00; the others bring 140 000 ≥ 50 % × 240 000 =
  //       120 000 (cofinancement, l.273) → oui. Autofinancement is not public aid.
  // TI-05 PE (25; 3 M€). DIRECCTE 50 % of 30 000 (fiche 12, l.1237) → 15 000,00; 18 000 asked:
  //       ceiling exceeded by 3 000 → non conforme.
  // TI-06 GE (600). Économies d'énergie GE 30 % (l.916) of 2 000 000 − 500 000 → 450 000,00; aid
  //       450 000 + 100 000 (Région, de minimis, 100 000 ≤ 200 000 of Reg. 1407/2013) = 550 000,00
  //       > 450 000 by 100 000 (note 9) → non conforme.
  // TI-07 "12O 000,00 €" (a letter O) is not an amount: row in error, on the spreadsheet's row 8
  //       (TI-01's title spans two lines of the file, but one row of the spreadsheet).
  // TI-08 PE (12; 2,5 M€), Corse. EnR PE 65 % + 5 points Corse (l.912) = 70 % of 300 000 − 100 000
  //       → 140 000,00 = the aid asked → oui.
  // TI-09 "31/02/2019" is no date: row in error, on row 10.
  // TI-10 ME (150; 40 M€). Protection de l'environnement ME 45 % (l.912) of 300 000 → 135 000,00;
  //       applied for on 01/10/2019, after the works began on 01/09/2019: incentive effect lost
  //       (note 8, l.2637; GBER art. 6(2)) → non conforme.
  // TI-11 ME (200; 45 M€). Accompagnement de projet ME 60 % (l.797) of min(150 000, 100 000) →
  //       60 000,00; no financing plan.
  // TI-12 GE (350). Réseaux de chaleur 100 % (+5 points AFR, capped at 100 %, l.913) of 1 500 000 −
  //       500 000 → 1 000 000,00; ADEME's 600 000 ≥ 500 000 must be published (note 10, l.2641).
  // Marges (issue 19; each public line raised or lowered alone, the autofinancement absorbing it):
  // TI-01 cumul 480 000: ADEME ≤ 480 000 − 150 000 = 330 000, Région ≤ 480 000 − 350 000 = 130 000.
  // TI-02 ADEME ≤ its ceiling 400 000 (the cumul gives the same; autofinancement 200 000 would allow
  //       500 000): 100 000 left. TI-03, TI-04, TI-05, TI-08: the ceiling, already reached or
  //       exceeded (TI-05: 18 000 − 15 000 = 3 000 to take off; TI-04's cofinancement would allow
  //       240 000 − 120 000 = 120 000, looser than its ceiling). TI-06 cumul 450 000: ADEME ≤ 450 000 −
  //       100 000 = 350 000, Région ≤ 450 000 − 450 000 = 0. TI-10 ceiling 135 000 (its incentive
  //       effect fails whatever the amount: it binds no line). TI-12 ceiling 1 000 000: 400 000 left.
  // The text columns (Anomalies, Erreurs) of the expected file hold fragments, separated by " | ",
  // that the output's cell must contain; every other cell must be equal.
  const sortie = join(tmp, "contrat-resultats.csv");
  const r = tiAides(["lot", EXEMPLE, "-o", sortie]);
  const attendu = lireCsv(readFileSync(ATTENDU));

  test("exit 0, nothing on stdout, the file written whole (no temporary file left)", () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("the expected output: every row and input column kept, result columns appended", () => {
    const obtenu = lireCsv(readFileSync(sortie));
    const entete = attendu[0];
    expect(obtenu[0]).toEqual(entete);
    expect(entete.slice(-RESULTATS.length)).toEqual(RESULTATS);
    // Twelve rows, in order; the two empty rows after the table are dropped.
    expect(obtenu.map((l) => l[0])).toEqual(attendu.map((l) => l[0]));
    expect(obtenu).toHaveLength(13);
    for (let i = 1; i < attendu.length; i++) {
      entete.forEach((col, j) => {
        const a = attendu[i][j];
        const o = obtenu[i][j];
        const ou = `${attendu[i][0]}, colonne « ${col} »`;
        if (col === "Anomalies" || col === "Erreurs") {
          if (a === "") expect(o, ou).toBe("");
          for (const fragment of a.split(" | ").filter(Boolean)) expect(o, ou).toContain(fragment);
        } else {
          expect(o, ou).toBe(a);
        }
      });
    }
  });

  test("written as it was read: BOM, `;`, CRLF, multi-line cell quoted; formulas neutralised", () => {
    const octets = readFileSync(sortie);
    expect(octets.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const texte = octets.toString("utf8");
    expect(texte).toContain('TI-01;"Chaufferie biomasse\r\nmutualisée";Ardèche Drôme;');
    expect(texte.split("\r\n").length).toBe(15); // 13 records (one on two lines) + the final CRLF
    expect(texte).toContain(";'+15 emplois prévus;");
    expect(texte).toContain(";'-10 % de gaz consommé;");
    expect(texte).toContain(`;"'=LIEN_HYPERTEXTE(""https://exemple.fr/dossier-08"")";`);
    expect(texte).toContain(";'@Service achats");
    expect(texte).not.toMatch(/;[=+@-]/);
  });

  test("stderr: the unknown column once, each bad row with its line and column, the summary", () => {
    const lignes = r.stderr.trim().split("\n");
    expect(lignes.filter((l) => l.includes("Commentaire"))).toHaveLength(1);
    expect(lignes[0]).toMatch(
      /^Avertissement : fixtures\/csv\/contrat-exemple\.csv, ligne 1 : colonne « Commentaire » non reconnue/,
    );
    expect(lignes[1]).toBe(
      "Erreur : fixtures/csv/contrat-exemple.csv, ligne 8, fiche TI-07 : colonne « Montant » : « 12O\u202f000,00\u00a0€ » n'est pas un montant (exemples acceptés : 1200000, 1 200 000,50 €)",
    );
    expect(lignes[2]).toBe(
      "Erreur : fixtures/csv/contrat-exemple.csv, ligne 10, fiche TI-09 : colonne « Date de début » : « 31/02/2019 » n'existe pas dans le calendrier",
    );
    expect(lignes[3]).toMatch(
      /^Lot fixtures\/csv\/contrat-exemple\.csv : 12 ligne\(s\) — 5 conforme\(s\), 4 non conforme\(s\), 1 sans plan de financement, 2 en erreur — en \d+,\d s ; résultat dans /,
    );
    expect(lignes).toHaveLength(4);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("--strict --format jsonl: one fiche of docs/interface.md per row, in order; exit 1", () => {
    const j = tiAides(["batch", EXEMPLE, "--strict", "--format", "jsonl", "--quiet"]);
    expect(j.code).toBe(1);
    const fiches = j.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(fiches.map((f) => f.id)).toEqual(attendu.slice(1).map((l) => l[0]));
    expect(Object.keys(fiches[0])).toEqual(
      Object.keys(
        documentJson([
          {
            id: "",
            date_evaluation: "",
            beneficiaire: null,
            resultats: [],
            controles: [],
            motifs: [],
            conforme: null,
            erreurs: [],
            marges: [],
          },
        ]).fiches[0],
      ),
    );
    expect(fiches[0].resultats[0]).toMatchObject({
      dispositif: "ademe-investissement",
      assiette: "800000.00",
      taux: "0.6000",
      plafond: "480000.00",
      demande: "350000.00",
    });
    expect(fiches[6]).toMatchObject({ id: "TI-07", resultats: [], conforme: null });
    expect(fiches[6].erreurs[0]).toContain("ligne 8, fiche TI-07 : colonne « Montant »");
    // --quiet: no warning; the errors and the summary stay.
    expect(j.stderr).not.toContain("Avertissement");
    expect(j.stderr).toContain("2 en erreur");
  });

  test("--format json: documentJson's shape, with the summary", () => {
    const j = tiAides(["lot", EXEMPLE, "--format", "json"]);
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.stdout);
    expect(Object.keys(doc)).toEqual(Object.keys(documentJson([])));
    expect(doc).toMatchObject({
      outil: "ti-aides",
      synthese: { fiches: 12, conformes: 5, non_conformes: 4, sans_plan_de_financement: 1, en_erreur: 2 },
    });
    expect(
      doc.fiches[11].controles.find((c: { controle: string }) => c.controle === "transparence"),
    ).toMatchObject({ publication_requise: true, valeur: "600000.00", limite: "500000.00" });
  });

  test("worker threads give the same output as the main thread (stdout = the -o file)", () => {
    const deux = tiAides(["lot", EXEMPLE], { env: { TI_AIDES_TRAVAILLEURS: "2" } });
    expect(deux.code).toBe(0);
    expect(deux.stdout).toBe(readFileSync(sortie, "utf8"));
  });
});

describe("Windows-1252, `sep=;`, a bad row in the middle", () => {
  // "CSV (séparateur : point-virgule)" of French Excel: Windows-1252, no BOM, NBSP (0xA0) thousands,
  // "€" = 0x80; here with Excel's `sep=;` first line and a quoted cell on two lines.
  const texte = [
    "sep=;",
    "Id;Libellé;Date de demande;Date de début;Effectif;Chiffre d'affaires;Total du bilan;Zone;Dispositif;Nature;Catégorie;Montant;Coût de référence;ADEME investissement;Autofinancement",
    'A-1;"Chaudière\r\nbois";01/06/2019;01/09/2019;120;30\u00a0000\u00a0000;20\u00a0000\u00a0000;metropole;ademe-investissement;investissement;enr;1\u00a0200\u00a0000,00 €;400\u00a0000,00 €;440\u00a0000,00 €;760\u00a0000,00 €',
    "A-2;Four;01/06/2019;01/09/2019;cent vingt;30\u00a0000\u00a0000;20\u00a0000\u00a0000;metropole;ademe-investissement;investissement;enr;1\u00a0200\u00a0000,00 €;400\u00a0000,00 €;440\u00a0000,00 €;760\u00a0000,00 €",
    "A-3;Réseau;01/03/2019;01/06/2019;350;70\u00a0000\u00a0000;55\u00a0000\u00a0000;metropole;ademe-investissement;investissement;reseaux_chaleur_froid;1\u00a0500\u00a0000,00 €;500\u00a0000,00 €;600\u00a0000,00 €;900\u00a0000,00 €",
    ";;;;;;;;;;;;;;",
    "",
  ].join("\r\n");
  const entree = fichier("contrat-ansi.csv", iconv.encode(texte, "windows-1252"));
  const resultat = join(tmp, "contrat-ansi-resultats.csv");
  const r = tiAides(["lot", entree, "-o", resultat]);

  test("written back in Windows-1252 (é = 0xE9, € = 0x80, no UTF-8) with its `sep=;` line", () => {
    expect(r.code).toBe(0);
    const octets = readFileSync(resultat);
    expect(octets.subarray(0, 7).toString("latin1")).toBe("sep=;\r\n");
    expect(octets.includes(Buffer.from("Coût de référence", "latin1"))).toBe(true);
    expect(octets.includes(Buffer.from([0x80]))).toBe(true);
    expect(octets.includes(Buffer.from("é", "utf8"))).toBe(false);
  });

  test("each row evaluated; the bad one in error with its line; the empty row at the end dropped", () => {
    const lignes = lireCsv(iconv.decode(readFileSync(resultat), "windows-1252").replace(/^sep=;\r\n/, ""));
    const entete = lignes[0];
    const col = (l: string[], nom: string) => l[entete.indexOf(nom)];
    expect(lignes.map((l) => l[0])).toEqual(["Id", "A-1", "A-2", "A-3"]);
    // ME, EnR 55 % (Guide fiche 8, l.914), no AFR, of 1 200 000 − 400 000 → 440 000,00 = the aid asked.
    expect(col(lignes[1], "Libellé")).toBe("Chaudière\r\nbois");
    expect(col(lignes[1], "Plafond ademe-investissement")).toBe("440000,00");
    expect(col(lignes[1], "Conforme")).toBe("oui");
    // "cent vingt" is not a number: in error, on Excel's row 3 (the `sep=` line hidden, the
    // header row 1, A-1 row 2 however many lines its quoted cell takes).
    expect(col(lignes[2], "Conforme")).toBe("en erreur");
    expect(col(lignes[2], "Erreurs")).toContain(
      "ligne 3, fiche A-2 : colonne « Effectif » : « cent vingt » n'est pas un nombre",
    );
    // GE, réseaux de chaleur 100 % (l.915) of 1 000 000; 600 000 ≥ 500 000 to publish (note
    // 10, l.2641) — the message's "≥" has no Windows-1252 byte: written ">=".
    expect(col(lignes[3], "Plafond ademe-investissement")).toBe("1000000,00");
    expect(col(lignes[3], "Anomalies")).toContain("600\u00a0000,00\u00a0€ >= 500\u00a0000,00\u00a0€");
  });

  test("stderr names the bad row's line; the batch went on", () => {
    expect(r.stderr).toContain(
      "Erreur : " +
        entree +
        ", ligne 3, fiche A-2 : colonne « Effectif » : « cent vingt » n'est pas un nombre",
    );
    expect(r.stderr).toContain(
      "3 ligne(s) — 2 conforme(s), 0 non conforme(s), 0 sans plan de financement, 1 en erreur",
    );
  });
});

describe("`,` delimiter, UTF-8 without BOM, LF, ISO dates, headers written otherwise", () => {
  const entree = fichier(
    "contrat-virgules.csv",
    [
      "ID,Titre,Date_Demande,DATE-DEBUT,effectif,chiffre affaires,total bilan,AFR,dispositif,nature,categorie,Montant HT,cout_reference,ademe_investissement,region,regime_region,autofinancement",
      'X-1,"Chaufferie, bois",2019-06-01,2019-09-01,120,30000000,20000000,1,ademe-investissement,investissement,enr,1200000,400000,350000,150000,de_minimis,700000',
      ",,,,,,,,,,,,,,,,",
      "X-2,Étude,2019-06-01,,,,,,,etude,diagnostic,1000,,,,,",
      "",
    ].join("\n"),
  );
  const r = tiAides(["lot", entree]);

  test("same delimiter and line ending, decimal point, no BOM; the guide's figure", () => {
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("ID,Titre,")).toBe(true);
    expect(r.stdout).not.toContain("\r");
    const [entete, ligne, blanche, x2] = lireCsv(r.stdout, ",");
    // A blank row between two rows is kept, as blank.
    expect(blanche.every((c) => c === "")).toBe(true);
    expect(x2[0]).toBe("X-2");
    const col = (nom: string) => ligne[entete.indexOf(nom)];
    expect(col("Titre")).toBe("Chaufferie, bois");
    // ME, EnR 55 % + 5 points AFR (Guide fiche 8, l.914, l.912) of 800 000 € → 480 000.00.
    expect(col("Plafond ademe-investissement")).toBe("480000.00");
    expect(col("Total aide publique")).toBe("500000.00");
    // The Région's 150 000 € under de minimis does not lift the cumul: 500 000 > 480 000 (note 9, l.2639).
    expect(col("Conforme")).toBe("non");
    expect(r.stderr).not.toContain("Avertissement");
  });
});

describe("a file that cannot be read at all: exit 2, a French message, no stack trace", () => {
  test("a missing file", () => {
    const r = tiAides(["lot", "nulle-part/contrat.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Erreur : nulle-part/contrat.csv : fichier introuvable : vérifiez le chemin\n");
  });

  test("a quote never closed: the output file is not written", () => {
    const entree = fichier("guillemet.csv", 'id;nature;montant\nA;etude;1000\nB;"etude;2000\nC;etude;3000\n');
    const sortie = join(tmp, "guillemet-resultats.csv");
    const r = tiAides(["lot", entree, "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `Erreur : ${entree}, ligne 3 : tableau CSV illisible : un guillemet ouvert n'est jamais refermé`,
    );
    expect(sansPileDAppel(r.stderr)).toBe(true);
    expect(existsSync(sortie)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("an output folder that does not exist", () => {
    const r = tiAides(["lot", EXEMPLE, "-o", join(tmp, "absent", "r.csv"), "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "absent/r.csv : écriture impossible (ENOENT) : vérifiez le dossier et les droits",
    );
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("a format lot does not write; standard input", () => {
    const f = tiAides(["lot", EXEMPLE, "--format", "yaml"]);
    expect(f.code).toBe(2);
    expect(f.stderr).toBe(
      // A format other commands write is no typo: « yaml » is not taken for « html » (two letters away).
      "Erreur : le format « yaml » n'est pas écrit par cette commande ; formats permis : csv, jsonl, json, xlsx, html\n",
    );
    const s = tiAides(["lot", "-"], { entree: readFileSync(EXEMPLE) });
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/^Erreur : lot lit un fichier CSV, pas l'entrée standard/);
  });
});

describe("a tax deduction in the batch output", () => {
  test("the suramortissement is said to be a deduction, not an aid, in « Dispositifs éligibles »", () => {
    // A PE (40 staff, 5 M€: Reg. (EU) 651/2014, annex I) orders a robot on 01/02/2019 and acquires it on
    // 01/03/2019 (Guide fiche 23, l.2118): extra deduction 40 % × 100 000 = 40 000,00 € (l.2112).
    const f = fichier(
      "suramortissement.csv",
      "id;beneficiaire;effectif;chiffre_affaires;secteur;date_demande;nature;categorie;montant;date_commande;date_acquisition\n" +
        "S-1;Atelier;40;5000000;industrie;01/03/2019;equipement;robotique;100000;01/02/2019;01/03/2019\n",
    );
    const r = tiAides(["lot", f]);
    expect(r.code, r.stderr).toBe(0);
    const [entete, ligne] = lireCsv(r.stdout);
    const eligibles = ligne[entete.indexOf("Dispositifs éligibles")].replace(/[\u00a0\u202f]/g, " ");
    expect(eligibles).toBe("suramortissement (déduction supplémentaire 40 000,00 €)");
  });
});
