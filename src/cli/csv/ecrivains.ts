// The three outputs of `lot`, written piece by piece as the rows come: CSV (the input's rows and
// columns, result columns appended, formula-looking cells neutralised), JSON Lines, JSON.
import { stringify } from "csv-stringify/sync";
import { documentJson, type Synthese } from "../../core/document-json.js";
import type { Dialecte } from "./dialecte.js";
import type { PlanColonnes } from "./entetes.js";
import { entetesResultat } from "./resultats.js";
import type { FormatLot, LigneTraitee } from "./traitement.js";

export interface Ecrivain {
  debut(): string;
  /** A batch of rows in order; null: a blank row of the input, kept in a CSV output. */
  lignes(lignes: (LigneTraitee | null)[]): string;
  fin(s: Synthese): string;
}

export function ecrivain(
  format: FormatLot,
  dialecte: Dialecte,
  plan: PlanColonnes,
  entetes: string[],
): Ecrivain {
  if (format === "jsonl") {
    return {
      debut: () => "",
      lignes: (ls) => ls.flatMap((l) => (l ? [`${l.rendu as string}\n`] : [])).join(""),
      fin: () => "",
    };
  }
  if (format === "json") return ecrivainJson();
  return ecrivainCsv(dialecte, plan, entetes);
}

function ecrivainCsv(d: Dialecte, plan: PlanColonnes, entetes: string[]): Ecrivain {
  const options = {
    delimiter: d.separateur,
    record_delimiter: d.finDeLigne,
    // "=", "+", "-", "@" (and tab, CR) first: prefixed with "'" so no spreadsheet runs it as a formula.
    escape_formulas: true,
    // A line break in a cell is quoted whatever the file's line ending.
    quoted_match: /[\r\n]/,
  };
  const resultats = entetesResultat(plan);
  const largeur = plan.colonnes.length + resultats.length;
  const vide = Array.from({ length: largeur }, () => "");
  return {
    debut: () =>
      (d.ligneSep ? `sep=${d.separateur}${d.finDeLigne}` : "") +
      stringify([[...entetes, ...resultats]], options),
    lignes: (ls) =>
      stringify(
        ls.map((l) => (l ? ligneCsv(l.cellules!, l.rendu as string[], plan.colonnes.length) : vide)),
        options,
      ),
    fin: () => "",
  };
}

/**
 * A row of the output: its own cells, as many as the headers, then the result cells; cells beyond the
 * header's width are kept, after the result columns so these stay under their headers.
 */
function ligneCsv(cellules: string[], resultat: string[], largeur: number): string[] {
  const ligne = new Array<string>(largeur + resultat.length);
  for (let i = 0; i < largeur; i++) ligne[i] = cellules[i] ?? "";
  for (let i = 0; i < resultat.length; i++) ligne[largeur + i] = resultat[i];
  for (let i = largeur; i < cellules.length; i++)
    if (cellules[i] !== "") return [...ligne, ...cellules.slice(largeur)];
  return ligne;
}

/** documentJson's shape, streamed: its header fields, the fiches one per line, then the summary. */
function ecrivainJson(): Ecrivain {
  const { fiches: _fiches, synthese: _synthese, ...tete } = documentJson([]);
  let premiere = true;
  return {
    debut: () => `${JSON.stringify(tete).slice(0, -1)},"fiches":[`,
    lignes: (ls) =>
      ls
        .flatMap((l) => {
          if (!l) return [];
          const s = `${premiere ? "\n" : ",\n"}${l.rendu as string}`;
          premiere = false;
          return [s];
        })
        .join(""),
    fin: (s) => `\n],"synthese":${JSON.stringify(s)}}\n`,
  };
}
