// A worker thread of `lot`: evaluates the batches of rows it is sent, with the rules it loads itself.
import { parentPort, workerData } from "node:worker_threads";
import { reglesDe } from "../options.js";
import type { DonneesTravailleur } from "./evaluateurs.js";
import { contexteLot, traiterLigne, type Enregistrement } from "./traitement.js";

const { parametres, regles } = workerData as DonneesTravailleur;
const contexte = contexteLot(parametres, reglesDe({ regles, quiet: true }));

parentPort!.on("message", ({ id, paquet }: { id: number; paquet: Enregistrement[] }) => {
  try {
    parentPort!.postMessage({ id, lignes: paquet.map((e) => traiterLigne(e, contexte)) });
  } catch (e) {
    parentPort!.postMessage({ id, erreur: e instanceof Error ? e.message : String(e) });
  }
});
