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

export function controler(c: ContexteControles): Controle[] {
  return CONTROLES.flatMap((k) => k.controler(c));
}

export type { AideDeMinimis, ContexteControles, DefinitionControle } from "./contexte.js";
