// Which control messages an evaluation writes. By default all of them: every renderer that shows each
// control (JSON, YAML, tables, HTML, `verifier`, the library) reads them. A renderer that shows only the
// anomalies (the CSV cells of `lot`) asks for theirs only (`messages: "anomalies"`), and the trials of
// the room left and the probes of `proposer` for none (`chiffresSeulement`). A message not written is
// empty; the control keeps its figures, verdict, scope and source. Writing the message of each compliant
// control (its amounts in French) was work no CSV reader saw (issue 20).
import type { ContexteControles } from "./contexte.js";

/** Which control messages to write: "anomalies" (theirs only); unset, every one. */
export type MessagesEcrits = "anomalies";

/** A control a reader must act on: failed, not evaluable, or an aid to publish. */
export function estAnomalie(conforme: boolean | null, publicationRequise?: boolean): boolean {
  return conforme !== true || publicationRequise === true;
}

/** Whether `c` writes the message of a control with this verdict (and duty to publish). */
export function messageEcrit(
  c: ContexteControles,
  conforme: boolean | null,
  publicationRequise?: boolean,
): boolean {
  if (c.chiffresSeulement) return false;
  return c.messages !== "anomalies" || estAnomalie(conforme, publicationRequise);
}
