// What the schemas of a fiche do beyond types, as named functions without zod: the readings of an
// amount, a number or a signed fraction, and the tests of a rate, a whole number, a SIREN, a date.
// The zod schemas call them (communs.ts, fiche.ts, parametres.ts), and so does the fiche's generated
// validator (validation-fiche.generee.ts), which must not load zod: the code is written once.
import { lireMontant, lireNombre, type Dec } from "../argent.js";
import { estDateValide } from "../dates.js";

export { estDateValide, lireMontant, lireNombre };

/** A reading: the value, or the message that says what to write instead. */
export type Lecture<T> = { ok: true; valeur: T } | { ok: false; message: string };

/** A signed fraction (an expected return may be negative). */
export function lireFractionSignee(v: unknown): Lecture<Dec> {
  const negatif = typeof v === "string" ? v.trim().startsWith("-") : typeof v === "number" && v < 0;
  const r = lireNombre(
    typeof v === "string" ? v.trim().replace(/^-/, "") : typeof v === "number" ? Math.abs(v) : v,
  );
  if (!r.ok) return r;
  return { ok: true, valeur: negatif ? r.valeur.negated() : r.valeur };
}

/** A rate is a fraction at most 1. */
export function estTaux(d: Dec): boolean {
  return d.lessThanOrEqualTo(1);
}

export function estEntier(d: Dec): boolean {
  return d.isInteger();
}

/** A SIREN as written (text or number), without its spaces. */
export function sirenSansEspaces(v: string | number): string {
  return String(v).replace(/[\s\u00a0\u202f]/g, "");
}

/** SIREN: 9 digits with a valid Luhn key. */
export function sirenValide(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  let total = 0;
  for (let i = 0; i < 9; i++) {
    let c = Number(s[8 - i]);
    if (i % 2 === 1) {
      c *= 2;
      if (c > 9) c -= 9;
    }
    total += c;
  }
  return total % 10 === 0;
}
