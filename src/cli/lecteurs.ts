// The input readers, by file extension, in one table: a fiche document (YAML or JSON), a CSV table
// of fiches (`lot`'s format), or a clear refusal saying what to do. Every command asks it: `simuler`
// and `expliquer` read documents and send a table to `lot` or `verifier`; `verifier` reads both
// (and a folder's files of these extensions); `lot` and `verifier` read an .xlsx workbook, an .ods or
// .xls one is refused everywhere.
// A new input format: a line here, and its reader beside the others (entrees.ts, verifier/csv.ts).

export type Lecteur =
  { sorte: "document" } | { sorte: "tableau" } | { sorte: "classeur" } | { sorte: "refus"; message: string };

const DOCUMENT: Lecteur = { sorte: "document" };
const TABLEAU: Lecteur = { sorte: "tableau" };
/** An Excel workbook of fiches, `lot`'s columns on one sheet (src/cli/classeur/). */
const CLASSEUR: Lecteur = { sorte: "classeur" };

/** Said to a command that reads fiche documents only, of a CSV table. */
export const CSV_ICI =
  "c'est un tableau CSV, pas une fiche YAML ou JSON : évaluez ses lignes avec « ti-aides lot FICHIER.csv », ou vérifiez tout le contrat avec « ti-aides verifier FICHIER.csv »";
export const CLASSEUR_ICI =
  "c'est un classeur de tableur, pas une fiche YAML ou JSON : dans le tableur, « Enregistrer sous » → « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) », puis « ti-aides lot FICHIER.xlsx » ou « ti-aides lot FICHIER.csv » (ou « ti-aides verifier FICHIER.csv »)";
/** Said to a command that reads fiche documents only, of an .xlsx workbook. */
export const XLSX_ICI =
  "c'est un classeur Excel, pas une fiche YAML ou JSON : évaluez ses lignes avec « ti-aides lot FICHIER.xlsx », ou vérifiez tout le contrat avec « ti-aides verifier FICHIER.xlsx »";

const REFUS_CSV: Lecteur = { sorte: "refus", message: CSV_ICI };
const REFUS_CLASSEUR: Lecteur = { sorte: "refus", message: CLASSEUR_ICI };

/** By extension (lower case, with its dot); the readable ones in the order a message lists them. */
export const LECTEURS_ENTREE: Record<string, Lecteur> = {
  ".yaml": DOCUMENT,
  ".yml": DOCUMENT,
  ".json": DOCUMENT,
  ".csv": TABLEAU,
  ".tsv": REFUS_CSV,
  ".xlsx": CLASSEUR,
  ".xlsm": CLASSEUR,
  ".xls": REFUS_CLASSEUR,
  ".ods": REFUS_CLASSEUR,
};

/** The extensions a folder contributes; everything else in it (README, images…) is left alone. */
export const EXTENSIONS_LUES = Object.keys(LECTEURS_ENTREE).filter(
  (e) => LECTEURS_ENTREE[e].sorte !== "refus",
);

/** The reader of a path; any other extension (or none, or `-`) is read as a YAML or JSON document. */
export function lecteurDe(chemin: string): Lecteur {
  const extension = /\.[^./\\]+$/.exec(chemin)?.[0].toLowerCase();
  return (extension && LECTEURS_ENTREE[extension]) || DOCUMENT;
}
