// One workbook cell → the text a CSV cell would hold, so that the CSV path reads it with the same
// rules (src/cli/csv/cellules.ts, lireMontant). A text cell is its text, read as in a CSV ("350.000"
// stays ambiguous); a number, a date or a boolean is taken from the cell's type, written so that the
// CSV rules read it without doubt: a date as AAAA-MM-JJ, a number with a decimal comma, a boolean
// as oui/non. A formula is read by the value Excel saved with it.
import type { Cell, CellValue } from "exceljs";

export type TexteCellule =
  | { texte: string }
  /** A formula saved without its value (written by a program, never opened in a spreadsheet). */
  | { texte: ""; formuleSansValeur: string };

export function texteDeCellule(cellule: Cell): TexteCellule {
  const v = cellule.value;
  // A shared formula (filled down) is shown as its own cell's formula.
  if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
    return formule(cellule.formula ?? "", v.result);
  return { texte: texteDeValeur(v) };
}

function formule(texte: string, resultat: unknown): TexteCellule {
  if (resultat === undefined || resultat === null) return { texte: "", formuleSansValeur: texte };
  return { texte: texteDeValeur(resultat as CellValue) };
}

function texteDeValeur(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return nombre(v);
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (v instanceof Date) return date(v);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return v.error; // "#DIV/0!": read as text, refused as an amount with its column
  if ("hyperlink" in v) return typeof v.text === "string" ? v.text : texteDeValeur(v.text);
  return "";
}

/**
 * 1200000.5 → "1200000,5". Rounded to 15 significant digits, Excel's own precision: a computed
 * amount stored as 480000.00000000006 is the 480000 the user sees.
 */
function nombre(n: number): string {
  // 1e21 or 1e-7 keep their exponent: no amount of a fiche, refused by the schema, never misread.
  return String(Number(n.toPrecision(15))).replace(".", ",");
}

/** Excel stores a date as a day number; exceljs gives it as midnight UTC of that day. */
function date(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  // A date and time: the day (rounded to the minute first, a float day number may fall just short).
  return new Date(Math.round(d.getTime() / 60000) * 60000).toISOString().slice(0, 10);
}
