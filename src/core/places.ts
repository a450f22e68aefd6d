// Where each value of a read document stands (its line), kept without the document: built by the yaml
// reader (document.ts) and by the plain reader (document-simple.ts), read by `ligneDe`.

/**
 * Where a value of the document stands: a scalar (or an alias) by its line; a block or a list by its
 * line and its entries' — each map entry with its key's line. Built once from the parsed document, it
 * answers as the document's getIn would (aliases are not followed, a list's index may be written as
 * a number or its digits), without keeping the document. Kept small (`verifier` keeps one per file):
 * flat arrays rather than a Map per block (3,3 → 0,8 Ko per fiche, issue 20), keys shared between files.
 */
export type Place = number | undefined | Bloc | Liste;

/** A map: its line, then per key (the first of equal keys, as getIn finds it): key, key's line, value's place. */
export class Bloc {
  constructor(
    readonly ligne: number | undefined,
    readonly entrees: unknown[],
  ) {}

  /** The entry of this key: the index of its key in `entrees`, or -1. */
  indexDe(cle: unknown): number {
    return indexDeCle(this.entrees, cle);
  }
}

/** As a Map finds a key (SameValueZero): `===`, and NaN finds NaN. */
function indexDeCle(entrees: readonly unknown[], cle: unknown): number {
  for (let i = 0; i < entrees.length; i += 3) {
    const k = entrees[i];
    if (k === cle || (k !== k && cle !== cle)) return i;
  }
  return -1;
}

export class Liste {
  constructor(
    readonly ligne: number | undefined,
    readonly elements: Place[],
  ) {}
}

/** One copy of each key text seen (fiches repeat the same few dozen keys); bounded, a file of odd keys stays small. */
const clesPartagees = new Map<string, string>();
const CLES_PARTAGEES_MAX = 2_000;
export function partager(cle: unknown): unknown {
  if (typeof cle !== "string") return cle;
  const connue = clesPartagees.get(cle);
  if (connue !== undefined) return connue;
  if (clesPartagees.size < CLES_PARTAGEES_MAX) clesPartagees.set(cle, cle);
  return cle;
}
