// The JSON output's figures (amounts as "350000.00", rates as "0.6000", dates as "2019-06-01") in
// French: "350 000,00 €", "60 %", "01/06/2019" — the same writing as the table (core/format.ts).
import { D, type Dec } from "../../core/argent.js";
import { dateFr } from "../../core/dates.js";
import { euros, pourcent } from "../../core/format.js";

export { dateFr };

export function montant(json: string | null | undefined): string {
  return json === null || json === undefined ? "—" : euros(new D(json));
}

export function taux(json: string | null | undefined): string {
  return json === null || json === undefined ? "—" : pourcent(new D(json));
}

export function dec(json: string): Dec {
  return new D(json);
}

/** A share of a total as a rate, for a chart or a table; null when the total is zero. */
export function part(x: Dec, total: Dec): Dec | null {
  return total.isZero() ? null : x.dividedBy(total);
}
