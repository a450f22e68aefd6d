// The output formats (--format) of each command, in one table: a command checks the format it is
// given against its line (options.ts, verifierFormat), and its help lists the same line (main.ts).
// No import: main.ts reads it to build the help without loading any command.
// A new format: a name in its commands' lines here, and its writer (ecrivains.ts for a whole document,
// csv/ecrivains.ts for `lot`'s streamed rows, verifier/ for a CI report).

export interface FormatSortie {
  nom: string;
  /** Said in the help after the name, in parentheses; empty for nothing to add. */
  aide: string;
}

const TABLE: FormatSortie = { nom: "table", aide: "tableau lisible, par défaut" };
const JSON_: FormatSortie = { nom: "json", aide: "" };
const YAML: FormatSortie = { nom: "yaml", aide: "" };
const HTML: FormatSortie = { nom: "html", aide: "rapport autonome à partager ou imprimer" };

/** Each command's formats, its default first. */
export const FORMATS_SORTIE = {
  simuler: [TABLE, JSON_, YAML, HTML],
  lot: [
    {
      nom: "csv",
      aide: "par défaut : le tableau d'entrée, même séparateur et même encodage, suivi des colonnes de résultat",
    },
    { nom: "jsonl", aide: "une fiche JSON par ligne" },
    JSON_,
    {
      nom: "xlsx",
      aide: "par défaut pour un classeur .xlsx : sa feuille complétée des colonnes de résultat, et les feuilles « Synthèse » et « Anomalies »",
    },
    HTML,
  ],
  verifier: [
    { nom: "table", aide: "rapport lisible, par défaut" },
    JSON_,
    { nom: "junit", aide: "XML JUnit pour GitLab, Jenkins…" },
    { nom: "github", aide: "annotations GitHub Actions" },
    HTML,
  ],
  expliquer: [TABLE, JSON_, YAML],
  regles: [TABLE, JSON_, YAML],
  "regles verifier": [TABLE, JSON_],
  "regles tester": [TABLE, JSON_],
  schema: [JSON_],
  proposer: [
    { nom: "yaml", aide: "la fiche proposée, par défaut" },
    { nom: "json", aide: "la fiche proposée" },
  ],
  modele: [
    { nom: "xlsx", aide: "par défaut : classeur avec listes déroulantes et en-têtes commentés" },
    { nom: "csv", aide: "en-têtes et deux lignes d'exemple, séparateur ;" },
  ],
} satisfies Record<string, FormatSortie[]>;

export type CommandeAFormats = keyof typeof FORMATS_SORTIE;

export function nomsDesFormats(commande: CommandeAFormats): string[] {
  return FORMATS_SORTIE[commande].map((f) => f.nom);
}

/** "Formats (--format) : table (tableau lisible, par défaut), json, yaml." for the command's help. */
export function aideFormats(commande: CommandeAFormats): string {
  return `Formats (--format) : ${FORMATS_SORTIE[commande].map((f) => (f.aide ? `${f.nom} (${f.aide})` : f.nom)).join(", ")}.`;
}
