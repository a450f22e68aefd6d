// What the benches of test/bench/ share: their options, medians, French numbers, and how they read
// a process's peak memory.
import { writeFileSync } from "node:fs";
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
 * memory (RSS, in kB) to the file named by BENCH_RSS_FICHIER when it exits; returns its path.
 */
export function crochetRss(dossier) {
  const chemin = join(dossier, "rss.cjs");
  writeFileSync(
    chemin,
    'process.on("exit", () => require("fs").writeFileSync(process.env.BENCH_RSS_FICHIER, String(process.resourceUsage().maxRSS)));\n',
  );
  return chemin;
}
