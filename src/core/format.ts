// French formatting of amounts and rates for messages and tables: "480 000,00 €", "60 %".
import type { Dec } from "./argent.js";

/**
 * Thousands separated by a no-break space; written by hand, it is called for every message. An amount
 * to the cent (all but a few) is read from its own digits: toFixed(2) would build a rounded copy first
 * (issue 20).
 */
export function euros(d: Dec): string {
  let texte = d.isFinite() && d.decimalPlaces() <= 2 ? d.toString() : d.toFixed(2);
  if (texte.includes("e")) texte = d.toFixed(2); // toString writes 1e+21 and beyond in exponent form
  const signe = texte[0] === "-" ? "-" : "";
  const point = texte.indexOf(".");
  const entier = point < 0 ? texte.slice(signe.length) : texte.slice(signe.length, point);
  const centimes = point < 0 ? "00" : texte.slice(point + 1).padEnd(2, "0");
  let groupes = entier.slice(0, entier.length % 3 || 3);
  for (let i = groupes.length; i < entier.length; i += 3) groupes += "\u00a0" + entier.slice(i, i + 3);
  return `${signe}${groupes},${centimes}\u00a0€`;
}

/**
 * A whole number ≥ 0 as Intl.NumberFormat("fr-FR") writes it ("250 000", narrow no-break space), by
 * hand: the first Intl.NumberFormat of a process costs V8 a scan of every ICU locale, ~22 % of a
 * `simuler` (docs/performance.md, issue 20) — and the limits' messages are built at every start.
 */
export function entierFr(n: number): string {
  const chiffres = String(n);
  let texte = chiffres.slice(0, chiffres.length % 3 || 3);
  for (let i = texte.length; i < chiffres.length; i += 3) texte += "\u202f" + chiffres.slice(i, i + 3);
  return texte;
}

/**
 * "60 %", "5,5 %": the rate times 100, at most two decimals (half-up). A rate of at most four decimals
 * (all those of the rules) is written by moving its decimal point, without a Decimal product (issue 20).
 */
export function pourcent(d: Dec): string {
  const p = centuple(d, ",");
  return `${p ?? pourcentCalcule(d)}\u00a0%`;
}

/** A bonus in points, exactly: 0.15 → "15", 0.055 → "5.5". */
export function points(d: Dec): string {
  return centuple(d, ".") ?? d.times(100).toString();
}

/**
 * `d` × 100 written by moving the decimal point of its digits, `virgule` before the decimals; null
 * beyond four decimals (pourcent would round), for a negative or non-finite `d`, or in exponent form.
 */
function centuple(d: Dec, virgule: string): string | null {
  if (!d.isFinite() || d.isNegative() || d.decimalPlaces() > 4) return null;
  const texte = d.toString();
  if (texte.includes("e")) return null;
  const point = texte.indexOf(".");
  const decimales = point < 0 ? "" : texte.slice(point + 1);
  let chiffres = (point < 0 ? texte : texte.slice(0, point)) + decimales.slice(0, 2).padEnd(2, "0");
  let zeros = 0;
  while (zeros < chiffres.length - 1 && chiffres[zeros] === "0") zeros++;
  chiffres = chiffres.slice(zeros);
  const reste = decimales.slice(2); // toString writes no trailing zero
  return reste ? `${chiffres}${virgule}${reste}` : chiffres;
}

function pourcentCalcule(d: Dec): string {
  const p = d.times(100);
  return p.isInteger() ? p.toFixed(0) : p.toDecimalPlaces(2).toString().replace(".", ",");
}
