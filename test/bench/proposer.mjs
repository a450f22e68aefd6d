#!/usr/bin/env node
// Ce que coûte `proposer` dans le processus (proposerPlan), sur les fiches des exemples qui ont un
// financeur public (fixtures/ et test/cas/) : issue 20, i20-controles. Lancement :
// node test/bench/proposer.mjs (après npm run build) ; options : --passes N (6), --dist DOSSIER (le
// dist/ mesuré, celui de ce dépôt par défaut), --avant DOSSIER (un second dist/, chargé dans le même
// processus : chaque passe propose les plans avec l'un puis avec l'autre, et le banc rend le rapport
// après / avant de chaque passe ; les plans proposés doivent être les mêmes, sinon le banc échoue).
// Temps de processeur (process.cpuUsage) par fiche. Dernière ligne : RESULTAT_JSON {…}.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fr, mediane, option } from "./commun.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const chemin = (nom) => {
  const i = process.argv.indexOf(nom);
  return i > 0 ? resolve(process.argv[i + 1]) : null;
};
const DIST = chemin("--dist") ?? join(RACINE, "dist");
const AVANT = chemin("--avant");
const PASSES = option("--passes", 6);
const DOSSIERS = [
  "fixtures/fiches",
  "test/cas",
  "fixtures/contrat-exemple/fiches",
  "fixtures/contrat-de-minimis/fiches",
];

async function charger(dist) {
  const { proposerPlan } = await import(join(dist, "core", "proposition", "proposer.js"));
  const { lireFiche } = await import(join(dist, "core", "fiche.js"));
  const { reglesDe } = await import(join(dist, "cli", "options.js"));
  const ref = reglesDe({ quiet: true });
  const fiches = [];
  for (const dossier of DOSSIERS)
    for (const nom of readdirSync(join(RACINE, dossier)).filter((x) => x.endsWith(".yaml"))) {
      try {
        const fiche = lireFiche(readFileSync(join(RACINE, dossier, nom), "utf8"), nom);
        proposerPlan(fiche, ref);
        fiches.push(fiche);
      } catch {
        // une fiche sans financeur public, ou sans plan possible : proposer la refuse
      }
    }
  const plans = () => fiches.map((f) => JSON.stringify(proposerPlan(f, ref).lignes)).join("\n");
  return { dist, fiches, plans };
}

const versions = [await charger(DIST)];
if (AVANT) versions.unshift(await charger(AVANT));
const n = versions[0].fiches.length;
console.log(`proposerPlan sur ${n} fiches, µs de processeur par fiche :`);
const us = versions.map(() => []);
const plans = [];
for (let p = 0; p < PASSES; p++) {
  for (const [k, v] of versions.entries()) {
    const debut = process.cpuUsage();
    const texte = v.plans();
    const d = process.cpuUsage(debut);
    us[k].push(Math.round((d.user + d.system) / n));
    if (p === 0) plans.push(texte);
  }
  console.log(`   passe ${p + 1} : ${us.map((x) => `${fr(x[p]).padStart(7)} µs`).join("  |  ")}`);
}
const resultat = { fiches: n, us_par_fiche: us };
if (AVANT) {
  const rapports = us[1].map((x, p) => x / us[0][p]);
  resultat.rapport_median = mediane(rapports);
  console.log(
    `   après / avant : ${rapports.map((x) => fr(x, 2)).join(" ; ")} (médiane ${fr(resultat.rapport_median, 2)})`,
  );
  if (plans[0] !== plans[1]) {
    console.error("Les deux versions ne proposent pas les mêmes plans.");
    process.exitCode = 1;
  }
}
console.log(`RESULTAT_JSON ${JSON.stringify(resultat)}`);
