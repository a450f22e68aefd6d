// Loads the command line, built as one CommonJS bundle (dist/paquet/, `npm run build`), with V8's code
// cache, so that a quick command does not spend most of its time compiling (docs/performance.md).
// Node 20 has no compile cache of its own (module.enableCompileCache came with Node 22), so each file
// of the bundle is compiled here with `vm.Script` and its cached data. The cache is written when the
// process ends, after the run: it then holds the functions the command really used, not only the top
// level, which is all the v8-compile-cache package stores (measured: slower start).
// It lives beside the rules cache (TI_AIDES_CACHE, "0" to do without). Any doubt (missing, rejected by
// V8, unreadable, not writable) and the code is compiled as usual, without a word.
// This file is CommonJS too: as an ES module, it and the built-in modules it imports took ~8 ms more.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { dossierCache } from "./dossier-cache.cjs";

/** Compiled files kept: a command uses about ten of the bundle's files; older builds' go first. */
const ENTREES_MAX = 64;

interface ModuleCjs {
  exports: unknown;
  _compile(contenu: string, fichier: string): unknown;
}
interface ChargeurCjs {
  prototype: ModuleCjs;
  wrap(code: string): string;
}

/** Runs the bundle whose entry is the file `entree` and returns its exports. */
export function chargerPaquet(entree: string): unknown {
  const dossier = dossierCache();
  if (dossier) compilerAvecCache(dirname(entree), join(dossier, "code"));
  return createRequire(entree)(entree);
}

function compilerAvecCache(dossierPaquet: string, dossierCode: string): void {
  const chargeur = Module as unknown as ChargeurCjs;
  const compilerSansCache = chargeur.prototype._compile;
  const aEcrire: { script: Script; chemin: string }[] = [];

  chargeur.prototype._compile = function (this: ModuleCjs, contenu: string, fichier: string) {
    if (dirname(fichier) !== dossierPaquet) return compilerSansCache.call(this, contenu, fichier);
    const chemin = join(dossierCode, nomEntree(fichier));
    const donnees = lire(chemin);
    const script = new Script(chargeur.wrap(contenu), { filename: fichier, cachedData: donnees });
    if (!donnees || script.cachedDataRejected) aEcrire.push({ script, chemin });
    const fonction = script.runInThisContext() as (...args: unknown[]) => unknown;
    return fonction.call(this.exports, this.exports, createRequire(fichier), this, fichier, dirname(fichier));
  };

  process.once("exit", () => {
    if (aEcrire.length === 0) return;
    for (const { script, chemin } of aEcrire) ecrire(chemin, script.createCachedData());
    elaguer(dossierCode);
  });
}

/**
 * What a compiled file depends on: the engine, and the file (its place, size and date: a new build is
 * a new entry). V8 itself refuses cached data made by another version or with other flags.
 */
function nomEntree(fichier: string): string {
  const st = statSync(fichier);
  const cle = `${process.version}-${process.arch}-${fichier}-${st.size}-${st.mtimeMs}`;
  return `${basename(fichier, ".cjs")}-${createHash("sha256").update(cle).digest("hex").slice(0, 16)}.bin`;
}

function lire(chemin: string): Buffer | undefined {
  try {
    return readFileSync(chemin);
  } catch {
    return undefined;
  }
}

function ecrire(chemin: string, donnees: Buffer): void {
  const temporaire = `${chemin}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(chemin), { recursive: true });
    writeFileSync(temporaire, donnees);
    renameSync(temporaire, chemin); // atomic: another run never reads half a file
  } catch {
    // A cache that cannot be written only costs time.
    try {
      rmSync(temporaire, { force: true });
    } catch {
      // Nothing more to do.
    }
  }
}

/** Keeps the ENTREES_MAX most recently written files. */
function elaguer(dossier: string): void {
  try {
    const entrees = readdirSync(dossier)
      .filter((n) => n.endsWith(".bin"))
      .map((n) => ({ chemin: join(dossier, n), date: statSync(join(dossier, n)).mtimeMs }))
      .sort((x, y) => y.date - x.date);
    for (const e of entrees.slice(ENTREES_MAX)) rmSync(e.chemin, { force: true });
  } catch {
    // Another run may be pruning too.
  }
}
