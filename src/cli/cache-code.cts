// Loads the command line, built as one CommonJS bundle (dist/paquet/, `npm run build`), with V8's code
// cache, so that a quick command does not spend most of its time compiling (docs/performance.md).
// Node 20 has no compile cache of its own (module.enableCompileCache came with Node 22), so each file
// of the bundle is compiled here with `vm.Script` and its cached data.
// The cached data are made with the package, at build time (`npm run build`, which `npm ci` runs:
// construire-cache-code.mjs runs the usual commands and calls enregistrerCache), and stored next to
// the code they cache, in dist/paquet/code/: whoever can write there can change the code itself.
// At run time they are only read, never written, and never taken from a folder a user writes in:
// V8 checks only the length of the source, so an entry planted in a cache folder ran its own code
// (issue 14). Each command has its own entries (the functions it used, not only the top level);
// their names hold a hash of the code and of Node's version, and each starts with a hash of its data,
// checked before V8 reads it (altered cached data crash Node 20). Any doubt (missing, altered,
// rejected by V8 — another Node than at build time) and the code is compiled as usual, without a word.
// TI_AIDES_CACHE=0 goes without it too. This file is CommonJS: as an ES module, it and the built-in
// modules it imports took ~8 ms more.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { constants, Script } from "node:vm";
import { dossierCache } from "./dossier-cache.cjs";

/** The CommonJS loader (node:module's default export), reached through this file's own module: loading
 *  node:module would also load Node's ES module loader and source maps at each start. */
const chargeur = module.constructor as unknown as ChargeurCjs;

/** The cache's folder, inside the bundle's. */
const DOSSIER_CODE = "code";
const TAILLE_EMPREINTE = 32;

interface ModuleCjs {
  exports: unknown;
  require(id: string): unknown;
  _compile(contenu: string, fichier: string): unknown;
}
interface ChargeurCjs {
  prototype: ModuleCjs;
  wrap(code: string): string;
}

/** Runs the bundle whose entry is the file `entree` and returns its exports. */
export function chargerPaquet(entree: string): unknown {
  if (dossierCache() !== undefined) compilerAvecCache(dirname(entree), profil(process.argv[2]));
  return require(entree);
}

/**
 * Build time only: runs each command of `commandes` (argument lists, as typed after `ti-aides`) through
 * the bundle's `main`, twice (the second run finds the rules cache warm, as a user's second command
 * does), then writes what V8 compiled for them in the bundle's code/ folder, as the entries of `nom`.
 */
export async function enregistrerCache(entree: string, nom: string, commandes: string[][]): Promise<void> {
  const scripts = compilerAvecCache(dirname(entree), profil(nom));
  const { main } = require(entree) as { main(argv: string[]): Promise<void> };
  for (let passe = 0; passe < 2; passe++)
    for (const args of commandes) await main([process.execPath, "ti-aides", ...args]);
  for (const { script, chemin } of scripts) ecrire(chemin, script.createCachedData());
  process.exitCode = 0; // the commands' own statuses (1: not compliant) say nothing of the build
}

/** The command run, as its entries' names say it ("simuler", "--version"); anything else: "autre". */
function profil(commande: string | undefined): string {
  return /^-{0,2}[a-z]{1,20}$/.test(commande ?? "") ? (commande as string) : "autre";
}

/** Compiles the bundle's files with their cached data; returns each script and where its entry is. */
function compilerAvecCache(dossierPaquet: string, profil: string): { script: Script; chemin: string }[] {
  const compilerSansCache = chargeur.prototype._compile;
  const scripts: { script: Script; chemin: string }[] = [];

  chargeur.prototype._compile = function (this: ModuleCjs, contenu: string, fichier: string) {
    if (dirname(fichier) !== dossierPaquet || !estAscii(contenu))
      return compilerSansCache.call(this, contenu, fichier);
    const chemin = join(dossierPaquet, DOSSIER_CODE, nomEntree(fichier, contenu, profil));
    const script = new Script(chargeur.wrap(contenu), {
      filename: fichier,
      cachedData: lire(chemin),
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    scripts.push({ script, chemin });
    const fonction = script.runInThisContext() as (...args: unknown[]) => unknown;
    // The bundle's files only call require(id) (no require.resolve, .cache, .main): the module's own
    // require resolves from the same file as createRequire(fichier) would, without building a second
    // module and its node_modules paths for each file (~4 % of a `simuler` at the profile).
    const exiger = (id: string) => this.require(id);
    return fonction.call(this.exports, this.exports, exiger, this, fichier, dirname(fichier));
  };
  return scripts;
}

/**
 * True when the text is ASCII, as the bundle is written (`charset: "ascii"`, rolldown.config.mjs): its
 * bytes are then its characters, hashed as they are (latin1) instead of encoded to UTF-8 first. A file of
 * the bundle that is not (altered since the build) is compiled without the cache.
 */
function estAscii(texte: string): boolean {
  return Buffer.byteLength(texte, "utf8") === texte.length;
}

/** The file's name, the command, and what its compiled form depends on: the engine and the code. */
function nomEntree(fichier: string, contenu: string, profil: string): string {
  const cle = createHash("sha256")
    .update(`${process.version}\0${process.arch}\0`)
    .update(contenu, "latin1")
    .digest("hex");
  return `${basename(fichier, ".cjs")}-${profil}-${cle.slice(0, 24)}.bin`;
}

/** The cached data, when its hash is right. */
function lire(chemin: string): Buffer | undefined {
  let octets: Buffer;
  try {
    octets = readFileSync(chemin);
  } catch {
    return undefined;
  }
  const donnees = octets.subarray(TAILLE_EMPREINTE);
  if (octets.length <= TAILLE_EMPREINTE || !empreinte(donnees).equals(octets.subarray(0, TAILLE_EMPREINTE)))
    return undefined;
  return donnees;
}

function empreinte(donnees: Buffer): Buffer {
  return createHash("sha256").update(donnees).digest();
}

function ecrire(chemin: string, donnees: Buffer): void {
  const temporaire = `${chemin}.${randomUUID()}.tmp`;
  mkdirSync(dirname(chemin), { recursive: true });
  writeFileSync(temporaire, Buffer.concat([empreinte(donnees), donnees]), { flag: "wx" });
  renameSync(temporaire, chemin); // atomic: a run during the build never reads half a file
}
