// French formatting of amounts and rates for messages and tables: "480 000,00 €", "60 %".
import type { Dec } from "./argent.js";

/** Thousands separated by a no-break space; written by hand, it is called for every message. */
export function euros(d: Dec): string {
  const texte = d.toFixed(2);
  const signe = texte[0] === "-" ? "-" : "";
  const entier = texte.slice(signe.length, -3);
  let groupes = entier.slice(0, entier.length % 3 || 3);
  for (let i = groupes.length; i < entier.length; i += 3) groupes += "\u00a0" + entier.slice(i, i + 3);
  return `${signe}${groupes},${texte.slice(-2)}\u00a0€`;
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

export function pourcent(d: Dec): string {
  const p = d.times(100);
  return `${p.isInteger() ? p.toFixed(0) : p.toDecimalPlaces(2).toString().replace(".", ",")}\u00a0%`;
}
