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

export function pourcent(d: Dec): string {
  const p = d.times(100);
  return `${p.isInteger() ? p.toFixed(0) : p.toDecimalPlaces(2).toString().replace(".", ",")}\u00a0%`;
}
