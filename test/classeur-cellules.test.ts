// One workbook cell read as the CSV path reads a cell (src/cli/classeur/cellules.ts): each value type
// of exceljs, and the amounts Excel computes with a float's last digits.
import type { Cell } from "exceljs";
import { describe, expect, test } from "vitest";
import { texteDeCellule } from "../src/cli/classeur/cellules.js";

const cellule = (value: unknown, formula?: string) => ({ value, formula }) as unknown as Cell;
const texte = (value: unknown) => texteDeCellule(cellule(value));

describe("texteDeCellule", () => {
  test("a number with a decimal comma, rounded to Excel's 15 digits", () => {
    expect(texte(1200000.5)).toEqual({ texte: "1200000,5" });
    expect(texte(480000)).toEqual({ texte: "480000" });
    // 0,1 × 3 computed by a spreadsheet formula: 0.30000000000000004 is the 0,3 the user sees.
    expect(texte(0.1 + 0.2)).toEqual({ texte: "0,3" });
    expect(texte(800000 * 0.6 + 1e-10)).toEqual({ texte: "480000" });
  });

  test("a date is its day (AAAA-MM-JJ), even a day number that falls just short of midnight", () => {
    expect(texte(new Date("2019-06-01T00:00:00Z"))).toEqual({ texte: "2019-06-01" });
    expect(texte(new Date("2019-06-01T23:59:59.990Z"))).toEqual({ texte: "2019-06-02" });
  });

  test("booleans, rich text, hyperlinks, errors, empty", () => {
    expect(texte(true)).toEqual({ texte: "oui" });
    expect(texte(false)).toEqual({ texte: "non" });
    expect(texte({ richText: [{ text: "Scierie " }, { text: "Exemple" }] })).toEqual({
      texte: "Scierie Exemple",
    });
    expect(texte({ text: "dossier", hyperlink: "https://exemple.fr" })).toEqual({ texte: "dossier" });
    expect(texte({ error: "#DIV/0!" })).toEqual({ texte: "#DIV/0!" });
    expect(texte(null)).toEqual({ texte: "" });
    // A text cell is the CSV's text: "350.000" is left for the amount reader to refuse.
    expect(texte("350.000")).toEqual({ texte: "350.000" });
  });

  test("a formula by its saved value; without one, empty and said", () => {
    expect(texteDeCellule(cellule({ formula: "R2*0.6", result: 480000 }, "R2*0.6"))).toEqual({
      texte: "480000",
    });
    expect(texteDeCellule(cellule({ sharedFormula: "A2", result: "oui" }, "B3>0"))).toEqual({ texte: "oui" });
    expect(texteDeCellule(cellule({ formula: "R2*0.6" }, "R2*0.6"))).toEqual({
      texte: "",
      formuleSansValeur: "R2*0.6",
    });
  });
});
