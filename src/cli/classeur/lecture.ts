// Opening a contract's workbook (.xlsx): one sheet (the first, or --feuille NOM), its header row
// found, and its rows given as the CSV path's records (cells as text, numbered as Excel shows them),
// so that `lot` and `verifier` read them with the same columns and rules. What a user might not see
// (a hidden column or row, a merged cell, a formula saved without its value, other sheets) is said.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { Workbook, Worksheet } from "exceljs";
import { ErreurSaisie } from "../../core/erreurs.js";
import { cle } from "../csv/entetes.js";
import type { Dialecte } from "../csv/dialecte.js";
import type { EncodageDetecte } from "../csv/encodage.js";
import type { Enregistrement } from "../csv/traitement.js";
import { texteDeCellule } from "./cellules.js";
import { exceljs } from "./exceljs.js";

export interface ClasseurOuvert {
  fichier: string;
  classeur: Workbook;
  feuille: Worksheet;
  /** The Excel row of the headers (rows above it, a title or grouped headers, are kept, not read). */
  ligneEntetes: number;
  /** Rows of the sheet (for the progress bar). */
  taille: number;
  /** A CSV output of a workbook (`-o resultats.csv`): as French Excel opens it. */
  dialecte: Dialecte;
  encodage: EncodageDetecte;
  avertissements: string[];
  /** Per Excel row, what was read with a doubt (a formula without its value): said in the output. */
  avertissementsParLigne: Map<number, string[]>;
  /** The header row first, then every row below it. */
  enregistrements: AsyncGenerator<Enregistrement>;
  /** Rows given so far (for the progress bar). */
  octetsLus(): number;
  fermer(): void;
}

/** Rows searched for the header row (a title and grouped headers may come first). */
const LIGNES_AVANT_ENTETES = 20;
/** Headers every table has: the row naming them all is the header row. */
const ENTETES_CLES = ["id", "nature", "montant"];
/** Cells with a doubt listed one by one on standard error; the others are counted. */
const AVERTISSEMENTS_DETAILLES = 20;

export async function ouvrirClasseur(fichier: string, nomFeuille?: string): Promise<ClasseurOuvert> {
  const classeur = await charger(fichier);
  const feuille = choisirFeuille(classeur, fichier, nomFeuille);
  const lieu = `${fichier}, feuille « ${feuille.name} »`;
  const avertissements: string[] = [];
  const autres = visibles(classeur);
  if (!nomFeuille && autres.length > 1)
    avertissements.push(
      `${lieu} : le classeur a ${autres.length} feuilles (${autres.map((f) => `« ${f.name} »`).join(", ")}) ; seule la première est lue : --feuille NOM pour en lire une autre`,
    );

  const lignes = lireLignes(feuille);
  const ligneEntetes = trouverEntetes(lignes);
  if (ligneEntetes > 1 && lignes.slice(0, ligneEntetes - 1).some((l) => l.some((c) => c !== "")))
    avertissements.push(
      `${lieu} : en-têtes lus à la ligne ${ligneEntetes} ; les lignes 1 à ${ligneEntetes - 1} au-dessus (titre, en-têtes groupés) sont recopiées, pas lues`,
    );
  const entetes = lignes[ligneEntetes - 1] ?? [];
  const masquees = entetes.flatMap((e, i) => (e !== "" && feuille.getColumn(i + 1).hidden ? [e] : []));
  if (masquees.length)
    avertissements.push(
      `${lieu} : colonne(s) masquée(s) ${masquees.map((e) => `« ${e} »`).join(", ")} : lue(s) comme les autres ; affichez-les dans le tableur pour vérifier ce qu'elles contiennent`,
    );
  let lignesMasquees = 0;
  for (let r = ligneEntetes + 1; r <= lignes.length; r++) if (feuille.getRow(r).hidden) lignesMasquees++;
  if (lignesMasquees)
    avertissements.push(
      `${lieu} : ${lignesMasquees} ligne(s) masquée(s) (par un filtre ?) : évaluée(s) comme les autres`,
    );
  avertissements.push(...fusionsDeDonnees(feuille, ligneEntetes, lieu));

  const avertissementsParLigne = new Map<number, string[]>();
  const formules: string[] = [];
  feuille.eachRow({ includeEmpty: false }, (ligne, r) => {
    if (r <= ligneEntetes) return;
    ligne.eachCell({ includeEmpty: false }, (cellule, c) => {
      const t = texteDeCellule(cellule);
      if (!("formuleSansValeur" in t)) return;
      const colonne = entetes[c - 1] || cellule.address.replace(/\d+$/, "");
      const message = `colonne « ${colonne} » : formule =${t.formuleSansValeur} enregistrée sans sa valeur, lue vide ; ouvrez le classeur dans le tableur et enregistrez-le pour qu'il la calcule`;
      avertissementsParLigne.set(r, [...(avertissementsParLigne.get(r) ?? []), message]);
      formules.push(`${fichier}, ligne ${r}, ${message}`);
    });
  });
  avertissements.push(...formules.slice(0, AVERTISSEMENTS_DETAILLES));
  if (formules.length > AVERTISSEMENTS_DETAILLES)
    avertissements.push(
      `${lieu} : ${formules.length - AVERTISSEMENTS_DETAILLES} autre(s) formule(s) sans valeur enregistrée, lue(s) vide(s) : voir la feuille « Anomalies » du résultat`,
    );

  let donnees = 0;
  async function* enregistrements(): AsyncGenerator<Enregistrement> {
    for (let r = ligneEntetes; r <= lignes.length; r++) {
      donnees = r;
      yield { cellules: lignes[r - 1], ligne: r };
    }
  }
  return {
    fichier,
    classeur,
    feuille,
    ligneEntetes,
    taille: lignes.length,
    dialecte: { separateur: ";", finDeLigne: "\r\n", ligneSep: false },
    encodage: { encodage: "utf-8", bom: true },
    avertissements,
    avertissementsParLigne,
    enregistrements: enregistrements(),
    octetsLus: () => donnees,
    fermer: () => undefined,
  };
}

async function charger(fichier: string): Promise<Workbook> {
  const refus = (message: string) => new ErreurSaisie([{ fichier, message }]);
  let taille: number;
  try {
    const st = statSync(fichier);
    if (st.isDirectory()) throw refus("c'est un dossier : donnez le classeur .xlsx du contrat");
    taille = st.size;
  } catch (e) {
    if (e instanceof ErreurSaisie) throw e;
    throw refus("fichier introuvable : vérifiez le chemin");
  }
  const debut = Buffer.alloc(4);
  let fd: number;
  try {
    fd = openSync(fichier, "r");
  } catch (e) {
    throw refus(
      `lecture impossible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : vérifiez les droits du fichier`,
    );
  }
  try {
    readSync(fd, debut, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (taille === 0) throw refus("le fichier est vide : enregistrez de nouveau le classeur dans le tableur");
  if (debut.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw refus(
      "classeur protégé par un mot de passe, ou au format Excel 97-2003 sous le nom .xlsx : dans le tableur, retirez le mot de passe (« Informations » → « Protéger le classeur ») et « Enregistrer sous » → « Classeur Excel (.xlsx) »",
    );
  if (!debut.equals(Buffer.from("PK\x03\x04", "latin1")))
    throw refus(
      "ce fichier n'est pas un classeur .xlsx (un CSV renommé ?) : renommez-le avec son extension (.csv), ou enregistrez-le dans le tableur en « Classeur Excel (.xlsx) »",
    );
  const ExcelJS = exceljs();
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.readFile(fichier);
  } catch {
    throw refus(
      "classeur illisible (abîmé, ou un .ods renommé en .xlsx ?) : ouvrez-le dans le tableur et « Enregistrer sous » → « Classeur Excel (.xlsx) »",
    );
  }
  return classeur;
}

/** The sheets a user sees (a hidden one, like the lists of a template's drop-downs, is no table). */
function visibles(classeur: Workbook): Worksheet[] {
  return classeur.worksheets.filter((f) => f.state !== "hidden" && f.state !== "veryHidden");
}

function choisirFeuille(classeur: Workbook, fichier: string, nom: string | undefined): Worksheet {
  const feuilles = classeur.worksheets;
  const noms = feuilles.map((f) => `« ${f.name} »`).join(", ");
  if (nom === undefined) {
    const visible = visibles(classeur)[0];
    if (!visible) throw new ErreurSaisie([{ fichier, message: "le classeur n'a aucune feuille visible" }]);
    return visible;
  }
  const feuille = feuilles.find((f) => f.name === nom) ?? feuilles.find((f) => cle(f.name) === cle(nom));
  if (!feuille)
    throw new ErreurSaisie([
      { fichier, message: `pas de feuille « ${nom} » dans ce classeur : ses feuilles sont ${noms}` },
    ]);
  return feuille;
}

/**
 * Every row as text cells. A merged cell's value is in its first cell: the cells below it (same
 * column) read it too, as the user sees it spanning these rows; those beside it read empty (a title
 * spread over several columns is not their header).
 */
function lireLignes(feuille: Worksheet): string[][] {
  const lignes: string[][] = [];
  for (let r = 1; r <= feuille.rowCount; r++) {
    const ligne = feuille.getRow(r);
    const cellules: string[] = [];
    ligne.eachCell({ includeEmpty: false }, (cellule, c) => {
      const maitre = cellule.isMerged ? cellule.master : cellule;
      const texte = maitre === cellule || maitre.col === cellule.col ? texteDeCellule(maitre).texte : "";
      while (cellules.length < c - 1) cellules.push("");
      cellules[c - 1] = texte;
    });
    lignes.push(cellules);
  }
  // Empty rows at the end (formatted but empty, left by the spreadsheet): no row of the table.
  while (lignes.length && lignes[lignes.length - 1].every((c) => c.trim() === "")) lignes.pop();
  return lignes;
}

/** The first row naming id, nature and montant; else the first non-blank one (its error says what lacks). */
function trouverEntetes(lignes: string[][]): number {
  const nonVides = lignes
    .map((l, i) => ({ l, r: i + 1 }))
    .filter(({ l }) => l.some((c) => c.trim() !== ""))
    .slice(0, LIGNES_AVANT_ENTETES);
  const complete = nonVides.find(({ l }) => {
    const cles = new Set(l.map(cle));
    return ENTETES_CLES.every((k) => cles.has(k));
  });
  return (complete ?? nonVides[0])?.r ?? 1;
}

/** A cell merged over several data rows is read on each: said, so that it is no surprise. */
function fusionsDeDonnees(feuille: Worksheet, ligneEntetes: number, lieu: string): string[] {
  const fusions = (feuille.model as { merges?: string[] }).merges ?? [];
  return fusions.flatMap((plage) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(plage);
    if (!m || Number(m[2]) <= ligneEntetes || m[2] === m[4]) return [];
    const texte = texteDeCellule(feuille.getCell(`${m[1]}${m[2]}`)).texte;
    return [
      `${lieu} : cellules fusionnées ${plage} : « ${texte.slice(0, 40)} » est lu pour chacune des lignes ${m[2]} à ${m[4]}`,
    ];
  });
}
