// The bound each control puts on one line's amount. Every control compares two figures (valeur,
// limite) that move in a straight line with the amount of the line, self-financing absorbing it
// (docs/domaine.md §3): a sum of aid against a ceiling (plafond, cumul, de minimis), a share that must
// stay above a minimum (participation minimale, cofinancement), two amounts that must be equal
// (parité). The bound is where the line crosses: computed from the control's own figures at two
// amounts, then checked to the cent by the controls themselves (marges/index.ts).
import { D, type Dec } from "../argent.js";
import type { Controle, NomControle } from "../modele.js";

/** How `valeur` must compare with `limite` for the control to be compliant. */
const SENS: Partial<Record<NomControle, "≤" | "≥" | "=">> = {
  plafond: "≤",
  cumul: "≤",
  de_minimis: "≤",
  participation_minimale: "≥",
  cofinancement: "≥",
  parite: "=",
};

/** The controls by a key that names the same check in two evaluations (ordinal among the same scope). */
export function parCle(controles: Controle[]): Map<string, Controle> {
  const vus = new Map<string, number>();
  const m = new Map<string, Controle>();
  for (const k of controles) {
    const base = `${k.controle}|${k.portee}|${k.reglement ?? ""}`;
    const n = vus.get(base) ?? 0;
    vus.set(base, n + 1);
    m.set(`${base}|${n}`, k);
  }
  return m;
}

export interface Borne {
  controle: Controle;
  /** The largest amount (or, for an equality, the only one) the control allows; may be below zero. */
  montant: Dec;
  egalite: boolean;
}

/**
 * The bound of one control from its figures with the line at 0 and at `x1` (> 0): null when the line
 * does not move it, or moves it the compliant way.
 */
export function borne(a0: Controle | undefined, a1: Controle | undefined, x1: Dec): Borne | null {
  const k = a1 ?? a0;
  if (!k) return null;
  const sens = SENS[k.controle];
  if (!sens) return null;
  // A control absent at 0 (no aid on the expense yet) starts from nothing.
  const ecart = (a: Controle | undefined): Dec | null =>
    a === undefined ? null : a.valeur === null || a.limite === null ? null : a.valeur.minus(a.limite);
  const g1 = ecart(a1);
  if (g1 === null) return null;
  const g0 = ecart(a0) ?? (a1!.valeur === null ? null : new D(0).minus(a1!.limite!));
  if (g0 === null) return null;
  const pente = g1.minus(g0).dividedBy(x1);
  if (pente.isZero()) return null;
  const racine = new D(0).minus(g0).dividedBy(pente);
  if (sens === "=") return { controle: k, montant: racine, egalite: true };
  // "≤": valeur − limite must stay ≤ 0, so the line binds when it raises the gap; "≥" the reverse.
  if ((sens === "≤") !== pente.isPositive()) return null;
  return { controle: k, montant: racine.toDecimalPlaces(2, D.ROUND_DOWN), egalite: false };
}
