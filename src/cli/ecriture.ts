// Writing a command's output: to standard output, or to a file through a temporary file renamed at
// the end, so that a failure never leaves half a file. The temporary file has an unpredictable name
// and is created exclusively in the target's folder (never an existing file, never a link followed:
// a planted `<sortie>.<pid>.tmp` link made ti-aides overwrite a file elsewhere, issue 14); it takes
// the target's mode (and owner, when allowed), and every signal that ends the process removes it.
// A target that is a symbolic link is written through: the file it points to is replaced, the link
// stays. An output that is one of the command's inputs is refused before anything is read.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  createWriteStream,
  fchmodSync,
  fchownSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type WriteStream,
} from "node:fs";
import { basename, dirname, extname, join, relative, isAbsolute } from "node:path";
import { ErreurSaisie } from "../core/erreurs.js";
import { ErreurUsage } from "./codes.js";

/**
 * A text given in pieces (an Iterable): written as it comes, in chunks, so that a long output (verifier
 * on thousands of fiches) is never whole in memory (issue 20).
 */
export type Sortie = string | Buffer | Iterable<string>;

export function ecrireSortie(texte: Sortie, fichier: string | undefined): void {
  if (!fichier || fichier === "-") {
    for (const morceau of enMorceaux(texte)) process.stdout.write(morceau);
    return;
  }
  const cible = cibleReelle(fichier);
  try {
    // Not a regular file (/dev/null, a named pipe): written to directly; a rename would replace it.
    if (!estFichierOuAbsent(cible)) {
      const fd = openSync(cible, "w");
      try {
        for (const morceau of enMorceaux(texte)) writeFileSync(fd, morceau);
      } finally {
        closeSync(fd);
      }
      return;
    }
  } catch (e) {
    throw erreurEcriture(fichier, e);
  }
  const tmp = temporaire(cible, fichier);
  try {
    try {
      // writeFileSync on a descriptor: each piece whole, after the previous one.
      for (const morceau of enMorceaux(texte)) writeFileSync(tmp.fd, morceau);
    } finally {
      closeSync(tmp.fd);
    }
    renameSync(tmp.chemin, cible);
  } catch (e) {
    throw erreurEcriture(fichier, e);
  } finally {
    tmp.retirer();
  }
}

const TAILLE_MORCEAU = 64 * 1024;

/** A text, or its pieces gathered into chunks of ~64 Kio (one write each). */
function* enMorceaux(texte: Sortie): Generator<string | Buffer> {
  if (typeof texte === "string" || Buffer.isBuffer(texte)) {
    yield texte;
    return;
  }
  let tampon = "";
  for (const morceau of texte) {
    tampon += morceau;
    if (tampon.length >= TAILLE_MORCEAU) {
      yield tampon;
      tampon = "";
    }
  }
  if (tampon) yield tampon;
}

/** A streamed output file: written progressively to a temporary file, renamed when complete. */
export interface SortieProgressive {
  flux: WriteStream;
  /** The output is complete: the temporary file takes the final name. */
  valider(): void;
  /** The output failed: the temporary file is removed, the final file untouched. */
  abandonner(): void;
  /** The French error for a failure of this file (a full disc, a missing folder…). */
  erreur(e: unknown): ErreurSaisie;
}

export function ouvrirSortieProgressive(fichier: string): SortieProgressive {
  const erreur = (e: unknown) => erreurEcriture(fichier, e);
  const cible = cibleReelle(fichier);
  // Not a regular file (/dev/null, a named pipe): written to directly; a rename would replace it.
  if (!estFichierOuAbsent(cible))
    return { flux: createWriteStream(cible), valider: () => undefined, abandonner: () => undefined, erreur };
  const tmp = temporaire(cible, fichier);
  return {
    flux: createWriteStream(tmp.chemin, { fd: tmp.fd }),
    valider: () => {
      try {
        renameSync(tmp.chemin, cible);
      } catch (e) {
        throw erreur(e);
      } finally {
        tmp.retirer();
      }
    },
    abandonner: () => tmp.retirer(),
    erreur,
  };
}

/**
 * Refuses an output file that is also one of the inputs (`simuler f.yaml -o f.yaml` destroyed the
 * fiche): the same file however named (links, relative paths), or a file a folder given as input
 * would be read from.
 */
export function refuserSortieQuiEstUneEntree(sortie: string | undefined, entrees: string[]): void {
  if (!sortie || sortie === "-") return;
  let cible;
  try {
    cible = statSync(sortie);
  } catch {
    return; // not there yet: it cannot be an input
  }
  if (!cible.isFile()) return;
  const reelle = realpathSync(sortie);
  for (const entree of entrees) {
    if (entree === "-") continue;
    let st;
    try {
      st = statSync(entree);
    } catch {
      continue; // the command says it is missing
    }
    const meme = st.isFile() && st.dev === cible.dev && st.ino === cible.ino;
    const dedans =
      st.isDirectory() &&
      /^\.(ya?ml|json|csv)$/i.test(extname(reelle)) &&
      estDans(reelle, realpathSync(entree));
    if (meme || dedans) {
      throw new ErreurUsage(
        `la sortie -o ${sortie} est aussi ${meme ? "un fichier lu" : "un fichier du dossier lu"} (${entree}) : elle l'écraserait ; choisissez un autre fichier de sortie`,
      );
    }
  }
}

function estDans(chemin: string, dossier: string): boolean {
  const r = relative(dossier, chemin);
  return r !== "" && !r.startsWith("..") && !isAbsolute(r);
}

/** The file to replace: the output itself, or the file its symbolic link points to. */
function cibleReelle(fichier: string): string {
  let lien = false;
  try {
    lien = lstatSync(fichier).isSymbolicLink();
  } catch {
    return fichier; // not there yet
  }
  if (!lien) return fichier;
  try {
    return realpathSync(fichier);
  } catch (e) {
    throw new ErreurSaisie([
      {
        fichier,
        message: `lien symbolique vers un fichier absent ou inaccessible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : indiquez un fichier`,
      },
    ]);
  }
}

/** The temporary files not yet renamed or removed: removed when a signal ends the process. */
const temporaires = new Set<string>();
let signauxEcoutes = false;

/**
 * Creates the temporary file of `cible`, in its folder, under a name nobody can guess beforehand,
 * exclusively (O_EXCL: an existing file or link of that name makes it fail, it never follows it).
 */
function temporaire(cible: string, fichier: string): { chemin: string; fd: number; retirer(): void } {
  const chemin = join(dirname(cible), `.${basename(cible)}.${randomBytes(9).toString("hex")}.tmp`);
  // Before the file exists: a signal that came between its creation and the handlers' would end the
  // process by the system's default action, with no JavaScript run, and leave it behind.
  ecouterSignaux();
  let fd: number;
  try {
    fd = openSync(chemin, "wx", 0o666); // the mode of a new file, less the umask
  } catch (e) {
    throw erreurEcriture(fichier, e);
  }
  temporaires.add(chemin);
  let avant;
  try {
    avant = statSync(cible);
  } catch {
    // A new file: the mode it was created with.
  }
  if (avant) {
    fchmodSync(fd, avant.mode & 0o7777); // an existing output keeps its mode, and its owner when allowed
    try {
      fchownSync(fd, avant.uid, avant.gid);
    } catch {
      // Only root may give a file away: the file stays the user's.
    }
  }
  return {
    chemin,
    fd,
    retirer: () => {
      temporaires.delete(chemin);
      rmSync(chemin, { force: true });
    },
  };
}

function ecouterSignaux(): void {
  if (signauxEcoutes) return;
  signauxEcoutes = true;
  process.once("exit", retirerTemporaires);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const) {
    process.once(signal, () => {
      retirerTemporaires();
      // A command that listens too (lot, on SIGINT, stops its progress bar then exits) ends the
      // process itself; otherwise it ends by the signal, as without this handler.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function retirerTemporaires(): void {
  for (const chemin of temporaires) rmSync(chemin, { force: true });
  temporaires.clear();
}

function estFichierOuAbsent(chemin: string): boolean {
  try {
    return statSync(chemin).isFile();
  } catch {
    return true;
  }
}

/** The French error for an output file that cannot be written (a full disc, a missing folder…). */
function erreurEcriture(fichier: string, e: unknown): ErreurSaisie {
  if (e instanceof ErreurSaisie) return e;
  return new ErreurSaisie([
    {
      fichier,
      message: `écriture impossible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : vérifiez le dossier et les droits`,
    },
  ]);
}
