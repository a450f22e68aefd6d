#!/usr/bin/env node
// Ce que coûte une ligne de `lot`, en temps processeur, à froid et une fois le code optimisé (issue 7).
// Lancement : node test/bench/lignes.mjs (après npm run build). Options : --lignes N (20 000 par
// défaut), --passes N (3 par défaut), --comparer RACINE (la construction d'un autre dépôt, ex.
// /work/main, « avant » : chacune mesurée dans son propre processus, en alternance, --repetitions N
// fois (3 par défaut) ; les cellules rendues doivent être les mêmes, octet pour octet, sinon le banc
// échoue), --racine RACINE (mesure la construction de ce dépôt-là au lieu de celui du banc).
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
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { generer } from "./generateur.mjs";
import { envMesure, fr, mediane, option } from "./commun.mjs";

const ICI = fileURLToPath(new URL("../..", import.meta.url));
const texteOption = (nom) => {
  const i = process.argv.indexOf(nom);
  return i > 0 ? process.argv[i + 1] : null;
};
const RACINE = texteOption("--racine") ?? ICI;
const DIST = join(RACINE, "dist", "cli");

const LIGNES = option("--lignes", 20_000);
const PASSES = option("--passes", 3);
const COMPARER = texteOption("--comparer");

if (COMPARER) {
  // Avant / après, chacun dans son processus (deux copies du code dans un même tas se gêneraient),
  // en alternance pour que la charge de la machine les touche également.
  const REPETITIONS = option("--repetitions", 3);
  const mesures = { avant: [], apres: [] };
  const sommes = new Set();
  for (let r = 0; r < REPETITIONS; r++) {
    for (const [nom, racine] of [
      ["avant", COMPARER],
      ["apres", ICI],
    ]) {
      const sortie = execFileSync(
        process.execPath,
        [
          fileURLToPath(import.meta.url),
          "--racine",
          racine,
          "--lignes",
          String(LIGNES),
          "--passes",
          String(PASSES),
        ],
        { encoding: "utf8", env: envMesure(), maxBuffer: 1 << 26 },
      );
      const res = JSON.parse(sortie.split("RESULTAT_JSON ")[1]);
      mesures[nom].push(res.us_par_ligne);
      sommes.add(res.somme);
      console.log(
        `  ${nom === "avant" ? `avant (${COMPARER})` : "après (ce dépôt)"} : ${res.us_par_ligne.map((x) => fr(x)).join(" ; ")} µs par ligne, passe par passe`,
      );
    }
  }
  if (sommes.size !== 1) {
    console.error(
      `Les cellules rendues diffèrent d'une version à l'autre (sommes ${[...sommes].join(", ")}).`,
    );
    process.exit(1);
  }
  const med = (nom, p) => mediane(mesures[nom].map((m) => m[p]));
  for (let p = 0; p < PASSES; p++)
    console.log(
      `passe ${p + 1} : médianes avant ${fr(med("avant", p))} µs, après ${fr(med("apres", p))} µs, après / avant ${fr(med("apres", p) / med("avant", p), 2)}`,
    );
  console.log(`RESULTAT_JSON ${JSON.stringify({ lignes: LIGNES, ...mesures, somme: [...sommes][0] })}`);
  process.exit(0);
}

/** FNV-1a sur 32 bits des cellules rendues : deux versions doivent rendre les mêmes. */
function fnv(s, h) {
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

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
let somme = 2166136261;
for (let p = 0; p < PASSES; p++) {
  const debut = process.cpuUsage();
  let statuts = 0;
  const rendus = [];
  for (const e of enregistrements) {
    const t = traiterLigne(e, contexte);
    if (t.statut === "conforme") statuts++;
    if (p === 0) rendus.push(t.rendu);
  }
  const d = process.cpuUsage(debut);
  if (p === 0) for (const r of rendus) somme = fnv(JSON.stringify(r), somme);
  passes.push((d.user + d.system) / enregistrements.length);
  console.log(
    `   passe ${p + 1}${p === 0 ? " (à froid, celle de lot)" : ""} : ${fr(passes[p]).padStart(5)} µs (${fr(statuts)} lignes conformes)`,
  );
}
console.log(
  `RESULTAT_JSON ${JSON.stringify({ lignes: enregistrements.length, us_par_ligne: passes.map((x) => Math.round(x)), somme })}`,
);
