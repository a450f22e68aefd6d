// Calendar dates as ISO strings "AAAA-MM-JJ": they compare as text, and carry no time zone.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function estDateValide(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [a, mo, j] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(a, mo - 1, j));
  return d.getUTCFullYear() === a && d.getUTCMonth() === mo - 1 && d.getUTCDate() === j;
}

function versDate(s: string): Date {
  const [a, m, j] = s.split("-").map(Number);
  return new Date(Date.UTC(a, m - 1, j));
}
function versIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds whole months; the 31st of a shorter month falls back to its last day. */
export function ajouterMois(s: string, mois: number): string {
  const [a, m, j] = s.split("-").map(Number);
  const total = a * 12 + (m - 1) + mois;
  const an = Math.floor(total / 12);
  const mo = total % 12;
  const dernier = new Date(Date.UTC(an, mo + 1, 0)).getUTCDate();
  return versIso(new Date(Date.UTC(an, mo, Math.min(j, dernier))));
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
