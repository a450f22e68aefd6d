// Writing a command's output: to standard output, or to a file through a temporary file renamed
// at the end, so that a failure never leaves half a file.
import { createWriteStream, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from "node:fs";
import { ErreurSaisie } from "../core/erreurs.js";

export function ecrireSortie(texte: string | Buffer, fichier: string | undefined): void {
  if (!fichier || fichier === "-") {
    process.stdout.write(texte);
    return;
  }
  const tmp = `${fichier}.${process.pid}.tmp`;
  try {
    // Not a regular file (/dev/null, a named pipe): written to directly; a rename would replace it.
    if (!estFichierOuAbsent(fichier)) return writeFileSync(fichier, texte);
    writeFileSync(tmp, texte);
    renameSync(tmp, fichier);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw erreurEcriture(fichier, e);
  }
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
  const tmp = `${fichier}.${process.pid}.tmp`;
  const erreur = (e: unknown) => erreurEcriture(fichier, e);
  // Not a regular file (/dev/null, a named pipe): written to directly; a rename would replace it.
  if (!estFichierOuAbsent(fichier)) return { flux: createWriteStream(fichier), valider: () => undefined, abandonner: () => undefined, erreur };
  return {
    flux: createWriteStream(tmp),
    valider: () => {
      try {
        renameSync(tmp, fichier);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw erreur(e);
      }
    },
    abandonner: () => rmSync(tmp, { force: true }),
    erreur,
  };
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
  return new ErreurSaisie([{ fichier, message: `écriture impossible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : vérifiez le dossier et les droits` }]);
}
