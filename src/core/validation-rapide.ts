// What the generated validator of a fiche (validation-fiche.generee.ts, written from the zod schema by
// schemas/generateur-validation.ts) needs at run time, without zod. The validator accepts only what zod
// accepts and builds the same output; whatever it is not sure of gives RENDU, and the caller asks zod
// (validation.ts), which decides and words the messages.

/** "Not sure: ask zod." */
export const RENDU: unique symbol = Symbol("rendu à zod");

/** A block of fields as a parser gives it: a plain object (zod's answer for anything else may differ). */
export function estBloc(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The block's fields, "__proto__" written as data included. */
export function nombreDeCles(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/** A text of at least `min` code points, as zod counts: false when not sure (between min and 2·min
 *  UTF-16 units, a letter outside the BMP being two units and one code point). */
export function texteAuMoins(s: unknown, min: number): boolean {
  return typeof s === "string" && (s.length >= 2 * min || (min <= 1 && s.length >= min));
}
