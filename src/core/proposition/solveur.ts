// The linear programme of a proposed plan, and the one place that calls the LP solver. The solver
// works in floating point: its answer is a guide that proposer.ts rounds down to the cent and checks
// with the exact controls, never a figure printed as such.
//
// Why yalps (0.6.4, pinned): pure JavaScript, synchronous, no I/O — acceptable in the pure core —,
// ES module with types, 61 kB packed (one small dependency, heap), runs on Node 20; a rewrite of
// javascript-lp-solver, which is ~2,4 MB unpacked for the same simplex. highs (WASM, ~4 MB) is the
// more exact solver, but it loads its WASM asynchronously, which the synchronous core cannot do; the
// programmes here have a handful of variables, and exactness comes from the decimal.js controls.
import { solve, type Constraint } from "yalps";

/** Σ coefficients[i] × x[i] within the bounds. */
export interface Contrainte {
  cle: string;
  coefficients: number[];
  min?: number;
  max?: number;
}

export interface Programme {
  /** Number of variables, all ≥ 0. */
  n: number;
  contraintes: Contrainte[];
}

/**
 * Lexicographic maximum: first the sum of all variables (the public aid), then each variable in its
 * order (ties broken in the order the financers are listed). Each later stage keeps the earlier
 * optima, less a tolerance (under a tenth of a cent) for the solver rounding. Null: no feasible point.
 */
export function maximiserLexicographique(p: Programme): number[] | null {
  const objectifs: number[][] = [
    Array.from({ length: p.n }, () => 1),
    ...Array.from({ length: p.n }, (_, i) => Array.from({ length: p.n }, (_, j) => (i === j ? 1 : 0))),
  ];
  const acquis: Contrainte[] = [];
  let x: number[] | null = null;
  for (const [etape, objectif] of objectifs.entries()) {
    const r = resoudre(p, [...p.contraintes, ...acquis], objectif);
    if (!r) return x;
    x = r.x;
    // Well under a cent, so that a later stage cannot trade an earlier financer's cents for its own.
    const tolerance = Math.min(1e-4, 1e-9 * Math.max(1, Math.abs(r.valeur)));
    acquis.push({ cle: `objectif_${etape}`, coefficients: objectif, min: r.valeur - tolerance });
  }
  return x;
}

function resoudre(
  p: Programme,
  contraintes: Contrainte[],
  objectif: number[],
): { x: number[]; valeur: number } | null {
  const bornes = new Map<string, Constraint>();
  for (const c of contraintes) bornes.set(c.cle, { min: c.min, max: c.max });
  const variables = Array.from({ length: p.n }, (_, i) => {
    const coefs = new Map<string, number>([["objectif", objectif[i]]]);
    for (const c of contraintes) if (c.coefficients[i] !== 0) coefs.set(c.cle, c.coefficients[i]);
    return [`x${i}`, coefs] as const;
  });
  const s = solve(
    { direction: "maximize", objective: "objectif", constraints: bornes, variables },
    { includeZeroVariables: true },
  );
  if (s.status !== "optimal") return null;
  const valeurs = new Map(s.variables);
  return {
    x: Array.from({ length: p.n }, (_, i) => Math.max(0, valeurs.get(`x${i}`) ?? 0)),
    valeur: s.result,
  };
}
