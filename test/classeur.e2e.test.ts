// `ti-aides lot` and `verifier` on .xlsx workbooks written as Excel writes them (dates as day numbers
// with a date format, amounts as numbers with a euro format, a formula saved with its value, a
// hidden column, a title merged above the headers, formatted empty rows below the table), and the
// output workbook read back cell by cell; `ti-aides modele` filled and evaluated.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-classeur-"));
const EXEMPLE = "fixtures/classeur/contrat-exemple.xlsx";
/** The expected results of the same rows, worked out by hand from the guide (test/lot.e2e.test.ts). */
const ATTENDU: string[][] = parse(readFileSync("fixtures/csv/contrat-exemple.attendu.csv"), {
  delimiter: ";",
  bom: true,
  relax_column_count: true,
});
const EUROS = '#,##0.00 "€"';

async function lire(fichier: string): Promise<ExcelJS.Workbook> {
  const c = new ExcelJS.Workbook();
  await c.xlsx.readFile(fichier);
  return c;
}
/** The cells of a row by header, as values. */
function parEntete(f: ExcelJS.Worksheet, ligneEntetes: number, r: number): Map<string, ExcelJS.Cell> {
  const m = new Map<string, ExcelJS.Cell>();
  f.getRow(ligneEntetes).eachCell((c, n) => m.set(String(c.value), f.getRow(r).getCell(n)));
  return m;
}
/** "480000,00" (the expected CSV) → 480000. */
const nombre = (t: string) => Number(t.replace(",", "."));

describe("lot on the example workbook (fixtures/classeur/contrat-exemple.xlsx)", async () => {
  const sortie = join(tmp, "resultats.xlsx");
  const r = tiAides(["lot", EXEMPLE, "-o", sortie]);
  const entree = (await lire(EXEMPLE)).worksheets[0];
  const resultat = r.code === 0 ? await lire(sortie) : undefined;

  test("exit 0, nothing on stdout, the workbook written whole (no temporary file left)", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(resultat!.worksheets.map((f) => f.name)).toEqual(["Fiches-actions", "Synthèse", "Anomalies"]);
  });

  test("every input cell in place, with its value and format; the hidden column stays hidden", () => {
    const f = resultat!.worksheets[0];
    // The two empty rows below the table (no cell) are no row of the output either.
    expect(f.actualRowCount).toBe(entree.actualRowCount);
    for (let r = 1; r <= entree.rowCount; r++)
      entree.getRow(r).eachCell({ includeEmpty: true }, (c, n) => {
        const o = f.getRow(r).getCell(n);
        expect(o.value, c.address).toEqual(c.value);
        expect(o.numFmt, c.address).toEqual(c.numFmt);
      });
    const commentaire = ATTENDU[0].indexOf("Commentaire") + 1;
    expect(f.getColumn(commentaire).hidden).toBe(true);
    // A formula is copied as a formula, with its value; a text that looks like one stays a text.
    expect(f.getCell("AB2").value).toEqual({ formula: "R2-SUM(V2,W2,X2,Y2,Z2)", result: 700000 });
    const lien = f.getRow(9).getCell(commentaire);
    expect(lien.type).toBe(ExcelJS.ValueType.String);
    expect(lien.value).toBe('=LIEN_HYPERTEXTE("https://exemple.fr/dossier-08")');
  });

  test("the result columns: the hand-computed results of the CSV, amounts as numbers in euros", () => {
    const f = resultat!.worksheets[0];
    const titres = ATTENDU[0].slice(ATTENDU[0].indexOf("Taille calculée"));
    for (let i = 1; i < ATTENDU.length; i++) {
      const cellules = parEntete(f, 1, i + 1);
      for (const titre of titres) {
        const a = ATTENDU[i][ATTENDU[0].indexOf(titre)];
        const c = cellules.get(titre)!;
        const ou = `${ATTENDU[i][0]}, colonne « ${titre} »`;
        if (titre.startsWith("Plafond") || titre === "Total aide publique") {
          expect(c.value, ou).toBe(a === "" ? null : nombre(a));
          if (a !== "") expect(c.numFmt, ou).toBe(EUROS);
        } else if (titre === "Anomalies" || titre === "Erreurs") {
          for (const fragment of a.split(" | ").filter(Boolean))
            expect(String(c.value), ou).toContain(fragment);
          if (a === "") expect(c.value, ou).toBeNull();
        } else expect(c.value ?? "", ou).toBe(a);
      }
    }
  });

  test("non-compliant rows highlighted, rows in error too; the verdict carries the first reason", () => {
    const f = resultat!.worksheets[0];
    const fond = (r: number, n = 1) =>
      (f.getRow(r).getCell(n).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const conforme = ATTENDU[0].indexOf("Conforme") + 1;
    // TI-01 (row 2) non conforme; TI-02 (row 3) conforme; TI-07 (row 8) in error.
    expect(fond(2)).toBe("FFFFC7CE");
    expect(fond(2, conforme)).toBe("FFFFC7CE");
    expect(fond(3)).toBeUndefined();
    expect(fond(3, 4)).toBeUndefined(); // a date cell of a compliant row: its shared format not coloured
    expect(fond(8)).toBe("FFFFEB9C");
    const note = (r: number) => {
      const n = f.getRow(r).getCell(conforme).note;
      return typeof n === "string" ? n : n?.texts?.map((t) => t.text).join("");
    };
    expect(note(2)).toMatch(
      /^non conforme : La dépense de la ligne \(colonne « [^»]+ »\) : 500\s000,00\s€ d'aides publiques cumulées/,
    );
    expect(note(8)).toContain("« 12O\u202f000,00\u00a0€ » n'est pas un montant");
    expect(note(3)).toBeUndefined();
  });

  test("« Synthèse »: the counts and the totals, added up by hand from the example's rows", () => {
    const s = resultat!.getWorksheet("Synthèse")!;
    const valeur = (libelle: string, colonne = 2) => {
      // The first row of that label: a financer's before the same id's among the dispositifs.
      let v: unknown;
      s.eachRow((l) => {
        if (v === undefined && l.getCell(1).value === libelle) v = l.getCell(colonne).value;
      });
      return v;
    };
    expect([
      valeur("Lignes évaluées"),
      valeur("Conformes"),
      valeur("Non conformes"),
      valeur("Sans plan de financement"),
      valeur("En erreur"),
    ]).toEqual([12, 5, 4, 1, 2]);
    // Région: TI-01 150 000 + TI-06 100 000 (TI-07's row is in error, not counted) = 250 000.
    expect(valeur("region", 3)).toBe(2);
    expect(valeur("region", 4)).toBe(250000);
    // ADEME investissement asked: TI-01 350 000, TI-02 300 000, TI-06 450 000, TI-08 140 000,
    // TI-10 100 000, TI-12 600 000 = 1 940 000 (the rows of fixtures/csv/contrat-exemple.csv).
    expect(valeur("ademe-investissement", 4)).toBe(1940000);
    // Public share: public aid over the cost of the fiches with a financing plan (nine rows).
    const aide = valeur("Aide publique demandée") as number;
    const cout = valeur("Coût des dépenses") as number;
    expect(valeur("Fiches avec plan de financement")).toBe(9);
    expect(valeur("Part d'aide publique")).toBeCloseTo(aide / cout, 4);
  });

  test("« Anomalies »: one row per failed control and per row in error, with fiche, row and figures", () => {
    const a = resultat!.getWorksheet("Anomalies")!;
    expect(a.getRow(1).values).toEqual([
      undefined,
      "Fiche",
      "Ligne",
      "Contrôle",
      "Portée",
      "État",
      "Valeur",
      "Limite",
      "Message",
      "Source",
    ]);
    const lignes: unknown[][] = [];
    a.eachRow((l, n) => {
      if (n > 1) lignes.push((l.values as unknown[]).slice(1));
    });
    const ti01 = lignes.find((l) => l[0] === "TI-01")!;
    // Cumul: 350 000 + 150 000 = 500 000 of public aid against 480 000 (note 9, l.2639).
    expect(ti01.slice(0, 7)).toEqual([
      "TI-01",
      2,
      "Cumul des aides",
      "depense",
      "non conforme",
      500000,
      480000,
    ]);
    expect(String(ti01[8])).toContain("Guide TI V5, note 9, l.2639");
    expect(lignes.filter((l) => l[4] === "erreur de saisie").map((l) => l[0])).toEqual(["TI-07", "TI-09"]);
  });

  test("stderr: the hidden column said, the bad rows with their Excel row and column", () => {
    expect(r.stderr).toContain("colonne(s) masquée(s) « Commentaire » : lue(s) comme les autres");
    expect(r.stderr).toContain(
      "Erreur : fixtures/classeur/contrat-exemple.xlsx, ligne 10, fiche TI-09 : colonne « Date de début » : « 31/02/2019 » n'existe pas dans le calendrier",
    );
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });
});

/** A workbook as a user makes it in Excel: grouped headers above, the cells typed, a few traps. */
async function classeurPieges(fichier: string): Promise<void> {
  const c = new ExcelJS.Workbook();
  const f = c.addWorksheet("Plan de financement");
  f.getRow(2).values = [
    "id",
    "Nature du bénéficiaire",
    "Effectif",
    "Chiffre d'affaires",
    "AFR",
    "Date de demande",
    "Dispositif",
    "Nature",
    "Catégorie",
    "Montant",
    "Coût de référence",
    "ADEME investissement",
    "Région",
    "Régime Région",
    "Autofinancement",
  ];
  const date = (j: string) => new Date(`${j}T00:00:00Z`);
  const lignes: ExcelJS.CellValue[][] = [
    // TI-01 of the example: ME, EnR, 60 % of 800 000 = 480 000 (Guide fiche 8, l.914, l.912, l.927);
    // 350 000 + 150 000 = 500 000 > 480 000 → non conforme (note 9, l.2639).
    [
      "TI-01",
      "entreprise",
      120,
      30000000,
      true,
      date("2019-06-01"),
      "ademe-investissement",
      "investissement",
      "EnR",
      1200000,
      400000,
      350000,
      150000,
      "RGEC",
      { formula: "J3-L3-M3", result: 700000 },
    ],
    // "350.000" typed as text: 350 000 or 350? An input error on that cell, never 350 €.
    [
      "TI-02",
      "entreprise",
      30,
      5000000,
      false,
      date("2019-02-15"),
      "ademe-investissement",
      "investissement",
      "Réseaux de chaleur et de froid",
      500000,
      100000,
      "350.000",
      null,
      null,
      150000,
    ],
    // A formula saved without its value (written by a program): read empty, and said.
    [
      "TI-03",
      "entreprise",
      30,
      5000000,
      false,
      date("2019-02-15"),
      "ademe-investissement",
      "investissement",
      "Réseaux de chaleur et de froid",
      500000,
      100000,
      300000,
      null,
      null,
      { formula: "J5-L5" },
    ],
  ];
  lignes.forEach((l, i) => (f.getRow(3 + i).values = l));
  // Grouped headers above: "id" merged over two rows, "Plan de financement" over the financers.
  f.getCell("B1").value = "Bénéficiaire";
  f.mergeCells("B1:E1");
  f.getCell("L1").value = "Plan de financement";
  f.mergeCells("L1:O1");
  f.getCell("A1").value = "id";
  f.mergeCells("A1:A2");
  for (let r = 3; r <= 5; r++) {
    f.getCell(`F${r}`).numFmt = "dd/mm/yyyy";
    for (const col of ["D", "J", "K", "L", "M", "O"]) f.getCell(`${col}${r}`).numFmt = '# ##0,00 "€"';
  }
  f.getColumn(13).hidden = true; // the Région's column, hidden: still read
  // Empty rows below, formatted (a border), as a spreadsheet leaves them.
  for (let r = 6; r <= 9; r++) f.getCell(`A${r}`).border = { top: { style: "thin" } };
  c.addWorksheet("Notes").getCell("A1").value = "brouillon";
  await c.xlsx.writeFile(fichier);
}

describe("a workbook with grouped headers, hidden column, formulas and an ambiguous amount", async () => {
  const fichier = join(tmp, "pieges.xlsx");
  await classeurPieges(fichier);
  const sortie = join(tmp, "pieges-resultats.xlsx");
  const r = tiAides(["lot", fichier, "-o", sortie]);

  test("grouped headers above kept and merged; every row evaluated, in its Excel row", async () => {
    expect(r.code, r.stderr).toBe(0);
    const f = (await lire(sortie)).worksheets[0];
    expect(f.getCell("L1").value).toBe("Plan de financement");
    expect(f.getCell("O1").isMerged).toBe(true);
    expect(f.getCell("A2").master.address).toBe("A1"); // the "id" header over rows 1 and 2
    expect(f.getCell("P2").value).toBe("Taille calculée"); // results after the last column
    const ti01 = parEntete(f, 2, 3);
    expect(ti01.get("Taille calculée")!.value).toBe("ME");
    expect(ti01.get("Plafond ademe-investissement")!.value).toBe(480000);
    expect(ti01.get("Total aide publique")!.value).toBe(500000);
    expect(ti01.get("Conforme")!.value).toBe("non");
    // The boolean cell TRUE read as "oui": the 5 points of AFR are in the 60 %.
    const ti02 = parEntete(f, 2, 4);
    expect(ti02.get("Conforme")!.value).toBe("en erreur");
    expect(String(ti02.get("Erreurs")!.value)).toContain("montant « 350.000 » ambigu");
    // TI-03: PE, réseaux de chaleur 100 % of 400 000 (l.915); 300 000 asked; the self-financing read
    // empty, so the plan is as written, and the unread formula is in the row's anomalies.
    const ti03 = parEntete(f, 2, 5);
    expect(ti03.get("Plafond ademe-investissement")!.value).toBe(400000);
    expect(String(ti03.get("Anomalies")!.value)).toContain("formule =J5-L5 enregistrée sans sa valeur");
    // The formatted empty rows are no fiche: three rows evaluated. TI-03's plan, without its
    // self-financing, does not add up: not compliant, the unread formula said beside.
    expect(r.stderr).toContain(
      "3 ligne(s) — 0 conforme(s), 2 non conforme(s), 0 sans plan de financement, 1 en erreur",
    );
  });

  test("stderr: the row above, the hidden column, the other sheet, the formula; the error at Excel's row", () => {
    expect(r.stderr).toContain("en-têtes lus à la ligne 2 ; les lignes 1 à 1 au-dessus");
    expect(r.stderr).toContain("colonne(s) masquée(s) « Région » : lue(s) comme les autres");
    expect(r.stderr).toContain(
      "le classeur a 2 feuilles (« Plan de financement », « Notes ») ; seule la première est lue",
    );
    expect(r.stderr).toContain(
      `${fichier}, ligne 5, colonne « Autofinancement » : formule =J5-L5 enregistrée sans sa valeur`,
    );
    expect(r.stderr).toContain(
      `Erreur : ${fichier}, ligne 4, fiche TI-02 : colonne « ADEME investissement » : montant « 350.000 » ambigu (350 000 € ou 350 € ?) : écrivez 350000 ou 350 000`,
    );
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("--feuille: another sheet by name; an unknown one named with the sheets there are (exit 2)", () => {
    const k = tiAides(["lot", fichier, "--feuille", "Inconnue", "-o", join(tmp, "x.xlsx")]);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain(
      "pas de feuille « Inconnue » dans ce classeur : ses feuilles sont « Plan de financement », « Notes »",
    );
    const n = tiAides(["lot", fichier, "--feuille", "notes", "-o", join(tmp, "x.xlsx")]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain("colonne « id » absente de la ligne d'en-têtes");
  });

  test("verifier reads it too: the same rows, the error at its row and column", () => {
    const v = tiAides(["verifier", fichier, "--format", "json"]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(
      /ligne 4, fiche TI-02 : colonne « ADEME investissement » : montant « 350\.000 » ambigu/,
    );
    const fiches = JSON.parse(v.stdout).fiches.map((x: { id: string }) => x.id);
    expect(fiches).toEqual(["TI-01", "TI-02", "TI-03"]);
  });

  test("-o resultats.csv: a CSV of the same rows; --format xlsx on a CSV input is refused (exit 2)", () => {
    const csv = join(tmp, "pieges.csv");
    expect(tiAides(["lot", fichier, "-o", csv, "--quiet"]).code).toBe(0);
    const lignes: string[][] = parse(readFileSync(csv), {
      delimiter: ";",
      bom: true,
      relax_column_count: true,
    });
    expect(lignes.map((l) => l[0])).toEqual(["id", "TI-01", "TI-02", "TI-03"]);
    const k = tiAides([
      "lot",
      "fixtures/csv/contrat-exemple.csv",
      "--format",
      "xlsx",
      "-o",
      join(tmp, "y.xlsx"),
    ]);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain("--format xlsx complète un classeur");
  });
});

describe("ti-aides modele", () => {
  test("modele → two rows filled → lot → every row evaluated", async () => {
    const modele = join(tmp, "modele.xlsx");
    const m = tiAides(["modele", "-o", modele]);
    expect(m.code, m.stderr).toBe(0);
    const c = await lire(modele);
    const f = c.worksheets[0];
    const entetes = (f.getRow(1).values as unknown[]).slice(1) as string[];
    expect(entetes.slice(0, 3)).toEqual(["id", "titre", "territoire"]);
    for (const e of [
      "nature",
      "categorie",
      "montant",
      "zone",
      "dispositif",
      "regime_region",
      "region",
      "autofinancement",
    ])
      expect(entetes).toContain(e);
    // A comment on every header.
    f.getRow(1).eachCell((cellule) => expect(cellule.note, String(cellule.value)).toBeTruthy());
    // Drop-downs for the closed choices, their lists on a hidden sheet, read from the rules.
    const col = (nom: string) => f.getColumn(entetes.indexOf(nom) + 1).letter;
    const listes = c.getWorksheet("Listes")!;
    expect(listes.state).toBe("veryHidden");
    const liste = (nom: string) => {
      const v = f.getCell(`${col(nom)}2`).dataValidation;
      expect(v?.type, nom).toBe("list");
      const m = /\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)/.exec(v!.formulae![0] as string)!;
      const valeurs: unknown[] = [];
      for (let r = Number(m[2]); r <= Number(m[3]); r++) valeurs.push(listes.getCell(`${m[1]}${r}`).value);
      return valeurs;
    };
    expect(liste("zone")).toEqual(["metropole", "corse", "outre_mer"]);
    expect(liste("afr")).toEqual(["oui", "non"]);
    expect(liste("regime_region")).toEqual(expect.arrayContaining(["rgec", "de_minimis"]));
    expect(liste("dispositif")).toEqual(expect.arrayContaining(["ademe-investissement", "bdt-ingenierie"]));
    expect(liste("categorie")).toEqual(expect.arrayContaining(["enr", "diagnostic"]));
    expect(liste("nature")).toEqual(expect.arrayContaining(["investissement", "etude"]));
    // The two examples are the first two rows of fixtures/csv/contrat-exemple.csv, typed.
    expect(f.getCell(`${col("id")}2`).value).toBe("TI-01");
    expect(f.getCell(`${col("date_demande")}2`).value).toEqual(new Date("2019-06-01T00:00:00Z"));
    expect(f.getCell(`${col("montant")}2`).value).toBe(1200000);

    // A user fills two more rows, as Excel saves them.
    const remplir = (r: number, valeurs: Record<string, ExcelJS.CellValue>) => {
      for (const [nom, v] of Object.entries(valeurs)) f.getCell(`${col(nom)}${r}`).value = v;
    };
    // TI-03: GE diagnostic, 50 % of min(80 000, 50 000) = 25 000 (fiche 6, l.797, l.796).
    remplir(4, {
      id: "TI-03",
      date_demande: new Date("2019-01-10T00:00:00Z"),
      date_debut: new Date("2019-03-01T00:00:00Z"),
      siren: "389154204",
      nature_beneficiaire: "entreprise",
      effectif: 400,
      chiffre_affaires: 80000000,
      total_bilan: 60000000,
      zone: "metropole",
      afr: "non",
      dispositif: "ademe-etudes",
      nature: "etude",
      categorie: "diagnostic",
      montant: 80000,
      "ademe-etudes": 25000,
      autofinancement: 55000,
    });
    remplir(5, { id: "TI-04", nature: "investissement", montant: 10000 });
    const rempli = join(tmp, "rempli.xlsx");
    await c.xlsx.writeFile(rempli);
    const sortie = join(tmp, "rempli-resultats.xlsx");
    const l = tiAides(["lot", rempli, "-o", sortie]);
    expect(l.code, l.stderr).toBe(0);
    expect(l.stderr).toContain("4 ligne(s)");
    const res = (await lire(sortie)).worksheets[0];
    const verdicts = [2, 3, 4, 5].map((r) => parEntete(res, 1, r).get("Conforme")!.value);
    expect(verdicts).toEqual(["non", "oui", "oui", "sans plan de financement"]);
    expect(parEntete(res, 1, 4).get("Plafond ademe-etudes")!.value).toBe(25000);
    // Nothing of the template lost: its drop-downs are still in the result.
    expect(res.getCell(`${col("zone")}6`).dataValidation?.type).toBe("list");
  });

  test("--format csv (or -o x.csv): the headers and the two examples, read back by lot", () => {
    const csv = join(tmp, "modele.csv");
    expect(tiAides(["modele", "-o", csv]).code).toBe(0);
    const lignes: string[][] = parse(readFileSync(csv), { delimiter: ";", bom: true });
    expect(lignes.map((l) => l[0])).toEqual(["id", "TI-01", "TI-02"]);
    const l = tiAides(["lot", csv, "--format", "jsonl", "--quiet"]);
    expect(l.code).toBe(0);
    expect(l.stdout.trim().split("\n")).toHaveLength(2);
  });

  test("an .ods keeps its « enregistrez en .xlsx ou .csv » message (exit 2)", () => {
    copyFileSync(EXEMPLE, join(tmp, "contrat.ods"));
    const o = tiAides(["lot", join(tmp, "contrat.ods")]);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain("« Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) »");
  });
});
