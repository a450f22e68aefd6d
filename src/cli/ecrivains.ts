// The writers of a whole document by --format, shared by every command that has them. A command's
// table is its own rendering (rendu/); `lot` streams its rows (csv/ecrivains.ts); `verifier` adds
// its CI reports (verifier/junit.ts, verifier/github.ts).
import { stringify } from "yaml";

export type FormatDocument = "json" | "yaml";

export const ECRIVAINS_DOCUMENT: Record<FormatDocument, (document: unknown) => string> = {
  json: (document) => JSON.stringify(document, null, 2) + "\n",
  yaml: (document) => stringify(document),
};
