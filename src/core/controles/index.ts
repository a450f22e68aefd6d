// The controls of a financing plan, in the order a State-aid officer reads them (domaine.md §3).
import type { Controle } from "../modele.js";
import { controlerCofinancement } from "./cofinancement.js";
import type { ContexteControles } from "./contexte.js";
import { controlerCumul } from "./cumul.js";
import { controlerDeMinimis } from "./de-minimis.js";
import { controlerEffetIncitatif } from "./effet-incitatif.js";
import { controlerEquilibre } from "./equilibre.js";
import { controlerParite } from "./parite.js";
import { controlerParticipationMinimale } from "./participation-minimale.js";
import { controlerPlafonds } from "./plafond.js";
import { controlerTransparence } from "./transparence.js";

const CONTROLES = [
  controlerPlafonds,
  controlerEquilibre,
  controlerCumul,
  controlerDeMinimis,
  controlerTransparence,
  controlerEffetIncitatif,
  controlerCofinancement,
  controlerParite,
  controlerParticipationMinimale,
];

export function controler(c: ContexteControles): Controle[] {
  return CONTROLES.flatMap((f) => f(c));
}

export type { AideDeMinimis, ContexteControles } from "./contexte.js";
