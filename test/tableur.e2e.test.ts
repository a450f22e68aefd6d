// What a spreadsheet really saves, read by `lot` and `verifier` as a user runs them (issue 12): no row
// lost or merged, no cell garbled, every row counted once and numbered as the spreadsheet shows it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-tableur-"));
function fichier(nom: string, contenu: string | Buffer): string {
  const f = join(tmp, nom);
  writeFileSync(f, contenu);
  return f;
}
/** The output read back: records of cells (latin1 keeps every byte as one character). */
const lireCsv = (texte: string | Buffer, encoding: BufferEncoding = "utf8"): string[][] =>
  parse(Buffer.isBuffer(texte) ? texte.toString(encoding) : texte, {
    delimiter: ";",
    bom: true,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n", "\r"],
  });
const colonne = (lignes: string[][], nom: string) => (l: string[]) => l[lignes[0].indexOf(nom)];

describe("line endings: any mix of CRLF, LF and CR is read record by record", () => {
  // A header saved by Excel (CRLF), rows added by a script (LF), one by an old Mac tool (CR).
  const entree = fichier(
    "fins-melangees.csv",
    "id;Nature;Catégorie;Montant;Commentaire\r\n" +
      "A-1;etude;diagnostic;1000;un\n" +
      "A-2;etude;diagnostic;2000;deux\n" +
      "A-3;etude;diagnostic;3000;trois\r" +
      "A-4;etude;diagnostic;4000;quatre\r\n" +
      "A-5;etude;diagnostic;5000;cinq\n",
  );
  const sortie = join(tmp, "fins-melangees-resultats.csv");
  const r = tiAides(["lot", entree, "-o", sortie]);

  test("five rows in, five rows out, each with its own cells; the summary counts five", () => {
    expect(r.code).toBe(0);
    const lignes = lireCsv(readFileSync(sortie));
    expect(lignes.slice(1).map((l) => l.slice(0, 5))).toEqual([
      ["A-1", "etude", "diagnostic", "1000", "un"],
      ["A-2", "etude", "diagnostic", "2000", "deux"],
      ["A-3", "etude", "diagnostic", "3000", "trois"],
      ["A-4", "etude", "diagnostic", "4000", "quatre"],
      ["A-5", "etude", "diagnostic", "5000", "cinq"],
    ]);
    expect(r.stderr).toContain(": 5 ligne(s) —");
  });

  test("written back with the header's line ending", () => {
    const texte = readFileSync(sortie, "utf8");
    expect(texte.split("\r\n")).toHaveLength(7); // header + 5 rows + the final CRLF
  });
});

describe("cells beyond the header's width are kept in the output", () => {
  // A row shifted by a stray `;`: its last cells have no header.
  const entree = fichier(
    "trop-de-cellules.csv",
    "id;Nature;Catégorie;Montant\r\nA-1;etude;diagnostic;1000\r\nA-2;etude;diagnostic;;2000;à revoir\r\n",
  );
  const r = tiAides(["lot", entree]);

  test("the extra cells come after the result columns, the row in error saying why", () => {
    expect(r.code).toBe(0);
    const lignes = lireCsv(r.stdout);
    const entete = lignes[0];
    const a2 = lignes[2];
    expect(a2.slice(entete.length)).toEqual(["2000", "à revoir"]);
    expect(colonne(lignes, "Conforme")(a2)).toBe("en erreur");
    expect(colonne(lignes, "Erreurs")(a2)).toContain(
      "ligne 3, fiche A-2 : 2 cellule(s) au-delà de la dernière colonne d'en-tête (« 2000 »…)",
    );
    // The row that fits is untouched.
    expect(lignes[1]).toHaveLength(entete.length);
  });
});

describe("Windows-1252: every byte comes back as it was", () => {
  // French Excel's "CSV (séparateur : point-virgule)"; a comment pasted with the five bytes that
  // Windows-1252 leaves undefined, around an "é" (0xE9) and a "€" (0x80).
  const indefinis = Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  const commentaire = Buffer.concat([Buffer.from("r", "latin1"), indefinis, Buffer.from([0xe9, 0x80])]);
  const entree = fichier(
    "ansi-indefinis.csv",
    Buffer.concat([
      iconv.encode("id;Nature;Catégorie;Montant;Commentaire\r\nA-1;étude;diagnostic;1000;", "windows-1252"),
      commentaire,
      Buffer.from("\r\n"),
    ]),
  );
  const r = tiAides(["lot", entree, "-o", join(tmp, "ansi-indefinis-resultats.csv")]);

  test("the comment's bytes, undefined ones included, are in the output unchanged", () => {
    expect(r.code).toBe(0);
    const octets = readFileSync(join(tmp, "ansi-indefinis-resultats.csv"));
    const lignes = lireCsv(octets, "latin1");
    expect(colonne(lignes, "Commentaire")(lignes[1])).toBe(commentaire.toString("latin1"));
    expect(octets.includes(Buffer.concat([Buffer.from(";"), commentaire, Buffer.from(";")]))).toBe(true);
  });
});

describe("a UTF-8 file with one stray byte stays UTF-8; the bad row is in error on its row", () => {
  // Saved as "CSV UTF-8" without BOM (LibreOffice); A-2's title pasted from a Latin-1 file: 0xE9.
  const entete = "id;Titre;Nature;Catégorie;Montant;Région;Régime Région;Autofinancement\r\n";
  const entree = fichier(
    "utf8-octet-isole.csv",
    Buffer.concat([
      Buffer.from(entete + "A-1;Chaudière;investissement;enr;100 000;20 000;de minimis;80 000\r\n", "utf8"),
      Buffer.from("A-2;Chaudi\xe9re;investissement;enr;100 000;20 000;de minimis;80 000\r\n", "latin1"),
      Buffer.from("A-3;Étude thermique;etude;diagnostic;10 000;5 000;de minimis;5 000\r\n", "utf8"),
    ]),
  );
  const sortie = join(tmp, "utf8-octet-isole-resultats.csv");
  const r = tiAides(["lot", entree, "-o", sortie]);

  test("the Région column is read: its amount is the public aid of the good rows", () => {
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("non reconnue");
    const lignes = lireCsv(readFileSync(sortie));
    const total = colonne(lignes, "Total aide publique");
    expect(total(lignes[1])).toBe("20000,00");
    expect(total(lignes[3])).toBe("5000,00");
  });

  test("the accented texts are copied as they were, the stray byte included", () => {
    const octets = readFileSync(sortie);
    expect(octets.includes(Buffer.from("A-1;Chaudière;", "utf8"))).toBe(true);
    expect(octets.includes(Buffer.from("A-2;Chaudi\xe9re;", "latin1"))).toBe(true);
    expect(octets.includes(Buffer.from("A-3;Étude thermique;", "utf8"))).toBe(true);
  });

  test("A-2 is in error on its row (3), naming its column; stderr says the same", () => {
    const lignes = lireCsv(readFileSync(sortie));
    expect(colonne(lignes, "Conforme")(lignes[2])).toBe("en erreur");
    expect(colonne(lignes, "Erreurs")(lignes[2])).toMatch(
      /^.*utf8-octet-isole\.csv, ligne 3, fiche A-2 : colonne « Titre » : octet 0xE9 illisible : le fichier est en UTF-8/,
    );
    expect(r.stderr).toMatch(
      /Erreur : .*utf8-octet-isole\.csv, ligne 3, fiche A-2 : colonne « Titre » : octet 0xE9 illisible/,
    );
  });
});

test("a header typed in another encoding than the file's UTF-8: the warning says so, readably", () => {
  const entree = fichier(
    "entete-octet.csv",
    Buffer.concat([
      Buffer.from("id;Nature;Catégorie;Montant;R", "utf8"),
      Buffer.from([0xe9]),
      Buffer.from("gion\r\nA-1;etude;diagnostic;1000;\r\n", "utf8"),
    ]),
  );
  const r = tiAides(["lot", entree]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(
    "colonne « R\ufffdgion » non reconnue : recopiée telle quelle, elle n'est pas lue : octet 0xE9 illisible, cet en-tête n'est pas en UTF-8 comme le reste du fichier ; retapez-le dans le tableur",
  );
});

test("a file of both encodings, mostly Windows-1252: read so, and said (never chosen in silence)", () => {
  // The header in UTF-8 ("Catégorie": one UTF-8 character), two rows typed in Windows-1252 ("é" = 0xE9).
  const entree = fichier(
    "deux-encodages.csv",
    Buffer.concat([
      Buffer.from("id;Titre;Nature;Catégorie;Montant\r\n", "utf8"),
      Buffer.from(
        "M-1;Chaudi\xe8re;investissement;enr;1000\r\nM-2;R\xe9seau;investissement;enr;2000\r\n",
        "latin1",
      ),
    ]),
  );
  const r = tiAides(["lot", entree, "-o", join(tmp, "deux-encodages-resultats.csv")]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("deux-encodages.csv : ce fichier mêle deux encodages, lu en Windows-1252");
  // Every byte back as it was, the UTF-8 header included.
  const octets = readFileSync(join(tmp, "deux-encodages-resultats.csv"));
  expect(octets.includes(Buffer.from("id;Titre;Nature;Catégorie;Montant;", "utf8"))).toBe(true);
  expect(octets.includes(Buffer.from("M-2;R\xe9seau;", "latin1"))).toBe(true);
});

describe("one invalid byte at row 2 500 of a 3 000-row batch does not stop it", () => {
  const lignes = ["id;Nature;Catégorie;Montant"];
  for (let i = 2; i <= 3001; i++) lignes.push(`L-${i};etude;diagnostic;${i}`);
  const texte = Buffer.from(lignes.join("\r\n") + "\r\n", "utf8");
  // Row 2 500 (header = 1): its category written "diagnostic" with an "é" in Latin-1: "diagnostic\xe9".
  const debut = texte.indexOf("L-2500;etude;diagnostic");
  const avant = texte.subarray(0, debut + "L-2500;etude;diagnostic".length);
  const entree = fichier(
    "long-octet.csv",
    Buffer.concat([avant, Buffer.from([0xe9]), texte.subarray(avant.length)]),
  );
  const sortie = join(tmp, "long-octet-resultats.csv");
  const r = tiAides(["lot", entree, "-o", sortie]);

  test("exit 0, the output written, 3 000 rows, only row 2 500 in error", () => {
    expect(r.code).toBe(0);
    expect(existsSync(sortie)).toBe(true);
    const sorties = lireCsv(readFileSync(sortie));
    expect(sorties).toHaveLength(3001);
    const conforme = colonne(sorties, "Conforme");
    const enErreur = sorties.filter((l) => conforme(l) === "en erreur").map((l) => l[0]);
    expect(enErreur).toEqual(["L-2500"]);
    expect(r.stderr).toMatch(/ligne 2500, fiche L-2500 : colonne « Catégorie » : octet 0xE9 illisible/);
    expect(r.stderr).toContain(": 3000 ligne(s) —");
  });
});

describe("counting that a reader can check", () => {
  test("lot: a row without financing plan is counted apart, not among the compliant ones", () => {
    const entree = fichier(
      "sans-plan.csv",
      "id;Nature;Catégorie;Montant;ADEME études;Autofinancement\r\nS-1;etude;diagnostic;10000;;\r\nS-2;etude;diagnostic;10000;2000;8000\r\n",
    );
    const r = tiAides(["lot", entree, "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // S-2: GE by prudence (size unknown), diagnostic GE 50 % (Guide fiche 6, l.797) of 10 000 = 5 000 ≥ 2 000 asked.
    expect(doc.synthese).toEqual({
      fiches: 2,
      conformes: 1,
      non_conformes: 0,
      sans_plan_de_financement: 1,
      en_erreur: 0,
    });
    expect(r.stderr).toContain(
      "2 ligne(s) — 1 conforme(s), 0 non conforme(s), 1 sans plan de financement, 0 en erreur",
    );
  });

  test("verifier on the README's example: every row once, the impossible date in error with its id", () => {
    const r = tiAides(["verifier", "fixtures/csv/contrat-exemple.csv", "--format", "json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.fiches.map((f: { id: string }) => f.id)).toEqual([
      "TI-01",
      "TI-02",
      "TI-03",
      "TI-04",
      "TI-05",
      "TI-06",
      "TI-07",
      "TI-08",
      "TI-09",
      "TI-10",
      "TI-11",
      "TI-12",
    ]);
    const ti09 = doc.fiches.find((f: { id: string }) => f.id === "TI-09");
    expect(ti09.erreurs).toEqual([
      "fixtures/csv/contrat-exemple.csv, ligne 10 : colonne « Date de début » : « 31/02/2019 » n'existe pas dans le calendrier",
    ]);
    expect(doc.synthese).toEqual({
      fiches: 12,
      conformes: 5,
      non_conformes: 4,
      sans_plan_de_financement: 1,
      en_erreur: 2,
    });
    expect(r.stderr).toContain(
      "Erreur : fixtures/csv/contrat-exemple.csv, ligne 10, fiche TI-09 : colonne « Date de début »",
    );
  });

  test("verifier: the table lists the row in error and the fiche without plan apart", () => {
    const r = tiAides(["verifier", "fixtures/csv/contrat-exemple.csv"]);
    expect(r.stdout).toMatch(/✖ en erreur +TI-09 +fixtures\/csv\/contrat-exemple\.csv, ligne 10/);
    expect(r.stdout).toMatch(/– sans plan +TI-11/);
    expect(r.stdout).toContain(
      "5 fiches conformes, 4 non conformes, 1 sans plan de financement, 2 en erreur",
    );
  });

  test("verifier: a fiche id given twice is excluded from the contract's totals, and says so", () => {
    // D-1 twice (copied row): 10 000 € counted once in the total cost, not 20 000 €.
    const entree = fichier(
      "doublon.csv",
      "id;Nature;Catégorie;Montant;ADEME études;Autofinancement\r\nD-1;etude;diagnostic;10000;2000;8000\r\nD-2;etude;diagnostic;30000;;30000\r\nD-1;etude;diagnostic;10000;2000;8000\r\n",
    );
    const r = tiAides(["verifier", entree, "--format", "json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.fiches).toHaveLength(3);
    expect(doc.contrat.totaux.fiches).toBe(2);
    expect(doc.contrat.totaux.cout_total).toBe("40000.00");
    expect(r.stderr).toMatch(
      /ligne 4, fiche D-1 : colonne « id » : identifiant de fiche « D-1 » déjà utilisé dans .*doublon\.csv, ligne 2 : cette fiche-ci est exclue des totaux et des contrôles du contrat/,
    );
  });
});

describe("messages to a CSV user name columns, never a YAML path", () => {
  test("verifier --format json: a row's `erreurs` name the column, as standard error does", () => {
    // « 350.000 » is ambiguous (docs/domaine.md, second edition): an error on the « Montant » cell.
    const entree = fichier("ambigu.csv", "id;Nature;Catégorie;Montant\r\nA-1;investissement;enr;350.000\r\n");
    const r = tiAides(["verifier", entree, "--format", "json"]);
    expect(r.code).toBe(2);
    const erreurs: string[] = JSON.parse(r.stdout).fiches[0].erreurs;
    expect(erreurs.join("\n")).toMatch(/ligne 2 : colonne « Montant » : montant « 350\.000 » ambigu/);
    expect(erreurs.join("\n")).not.toContain("champ «");
    expect(r.stderr).toContain("colonne « Montant »");
  });

  test("verifier on the README's example: « colonne », never « champ »", () => {
    const r = tiAides(["verifier", "fixtures/csv/contrat-exemple.csv"]);
    expect(r.stdout).not.toContain("champ «");
    expect(r.stderr).not.toContain("champ «");
    // TI-01's cumul lands on its expense's amount column.
    expect(r.stdout).toMatch(
      /contrat-exemple\.csv, ligne 2, colonne « Montant » — fiche TI-01, Cumul des aides/,
    );
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });
});

describe("what to write in which column, not the YAML line to add", () => {
  test("lot: a Région amount without regime says which column to fill, and with what", () => {
    const entree = fichier(
      "regime-absent.csv",
      "id;Nature;Catégorie;Montant;Région;Autofinancement\r\nR-1;conseil;rh;10000;5000;5000\r\n",
    );
    const r = tiAides(["lot", entree]);
    const lignes = lireCsv(r.stdout);
    const anomalies = colonne(lignes, "Anomalies")(lignes[1]);
    expect(anomalies).toContain(
      "à vérifier : Colonne « Région » : régime non précisé, le RGEC est retenu ; confirmez-le en écrivant RGEC, de minimis ou hors aide d'État dans une colonne « Régime Région » à ajouter au tableau.",
    );
    expect(anomalies).not.toContain("regime:");
  });

  test("lot: a financing line is its financer's column, not « Financement n°1 »", () => {
    const entree = fichier(
      "financement-colonne.csv",
      "id;Titre;Nature;Catégorie;Montant;Région;Régime Région;Autofinancement\r\nF-1;Chaudière;investissement;enr;100000;20000;de minimis;80000\r\n",
    );
    const r = tiAides(["lot", entree]);
    const lignes = lireCsv(r.stdout);
    const anomalies = colonne(lignes, "Anomalies")(lignes[1]);
    // Without date_demande, the de minimis aid is dated the day of the evaluation (a warning).
    expect(anomalies).toContain(
      "à vérifier : Colonne « Région » : ni date_octroi ni date_demande ; la date d'évaluation",
    );
    expect(anomalies).not.toContain("Financement n°");
  });

  test("verifier: the regime column left empty is named", () => {
    const entree = fichier(
      "regime-vide.csv",
      "id;Nature;Catégorie;Montant;Région;Régime Région;Autofinancement\r\nR-1;conseil;rh;10000;5000;;5000\r\n",
    );
    const r = tiAides(["verifier", entree]);
    expect(r.stdout).toContain(
      "confirmez-le en écrivant RGEC, de minimis ou hors aide d'État dans la colonne « Régime Région ».",
    );
    expect(r.stdout).not.toContain("regime:");
  });
});

describe("unknown columns: a suggestion only for a likely typo, and a bounded report", () => {
  test("« Commentaire » gets no suggestion (it is not « commune »); « Montnat » is « montant »", () => {
    const entree = fichier(
      "inconnues.csv",
      "id;Nature;Catégorie;Montnat;Montant;Commentaire;Région Auvergne\r\nA-1;etude;diagnostic;;1000;;\r\n",
    );
    const r = tiAides(["lot", entree]);
    expect(r.code).toBe(0);
    const avertissements = r.stderr.split("\n").filter((l) => l.startsWith("Avertissement"));
    expect(avertissements).toHaveLength(3);
    expect(avertissements[0]).toMatch(
      /colonne « Montnat » non reconnue : recopiée telle quelle, elle n'est pas lue \(vouliez-vous dire « montant » \?\)$/,
    );
    expect(avertissements[1]).toMatch(
      /colonne « Commentaire » non reconnue : recopiée telle quelle, elle n'est pas lue$/,
    );
    // Not a financer column either: "Région Auvergne" is not the Région's amount.
    expect(avertissements[2]).toMatch(
      /colonne « Région Auvergne » non reconnue : recopiée telle quelle, elle n'est pas lue$/,
    );
  });

  test("100 000 unknown columns (0,9 Mo): a few dozen lines on stderr, every column kept", () => {
    const entetes = ["id", "nature", "montant", ...Array.from({ length: 100_000 }, (_, i) => `Col${i}`)];
    const entree = fichier("cent-mille-colonnes.csv", `${entetes.join(";")}\r\nA-1;etude;1000\r\n`);
    const sortie = join(tmp, "cent-mille-colonnes-resultats.csv");
    const r = tiAides(["lot", entree, "-o", sortie]);
    expect(r.code).toBe(0);
    const lignes = r.stderr.trim().split("\n");
    expect(lignes.length).toBeLessThanOrEqual(30);
    expect(lignes.at(-2)).toMatch(
      /ligne 1 : 99980 autre\(s\) colonne\(s\) non reconnue\(s\) \(« Col20 », « Col21 », « Col22 »…\) : recopiées telles quelles/,
    );
    expect(lireCsv(readFileSync(sortie))[0].slice(0, entetes.length)).toEqual(entetes);
  });
});
