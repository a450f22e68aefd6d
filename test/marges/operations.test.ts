// The room left and the controls do fewer decimal operations (issue 20, s5-marges), and give the same
// figures: a slope of ±1 needs no division, a sum does not copy its first term.
import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ajouter, auMoinsZero, D, max, somme, ZERO, type Dec } from "../../src/core/argent.js";
import { borne } from "../../src/core/marges/bornes.js";
import { controlerAvec } from "../../src/core/controles/index.js";
import type { ContexteControles, DefinitionControle } from "../../src/core/controles/contexte.js";
import type { Controle } from "../../src/core/modele.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A plafond control with these figures (what `borne` reads: its name, valeur and limite). */
function plafond(valeur: Dec, limite: Dec): Controle {
  return { controle: "plafond", portee: "p", conforme: null, valeur, limite, message: "", source: null };
}

/** The bound as it was computed before (two divisions), for the comparison. */
function borneParDivisions(x0: Dec, x1: Dec, g0: Dec, g1: Dec): Dec | null {
  const pente = g1.minus(g0).dividedBy(x1.minus(x0));
  if (pente.isZero() || !pente.isPositive()) return null;
  return x0.minus(g0.dividedBy(pente)).toDecimalPlaces(2, D.ROUND_DOWN);
}

const centimes = (max: number) => fc.integer({ min: -max, max }).map((n) => new D(n).dividedBy(100));

describe("the bound of a control, slope ±1 without division", () => {
  test("a line counted one for one: 480 000 € of ceiling, no division", () => {
    // The README's chaufferie: ADEME asks 350 000 € (demand − ceiling = −130 000 €) and, at the most
    // self-financing allows (1 200 000 €), 1 200 000 − 480 000 = 720 000 € (fiche 8, l.912, l.914,
    // l.927: 60 % of 800 000 €): a slope of (720 000 + 130 000) / (1 200 000 − 350 000) = 1, the
    // ceiling reached at 350 000 + 130 000 = 480 000 €.
    const division = vi.spyOn(D.prototype, "dividedBy");
    const b = borne(
      { x: new D(350000), controle: plafond(new D(350000), new D(480000)) },
      { x: new D(1200000), controle: plafond(new D(1200000), new D(480000)) },
    );
    expect(b?.montant.toFixed(2)).toBe("480000.00");
    expect(b?.egalite).toBe(false);
    // Before: the slope (1) and the root were each a division to 40 digits.
    expect(division).not.toHaveBeenCalled();
  });

  test("the same bound as the two divisions, slopes ±1 or not (fast-check)", () => {
    fc.assert(
      fc.property(
        centimes(10 ** 9),
        fc.integer({ min: 1, max: 10 ** 9 }),
        centimes(10 ** 9),
        fc.oneof(fc.constant(1), fc.constant(-1), fc.integer({ min: -5, max: 5 })),
        centimes(10 ** 7),
        (a, ecart, g0, sens, bruit) => {
          const x0 = a;
          const x1 = a.plus(new D(ecart).dividedBy(100));
          // A rise equal to the run (±1), or the run scaled, or anything.
          const montee = sens === 1 || sens === -1 ? x1.minus(x0).times(sens) : bruit.times(sens);
          const g1 = g0.plus(montee);
          const b = borne({ x: x0, controle: plafond(g0, ZERO) }, { x: x1, controle: plafond(g1, ZERO) });
          const attendu = borneParDivisions(x0, x1, g0, g1);
          expect(b === null ? null : b.montant.toString()).toBe(attendu === null ? null : attendu.toString());
          if (b) expect(b.montant.isNegative()).toBe(attendu!.isNegative());
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("a sum without a copy of its first term", () => {
  test("the first term is itself, the sum is the same", () => {
    const x = new D("1234.56");
    // Before: ZERO.plus(x), a new Decimal.
    expect(somme([x])).toBe(x);
    expect(ajouter(ZERO, x)).toBe(x);
    expect(somme([x, new D("0.44")]).toString()).toBe("1235");
  });

  test("a zero term still goes through plus: +0, never −0 (a −0 reads as negative)", () => {
    const moinsZero = new D(-0);
    expect(moinsZero.isNegative()).toBe(true);
    expect(ajouter(ZERO, moinsZero).isNegative()).toBe(false);
    expect(somme([moinsZero]).isNegative()).toBe(false);
    expect(ajouter(ZERO, ZERO)).not.toBe(ZERO);
  });

  test("the same value and sign as plus, whatever the terms (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(centimes(10 ** 12), { maxLength: 6 }), (xs) => {
        let attendu = ZERO;
        for (const x of xs) attendu = attendu.plus(x);
        const s = somme(xs);
        expect(s.toString()).toBe(attendu.toString());
        expect(s.isNegative()).toBe(attendu.isNegative());
      }),
      { numRuns: 300 },
    );
  });
});

describe("the cumul's intensity ceiling without taux_max: max(x, 0) without a comparison", () => {
  test("the same as max(x, ZERO), object and sign included, and no comparison made (fast-check)", () => {
    const comparaison = vi.spyOn(D.prototype, "greaterThan");
    const xs = [new D(-0), new D(0), ZERO, new D("-0.01"), new D("480000")];
    fc.assert(
      fc.property(fc.oneof(centimes(10 ** 12), fc.constantFrom(...xs)), (x) => {
        comparaison.mockClear();
        const y = auMoinsZero(x);
        expect(comparaison).not.toHaveBeenCalled();
        const attendu = max(x, ZERO);
        expect(y).toBe(attendu);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the controls of a run gathered by a loop, not flatMap", () => {
  test("every control each definition finds, in the definitions' order, then in each one's", () => {
    const k = (portee: string) => ({ ...plafond(ZERO, ZERO), portee });
    const definitions = [
      { id: "plafond", nom: "a", controler: () => [k("a1"), k("a2")] },
      { id: "cumul", nom: "b", controler: () => [] },
      { id: "de_minimis", nom: "c", controler: () => [k("c1")] },
    ] as DefinitionControle[];
    const c = {} as ContexteControles;
    expect(controlerAvec(definitions, c).map((x) => x.portee)).toEqual(["a1", "a2", "c1"]);
    expect(controlerAvec(definitions, c)).toEqual(definitions.flatMap((d) => d.controler(c)));
  });
});
