// `lot`'s messages on standard error: folded to the terminal's width when standard error is a terminal
// (as the tables are), one line per message when it goes to a file or a pipe (a CI log, for grep).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { tiAides } from "./outils/cli.js";
import { Terminal, TMUX_PRESENT } from "./outils/terminal.js";

let terminal: Terminal | undefined;
afterEach(() => terminal?.fermer());

// Row 2: an amount that is no amount; its message (file, row, fiche, column, what to write) is long.
const CSV = "id;Nature;Catégorie;Montant;Autofinancement\nTI-LONG;investissement;enr;12O 000,00 €;0\n";
const MESSAGE = /colonne « Montant » : « 12O\s000,00\s€ » n'est pas un montant/;

function dossierAvecCsv(): string {
  const dossier = mkdtempSync(join(tmpdir(), "ti-aides-lot-terminal-"));
  writeFileSync(join(dossier, "lignes.csv"), CSV);
  return dossier;
}

describe.skipIf(!TMUX_PRESENT)("lot on a 60-column terminal", () => {
  test("each message on standard error is folded to 60 columns, its words all there", async () => {
    const dossier = dossierAvecCsv();
    const t = (terminal = new Terminal(["lot", "lignes.csv", "-o", "sortie.csv"], dossier, {}, 60));
    expect(await t.code()).toBe(0);
    const ecran = t.ecran();
    const lignes = ecran.split("\n").filter((l) => !l.startsWith("FIN CODE"));
    // capture-pane -J joins the lines the terminal itself wrapped: a line wider than 60 was not folded.
    expect(lignes.filter((l) => [...l].length > 60)).toEqual([]);
    // Folded at spaces, continuation lines indented by two: joined again, the whole message.
    const recolle = ecran.replace(/\n {2}/g, " ");
    expect(recolle).toMatch(/Erreur : lignes\.csv, ligne 2, fiche TI-LONG :/);
    expect(recolle).toMatch(MESSAGE);
  }, 60_000);
});

test("to a file or a pipe, a message stays on one line", () => {
  const dossier = dossierAvecCsv();
  const r = tiAides(["lot", "lignes.csv", "-o", "sortie.csv"], { cwd: dossier, env: { COLUMNS: "60" } });
  const ligne = r.stderr.split("\n").find((l) => l.startsWith("Erreur : lignes.csv, ligne 2"));
  expect(ligne).toMatch(MESSAGE);
});
