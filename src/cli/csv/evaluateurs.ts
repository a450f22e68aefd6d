// Where the rows are evaluated: in this thread for a short file, in worker threads for a long one
// (the evaluation, not the CSV reading, is what takes time). Same function, same results, in order.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Referentiel } from "../../core/regles/referentiel.js";
import {
  contexteLot,
  traiterLigne,
  type ContexteLot,
  type Enregistrement,
  type LigneTraitee,
  type ParametresLot,
} from "./traitement.js";

export interface Evaluateur {
  /** How many batches may be under way at once (their results are awaited in order). */
  readonly enParallele: number;
  /**
   * The file's parameters, once its header is read: the evaluator is made before (its worker threads
   * load their rules meanwhile, ~0,1 s that the reading of the header no longer waits for). Once,
   * before the first batch.
   */
  parametrer(parametres: ParametresLot): void;
  traiter(paquet: Enregistrement[]): Promise<LigneTraitee[]>;
  /** Stops the worker threads: on every way out of `lot`, or they keep the process alive. */
  fermer(): Promise<void>;
}

/** From this size, worker threads pay for their start (rules loaded by each, ~0,2 s). */
export const TAILLE_TRAVAILLEURS = 2 * 1024 * 1024;

/** What a worker starts with: the --regles folders (the file's parameters come by message). */
export interface DonneesTravailleur {
  regles: string[] | undefined;
}

/** To a worker: the file's parameters (first), then batches of rows. */
export type MessageTravailleur = { parametres: ParametresLot } | { id: number; paquet: Enregistrement[] };

/**
 * How many worker threads: TI_AIDES_TRAVAILLEURS when set (0: none), else, for a long file on a
 * machine with more than one core, one per core but one, left to this thread, which reads and writes
 * the CSV (on 2 cores, 1 worker measured as fast as 2, with a fifth less CPU: docs/performance.md);
 * else none.
 */
export function nombreDeTravailleurs(taille: number): number {
  const demande = process.env.TI_AIDES_TRAVAILLEURS;
  if (demande !== undefined && /^\d+$/.test(demande)) return Math.min(Number(demande), 16);
  const coeurs = availableParallelism();
  return coeurs > 1 && taille >= TAILLE_TRAVAILLEURS ? Math.min(coeurs - 1, 8) : 0;
}

export function evaluateur(n: number, ref: Referentiel, regles: string[] | undefined): Evaluateur {
  if (n === 0) {
    let c: ContexteLot | undefined;
    return {
      enParallele: 1,
      parametrer: (parametres) => void (c = contexteLot(parametres, ref)),
      traiter: async (paquet) => paquet.map((e) => traiterLigne(e, c!)),
      fermer: async () => undefined,
    };
  }
  return new Travailleurs(n, { regles });
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
  /** Batches sent to each worker and not yet answered. */
  private readonly enCours: number[];
  private readonly attentes = new Map<
    number,
    { resoudre: (l: LigneTraitee[]) => void; rejeter: (e: Error) => void }
  >();
  private suivant = 0;

  constructor(n: number, donnees: DonneesTravailleur) {
    this.enParallele = 2 * n;
    this.enCours = new Array<number>(n).fill(0);
    this.travailleurs = Array.from({ length: n }, (_, i) => {
      const w = new Worker(TRAVAILLEUR, { workerData: donnees });
      w.on("message", (r: Reponse) => {
        this.enCours[i]--;
        const a = this.attentes.get(r.id);
        this.attentes.delete(r.id);
        if ("erreur" in r) a?.rejeter(new Error(r.erreur));
        else a?.resoudre(r.lignes);
      });
      w.on("error", (e) => this.toutRejeter(e));
      return w;
    });
  }

  parametrer(parametres: ParametresLot): void {
    for (const w of this.travailleurs) w.postMessage({ parametres } satisfies MessageTravailleur);
  }

  traiter(paquet: Enregistrement[]): Promise<LigneTraitee[]> {
    const id = this.suivant++;
    const i = moinsOccupe(this.enCours);
    this.enCours[i]++;
    return new Promise((resoudre, rejeter) => {
      this.attentes.set(id, { resoudre, rejeter });
      this.travailleurs[i].postMessage({ id, paquet } satisfies MessageTravailleur);
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

/**
 * The worker a batch goes to: the one with the fewest batches under way (the first of them on a tie),
 * so a worker slowed down (its warm-up, a busy core) gets fewer, where turns would queue batches behind
 * it. The results are still awaited in the order of the rows.
 */
export function moinsOccupe(enCours: readonly number[]): number {
  let choisi = 0;
  for (let i = 1; i < enCours.length; i++) if (enCours[i] < enCours[choisi]) choisi = i;
  return choisi;
}
