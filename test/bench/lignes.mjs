#!/usr/bin/env node
// Ce que coûte une ligne de `lot`, en temps processeur, à froid et une fois le code optimisé (issue 7).
// Lancement : node test/bench/lignes.mjs (après npm run build). Options : --lignes N (20 000 par
// défaut), --passes N (3 par défaut).
//
// Le contrat du banc de lot (generateur.mjs) est lu une fois, puis chaque ligne passe par
// traiterLigne (lire la ligne, valider la fiche, l'évaluer, écrire les cellules de résultat), comme
// dans un fil de travail de lot, plusieurs fois de suite dans le même processus. Le temps est celui du
// processeur (process.cpuUsage : ce processus, fils de compilation de V8 compris), bien moins
// sensible que l'horloge au temps volé par les autres machines virtuelles. La première passe est
// celle que paie `lot` sur un fichier de cette taille : le code y est d'abord interprété, puis
// optimisé (et réoptimisé) par V8 ; les suivantes montrent le coût en régime établi.
// Dernière ligne : RESULTAT_JSON {…}.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { generer } from "./generateur.mjs";
import { fr, option } from "./commun.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(RACINE, "dist", "cli");

const LIGNES = option("--lignes", 20_000);
const PASSES = option("--passes", 3);

const { reglesDe } = await import(join(DIST, "options.js"));
const { analyserEntetes } = await import(join(DIST, "csv", "entetes.js"));
const { contexteLot, traiterLigne } = await import(join(DIST, "csv", "traitement.js"));

const dossier = mkdtempSync(join(tmpdir(), "ti-aides-lignes-"));
let lignes;
try {
  const fichier = join(dossier, "contrat.csv");
  await generer(fichier, LIGNES);
  lignes = parse(readFileSync(fichier, "utf8"), { delimiter: ";", bom: true, relax_column_count: true });
} finally {
  rmSync(dossier, { recursive: true, force: true });
}

const ref = reglesDe({ quiet: true });
const plan = analyserEntetes(lignes[0], ref, "contrat.csv", 1);
const contexte = contexteLot({ plan, fichier: "contrat.csv", format: "csv", separateurDecimal: "," }, ref);
const enregistrements = lignes.slice(1).map((cellules, i) => ({ cellules, ligne: i + 2 }));

console.log(
  `Coût d'une ligne de lot (traiterLigne), ${fr(enregistrements.length)} lignes, Node ${process.version}, en µs de processeur par ligne :`,
);
const passes = [];
for (let p = 0; p < PASSES; p++) {
  const debut = process.cpuUsage();
  let statuts = 0;
  for (const e of enregistrements) if (traiterLigne(e, contexte).statut === "conforme") statuts++;
  const d = process.cpuUsage(debut);
  passes.push((d.user + d.system) / enregistrements.length);
  console.log(
    `   passe ${p + 1}${p === 0 ? " (à froid, celle de lot)" : ""} : ${fr(passes[p]).padStart(5)} µs (${fr(statuts)} lignes conformes)`,
  );
}
console.log(
  `RESULTAT_JSON ${JSON.stringify({ lignes: enregistrements.length, us_par_ligne: passes.map((x) => Math.round(x)) })}`,
);
