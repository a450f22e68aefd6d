// Calendar dates as ISO strings "AAAA-MM-JJ": they compare as text, and carry no time zone.

const JOURS_DU_MOIS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const bissextile = (an: number) => (an % 4 === 0 && an % 100 !== 0) || an % 400 === 0;
const joursDuMois = (an: number, mois0: number) =>
  mois0 === 1 && bissextile(an) ? 29 : JOURS_DU_MOIS[mois0];

/** A day of the calendar, years 0100 to 9999 (Date reads 0000–0099 as 1900–1999: refused, as before). */
export function estDateValide(s: string): boolean {
  // "AAAA-MM-JJ" read by its character codes, not a regular expression: every date of every row of
  // `lot` is checked twice (its cell, then the fiche), and most of them at the start (issue 20).
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d)
    return false;
  const a = nombreEcrit(s, 0, 4);
  const mo = nombreEcrit(s, 5, 7);
  const j = nombreEcrit(s, 8, 10);
  return a >= 100 && mo >= 1 && mo <= 12 && j >= 1 && j <= joursDuMois(a, mo - 1);
}

/** The number the ASCII digits from `debut` to `fin` write; -1 if one is not a digit. */
function nombreEcrit(s: string, debut: number, fin: number): number {
  let n = 0;
  for (let i = debut; i < fin; i++) {
    const c = s.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function versDate(s: string): Date {
  const [a, m, j] = s.split("-").map(Number);
  return new Date(Date.UTC(a, m - 1, j));
}
function versIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const deuxChiffres = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Adds whole months; the 31st of a shorter month falls back to its last day. In plain arithmetic (no
 * Date, no toISOString): read for every dated figure of every evaluation (actualite.ts), it weighed
 * 17 % of a library call (issue 20). Years outside 100–9999 keep what Date makes of them.
 */
export function ajouterMois(s: string, mois: number): string {
  const [a, m, j] = s.split("-").map(Number);
  const total = a * 12 + (m - 1) + mois;
  const an = Math.floor(total / 12);
  const mo = total % 12;
  const dernier = joursDuMois(an, mo);
  if (an < 100 || an > 9999) return versIso(new Date(Date.UTC(an, mo, Math.min(j, dernier))));
  return `${String(an).padStart(4, "0")}-${deuxChiffres(mo + 1)}-${deuxChiffres(Math.min(j, dernier))}`;
}

export function ajouterAnnees(s: string, annees: number): string {
  return ajouterMois(s, annees * 12);
}

export function ajouterJours(s: string, jours: number): string {
  const d = versDate(s);
  d.setUTCDate(d.getUTCDate() + jours);
  return versIso(d);
}

export function aujourdhui(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "2019-06-01" → "01/06/2019", for French messages. */
export function dateFr(s: string): string {
  const [a, m, j] = s.split("-");
  return `${j}/${m}/${a}`;
}
