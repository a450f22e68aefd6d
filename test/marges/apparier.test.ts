// Pairing the controls of two runs (marges/bornes.ts): by position when both runs name the same checks in
// the same order, by key otherwise — always the pairs, and the keys, that parCle gives (issue 20, s4-marges).
import { describe, expect, test } from "vitest";
import { apparier, parCle } from "../../src/core/marges/bornes.js";
import type { Controle } from "../../src/core/modele.js";
import { D } from "../../src/core/argent.js";

const k = (controle: Controle["controle"], portee: string, valeur: number, reglement?: string): Controle => ({
  controle,
  portee,
  conforme: true,
  valeur: new D(valeur),
  limite: new D(0),
  message: "",
  source: null,
  ...(reglement ? { reglement } : {}),
});

/** The pairs as parCle makes them: each key of either run, in order, with its control in each. */
function parCles(a: Controle[], b: Controle[]) {
  const ca = parCle(a);
  const cb = parCle(b);
  return [...new Set([...ca.keys(), ...cb.keys()])].map((cle) => ({ cle, a: ca.get(cle), b: cb.get(cle) }));
}

const lues = (a: Controle[], b: Controle[]) => apparier(a, b).map((q) => ({ cle: q.cle(), a: q.a, b: q.b }));

describe("apparier", () => {
  test("the same checks in the same order, one scope twice (ordinals) and two regulations", () => {
    const a = [
      k("plafond", "ademe / d1", 1),
      k("cumul", "d1", 2),
      k("cumul", "d1", 3),
      k("de_minimis", "X", 4, "2023/2831"),
      k("de_minimis", "X", 5, "2023/2832"),
    ];
    const b = a.map((x, i) => ({ ...x, valeur: new D(10 + i) }));
    const paires = lues(a, b);
    expect(paires).toEqual(parCles(a, b));
    // Position by position: the second cumul of one run with the second of the other.
    expect(paires.map((q) => q.cle)).toEqual([
      "plafond|ademe / d1||0",
      "cumul|d1||0",
      "cumul|d1||1",
      "de_minimis|X|2023/2831|0",
      "de_minimis|X|2023/2832|0",
    ]);
    expect(paires[2].b!.valeur!.toNumber()).toBe(12);
  });

  test("a check present in one run only, or in another order: paired by key", () => {
    const a = [k("plafond", "p", 1), k("cumul", "d1", 2)];
    const b = [k("cumul", "d1", 3), k("plafond", "p", 4), k("cofinancement", "e / d1", 5)];
    const paires = lues(a, b);
    expect(paires).toEqual(parCles(a, b));
    expect(paires.map((q) => [q.cle, q.a?.valeur?.toNumber(), q.b?.valeur?.toNumber()])).toEqual([
      ["plafond|p||0", 1, 4],
      ["cumul|d1||0", 2, 3],
      ["cofinancement|e / d1||0", undefined, 5],
    ]);
  });

  test("the same scope under another regulation is another check", () => {
    const a = [k("de_minimis", "X", 1, "2023/2831")];
    const b = [k("de_minimis", "X", 2, "1407/2013")];
    expect(lues(a, b)).toEqual(parCles(a, b));
    expect(apparier(a, b)).toHaveLength(2);
  });
});
