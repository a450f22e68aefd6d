#!/usr/bin/env node
// Ce que coûte l'évaluation (evaluerFiche) des fiches d'un contrat en CSV, les fiches déjà lues et
// validées : le cœur de `lot` sans la lecture ni l'écriture (issue 20, i20-controles). Lancement :
// node test/bench/fiches.mjs (après npm run build) ; options : --csv FICHIER (sinon le contrat du banc
// de lot, generateur.mjs, de --lignes N lignes, 1 000 par défaut), --passes N (5), --dist DOSSIER (le
// dist/ mesuré, celui de ce dépôt par défaut), --avant DOSSIER (un second dist/, la version d'avant,
// chargé dans le même processus : chaque passe évalue alors les fiches avec l'une puis avec l'autre,
// dans les mêmes conditions de charge, et le banc rend le rapport après / avant de chaque passe).
// Le temps est celui du processeur (process.cpuUsage), par fiche et par passe ; la première passe est
// à froid. La somme de contrôle (FNV-1a du JSON de chaque évaluation) doit être la même d'une version
// à l'autre : les évaluations n'ont pas changé (sinon le banc échoue). Dernière ligne : RESULTAT_JSON.
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
const k = process.argv.indexOf("--avant");
const AVANT = k > 0 ? resolve(process.argv[k + 1]) : null;
const LIGNES = option("--lignes", 1_000);
const PASSES = option("--passes", 5);

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

/** What the bench needs from one built dist/: its fiches read from the CSV, and evaluerFiche. */
async function charger(dist) {
  const { reglesDe } = await import(join(dist, "cli", "options.js"));
  const { analyserEntetes } = await import(join(dist, "cli", "csv", "entetes.js"));
  const { contexteLot } = await import(join(dist, "cli", "csv", "traitement.js"));
  const { ficheDeLigne } = await import(join(dist, "cli", "csv", "ligne-vers-fiche.js"));
  const { lireEtValider } = await import(join(dist, "core", "fiche-lue.js"));
  const { evaluerFiche } = await import(join(dist, "core", "evaluer.js"));
  const ref = reglesDe({ quiet: true });
  const plan = analyserEntetes(lignes[0], ref, "contrat.csv", 1);
  const c = contexteLot({ plan, fichier: "contrat.csv", format: "csv", separateurDecimal: "," }, ref);
  const fiches = [];
  for (const [n, cellules] of lignes.slice(1).entries()) {
    const { donnees, problemes } = ficheDeLigne(cellules, c.plan, c.dispositifs, c.categories);
    if (problemes.length) continue;
    try {
      const doc = { fichier: "contrat.csv", donnees, ligneDe: () => n + 2 };
      fiches.push(lireEtValider({ doc, chemin: [] }, ref));
    } catch {
      // une ligne en erreur n'est pas évaluée par lot non plus
    }
  }
  return { dist, fiches, evaluer: (f) => evaluerFiche(f, ref, {}) };
}

const sansEtapes = (cle, v) => (cle === "etapes" ? undefined : v);

/** FNV-1a sur 32 bits, assez pour voir qu'une évaluation a changé. */
function fnv(s, h) {
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

const versions = [await charger(DIST)];
if (AVANT) versions.unshift(await charger(AVANT));
const n = versions[0].fiches.length;
console.log(
  `evaluerFiche sur ${fr(n)} fiches, µs de processeur par fiche${AVANT ? ", passes alternées dans ce processus" : ""} :`,
);
const resultats = versions.map((v) => ({ dist: v.dist, us_par_fiche: [], somme: 2166136261 }));
for (let p = 0; p < PASSES; p++) {
  for (const [k, v] of versions.entries()) {
    const r = resultats[k];
    const debut = process.cpuUsage();
    const evaluations = v.fiches.map(v.evaluer);
    const d = process.cpuUsage(debut);
    r.us_par_fiche.push(Math.round((d.user + d.system) / n));
    // Sans les étapes d'explication, écrites sur demande seulement depuis s4-textes (une version
    // d'avant les écrit toujours) : tout le reste doit être identique.
    if (p === 0) for (const e of evaluations) r.somme = fnv(JSON.stringify(e, sansEtapes), r.somme);
  }
  const ligne = resultats.map((r) => `${fr(r.us_par_fiche[p]).padStart(5)} µs`).join("  |  ");
  console.log(`   passe ${p + 1}${p === 0 ? " (à froid)" : ""} : ${ligne}`);
}
for (const r of resultats) r.somme = r.somme.toString(16);
console.log(`   sommes de contrôle des évaluations : ${resultats.map((r) => r.somme).join(", ")}`);
if (AVANT) {
  const rapports = resultats[1].us_par_fiche.map((x, p) => x / resultats[0].us_par_fiche[p]);
  console.log(`   après / avant, par passe : ${rapports.map((x) => fr(x, 2)).join(" ; ")}`);
  if (resultats[0].somme !== resultats[1].somme) {
    console.error("Les deux versions ne rendent pas les mêmes évaluations.");
    process.exitCode = 1;
  }
}
console.log(`RESULTAT_JSON ${JSON.stringify({ fiches: n, versions: resultats })}`);
