// What a quick command does not do at start-up, because it costs more than the command itself
// (docs/performance.md, issue 20, « i20-demarrage »).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { BIN, RACINE } from "./outils/cli.js";

const dossier = mkdtempSync(join(tmpdir(), "ti-aides-demarrage-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

// Loaded before ti-aides (node -r): any French number formatter of Intl stops the run. The first one of
// a process makes V8 scan every ICU locale: 113 of 508 million instructions of a `simuler` (callgrind).
const SANS_INTL = join(dossier, "sans-intl.cjs");
writeFileSync(
  SANS_INTL,
  `const interdit = () => { throw new Error("Intl.NumberFormat au démarrage"); };
Intl.NumberFormat = function () { interdit(); };
Number.prototype.toLocaleString = interdit;
`,
);

function lancer(prealable: string[], args: string[]) {
  return spawnSync(process.execPath, [...prealable, BIN, ...args], {
    cwd: RACINE,
    env: { ...process.env, NO_COLOR: "1", TI_AIDES_CACHE: join(dossier, "cache") },
    encoding: "utf8",
  });
}

test.each([
  [["simuler", "fixtures/fiches/chaufferie.yaml", "--format", "json"]],
  [["simuler", "fixtures/fiches/chaufferie.yaml"]],
  [["verifier", "fixtures/contrat-exemple"]],
])("%j ne construit aucun formateur de nombres d'Intl, et dit la même chose", (args) => {
  const sans = lancer(["-r", SANS_INTL], args);
  const avec = lancer([], args);
  expect(sans.stderr).toBe(avec.stderr);
  expect(sans.status).toBe(avec.status);
  expect(sans.stdout).toBe(avec.stdout);
  expect(sans.stdout.length).toBeGreaterThan(100);
});
