// Loads the command line, built as one CommonJS bundle (dist/paquet/, `npm run build`), with V8's code
// cache, so that a quick command does not spend most of its time compiling (docs/performance.md).
// Node 20 has no compile cache of its own (module.enableCompileCache came with Node 22), so each file
// of the bundle is compiled here with `vm.Script` and its cached data. The cache is written when the
// process ends, after the run: it then holds the functions this command used, not only the top level,
// which is all the v8-compile-cache package stores (measured: slower start). Each command has its own
// entries, so that `--version` run first does not decide what `simuler` finds compiled.
// It lives beside the rules cache (TI_AIDES_CACHE, "0" to do without). V8 checks only the length of
// the source and its own version: the entry's name holds a hash of the code, and each entry starts
// with a hash of its data, checked before V8 reads it (altered cached data crashes Node 20). Any doubt
// (missing, altered, rejected by V8, a folder others may write in, unwritable) and the code is
// compiled as usual, without a word.
// This file is CommonJS too: as an ES module, it and the built-in modules it imports took ~8 ms more.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { constants, Script } from "node:vm";
import { dossierCache } from "./dossier-cache.cjs";

/** Files kept: a command uses about ten of the bundle's files; the least recently used go first. */
const ENTREES_MAX = 200;
/** An entry used is dated again at most once a day (its date orders the pruning). */
const UN_JOUR = 86_400_000;
/** A temporary file older than this was left by a run that was killed. */
const UNE_HEURE = 3_600_000;
const TAILLE_EMPREINTE = 32;

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
  if (dossier) {
    const dossierCode = join(dossier, "code");
    if (dossierSur(dossierCode)) compilerAvecCache(dirname(entree), dossierCode, commande());
  }
  return createRequire(entree)(entree);
}

/** The command run, as its entries' names say it ("simuler", "--version"); anything else: "autre". */
function commande(): string {
  const c = process.argv[2] ?? "";
  return /^-{0,2}[a-z]{1,20}$/.test(c) ? c : "autre";
}

/** False when the folder exists but is another user's, or others may write in it: their code would run. */
function dossierSur(dossier: string): boolean {
  if (!process.getuid) return true; // Windows: no such modes
  try {
    const st = statSync(dossier);
    return st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return true; // not made yet: it will be, ours and closed
  }
}

function compilerAvecCache(dossierPaquet: string, dossierCode: string, profil: string): void {
  const chargeur = Module as unknown as ChargeurCjs;
  const compilerSansCache = chargeur.prototype._compile;
  const aEcrire: { script: Script; chemin: string }[] = [];

  chargeur.prototype._compile = function (this: ModuleCjs, contenu: string, fichier: string) {
    if (dirname(fichier) !== dossierPaquet) return compilerSansCache.call(this, contenu, fichier);
    const chemin = join(dossierCode, nomEntree(fichier, contenu, profil));
    const donnees = lire(chemin);
    const script = new Script(chargeur.wrap(contenu), {
      filename: fichier,
      cachedData: donnees,
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
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

/** The file's name, the command, and what its compiled form depends on: the engine and the code. */
function nomEntree(fichier: string, contenu: string, profil: string): string {
  const cle = createHash("sha256").update(`${process.version}\0${process.arch}\0`).update(contenu).digest("hex");
  return `${basename(fichier, ".cjs")}-${profil}-${cle.slice(0, 24)}.bin`;
}

/** The cached data, when its hash is right; an entry used is dated again (least recently used goes first). */
function lire(chemin: string): Buffer | undefined {
  let octets: Buffer;
  try {
    octets = readFileSync(chemin);
  } catch {
    return undefined;
  }
  const donnees = octets.subarray(TAILLE_EMPREINTE);
  if (octets.length <= TAILLE_EMPREINTE || !empreinte(donnees).equals(octets.subarray(0, TAILLE_EMPREINTE))) return undefined;
  try {
    const maintenant = Date.now();
    if (maintenant - statSync(chemin).mtimeMs > UN_JOUR) utimesSync(chemin, new Date(maintenant), new Date(maintenant));
  } catch {
    // Another run may have pruned it: the data read are still good.
  }
  return donnees;
}

function empreinte(donnees: Buffer): Buffer {
  return createHash("sha256").update(donnees).digest();
}

function ecrire(chemin: string, donnees: Buffer): void {
  const temporaire = `${chemin}.${randomUUID()}.tmp`; // unique across processes, containers and machines
  try {
    mkdirSync(dirname(chemin), { recursive: true, mode: 0o700 });
    writeFileSync(temporaire, Buffer.concat([empreinte(donnees), donnees]));
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

/** Keeps the ENTREES_MAX most recently used entries, and removes the temporary files of killed runs. */
function elaguer(dossier: string): void {
  try {
    const maintenant = Date.now();
    const fichiers = readdirSync(dossier).map((n) => ({ n, chemin: join(dossier, n), date: statSync(join(dossier, n)).mtimeMs }));
    for (const f of fichiers) if (f.n.endsWith(".tmp") && maintenant - f.date > UNE_HEURE) rmSync(f.chemin, { force: true });
    const entrees = fichiers.filter((f) => f.n.endsWith(".bin")).sort((x, y) => y.date - x.date);
    for (const e of entrees.slice(ENTREES_MAX)) rmSync(e.chemin, { force: true });
  } catch {
    // Another run may be pruning too.
  }
}
