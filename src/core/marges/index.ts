// Room left (docs/interface.md « Marges »): for each public financing line, the largest amount it
// could ask, the other public lines fixed and self-financing absorbing the difference, with every
// control still compliant; the room left (maximum − demande) and the control that binds.
//
// Each control gives its bound analytically (marges/bornes.ts); the smallest is then checked with the
// controls themselves, cent by cent: the controls of the plan at the maximum are compliant and, one cent
// more, one is not. The pro rata shares are rounded to the cent, so the bound may move by a cent or
// two; a few steps settle it.
import { CENTIME, D, min, ZERO, type Dec } from "../argent.js";
import type { ContexteControles, DefinitionControle } from "../controles/contexte.js";
import { controlerAvec } from "../controles/index.js";
import type { Controle, Marge } from "../modele.js";
import { euros } from "../format.js";
import { apparier, borne, CONTROLES_LIES, parCle, type Borne, type Paire } from "./bornes.js";
import { nomFinanceur } from "./financeurs.js";
import { variations, type PlanVarie } from "./plan-varie.js";

/** Cent steps tried around the analytic bound before a bisection (rounding moves it by a few cents). */
const PAS_MAX = 8;

type LimitePar = NonNullable<Marge["limite_par"]>;

const IDS_LIES: ReadonlySet<string> = new Set(CONTROLES_LIES.map((k) => k.id));

function limitePar(k: Controle): LimitePar {
  return { controle: k.controle, portee: k.portee, source: k.source };
}

/** Room left for every public line of the plan (none without a plan). */
export function calculerMarges(c: ContexteControles, controles: Controle[]): Marge[] {
  if (!c.fiche.financements) return [];
  const equilibre = controles.find((k) => k.controle === "equilibre");
  // A balanced plan with its own autofinancement line: the controls already run are those of the
  // line at its amount, one of the two points each bound is drawn from.
  const base =
    equilibre?.conforme === true && c.lignes.some((l) => l.financeur === "autofinancement")
      ? controles.filter((k) => IDS_LIES.has(k.controle))
      : null;
  const varier = variations(c);
  return c.lignes
    .filter((l) => !l.prive && l.regime !== "fiscal")
    .map((l) => {
      const { maximum, limite } = maximumDe(varier(l), equilibre, base);
      const nommee = c.fiche.financements![l.index].depenses;
      const dispositif = l.dispositif && l.dispositif.id !== l.financeur ? l.dispositif.id : null;
      return {
        ligne: l.index + 1,
        financeur: l.financeur,
        nom: nomFinanceur({ financeur: l.financeur, dispositif }, c.ref),
        dispositif,
        depense: nommee?.length === 1 ? nommee[0] : null,
        demande: l.montant,
        maximum,
        marge: maximum === null ? null : maximum.minus(l.montant),
        limite_par: limite,
      };
    });
}

function maximumDe(
  p: PlanVarie,
  equilibre: Controle | undefined,
  base: Controle[] | null,
): { maximum: Dec | null; limite: LimitePar | null } {
  // Self-financing never goes below zero: the plan's balance bounds every line.
  const parEquilibre: LimitePar = equilibre
    ? limitePar(equilibre)
    : { controle: "equilibre", portee: p.ligne.financeur, source: null };
  const haut = p.borneAutofinancement;
  if (haut.isNegative()) return { maximum: null, limite: parEquilibre };
  const essai = (x: Dec, definitions: readonly DefinitionControle[]) =>
    controlerAvec(definitions, p.contexte(x));
  // Two amounts of the line: its own (the controls already run) or 0, and the most self-financing allows.
  const demande = p.ligne.montant;
  const [x0, x1] = base && demande.lessThan(haut) ? [demande, haut] : [ZERO, haut];
  const essaye0 = x0.isZero() || !base;
  const a0 = essaye0 ? essai(x0, CONTROLES_LIES) : base;
  const a1 = haut.equals(x0) ? a0 : essai(x1, CONTROLES_LIES);
  // The controls whose figures the line moves: only they bound it, and only they are run again at
  // each amount tried. A control that fails whatever the line asks (works started, another expense)
  // does not bind it: `independants`.
  const bouges = new Set<string>();
  const deplaces: Paire[] = [];
  const independants = new Set<string>();
  for (const q of apparier(a0, a1)) {
    if (q.a && q.b && memesChiffres(q.a, q.b)) {
      if (q.a.conforme === false && q.b.conforme === false) independants.add(q.cle());
      continue;
    }
    bouges.add((q.a ?? q.b)!.controle);
    deplaces.push(q);
  }
  const suivis = CONTROLES_LIES.filter((k) => bouges.has(k.id));
  /** Of controls run at one amount, the first that fails, those failing whatever the line asks left out. */
  const premierRompu = (controles: Controle[]): Controle | null => {
    // Keyed only when some control fails whatever the line asks (the key tells it apart).
    if (independants.size === 0) return controles.find((y) => y.conforme === false) ?? null;
    for (const [c, y] of parCle(controles)) if (y.conforme === false && !independants.has(c)) return y;
    return null;
  };
  // One context per amount: the check of the controls not followed (below) reads the same one.
  const contextes = new Map<string, ContexteControles>();
  const contexteA = (x: Dec, cle: string): ContexteControles => {
    let c = contextes.get(cle);
    if (!c) contextes.set(cle, (c = p.contexte(x)));
    return c;
  };
  /**
   * The first of `definitions` the line breaks at `x`, or null: control by control, in their order, up
   * to the first that breaks (the ones after it would not change the answer; a control's keys name its
   * own checks only, so its ordinals are the same). Remembered by amount in `deja`: the search below
   * asks the same cent more than once, and the controls give the same answer each time.
   */
  // The key of the amount last asked: the search asks the same one several times in a row.
  let dernier: Dec | null = null;
  let derniereCle = "";
  const cleDe = (x: Dec): string => {
    if (x !== dernier) {
      dernier = x;
      derniereCle = x.toString();
    }
    return derniereCle;
  };
  const premierParmi =
    (definitions: readonly DefinitionControle[], deja: Map<string, Controle | null>) =>
    (x: Dec): Controle | null => {
      if (definitions.length === 0) return null;
      const cle = cleDe(x);
      const connu = deja.get(cle);
      if (connu !== undefined) return connu;
      const c = contexteA(x, cle);
      let k: Controle | null = null;
      for (const d of definitions) if ((k = premierRompu(d.controler(c)))) break;
      deja.set(cle, k);
      return k;
    };
  const deja = new Map<string, Controle | null>();
  const rompu = premierParmi(suivis, deja);
  // The amounts already tried with every control: their answer is known (the followed controls, in
  // the same order, are those of the full run whose figures the line moves).
  const suivisDe = (controles: Controle[]) => controles.filter((k) => bouges.has(k.controle));
  const cle1 = x1.toString();
  const cle0 = essaye0 ? x0.toString() : "";
  deja.set(cle1, premierRompu(suivisDe(a1)));
  if (essaye0) deja.set(cle0, premierRompu(suivisDe(a0)));

  // A control whose figures are the same at both amounts gives no bound (its slope is zero).
  const bornes: Borne[] = [];
  if (x1.greaterThan(x0))
    for (const q of deplaces) {
      const b = borne({ x: x0, controle: q.a }, { x: x1, controle: q.b });
      if (b) bornes.push(b);
    }
  const egalites = bornes.filter((b) => b.egalite);
  const inegalites = bornes.filter((b) => !b.egalite).sort((a, b) => a.montant.comparedTo(b.montant));
  let x = inegalites.length ? min(inegalites[0].montant, haut) : haut;
  if (x.isNegative()) return { maximum: null, limite: limitePar(inegalites[0].controle) };

  // An equality (parité) allows one amount: the maximum if the other controls allow it.
  for (const e of egalites) {
    if (e.montant.isNegative() || e.montant.greaterThan(x) || e.montant.decimalPlaces() > 2) {
      const k = e.montant.greaterThan(x) && inegalites.length ? inegalites[0].controle : e.controle;
      return { maximum: null, limite: limitePar(k) };
    }
    x = e.montant;
    const k = rompu(x);
    if (k) return { maximum: null, limite: limitePar(k) };
    return { maximum: x, limite: limitePar(e.controle) };
  }

  // Check to the cent with the controls themselves.
  let pas = 0;
  while (rompu(x) && pas < PAS_MAX && x.isPositive()) {
    x = x.minus(CENTIME);
    pas++;
  }
  if (rompu(x)) {
    if (rompu(ZERO)) return { maximum: null, limite: limitePar(rompu(ZERO)!) };
    x = dernierPossible(rompu, ZERO, x);
  }
  pas = 0;
  while (x.lessThan(haut) && !rompu(x.plus(CENTIME)) && pas < PAS_MAX) {
    x = x.plus(CENTIME);
    pas++;
  }
  // Far from the analytic bound (a grant equivalent a small share of its loan rounds by whole cents).
  if (x.lessThan(haut) && !rompu(x.plus(CENTIME))) x = rompu(haut) ? dernierPossible(rompu, x, haut) : haut;
  if (x.greaterThan(haut)) x = haut;

  // The controls with the same figures at the two amounts tried were not followed, but a share rounded
  // to the cent can still dip in between (a cofinancement on an expense of a cent: the line's share and
  // self-financing's both rounded down): the maximum is checked once with them too.
  const nonSuivis = CONTROLES_LIES.filter((k) => !bouges.has(k.id));
  const dejaPartout = new Map<string, Controle | null>();
  // The amounts already run with every control: their answer is known.
  const nonSuivisDe = (controles: Controle[]) => controles.filter((k) => !bouges.has(k.controle));
  dejaPartout.set(cle1, premierRompu(nonSuivisDe(a1)));
  if (essaye0) dejaPartout.set(cle0, premierRompu(nonSuivisDe(a0)));
  const rompuNonSuivi = premierParmi(nonSuivis, dejaPartout);
  const rompuPartout = (y: Dec): Controle | null => rompu(y) ?? rompuNonSuivi(y);
  pas = 0;
  while (rompuPartout(x) && pas < PAS_MAX && x.isPositive()) {
    x = x.minus(CENTIME);
    pas++;
  }
  if (rompuPartout(x)) {
    if (rompuPartout(ZERO)) return { maximum: null, limite: limitePar(rompuPartout(ZERO)!) };
    x = dernierPossible(rompuPartout, ZERO, x);
  }
  if (x.greaterThanOrEqualTo(haut)) return { maximum: haut, limite: parEquilibre };
  const k = rompuPartout(x.plus(CENTIME));
  return { maximum: x, limite: k ? limitePar(k) : parEquilibre };
}

/** Two runs of one control with the same figures (valeur and limite, null included). */
function memesChiffres(x: Controle, y: Controle): boolean {
  return egaux(x.valeur, y.valeur) && egaux(x.limite, y.limite);
}

function egaux(a: Dec | null, b: Dec | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

/** Between an amount the line breaks nothing at and one it does: the last possible cent, by halves. */
function dernierPossible(rompu: (x: Dec) => Controle | null, possible: Dec, rompt: Dec): Dec {
  let bas = BigInt(possible.times(100).toFixed(0));
  let h = BigInt(rompt.times(100).toFixed(0));
  while (h - bas > 1n) {
    const m = (bas + h) / 2n;
    if (rompu(new D(m.toString()).dividedBy(100))) h = m;
    else bas = m;
  }
  return new D(bas.toString()).dividedBy(100);
}

/**
 * A failing `cumul` or `plafond` says who must reduce, and by how much: each line it binds, with the
 * amount to take off that line alone (the other lines unchanged).
 */
export function direQuiDoitReduire(controles: Controle[], marges: Marge[]): void {
  for (const k of controles) {
    if (k.conforme !== false || (k.controle !== "cumul" && k.controle !== "plafond")) continue;
    const liees = marges.filter(
      (m) =>
        m.limite_par?.controle === k.controle &&
        m.limite_par.portee === k.portee &&
        m.marge !== null &&
        m.marge.isNegative(),
    );
    if (liees.length === 0) continue;
    const qui = liees.map(
      (m) =>
        `${m.nom} de ${euros(m.marge!.negated())} (financement n°${m.ligne}, ${euros(m.maximum!)} au plus)`,
    );
    k.message += ` Qui doit réduire : ${qui.join(", ou ")}${liees.length > 1 ? " (l’une de ces réductions, ou un partage entre ces lignes)" : ""}.`;
  }
}
