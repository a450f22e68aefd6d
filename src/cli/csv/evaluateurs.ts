// Where the rows are evaluated: in this thread for a short file, in worker threads for a long one
// (the evaluation, not the CSV reading, is what takes time). Same function, same results, in order.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Referentiel } from "../../core/regles/referentiel.js";
import {
  contexteLot,
  traiterLigne,
  type Enregistrement,
  type LigneTraitee,
  type ParametresLot,
} from "./traitement.js";

export interface Evaluateur {
  /** How many batches may be under way at once (their results are awaited in order). */
  readonly enParallele: number;
  traiter(paquet: Enregistrement[]): Promise<LigneTraitee[]>;
  /** Stops the worker threads: on every way out of `lot`, or they keep the process alive. */
  fermer(): Promise<void>;
}

/** From this size, worker threads pay for their start (rules loaded by each, ~0,2 s). */
export const TAILLE_TRAVAILLEURS = 2 * 1024 * 1024;

/** What a worker needs to rebuild the context: the parameters and the --regles folders. */
export interface DonneesTravailleur {
  parametres: ParametresLot;
  regles: string[] | undefined;
}

/**
 * How many worker threads: TI_AIDES_TRAVAILLEURS when set (0: none), else, for a long file on a
 * machine with more than one core, one per core but one, left to this thread, which reads and writes
 * the CSV; else none. On 2 cores, 2 workers were not faster than 1 at 20 000 nor 100 000 rows, and took
 * 20 to 40 % more processor time: each warms V8 up on its own, ~2 s of compiling (docs/performance.md,
 * s5-parallele).
 */
export function nombreDeTravailleurs(taille: number): number {
  const demande = process.env.TI_AIDES_TRAVAILLEURS;
  if (demande !== undefined && /^\d+$/.test(demande)) return Math.min(Number(demande), 16);
  const coeurs = availableParallelism();
  return coeurs > 1 && taille >= TAILLE_TRAVAILLEURS ? Math.min(coeurs - 1, 8) : 0;
}

export function evaluateur(
  n: number,
  parametres: ParametresLot,
  ref: Referentiel,
  regles: string[] | undefined,
): Evaluateur {
  if (n === 0) {
    const c = contexteLot(parametres, ref);
    return {
      enParallele: 1,
      traiter: async (paquet) => paquet.map((e) => traiterLigne(e, c)),
      fermer: async () => undefined,
    };
  }
  return new Travailleurs(n, { parametres, regles });
}

/** The worker's code: compiled beside this module (dist/cli/csv/), or bundled beside it (dist/paquet/). */
const TRAVAILLEUR = new URL(
  import.meta.url.endsWith(".cjs") ? "./travailleur.cjs" : "./travailleur.js",
  import.meta.url,
);

type Reponse = { id: number; lignes: LigneTraitee[] } | { id: number; erreur: string };

class Travailleurs implements Evaluateur {
  readonly enParallele: number;
  private readonly travailleurs: Worker[];
  private readonly attentes = new Map<
    number,
    { resoudre: (l: LigneTraitee[]) => void; rejeter: (e: Error) => void }
  >();
  private suivant = 0;

  constructor(n: number, donnees: DonneesTravailleur) {
    this.enParallele = 2 * n;
    this.travailleurs = Array.from({ length: n }, () => {
      const w = new Worker(TRAVAILLEUR, { workerData: donnees });
      w.on("message", (r: Reponse) => {
        const a = this.attentes.get(r.id);
        this.attentes.delete(r.id);
        if ("erreur" in r) a?.rejeter(new Error(r.erreur));
        else a?.resoudre(r.lignes);
      });
      w.on("error", (e) => this.toutRejeter(e));
      return w;
    });
  }

  traiter(paquet: Enregistrement[]): Promise<LigneTraitee[]> {
    const id = this.suivant++;
    return new Promise((resoudre, rejeter) => {
      this.attentes.set(id, { resoudre, rejeter });
      this.travailleurs[id % this.travailleurs.length].postMessage({ id, paquet });
    });
  }

  private toutRejeter(e: Error): void {
    for (const a of this.attentes.values()) a.rejeter(e);
    this.attentes.clear();
  }

  async fermer(): Promise<void> {
    await Promise.all(this.travailleurs.map((w) => w.terminate()));
  }
}
