// What the benches of test/bench/ share: their options, medians, French numbers, how they run a
// measured process and read its peak memory.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The number after `nom` on the command line (--lignes 20000), else `defaut`. */
export function option(nom, defaut) {
  const i = process.argv.indexOf(nom);
  return i > 0 ? Number(process.argv[i + 1]) : defaut;
}

export function mediane(xs) {
  const t = [...xs].sort((a, b) => a - b);
  return t.length % 2 ? t[t.length >> 1] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
}

/** 12 345,6 : a number as a French reader writes it, with `d` decimals. */
export const fr = (x, d = 0) =>
  x.toLocaleString("fr-FR", { minimumFractionDigits: d, maximumFractionDigits: d });

/**
 * The environment of a measured process: this one's, plus `ajouts`, without NODE_EXTRA_CA_CERTS (Node
 * reads that certificate file at every start: a cost of the machine, not of the command measured).
 */
export function envMesure(ajouts = {}) {
  const { NODE_EXTRA_CA_CERTS: _certificats, ...env } = process.env;
  return { ...env, ...ajouts };
}

/**
 * Writes in `dossier` a module to preload (`node --require it …`) that writes the process's peak
 * memory (RSS, in kB) to the file named by BENCH_RSS_FICHIER when it exits, and, if BENCH_CPU_FICHIER
 * names one, its processor time (user + system, all its threads, in µs) there; returns its path.
 */
export function crochetRss(dossier) {
  const chemin = join(dossier, "rss.cjs");
  writeFileSync(
    chemin,
    'process.on("exit", () => { const u = process.resourceUsage(), fs = require("fs"); fs.writeFileSync(process.env.BENCH_RSS_FICHIER, String(u.maxRSS)); if (process.env.BENCH_CPU_FICHIER) fs.writeFileSync(process.env.BENCH_CPU_FICHIER, String(u.userCPUTime + u.systemCPUTime)); });\n',
  );
  return chemin;
}

/** Stops a bench that would measure an old build, or none. */
export function exigerConstruction(racine) {
  if (!existsSync(join(racine, "dist", "paquet", "main.cjs"))) {
    process.stderr.write("Construisez d'abord ti-aides : npm run build\n");
    process.exit(2);
  }
}

/**
 * Runs `node args` from `racine`, with the caches of ti-aides in the bench's folder (never the user's)
 * and NODE_EXTRA_CA_CERTS removed; its duration (s), peak memory (RSS, kB) and processor time (s, all
 * its threads: less sensitive than the duration to the load of a shared machine), by the `crochet` of
 * crochetRss. A failed run stops the bench with the end of its standard error.
 */
export async function mesurerProcessus(args, { racine, dossier, crochet, env = {} }) {
  const rss = join(dossier, `rss-${process.hrtime.bigint()}.txt`);
  const cpu = `${rss}.cpu`;
  const debut = performance.now();
  const enfant = spawn(process.execPath, ["--require", crochet, ...args], {
    cwd: racine,
    env: envMesure({
      NO_COLOR: "1",
      TI_AIDES_CACHE: join(dossier, "cache"),
      BENCH_RSS_FICHIER: rss,
      BENCH_CPU_FICHIER: cpu,
      ...env,
    }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let erreur = "";
  enfant.stderr.on("data", (d) => (erreur = (erreur + d).slice(-4000)));
  const [code] = await once(enfant, "close");
  const duree = (performance.now() - debut) / 1000;
  if (code !== 0) throw new Error(`${args.join(" ")} : code ${code}\n${erreur}`);
  return {
    duree,
    rssKo: Number(readFileSync(rss, "utf8")),
    processeur: Number(readFileSync(cpu, "utf8")) / 1e6,
  };
}
