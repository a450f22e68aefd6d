#!/usr/bin/env node
// Banc de `ti-aides verifier` (issue 20) : un dossier de N fiches (situations.mjs, une fiche par fichier,
// graine fixe), vérifié par la commande construite, pour chaque N de --fiches (1 000 et 5 000 par
// défaut) ; --repetitions N (3) exécutions de chaque, alternées. Rapporte la durée, la mémoire maximale
// (RSS) et la mémoire par fiche : l'écart de RSS entre le plus grand et le plus petit dossier, divisé
// par l'écart du nombre de fiches (ce que coûte une fiche de plus, sans le socle du processus).
// Processus lancés sans NODE_EXTRA_CA_CERTS, caches dans un dossier du banc. --comparer RACINE : mesure
// aussi la construction d'un autre dépôt (ex. /work/main, « avant »), en alternance avec celle-ci, dans la
// même exécution ; ses chiffres sont rapportés à côté et dans RESULTAT_JSON (« compare »). Dernière
// ligne : RESULTAT_JSON {…}.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { crochetRss, envMesure, fr, mediane } from "./commun.mjs";
import { donneesFiche, situations } from "./situations.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(RACINE, "bin", "ti-aides.js");
const i = process.argv.indexOf("--fiches");
const TAILLES = i > 0 ? process.argv[i + 1].split(",").map(Number) : [1_000, 5_000];
const j = process.argv.indexOf("--repetitions");
const REPETITIONS = j > 0 ? Number(process.argv[j + 1]) : 3;
const k = process.argv.indexOf("--comparer");
/** The builds measured, alternately: this one, and the one of --comparer. */
const BINS = [
  { nom: "ici", bin: BIN },
  ...(k > 0 ? [{ nom: process.argv[k + 1], bin: join(process.argv[k + 1], "bin", "ti-aides.js") }] : []),
];

const dossier = mkdtempSync(join(tmpdir(), "ti-aides-bench-verifier-"));
const crochet = crochetRss(dossier);
try {
  const toutes = situations(Math.max(...TAILLES));
  const dossiers = {};
  for (const n of TAILLES) {
    const d = join(dossier, `contrat-${n}`);
    mkdirSync(d);
    for (const s of toutes.slice(0, n))
      writeFileSync(join(d, `fiche-${s.i}.yaml`), stringify(donneesFiche(s)));
    dossiers[n] = d;
  }
  const lancer = (n, bin, b = 0) => {
    const rss = join(dossier, `rss-${process.hrtime.bigint()}.txt`);
    const debut = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        "--require",
        crochet,
        bin,
        "verifier",
        dossiers[n],
        "--format",
        "json",
        "-o",
        join(dossier, "sortie.json"),
      ],
      {
        env: envMesure({
          NO_COLOR: "1",
          TI_AIDES_CACHE: join(dossier, `cache-${b}`),
          BENCH_RSS_FICHIER: rss,
        }),
        encoding: "utf8",
      },
    );
    const duree = (performance.now() - debut) / 1000;
    if (r.status !== 0 && r.status !== 1) throw new Error(`verifier ${n} : code ${r.status}\n${r.stderr}`);
    return { duree, rssMo: Number(readFileSync(rss, "utf8")) / 1024 };
  };
  const mesures = BINS.map(() => Object.fromEntries(TAILLES.map((n) => [n, []])));
  BINS.forEach(({ bin }, b) => lancer(TAILLES[0], bin, b)); // caches (règles) chauds, un dossier par construction
  for (let r = 0; r < REPETITIONS; r++)
    for (const n of TAILLES) BINS.forEach(({ bin }, b) => mesures[b][n].push(lancer(n, bin, b)));
  const [resultat, ...compares] = BINS.map(({ nom }, b) => {
    const r = { fiches: {}, repetitions: REPETITIONS };
    for (const n of TAILLES) {
      r.fiches[n] = {
        secondes: Number(mediane(mesures[b][n].map((m) => m.duree)).toFixed(2)),
        rss_mo: Number(mediane(mesures[b][n].map((m) => m.rssMo)).toFixed(1)),
      };
    }
    const [petit, grand] = [Math.min(...TAILLES), Math.max(...TAILLES)];
    r.ko_par_fiche = Number(
      (((r.fiches[grand].rss_mo - r.fiches[petit].rss_mo) * 1024) / (grand - petit)).toFixed(1),
    );
    r.ms_par_fiche = Number(
      (((r.fiches[grand].secondes - r.fiches[petit].secondes) * 1000) / (grand - petit)).toFixed(3),
    );
    const de = BINS.length > 1 ? ` (${nom === "ici" ? "cette construction" : nom})` : "";
    for (const n of TAILLES)
      console.log(
        `verifier${de} sur ${fr(n)} fiches : ${fr(r.fiches[n].secondes, 2)} s, ${fr(r.fiches[n].rss_mo)} Mo (médianes de ${REPETITIONS})`,
      );
    console.log(
      `Par fiche de plus${de} (de ${fr(petit)} à ${fr(grand)}) : ${fr(r.ko_par_fiche, 1)} Ko de mémoire, ${fr(r.ms_par_fiche, 3)} ms`,
    );
    return r;
  });
  if (compares.length) resultat.compare = { racine: BINS[1].nom, ...compares[0] };
  console.log(`RESULTAT_JSON ${JSON.stringify(resultat)}`);
} finally {
  rmSync(dossier, { recursive: true, force: true });
}
