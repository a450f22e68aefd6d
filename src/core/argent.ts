// Money and rates: decimal.js only, never JS floats (DEVELOPERS: "Money is decimal.js").
import { Decimal } from "decimal.js";

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
/** The smallest step of an amount: a ceiling is reached to the cent, one cent more breaks it. */
export const CENTIME = new D("0.01");

/** Largest amount accepted: beyond it an input is a typo, not a project. */
export const MONTANT_MAX = new D("999999999999.99");

/** A ceiling must never be exceeded by rounding: truncated to the cent (docs/domaine.md §0). */
export function tronquerCentime(x: Dec): Dec {
  // Already to the cent (a rate of two decimals times whole euros, often): itself, not a copy (issue 20).
  return x.decimalPlaces() <= 2 ? x : x.toDecimalPlaces(2, D.ROUND_DOWN);
}

/** Derived amounts (pro rata shares): half-up to the cent (docs/domaine.md §0). */
export function arrondirCentime(x: Dec): Dec {
  return x.decimalPlaces() <= 2 ? x : x.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

export function min(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}
export function max(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}
/** max(x, ZERO), the same object, read from the sign: a comparison copies its argument (decimal.js). */
export function auMoinsZero(x: Dec): Dec {
  return x.isPositive() && !x.isZero() ? x : ZERO;
}
export function somme(xs: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const x of xs) s = ajouter(s, x);
  return s;
}
/**
 * somme(xs.map(f)) without the array: made by `map` in optimized code, it is holey, and `somme`, compiled
 * on the packed arrays of the first fiches, was deoptimized and compiled again (issue 20).
 */
export function sommeDe<T>(xs: readonly T[], f: (x: T) => Dec): Dec {
  let s = ZERO;
  for (const x of xs) s = ajouter(s, f(x));
  return s;
}

/**
 * s + x. A sum's first term (s the ZERO constant, x not zero) is x itself: ZERO.plus(x) would only copy
 * it (every Dec has at most the 40 digits of D: nothing to round). A zero x still goes through `plus`,
 * which gives +0 (a −0 would read as negative). The controls sum at every amount the room left tries.
 */
export function ajouter(s: Dec, x: Dec): Dec {
  return s === ZERO && !x.isZero() ? x : s.plus(x);
}

/** JSON form of an amount: "480000.00". */
export function montantJson(x: Dec | null | undefined): string | null {
  return x == null ? null : x.toFixed(2);
}
/** JSON form of a rate: "0.6000". */
export function tauxJson(x: Dec | null | undefined): string | null {
  return x == null ? null : x.toFixed(4);
}

const ESPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * "350.000", "1.200.000": a dot before exactly three digits, no comma. A French thousands separator
 * or an English decimal point? 350 000 € or 350 €: never guessed (docs/interface.md « Lire ce que contient un tableur »).
 * Zero is zero either way.
 */
function estAmbigu(texte: string): boolean {
  return /^-?\d{1,3}(\.\d{3})+$/.test(texte) && /[1-9]/.test(texte);
}

function ambigu(ecrit: string): string {
  const entier = ecrit.replace(/[^\d-]/g, "");
  const groupe = entier.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const sens = ecrit.split(".").length === 2 ? ` (${groupe} € ou ${ecrit.split(".")[0]} € ?)` : "";
  return `montant « ${ecrit} » ambigu${sens} : écrivez ${entier} ou ${groupe}, et les centimes après une virgule (${groupe},50)`;
}

/** Thousands separators of a simple amount (montantSimple): a subset of ESPACES. */
function estEspace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/**
 * The digits of the amounts most cells hold — digits with thousands spaces, then at most two decimals
 * after a comma or a point, then "€" — read without regular expressions (every row of `lot` reads
 * several amounts): "1 148 300,00 €" → "1148300.00". null for any other form, which lireMontant reads
 * by its general rule; this one reads the same number from the same digits.
 */
function montantSimple(v: string): string | null {
  let texte = "";
  let debut = 0; // start of the digits not yet copied
  let entiers = 0;
  let decimales = -1; // -1: no separator yet
  let euro = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (euro) return null;
      if (decimales < 0) entiers++;
      else if (++decimales > 2) return null;
    } else if (estEspace(c)) {
      texte += v.slice(debut, i);
      debut = i + 1;
    } else if ((c === 0x2c || c === 0x2e) && decimales < 0 && entiers > 0 && !euro) {
      texte += v.slice(debut, i) + ".";
      debut = i + 1;
      decimales = 0;
    } else if (c === 0x20ac && !euro && entiers > 0) {
      texte += v.slice(debut, i);
      debut = i + 1;
      euro = true;
    } else return null;
  }
  if (entiers === 0 || decimales === 0) return null;
  return euro ? texte : texte + v.slice(debut);
}

/**
 * Whole numbers of at most this many digits are built by decimal.js from a number without reading
 * text (its fast path for one digit group): the same Decimal as from their digits, at a fraction of
 * the cost (issue 20).
 */
const CHIFFRES_RAPIDES = 7;

/**
 * The value of a text of ASCII digits ("583700", "1148300.00") when whole — its decimals, if any, all
 * zeros — and of at most CHIFFRES_RAPIDES digits before them; else -1 (the text is read as usual).
 */
function entierRapide(texte: string): number {
  let n = 0;
  let i = 0;
  for (; i < texte.length; i++) {
    const c = texte.charCodeAt(i) - 0x30;
    if (c === -2) break; // "."
    if (c < 0 || c > 9 || i === CHIFFRES_RAPIDES) return -1;
    n = n * 10 + c;
  }
  if (i === 0 || i === texte.length - 1) return -1; // no digit before the point, or none after it
  for (i++; i < texte.length; i++) if (texte.charCodeAt(i) !== 0x30) return -1;
  return n;
}

/** Integer digits of at most this many are below MONTANT_MAX: no comparison needed. */
const CHIFFRES_SOUS_LE_MAXIMUM = MONTANT_MAX.truncated().toFixed().length - 1;

/**
 * Reads an amount written by a person: a number, "1234.56", "1 234,56 €", "1 234 567,8".
 * Returns a message (French) when it is not an amount.
 */
export function lireMontant(v: unknown): { ok: true; valeur: Dec } | { ok: false; message: string } {
  if (typeof v === "string") {
    const simple = montantSimple(v);
    if (simple !== null) {
      // Most amounts: whole euros of at most CHIFFRES_RAPIDES digits (far below MONTANT_MAX), from a number.
      const n = entierRapide(simple);
      if (n >= 0) return { ok: true, valeur: new D(n) };
      const d = new D(simple);
      const point = simple.indexOf(".");
      // beyond the largest amount: the general rule says so
      if ((point < 0 ? simple.length : point) <= CHIFFRES_SOUS_LE_MAXIMUM || !d.greaterThan(MONTANT_MAX))
        return { ok: true, valeur: d };
    }
  }
  let texte: string;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, message: "le montant n'est pas un nombre fini" };
    texte = String(v);
  } else if (typeof v === "bigint") {
    texte = v.toString();
  } else if (typeof v === "string") {
    texte = v
      .replace(ESPACES, "")
      .replace(/€$/, "")
      .replace(/eur(os?)?$/i, "");
    if (/^-?\d+,\d+$/.test(texte)) texte = texte.replace(",", ".");
    else if (estAmbigu(texte)) return { ok: false, message: ambigu(v.trim()) };
    if (!/^-?\d+(\.\d+)?$/.test(texte)) {
      return {
        ok: false,
        message: `« ${v} » n'est pas un montant (exemples acceptés : 1200000, 1 200 000,50 €)`,
      };
    }
  } else {
    return { ok: false, message: "un montant est attendu (nombre ou texte comme « 1 200 000,50 € »)" };
  }
  let d: Dec;
  try {
    d = new D(texte);
  } catch {
    return { ok: false, message: `« ${String(v)} » n'est pas un montant` };
  }
  if (!d.isFinite()) return { ok: false, message: "le montant n'est pas un nombre fini" };
  if (d.isNegative() && !d.isZero())
    return { ok: false, message: `le montant ${String(v)} est négatif : un montant est positif ou nul` };
  // Decimals as written: "1200.000" is no more precise than 1200, but whoever wrote it meant something.
  if (d.decimalPlaces() > 2 || (/\.\d{3,}$/.test(texte) && !d.isZero()))
    return {
      ok: false,
      message: `le montant ${String(v)} a plus de deux décimales : arrondissez au centime`,
    };
  if (d.greaterThan(MONTANT_MAX))
    return {
      ok: false,
      message: `le montant ${String(v)} dépasse ${MONTANT_MAX.toFixed(2)} € : vérifiez le nombre de chiffres`,
    };
  return { ok: true, valeur: d };
}

/**
 * Reads a non-negative number that is not money (a rate as a fraction, a headcount, a duration):
 * 0.5, "0,5", "50 %" (a percent sign divides by 100).
 */
export function lireNombre(v: unknown): { ok: true; valeur: Dec } | { ok: false; message: string } {
  if (typeof v === "string") {
    // A headcount or a duration as most cells hold it ("120"): the same Decimal, from a number.
    const n = entierRapide(v);
    if (n >= 0) return { ok: true, valeur: new D(n) };
  }
  let texte: string;
  let pourcent = false;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, message: "la valeur n'est pas un nombre fini" };
    texte = String(v);
  } else if (typeof v === "bigint") {
    texte = v.toString();
  } else if (typeof v === "string") {
    texte = v.replace(ESPACES, "");
    if (texte.endsWith("%")) {
      pourcent = true;
      texte = texte.slice(0, -1);
    }
    texte = texte.replace(",", ".");
    if (!/^-?\d+(\.\d+)?$/.test(texte)) return { ok: false, message: `« ${v} » n'est pas un nombre` };
  } else {
    return { ok: false, message: "un nombre est attendu" };
  }
  let d = new D(texte);
  if (!d.isFinite()) return { ok: false, message: "la valeur n'est pas un nombre fini" };
  if (d.isNegative() && !d.isZero()) return { ok: false, message: `la valeur ${String(v)} est négative` };
  if (d.greaterThan(MONTANT_MAX)) return { ok: false, message: `la valeur ${String(v)} est trop grande` };
  if (pourcent) d = d.dividedBy(100);
  return { ok: true, valeur: d };
}

/**
 * Shares `total` between weights, half-up to the cent, and exact: the shares add up to the total
 * to the cent (the remainder cents go to the largest fractional parts). Zero weights everywhere:
 * equal shares.
 */
export function repartir(total: Dec, poids: Dec[]): Dec[] {
  if (poids.length === 0) return [];
  // One share: the whole total, as the steps below give it for an amount in cents (most lines finance
  // one expense, and every row of `lot` has one).
  if (poids.length === 1 && total.decimalPlaces() <= 2) return [total];
  let w = poids;
  let somme_ = somme(w);
  if (somme_.isZero()) {
    w = poids.map(() => new D(1));
    somme_ = new D(poids.length);
  }
  const centimes = total.times(100);
  const exactes = w.map((p) => centimes.times(p).dividedBy(somme_));
  const bas = exactes.map((x) => x.floor());
  let reste = centimes.minus(somme(bas)).toNumber();
  const ordre = exactes
    .map((x, i) => ({ i, frac: x.minus(bas[i]) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (const { i } of ordre) {
    if (reste <= 0) break;
    bas[i] = bas[i].plus(1);
    reste--;
  }
  return bas.map((c) => c.dividedBy(100));
}
