// French formatting of amounts and rates for messages and tables: "480 000,00 €", "60 %".
import type { Dec } from "./argent.js";

export function euros(d: Dec): string {
  const [ent, dec] = d.toFixed(2).split(".");
  return `${ent.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")},${dec}\u00a0€`;
}

export function pourcent(d: Dec): string {
  const p = d.times(100);
  return `${p.isInteger() ? p.toFixed(0) : p.toDecimalPlaces(2).toString().replace(".", ",")}\u00a0%`;
}
