// The bound each control puts on one line's amount. Every control compares two figures (valeur,
// limite) that move in a straight line with the amount of the line, self-financing absorbing it
// (docs/domaine.md §3): a sum of aid against a ceiling (plafond, cumul, de minimis), a share that must
// stay above a minimum (participation minimale, cofinancement), two amounts that must be equal
// (parité). The bound is where the line crosses: computed from the control's own figures at two
// amounts, then checked to the cent by the controls themselves (marges/index.ts).
import { D, type Dec } from "../argent.js";
import { CONTROLES, SENS_CONTROLES, cleDuControle } from "../controles/index.js";
import type { DefinitionControle } from "../controles/contexte.js";
import type { Controle } from "../modele.js";

/** The controls a line's amount can break (SENS_CONTROLES); the others it cannot. */
export const CONTROLES_LIES: readonly DefinitionControle[] = CONTROLES.filter(
  (k) => SENS_CONTROLES[k.id] !== null,
);

/** The controls by a key that names the same check in two evaluations (ordinal among the same scope). */
export function parCle(controles: Controle[]): Map<string, Controle> {
  const vus = new Map<string, number>();
  const m = new Map<string, Controle>();
  for (const k of controles) {
    const base = cleDuControle(k);
    const n = vus.get(base) ?? 0;
    vus.set(base, n + 1);
    m.set(`${base}|${n}`, k);
  }
  return m;
}

/** One check in two runs of the controls (absent from one of them: undefined), and its key (parCle). */
export interface Paire {
  a: Controle | undefined;
  b: Controle | undefined;
  cle: () => string;
}

/**
 * The controls of two runs paired by their keys (parCle). When both runs name the same checks in the
 * same order — the usual case — the pairs are those of the positions, and no key is built unless asked.
 */
export function apparier(a: Controle[], b: Controle[]): Paire[] {
  if (memesVerifications(a, b)) return a.map((k, i) => ({ a: k, b: b[i], cle: () => cleOrdinale(a, i) }));
  const ca = parCle(a);
  const cb = parCle(b);
  return [...new Set([...ca.keys(), ...cb.keys()])].map((cle) => ({
    a: ca.get(cle),
    b: cb.get(cle),
    cle: () => cle,
  }));
}

/** The same checks in the same order: control, scope and regulation (what cleDuControle names). */
function memesVerifications(a: Controle[], b: Controle[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.controle !== y.controle || x.portee !== y.portee || (x.reglement ?? "") !== (y.reglement ?? ""))
      return false;
  }
  return true;
}

/** The key parCle gives the i-th control of a run. */
function cleOrdinale(controles: Controle[], i: number): string {
  const base = cleDuControle(controles[i]);
  let n = 0;
  for (let j = 0; j < i; j++) if (cleDuControle(controles[j]) === base) n++;
  return `${base}|${n}`;
}

export interface Borne {
  controle: Controle;
  /** The largest amount (or, for an equality, the only one) the control allows; may be below zero. */
  montant: Dec;
  egalite: boolean;
}

/** A control's figures with the line at amount `x`. */
export interface Point {
  x: Dec;
  controle: Controle | undefined;
}

/**
 * The bound of one control from its figures at two amounts of the line (a.x < b.x): null when the line
 * does not move it, or moves it the compliant way.
 */
export function borne(a: Point, b: Point): Borne | null {
  const k = b.controle ?? a.controle;
  if (!k) return null;
  const sens = SENS_CONTROLES[k.controle];
  if (!sens) return null;
  const ecart = (c: Controle | undefined): Dec | null =>
    c === undefined || c.valeur === null || c.limite === null ? null : c.valeur.minus(c.limite);
  const gb = ecart(b.controle);
  if (gb === null) return null;
  // A control absent at the lower amount (no aid on the expense yet) starts from nothing.
  const ga = a.controle === undefined ? new D(0).minus(b.controle!.limite!) : ecart(a.controle);
  if (ga === null) return null;
  const pente = penteDe(gb.minus(ga), b.x.minus(a.x));
  if (pente.isZero()) return null;
  // A slope of ±1 (the line's amount counted one for one: the usual case) divides exactly: no division.
  const racine = a.x.minus(pente === UN ? ga : pente === MOINS_UN ? ga.negated() : ga.dividedBy(pente));
  if (sens === "=") return { controle: k, montant: racine, egalite: true };
  // "≤": valeur − limite must stay ≤ 0, so the line binds when it raises the gap; "≥" the reverse.
  if ((sens === "≤") !== pente.isPositive()) return null;
  return { controle: k, montant: racine.toDecimalPlaces(2, D.ROUND_DOWN), egalite: false };
}

const UN = new D(1);
const MOINS_UN = new D(-1);

/**
 * rise / run; exactly 1 or −1 (these very objects) when the rise is the run or its opposite: the quotient
 * decimal.js would give, without its cost (a division to 40 digits).
 */
function penteDe(montee: Dec, course: Dec): Dec {
  if (montee.equals(course)) return UN;
  if (montee.equals(course.negated())) return MOINS_UN;
  return montee.dividedBy(course);
}
