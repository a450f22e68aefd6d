// The CSV readers of `lot` (src/cli/csv/): encoding, dialect, headers, cells, row → fiche.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { ErreurSaisie } from "../src/core/erreurs.js";
import { evaluerFiche } from "../src/core/evaluer.js";
import { validerFiche } from "../src/core/fiche.js";
import { lireBooleen, lireChoix, lireDate } from "../src/cli/csv/cellules.js";
import { detecterDialecte } from "../src/cli/csv/dialecte.js";
import { ouvrirCsv } from "../src/cli/csv/lecture.js";
import { ecrivain } from "../src/cli/csv/ecrivains.js";
import { parse } from "csv-parse/sync";
import { Decodeur, detecterEncodage, encodeur, octetsInvalides } from "../src/cli/csv/encodage.js";
import { analyserEntetes, catalogue, cle } from "../src/cli/csv/entetes.js";
import { categoriesConnues, ficheDeLigne } from "../src/cli/csv/ligne-vers-fiche.js";
import { anomalies, nombreCsv } from "../src/cli/csv/resultats.js";
import { contexteLot, traiterLigne } from "../src/cli/csv/traitement.js";
import { D } from "../src/core/argent.js";
import { REF } from "./outils/regles.js";
import { entetesExemple, LIGNE_EXEMPLE } from "./outils/ligne-exemple.js";

const octets = (...x: number[]) => Buffer.from(x);

async function decoder(morceaux: Buffer[], encodage: "utf-8" | "windows-1252"): Promise<string> {
  let texte = "";
  for await (const t of Readable.from(morceaux).pipe(new Decodeur(encodage))) texte += t.toString();
  return texte;
}

describe("encoding", () => {
  test("a BOM says UTF-8, and is written back", () => {
    expect(detecterEncodage(Buffer.from("\ufeffid;montant\r\n"), false)).toEqual({
      encodage: "utf-8",
      bom: true,
    });
  });

  test("accented UTF-8 without BOM is UTF-8; the same word in Windows-1252 is Windows-1252", () => {
    expect(detecterEncodage(Buffer.from("id;Catégorie\n"), true)).toEqual({ encodage: "utf-8", bom: false });
    // "é" is 0xE9 in Windows-1252, a byte UTF-8 never has alone.
    expect(detecterEncodage(iconv.encode("id;Catégorie\n", "windows-1252"), true)).toEqual({
      encodage: "windows-1252",
      bom: false,
    });
    // "€" is 0x80 in Windows-1252 (not in Latin-1).
    expect(detecterEncodage(octets(0x31, 0x32, 0x80), true)?.encodage).toBe("windows-1252");
  });

  test("all ASCII so far: undecided until the end of the file, then UTF-8", () => {
    expect(detecterEncodage(Buffer.from("id;montant\n"), false)).toBeUndefined();
    expect(detecterEncodage(Buffer.from("id;montant\n"), true)).toEqual({ encodage: "utf-8", bom: false });
  });

  test("a UTF-8 character cut by the end of a sample still reads as UTF-8", () => {
    // "é" = C3 A9: the sample stops after C3.
    expect(detecterEncodage(octets(0x61, 0xc3), false)?.encodage).toBe("utf-8");
    expect(detecterEncodage(octets(0x61, 0xc3), true)?.encodage).toBe("windows-1252");
  });

  test("decoding: Windows-1252 bytes, UTF-8 split across chunks, the BOM dropped", async () => {
    expect(await decoder([iconv.encode("Région;1 000 €", "windows-1252")], "windows-1252")).toBe(
      "Région;1 000 €",
    );
    const e = Buffer.from("\ufeffRégion");
    expect(await decoder([e.subarray(0, 6), e.subarray(6)], "utf-8")).toBe("Région");
  });

  test("a byte that is not UTF-8 in a UTF-8 file: kept as an escape, found, written back as it was", async () => {
    const texte = await decoder([Buffer.from("Région\n"), octets(0x61, 0xe9, 0x0a)], "utf-8");
    expect(octetsInvalides(texte)).toEqual(["0xE9"]);
    expect(octetsInvalides("Région 😀")).toEqual([]);
    const sortie: Buffer[] = [];
    for await (const b of Readable.from([texte]).pipe(encodeur({ encodage: "utf-8", bom: false })))
      sortie.push(b);
    expect(Buffer.concat(sortie)).toEqual(Buffer.concat([Buffer.from("Région\n"), octets(0x61, 0xe9, 0x0a)]));
  });

  test("UTF-8 with stray bytes, cut into chunks anywhere: the same bytes come back", async () => {
    const octetsEntree = Buffer.concat([
      Buffer.from("Région 😀 "),
      octets(0xe9, 0xc3),
      Buffer.from("A €"),
      octets(0xf0, 0x9f),
      Buffer.from("\n"),
      octets(0xe2, 0x82),
    ]);
    for (let coupe = 0; coupe <= octetsEntree.length; coupe++) {
      const texte = await decoder([octetsEntree.subarray(0, coupe), octetsEntree.subarray(coupe)], "utf-8");
      const sortie: Buffer[] = [];
      for await (const b of Readable.from([texte]).pipe(encodeur({ encodage: "utf-8", bom: false })))
        sortie.push(b);
      expect(Buffer.concat(sortie), `coupé à l'octet ${coupe}`).toEqual(octetsEntree);
    }
  });

  test("encoding back: Windows-1252, with the symbols it lacks spelt out", async () => {
    const sortie: Buffer[] = [];
    for await (const b of Readable.from(["Région ≥ 500 000 €\u202f"]).pipe(
      encodeur({ encodage: "windows-1252", bom: false }),
    ))
      sortie.push(b);
    expect(iconv.decode(Buffer.concat(sortie), "windows-1252")).toBe("Région >= 500 000 €\u00a0");
    const bom: Buffer[] = [];
    for await (const b of Readable.from(["a", "b"]).pipe(encodeur({ encodage: "utf-8", bom: true })))
      bom.push(b);
    expect(Buffer.concat(bom)).toEqual(Buffer.from("\ufeffab"));
  });
});

describe("dialect", () => {
  test("French Excel: `;` and CRLF", () => {
    expect(detecterDialecte("id;titre;montant\r\nA;B;1 000,50\r\n")).toEqual({
      separateur: ";",
      finDeLigne: "\r\n",
      ligneSep: false,
    });
  });
  test("`,` when it is the more frequent outside quotes", () => {
    expect(detecterDialecte("id,titre,montant\nA,B,1000.50\n")).toEqual({
      separateur: ",",
      finDeLigne: "\n",
      ligneSep: false,
    });
    // Commas inside a quoted header do not count.
    expect(detecterDialecte('id;"Montant, en euros";titre\n').separateur).toBe(";");
  });
  test("Excel's `sep=` first line names the delimiter", () => {
    expect(detecterDialecte("sep=,\r\nid;titre;x\r\n")).toEqual({
      separateur: ",",
      finDeLigne: "\r\n",
      ligneSep: true,
    });
    expect(detecterDialecte("\ufeffSEP=;\nid,titre\n")).toMatchObject({ separateur: ";", ligneSep: true });
  });
});

describe("headers", () => {
  test("match whatever their case, accents, spaces, `-`, `_` and French filler words", () => {
    expect(cle("Date de début")).toBe("date_debut");
    expect(cle("Chiffre d'affaires")).toBe("chiffre_affaires");
    expect(cle("Coût de référence (€)")).toBe("cout_reference");
    expect(cle("Régime de la Région")).toBe("regime_region");
    expect(cle("ADEME-Investissement")).toBe(cle("ademe_investissement"));
    expect(cle("Réseaux de chaleur et de froid")).toBe("reseaux_chaleur_froid");
  });

  test("the catalogue reads the fiche schema's types, with no two columns alike", () => {
    const c = catalogue(REF);
    expect(c.get("afr")).toMatchObject({
      sorte: "champ",
      chemin: ["localisation", "afr"],
      type: { sorte: "booleen" },
    });
    expect(c.get("date_debut")).toMatchObject({ type: { sorte: "date" } });
    expect(c.get("zone")).toMatchObject({
      type: { sorte: "choix", valeurs: ["metropole", "corse", "outre_mer"] },
    });
    expect(c.get("prestataire_externe")).toMatchObject({
      chemin: ["depenses", 0, "prestataire_externe"],
      type: { sorte: "booleen" },
    });
    expect(c.get("beneficiaire")).toMatchObject({ chemin: ["beneficiaire", "nom"] });
    expect(c.get("nature_beneficiaire")).toMatchObject({ chemin: ["beneficiaire", "nature"] });
    expect(c.get("montant")).toMatchObject({ chemin: ["depenses", 0, "montant"], type: { sorte: "texte" } });
    expect(c.get("ademe_investissement")).toEqual({
      sorte: "financeur",
      nom: "ademe-investissement",
      financeur: "ademe-investissement",
    });
    expect(c.get("regime_region")).toMatchObject({ sorte: "regime", financeur: "region" });
    // A private line has no regime (docs/domaine.md §2).
    expect(c.get("regime_autofinancement")).toBeUndefined();
  });

  test("an unknown header: kept, one warning naming it; a suggestion only for a likely typo", () => {
    const p = analyserEntetes(["ID", "Nature", "Montnat", "Montant", "Commentaire"], REF, "c.csv", 1);
    expect(p.colonnes.map((c) => c.cible?.nom ?? null)).toEqual(["id", "nature", null, "montant", null]);
    expect(p.avertissements).toHaveLength(2);
    expect(p.avertissements[0]).toBe(
      "c.csv, ligne 1 : colonne « Montnat » non reconnue : recopiée telle quelle, elle n'est pas lue (vouliez-vous dire « montant » ?)",
    );
    // "Commentaire" shares letters with "commune", and is no typo of it: no misleading hint.
    expect(p.avertissements[1]).toBe(
      "c.csv, ligne 1 : colonne « Commentaire » non reconnue : recopiée telle quelle, elle n'est pas lue",
    );
  });

  test("the dispositifs with a column of their own are the ones whose ceiling is reported", () => {
    const p = analyserEntetes(
      ["id", "nature", "montant", "Région", "ADEME études", "BdT ingénierie", "autofinancement"],
      REF,
      "c.csv",
      1,
    );
    expect(p.dispositifsDemandes).toEqual(["ademe-etudes", "bdt-ingenierie"]);
  });

  test("two columns for one field, or a required column missing: the file is refused", () => {
    const doublon = (() => {
      try {
        analyserEntetes(["id", "nature", "Montant", "montant"], REF, "c.csv", 2);
      } catch (e) {
        return e;
      }
    })() as ErreurSaisie;
    expect(doublon).toBeInstanceOf(ErreurSaisie);
    expect(doublon.problemes[0]).toMatchObject({ fichier: "c.csv", ligne: 2 });
    expect(doublon.problemes[0].message).toContain("« Montant » (n°3) et « montant » (n°4)");
    expect(() => analyserEntetes(["titre", "nature"], REF, "c.csv", 1)).toThrow(
      /colonne « id » absente[\s\S]*colonne « montant » absente/,
    );
  });
});

describe("cells", () => {
  test("booleans: oui/non, vrai/faux, 1/0", () => {
    for (const t of ["oui", "OUI", " Vrai ", "1", "true"])
      expect(lireBooleen(t)).toEqual({ ok: true, valeur: true });
    for (const t of ["non", "Faux", "0", "false"])
      expect(lireBooleen(t)).toEqual({ ok: true, valeur: false });
    expect(lireBooleen("peut-être")).toEqual({
      ok: false,
      message: "« peut-être » n'est pas oui ou non : écrivez oui/non (ou vrai/faux, 1/0)",
    });
  });

  test("dates: JJ/MM/AAAA or AAAA-MM-JJ, real calendar days only", () => {
    expect(lireDate("01/06/2019")).toEqual({ ok: true, valeur: "2019-06-01" });
    expect(lireDate("1/6/2019")).toEqual({ ok: true, valeur: "2019-06-01" });
    expect(lireDate("2019-06-01")).toEqual({ ok: true, valeur: "2019-06-01" });
    expect(lireDate("29/02/2020")).toEqual({ ok: true, valeur: "2020-02-29" });
    expect(lireDate("29/02/2019")).toMatchObject({
      ok: false,
      message: "« 29/02/2019 » n'existe pas dans le calendrier",
    });
    expect(lireDate("2019/06/01")).toMatchObject({ ok: false });
  });

  test("choices as a person writes them", () => {
    expect(lireChoix("Métropole", ["metropole", "corse", "outre_mer"])).toBe("metropole");
    expect(lireChoix("Outre-mer", ["metropole", "corse", "outre_mer"])).toBe("outre_mer");
    expect(lireChoix("Hors aide d'État", ["rgec", "de_minimis", "hors_aide_etat"])).toBe("hors_aide_etat");
    expect(lireChoix(" ailleurs ", ["metropole"])).toBe("ailleurs");
  });

  test("amounts in CSV cells: decimal comma beside `;`, point beside `,`", () => {
    expect(nombreCsv(new D("480000"), ",")).toBe("480000,00");
    expect(nombreCsv(new D("1234.5"), ".")).toBe("1234.50");
  });
});

describe("a row → a fiche", () => {
  const entetes = [...entetesExemple(), "Notes"];
  const plan = analyserEntetes(entetes, REF, "c.csv", 1);
  const dispositifs = [...REF.dispositifs.keys()];
  const categories = categoriesConnues(REF);
  // docs/interface.md's example fiche, as a French spreadsheet row (test/outils/ligne-exemple.ts).
  const ligne = [...LIGNE_EXEMPLE, "=A1"];

  test("identity, beneficiary, one expense, one line per financer (a zero or empty amount: no line)", () => {
    const { donnees, colonnes, problemes } = ficheDeLigne(ligne, plan, dispositifs, categories);
    expect(problemes).toEqual([]);
    expect(donnees).toEqual({
      id: "TI-07",
      beneficiaire: {
        nom: "Scierie Exemple SAS",
        effectif: "120",
        chiffre_affaires: "30\u202f000\u202f000",
        total_bilan: "20\u202f000\u202f000",
      },
      localisation: { zone: "metropole", afr: true },
      depenses: [
        {
          id: "depense",
          dispositifs: ["ademe-investissement"],
          nature: "investissement",
          categorie: "enr",
          montant: "1\u202f200\u202f000,00\u00a0€",
          cout_reference: "400\u202f000,00\u00a0€",
        },
      ],
      financements: [
        { financeur: "ademe-investissement", montant: "350\u202f000,00\u00a0€" },
        { financeur: "region", montant: "150\u202f000,00\u00a0€", regime: "rgec" },
        { financeur: "autofinancement", montant: "700\u202f000,00\u00a0€" },
      ],
    });
    expect(colonnes.get("depenses[0].montant")).toBe("Montant");
    expect(colonnes.get("financements[1].regime")).toBe("Régime Région");
  });

  test("the fiche schema reads the French amounts; the evaluation gives the guide's figure", () => {
    const { donnees } = ficheDeLigne(ligne, plan, dispositifs, categories);
    const fiche = validerFiche({ fichier: "c.csv", donnees, ligneDe: () => 2 });
    expect(fiche.depenses[0].montant.toFixed(2)).toBe("1200000.00");
    // ME (120 staff, 30 M€ turnover), EnR 55 % + 5 points AFR = 60 % (Guide fiche 8, l.914 and l.912)
    // of 1 200 000 − 400 000 = 800 000 € (l.927): 480 000 €.
    const r = evaluerFiche(fiche, REF).resultats[0];
    expect(r.plafond?.toFixed(2)).toBe("480000.00");
  });

  test("a cell that cannot be read names its column; the row is in error with its line", () => {
    const c = contexteLot({ plan, fichier: "c.csv", format: "csv", separateurDecimal: "," }, REF);
    const mauvaise = [...ligne];
    mauvaise[6] = "peut-être";
    mauvaise[10] = "12O 000";
    const t = traiterLigne({ cellules: mauvaise, ligne: 7 }, c);
    expect(t.statut).toBe("en_erreur");
    expect(t.problemes).toEqual([
      {
        fichier: "c.csv",
        ligne: 7,
        idFiche: "TI-07",
        colonne: "AFR",
        message: "« peut-être » n'est pas oui ou non : écrivez oui/non (ou vrai/faux, 1/0)",
      },
      {
        fichier: "c.csv",
        ligne: 7,
        idFiche: "TI-07",
        colonne: "Montant",
        message: "« 12O 000 » n'est pas un montant (exemples acceptés : 1200000, 1 200 000,50 €)",
      },
    ]);
    // The row's cells are kept as they were (the writer puts them before the results), the errors in the last column.
    const ecrit = ecrivain("csv", { separateur: ";", finDeLigne: "\n", ligneSep: false }, plan, entetes);
    const [sortie] = parse(ecrit.lignes([{ ...t, cellules: mauvaise }]), { delimiter: ";" }) as string[][];
    // (the formula-looking comment "=A1" neutralised, as every cell of the output)
    expect(sortie.slice(0, entetes.length)).toEqual([...mauvaise.slice(0, -1), "'=A1"]);
    expect(mauvaise.at(-1)).toBe("=A1");
    expect(sortie.at(-1)).toBe(
      "c.csv, ligne 7, fiche TI-07 : colonne « AFR » : « peut-être » n'est pas oui ou non : écrivez oui/non (ou vrai/faux, 1/0) | c.csv, ligne 7, fiche TI-07 : colonne « Montant » : « 12O 000 » n'est pas un montant (exemples acceptés : 1200000, 1 200 000,50 €)",
    );
  });

  test("a field with no column is named by its canonical header; cells beyond the header are an error", () => {
    const p = analyserEntetes(["id", "Nature du bénéficiaire", "nature", "montant"], REF, "c.csv", 1);
    const c = contexteLot({ plan: p, fichier: "c.csv", format: "jsonl", separateurDecimal: "," }, REF);
    const t = traiterLigne({ cellules: ["A-1", "association", "etude", "1000", "décalée"], ligne: 3 }, c);
    expect(t.problemes.map((x) => x.colonne)).toEqual([undefined, "activite_economique"]);
    expect(t.problemes[0].message).toMatch(/^1 cellule\(s\) au-delà de la dernière colonne/);
    expect(JSON.parse(t.rendu as string)).toMatchObject({ id: "A-1", resultats: [], conforme: null });
  });

  test("anomalies: a failed control, then the warnings", () => {
    const { donnees } = ficheDeLigne(ligne, plan, dispositifs, categories);
    const e = evaluerFiche(validerFiche({ fichier: "c.csv", donnees, ligneDe: () => 2 }), REF);
    const a = anomalies(e);
    // 350 000 + 150 000 = 500 000 € of aid > 480 000 € (note 9, l.2639).
    expect(a[0]).toMatch(
      /^non conforme : Dépense « depense » : 500\u00a0000,00\u00a0€ .* 480\u00a0000,00\u00a0€/,
    );
    expect(
      a.every((x) => /^(non conforme|non évaluable|à publier|à vérifier|[\w-]+ inéligible) : /.test(x)),
    ).toBe(true);
  });
});

describe("opening a file that is not a CSV text: refused before reading it (exit 2)", () => {
  const dossier = mkdtempSync(join(tmpdir(), "ti-aides-csv-"));
  const refus = (nom: string, contenu: Buffer | string): string => {
    const f = join(dossier, nom);
    writeFileSync(f, contenu);
    try {
      ouvrirCsv(f);
    } catch (e) {
      expect(e).toBeInstanceOf(ErreurSaisie);
      return (e as ErreurSaisie).problemes[0].message;
    }
    throw new Error(`${nom} accepté`);
  };

  test("empty, a BOM alone, blank lines", () => {
    for (const [nom, c] of [
      ["vide.csv", ""],
      ["bom.csv", "\ufeff"],
      ["blanc.csv", "\r\n  \r\n"],
    ])
      expect(refus(nom, c)).toMatch(/^le fichier est vide/);
  });

  test("a workbook, UTF-16, binary bytes", () => {
    expect(refus("classeur.csv", Buffer.from("PK\x03\x04xl/workbook.xml", "latin1"))).toMatch(
      /classeur \(\.xlsx ou \.ods\).*CSV \(séparateur : point-virgule\)/,
    );
    expect(refus("ancien.csv", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/Excel 97-2003/);
    expect(
      refus("unicode.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id;montant", "utf16le")])),
    ).toMatch(/UTF-16/);
    expect(refus("binaire.csv", Buffer.from([0x69, 0x64, 0x00, 0x01]))).toMatch(/octets binaires/);
  });

  test("a folder, a missing file", () => {
    const m = (chemin: string) => {
      try {
        ouvrirCsv(chemin);
      } catch (e) {
        return (e as ErreurSaisie).problemes[0].message;
      }
    };
    expect(m(dossier)).toBe("c'est un dossier : donnez le fichier CSV du contrat");
    expect(m(join(dossier, "absent.csv"))).toBe("fichier introuvable : vérifiez le chemin");
  });

  test("a long ASCII start then Windows-1252: read on to the first accented byte", async () => {
    const f = join(dossier, "long.csv");
    const debut = "id;nature;montant\n" + "A;etude;1000\n".repeat(20000); // ~260 KB of ASCII
    writeFileSync(f, Buffer.concat([Buffer.from(debut), iconv.encode("B;étude;2000\n", "windows-1252")]));
    const csv = ouvrirCsv(f);
    expect(csv.encodage).toEqual({ encodage: "windows-1252", bom: false });
    let derniere: string[] = [];
    let n = 0;
    for await (const e of csv.enregistrements) {
      derniere = e.cellules;
      n = e.ligne;
    }
    expect(derniere).toEqual(["B", "étude", "2000"]);
    expect(n).toBe(20002);
  });
});
