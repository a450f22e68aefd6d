// The writers of a whole document by --format, shared by every command that has them. A command's
// table is its own rendering (rendu/); `lot` streams its rows (csv/ecrivains.ts); `verifier` adds
// its CI reports (verifier/junit.ts, verifier/github.ts).
import { stringify } from "yaml";
import type { Referentiel } from "../core/regles/referentiel.js";
import type { Fiche } from "../core/schemas/fiche.js";
import type { DocumentJson } from "./rapport/donnees.js";

export type FormatDocument = "json" | "yaml";

export const ECRIVAINS_DOCUMENT: Record<FormatDocument, (document: unknown) => string> = {
  json: (document) => JSON.stringify(document, null, 2) + "\n",
  yaml: (document) => stringify(document),
};

/**
 * --format html (simuler, lot, verifier): the report to share (rapport/), drawn from the JSON document;
 * loaded only for a report, as the table's renderers are only for a table.
 */
export async function ecrireRapportHtml(
  document: DocumentJson,
  lues: { fiche?: Fiche; nomDepense?: string }[],
  commande: string,
  ref: Referentiel,
): Promise<string> {
  const [{ documentRapport }, { rendreRapport }] = await Promise.all([
    import("./rapport/donnees.js"),
    import("./rapport/page.js"),
  ]);
  return rendreRapport(documentRapport(document, lues, commande, ref));
}
