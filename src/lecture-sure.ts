// Reading a file named by a user, a rule folder or a cache, safely: only a regular file is read (a
// named pipe would block forever, /dev/zero never ends, a socket cannot be read), never beyond a size
// limit, and every error of the file system becomes a French message naming the path (exit 2 in the
// command line) instead of a raw ENOENT, ELOOP or EACCES.
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { TAILLE_MAX_TEXTE, TROP_VOLUMINEUX } from "./core/limites.js";
import { ErreurSaisie } from "./core/erreurs.js";

const PAS_ORDINAIRE =
  "ce n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) : indiquez un fichier, ou « - » pour l'entrée standard";

export interface OptionsLecture {
  /** Bytes beyond which the file is refused (TAILLE_MAX_TEXTE by default). */
  tailleMax?: number;
  /** A symbolic link is refused instead of followed (a cache's entries are never links). */
  sansLien?: boolean;
  /** The file must belong to this user (a cache's entries). */
  proprietaire?: number;
}

/** The bytes of a regular file; an ErreurSaisie naming `chemin` for anything else. */
export function lireOctetsSurs(chemin: string, options: OptionsLecture = {}): Buffer {
  const tailleMax = options.tailleMax ?? TAILLE_MAX_TEXTE;
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe without a writer returns at once instead of waiting forever.
    fd = openSync(
      chemin,
      constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.sansLien ? (constants.O_NOFOLLOW ?? 0) : 0),
    );
  } catch (e) {
    throw erreurFichier(e, chemin);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw probleme(chemin, "c'est un dossier, pas un fichier");
    if (!st.isFile()) throw probleme(chemin, PAS_ORDINAIRE);
    if (options.proprietaire !== undefined && st.uid !== options.proprietaire)
      throw probleme(chemin, "le fichier appartient à un autre utilisateur");
    if (st.size > tailleMax) throw probleme(chemin, TROP_VOLUMINEUX);
    // Read to the end, but never beyond the limit: the file may grow while it is read.
    const morceaux: Buffer[] = [];
    let total = 0;
    for (;;) {
      const morceau = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 1, 1024 * 1024));
      const n = readSync(fd, morceau, 0, morceau.length, null);
      if (n === 0) break;
      total += n;
      if (total > tailleMax) throw probleme(chemin, TROP_VOLUMINEUX);
      morceaux.push(morceau.subarray(0, n));
    }
    return Buffer.concat(morceaux, total);
  } catch (e) {
    throw erreurFichier(e, chemin);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses a path that exists but is not a regular file nor a folder (a named pipe, a device, a socket),
 * for what is read as a stream (a CSV): opening a named pipe would wait for a writer forever.
 */
export function exigerFichierOrdinaire(chemin: string): void {
  let st;
  try {
    st = statSync(chemin);
  } catch {
    return; // missing: the reader says so in its own words
  }
  if (!st.isFile() && !st.isDirectory()) throw probleme(chemin, PAS_ORDINAIRE);
}

/**
 * The text of bytes that must be UTF-8, read as `new TextDecoder("utf-8", { fatal: true })` reads them (a
 * leading byte order mark dropped); undefined when they are not UTF-8. Without TextDecoder, whose first
 * use costs ~5 million instructions at each start (docs/performance.md, s5-demarrage); the same text,
 * compared in test/texte-utf8.test.ts.
 */
export function texteUtf8(octets: Buffer): string | undefined {
  if (!isUtf8(octets)) return undefined;
  const texte = octets.toString("utf8");
  return texte.charCodeAt(0) === 0xfeff ? texte.slice(1) : texte;
}

/** A regular file's text, in UTF-8. */
export function lireTexteSur(chemin: string, options: OptionsLecture = {}): string {
  return lireOctetsSurs(chemin, options).toString("utf8");
}

const MESSAGES: Record<string, string> = {
  ENOENT: "fichier ou dossier introuvable (ou lien symbolique cassé) : vérifiez le chemin",
  ELOOP: "boucle de liens symboliques (ou lien refusé) : vérifiez le chemin",
  EACCES: "accès refusé : vérifiez les droits du fichier et de ses dossiers",
  EPERM: "accès refusé : vérifiez les droits du fichier et de ses dossiers",
  ENOTDIR: "un élément du chemin n'est pas un dossier : vérifiez le chemin",
  EISDIR: "c'est un dossier, pas un fichier",
  ENAMETOOLONG: "chemin trop long",
  EIO: "erreur d'entrée-sortie du disque",
  EMFILE: "trop de fichiers ouverts : réessayez",
  ENFILE: "trop de fichiers ouverts : réessayez",
};

/**
 * The French error of a file system failure (ENOENT, ELOOP, EACCES…), naming the path; an
 * ErreurSaisie is returned as it is, anything else too (a bug stays a bug).
 */
export function erreurFichier(e: unknown, chemin?: string): unknown {
  if (e instanceof ErreurSaisie || !estErreurSysteme(e)) return e;
  const fichier = chemin ?? e.path ?? "(fichier)";
  return probleme(fichier, MESSAGES[e.code] ?? `accès au fichier impossible (${e.code})`);
}

/** An error of the operating system about a file (it has a code like ENOENT and a system call). */
export function estErreurSysteme(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  const x = e as NodeJS.ErrnoException | undefined;
  return typeof x?.code === "string" && /^E[A-Z0-9]+$/.test(x.code) && typeof x.syscall === "string";
}

function probleme(fichier: string, message: string): ErreurSaisie {
  return new ErreurSaisie([{ fichier, message }]);
}
