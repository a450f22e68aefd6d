#!/usr/bin/env node
// Le démarrage à froid de deux constructions côte à côte (issue 20) : `node -e 0`, puis `--version`,
// `simuler fixtures/fiches/chaufferie.yaml --format json` et le même en tableau, de ce dépôt et, avec
// --comparer RACINE, d'une autre construction (par exemple un commit d'avant, construit dans un
// worktree). Médianes de --n N (21) exécutions entrelacées, caches chauds (une exécution de chaque
// d'abord), chacune avec son dossier de cache, sans NODE_EXTRA_CA_CERTS (envMesure). Dernière ligne :
// RESULTAT_JSON {…}.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { envMesure, exigerConstruction, fr, mediane, option } from "./commun.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const N = option("--n", 21);
const i = process.argv.indexOf("--comparer");
const AUTRE = i > 0 ? resolve(process.argv[i + 1]) : undefined;
const FICHE = "fixtures/fiches/chaufferie.yaml";

const dossier = mkdtempSync(join(tmpdir(), "ti-aides-froid-"));
const racines = [["ici", RACINE], ...(AUTRE ? [[AUTRE, AUTRE]] : [])];
for (const [, r] of racines) exigerConstruction(r);
const cas = { "node -e 0": [RACINE, ["-e", "0"], undefined] };
racines.forEach(([nom, r], k) => {
  cas[`${nom} : --version`] = [r, [join(r, "bin", "ti-aides.js"), "--version"], join(dossier, `v${k}`)];
  cas[`${nom} : simuler --format json`] = [
    r,
    [join(r, "bin", "ti-aides.js"), "simuler", FICHE, "--format", "json"],
    join(dossier, `s${k}`),
  ];
  cas[`${nom} : simuler (tableau)`] = [
    r,
    [join(r, "bin", "ti-aides.js"), "simuler", FICHE],
    join(dossier, `t${k}`),
  ];
});

function lancer([cwd, args, cache]) {
  const debut = performance.now();
  const env = envMesure(cache ? { NO_COLOR: "1", TI_AIDES_CACHE: cache } : { NO_COLOR: "1" });
  const r = spawnSync(process.execPath, args, { cwd, env, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} : code ${r.status}`);
  return performance.now() - debut;
}

try {
  const durees = Object.fromEntries(Object.keys(cas).map((k) => [k, []]));
  for (const c of Object.values(cas)) lancer(c);
  for (let n = 0; n < N; n++) for (const [k, c] of Object.entries(cas)) durees[k].push(lancer(c));
  const base = mediane(durees["node -e 0"]);
  const resultat = {};
  console.log(`Démarrage à froid, médianes de ${N} exécutions entrelacées, sans NODE_EXTRA_CA_CERTS :`);
  for (const k of Object.keys(cas)) {
    const m = mediane(durees[k]);
    resultat[k] = { ms: m, rapport: m / base };
    console.log(`   ${k.padEnd(50)} ${fr(m, 1)} ms   ${fr(m / base, 2)} ×`);
  }
  console.log(`RESULTAT_JSON ${JSON.stringify(resultat)}`);
} finally {
  rmSync(dossier, { recursive: true, force: true });
}
