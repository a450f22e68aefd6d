// Writing a command's output: to standard output, or to a file through a temporary file renamed
// at the end, so that a failure never leaves half a file.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { ErreurSaisie } from "../core/erreurs.js";

export function ecrireSortie(texte: string | Buffer, fichier: string | undefined): void {
  if (!fichier || fichier === "-") {
    process.stdout.write(texte);
    return;
  }
  const tmp = `${fichier}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, texte);
    renameSync(tmp, fichier);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ErreurSaisie([{ fichier, message: `écriture impossible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : vérifiez le dossier et les droits` }]);
  }
}
