#!/usr/bin/env node
// Ce que coûte l'évaluation (evaluerFiche) des fiches d'un contrat en CSV, les fiches déjà lues et
// validées : le cœur de `lot` sans la lecture ni l'écriture (issue 20, i20-controles). Lancement :
// node test/bench/fiches.mjs (après npm run build) ; options : --csv FICHIER (sinon le contrat du banc
// de lot, generateur.mjs, de --lignes N lignes, 1 000 par défaut), --passes N (5), --dist DOSSIER (le
// dist/ mesuré : celui de ce dépôt par défaut ; un autre pour comparer deux versions, lancées en
// alternance). Le temps est celui du processeur (process.cpuUsage), par fiche et par passe ; la
// première passe est à froid. La somme de contrôle (FNV-1a du JSON de chaque évaluation) doit être la
// même d'une version à l'autre : les sorties n'ont pas changé. Dernière ligne : RESULTAT_JSON {…}.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { generer } from "./generateur.mjs";
import { fr, option } from "./commun.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const i = process.argv.indexOf("--dist");
const DIST = i > 0 ? resolve(process.argv[i + 1]) : join(RACINE, "dist");
const j = process.argv.indexOf("--csv");
const CSV = j > 0 ? resolve(process.argv[j + 1]) : null;
const LIGNES = option("--lignes", 1_000);
const PASSES = option("--passes", 5);

const { reglesDe } = await import(join(DIST, "cli", "options.js"));
const { analyserEntetes } = await import(join(DIST, "cli", "csv", "entetes.js"));
const { contexteLot } = await import(join(DIST, "cli", "csv", "traitement.js"));
const { ficheDeLigne } = await import(join(DIST, "cli", "csv", "ligne-vers-fiche.js"));
const { lireEtValider } = await import(join(DIST, "core", "fiche-lue.js"));
const { evaluerFiche } = await import(join(DIST, "core", "evaluer.js"));

let texte;
if (CSV) texte = readFileSync(CSV, "utf8");
else {
  const dossier = mkdtempSync(join(tmpdir(), "ti-aides-fiches-"));
  try {
    await generer(join(dossier, "contrat.csv"), LIGNES);
    texte = readFileSync(join(dossier, "contrat.csv"), "utf8");
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
}
const lignes = parse(texte, { delimiter: ";", bom: true, relax_column_count: true });
const ref = reglesDe({ quiet: true });
const plan = analyserEntetes(lignes[0], ref, "contrat.csv", 1);
const c = contexteLot({ plan, fichier: "contrat.csv", format: "csv", separateurDecimal: "," }, ref);
const fiches = [];
for (const [n, cellules] of lignes.slice(1).entries()) {
  const { donnees, problemes } = ficheDeLigne(cellules, c.plan, c.dispositifs, c.categories);
  if (problemes.length) continue;
  try {
    fiches.push(
      lireEtValider({ doc: { fichier: "contrat.csv", donnees, ligneDe: () => n + 2 }, chemin: [] }, ref),
    );
  } catch {
    // une ligne en erreur n'est pas évaluée par lot non plus
  }
}

/** FNV-1a sur 32 bits, assez pour voir qu'une évaluation a changé. */
function fnv(s, h) {
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

console.log(`evaluerFiche sur ${fr(fiches.length)} fiches (${DIST}), µs de processeur par fiche :`);
const passes = [];
let somme = 2166136261;
for (let p = 0; p < PASSES; p++) {
  const debut = process.cpuUsage();
  const evaluations = fiches.map((f) => evaluerFiche(f, ref, {}));
  const d = process.cpuUsage(debut);
  passes.push((d.user + d.system) / fiches.length);
  if (p === 0) for (const e of evaluations) somme = fnv(JSON.stringify(e), somme);
  console.log(`   passe ${p + 1}${p === 0 ? " (à froid)" : ""} : ${fr(passes[p]).padStart(5)} µs`);
}
console.log(`   somme de contrôle des évaluations : ${somme.toString(16)}`);
console.log(
  `RESULTAT_JSON ${JSON.stringify({ fiches: fiches.length, us_par_fiche: passes.map((x) => Math.round(x)), somme: somme.toString(16) })}`,
);
