// A worker thread of `lot`: loads its rules as soon as it starts, receives the file's parameters once
// the header is read, then evaluates the batches of rows it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { reglesDe } from "../options.js";
import type { DonneesTravailleur, MessageTravailleur } from "./evaluateurs.js";
import { contexteLot, traiterLigne, type ContexteLot } from "./traitement.js";

const { regles } = workerData as DonneesTravailleur;
const ref = reglesDe({ regles, quiet: true });
let contexte: ContexteLot | undefined;

parentPort!.on("message", (m: MessageTravailleur) => {
  if ("parametres" in m) {
    contexte = contexteLot(m.parametres, ref);
    return;
  }
  try {
    parentPort!.postMessage({ id: m.id, lignes: m.paquet.map((e) => traiterLigne(e, contexte!)) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, erreur: e instanceof Error ? e.message : String(e) });
  }
});
