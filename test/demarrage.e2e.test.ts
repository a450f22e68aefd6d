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

// Loaded before ti-aides (node -r): at exit, says whether zod ran (it sets globalThis.__zod_globalConfig
// when it loads) and which loaded files of the bundle hold yaml's code (its tag URIs).
const TEMOIN = join(dossier, "temoin.cjs");
writeFileSync(
  TEMOIN,
  `process.on("exit", () => {
  const fs = require("fs");
  const avecYaml = Object.keys(require.cache).filter((f) => fs.readFileSync(f, "latin1").includes(["tag:yaml", "org,2002:"].join(".")));
  fs.writeSync(2, "\\nTEMOIN " + JSON.stringify({ zod: "__zod_globalConfig" in globalThis, avecYaml }) + "\\n");
});
`,
);

function temoin(args: string[]): { zod: boolean; avecYaml: string[] } {
  const r = lancer(["-r", TEMOIN], args);
  const ligne = /\nTEMOIN (.*)\n$/.exec(r.stderr);
  if (!ligne) throw new Error(r.stderr);
  return JSON.parse(ligne[1]);
}

test("simuler d'une fiche valide, les règles en cache, n'exécute pas zod et ne charge pas yaml ; zod et yaml viennent quand il le faut", () => {
  const simuler = ["simuler", "fixtures/fiches/chaufferie.yaml", "--format", "json"];
  const tableau = simuler.slice(0, 2);
  for (const args of [simuler, tableau]) lancer([], args); // the rules and guide caches, warm from here on
  expect(temoin(simuler)).toEqual({ zod: false, avecYaml: [] });
  expect(temoin(tableau)).toEqual({ zod: false, avecYaml: [] });
  // A fiche the generated validator hands over: zod words the message; the YAML output: yaml writes it.
  const fautive = join(dossier, "fautive.yaml");
  writeFileSync(fautive, "id: X\nbeneficiaire: 12\n");
  const r = lancer([], ["simuler", fautive, "--format", "json"]);
  expect(r.status).toBe(2);
  expect(temoin(["simuler", fautive, "--format", "json"]).zod).toBe(true);
  expect(temoin([...tableau, "--format", "yaml"]).avecYaml).toHaveLength(1);
});
