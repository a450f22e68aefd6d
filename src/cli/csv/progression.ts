// What `lot` says on standard error while it works: a progress bar on a terminal for a long file
// (none when piped), and the messages (errors of rows) written above the bar.
import cliProgress from "cli-progress";
import { entierFr } from "../../core/format.js";
import { pourErreurStandard } from "../rendu/largeur.js";

/** From this size a file takes more than a second or so: the bar is worth showing. */
export const TAILLE_BARRE = 1024 * 1024;

export interface Progression {
  /** Bytes read so far, rows done so far. */
  avancer(octets: number, lignes: number): void;
  /** A line on standard error, above the bar when there is one. */
  ecrire(texte: string): void;
  arreter(): void;
}

export function progression(taille: number, avecBarre: boolean): Progression {
  if (!avecBarre) {
    return {
      avancer: () => undefined,
      ecrire: (t) => void process.stderr.write(`${pourErreurStandard(t)}\n`),
      arreter: () => undefined,
    };
  }
  const multi = new cliProgress.MultiBar({
    stream: process.stderr,
    format: "Lot [{bar}] {percentage} % | {lignes} lignes | reste ~{eta_formatted}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  const barre = multi.create(taille, 0, { lignes: 0 });
  return {
    avancer: (octets, lignes) => barre.update(octets, { lignes: entierFr(lignes) }),
    ecrire: (t) => multi.log(`${pourErreurStandard(t)}\n`),
    arreter: () => multi.stop(),
  };
}
