// The controls of a financing plan, in the order a State-aid officer reads them (docs/domaine.md §3).
// Adding a control: its module (id, name, function) and its line in this table.
import type { Controle, NomControle } from "../modele.js";
import { controleCofinancement } from "./cofinancement.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { controleCumul } from "./cumul.js";
import { controleDeMinimis } from "./de-minimis.js";
import { controleEffetIncitatif } from "./effet-incitatif.js";
import { controleEquilibre } from "./equilibre.js";
import { controleParite } from "./parite.js";
import { controleParticipationMinimale } from "./participation-minimale.js";
import { controlePlafond } from "./plafond.js";
import { controleTransparence } from "./transparence.js";

export const CONTROLES: readonly DefinitionControle[] = [
  controlePlafond,
  controleEquilibre,
  controleCumul,
  controleDeMinimis,
  controleTransparence,
  controleEffetIncitatif,
  controleCofinancement,
  controleParite,
  controleParticipationMinimale,
];

/** The name of each control for a person, as its module gives it. */
export const NOMS_CONTROLES = Object.fromEntries(CONTROLES.map((k) => [k.id, k.nom])) as Record<
  NomControle,
  string
>;

/**
 * How each control compares its two figures (valeur against limite) for the plan to be compliant;
 * null for those the amounts of the lines do not move that way (équilibre, absorbed by
 * self-financing; transparence, an obligation; effet incitatif, a matter of dates). The room left
 * (marges/) and the proposed plan (proposition/) read it.
 */
export const SENS_CONTROLES: Record<NomControle, "≤" | "≥" | "=" | null> = {
  plafond: "≤",
  cumul: "≤",
  de_minimis: "≤",
  participation_minimale: "≥",
  cofinancement: "≥",
  parite: "=",
  equilibre: null,
  transparence: null,
  effet_incitatif: null,
};

/** What names the same check in two evaluations of one fiche: its control, scope and regulation. */
export function cleDuControle(k: Controle): string {
  return `${k.controle}|${k.portee}|${k.reglement ?? ""}`;
}

export function controler(c: ContexteControles): Controle[] {
  return controlerAvec(CONTROLES, c);
}

/**
 * What `definitions` find on one context, in their order. A loop: `flatMap` cost several times more
 * (issue 20, s5-marges), and the room left runs the controls at every amount it tries.
 */
export function controlerAvec(definitions: readonly DefinitionControle[], c: ContexteControles): Controle[] {
  const controles: Controle[] = [];
  for (const k of definitions) for (const y of k.controler(c)) controles.push(y);
  return controles;
}

export type { AideDeMinimis, ContexteControles, DefinitionControle } from "./contexte.js";
