#!/usr/bin/env node
// Deux versions de la bibliothèque côte à côte (issue 20, i20-validation) : la validation d'une fiche
// seule (validerFiche) et l'appel complet (valider + évaluer), sur les situations du banc du cœur.
// Lancement : node test/bench/validation.mjs AVANT/dist APRES/dist [--tours N] [--duree-tour MS]
// (par défaut, AVANT = APRES = le dist/ de ce dépôt). Tours entrelacés (avant, après, avant…) ; le
// temps compté est celui du processeur (process.cpuUsage), médiane des tours.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fr, mediane, option } from "./commun.mjs";
import { donneesFiche, situations } from "./situations.mjs";

const DIST = join(fileURLToPath(new URL("../..", import.meta.url)), "dist");
const [avantDist = DIST, apresDist = DIST] = process.argv
  .slice(2)
  .filter((a, i, t) => !a.startsWith("--") && !t[i - 1]?.startsWith("--"));
const TOURS = option("--tours", 7);
const DUREE_TOUR = option("--duree-tour", 500);

const versions = {
  avant: await import(join(resolve(avantDist), "index.js")),
  après: await import(join(resolve(apresDist), "index.js")),
};
const regles = new Map(Object.values(versions).map((v) => [v, v.chargerRegles()]));
const donnees = situations(2_000).map(donneesFiche);
const document = (d) => ({ fichier: "banc.yaml", donnees: d, ligneDe: () => 1 });

/** Fiches par seconde de processeur pendant un tour. */
function tour(lib, mode) {
  const ref = regles.get(lib);
  const c0 = process.cpuUsage();
  const fin = performance.now() + DUREE_TOUR;
  let n = 0;
  while (performance.now() < fin)
    for (const d of donnees) {
      const f = lib.validerFiche(document(d));
      if (mode === "complet") lib.evaluerFiche(f, ref);
      n++;
    }
  const c = process.cpuUsage(c0);
  return n / ((c.user + c.system) / 1e6);
}

const modes = ["valider", "complet"];
const mesures = Object.fromEntries(modes.map((m) => [m, { avant: [], après: [] }]));
for (const m of modes) for (const v of Object.values(versions)) tour(v, m); // mise en route
for (let t = 0; t < TOURS; t++)
  for (const m of modes) for (const [nom, v] of Object.entries(versions)) mesures[m][nom].push(tour(v, m));

const resultat = {};
for (const m of modes) {
  const a = mediane(mesures[m].avant);
  const b = mediane(mesures[m].après);
  resultat[m] = { avant: Math.round(a), apres: Math.round(b) };
  console.log(
    `${m} : avant ${fr(a)} fiches/s (${fr(1e6 / a, 2)} µs), après ${fr(b)} fiches/s (${fr(1e6 / b, 2)} µs), × ${fr(b / a, 2)}`,
  );
}
console.log(`RESULTAT_JSON ${JSON.stringify(resultat)}`);
