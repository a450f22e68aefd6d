// "Vouliez-vous dire …?": the closest known word to a misspelt one.

export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prec = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cour = [i];
    for (let j = 1; j <= n; j++) {
      cour[j] = Math.min(prec[j] + 1, cour[j - 1] + 1, prec[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prec = cour;
  }
  return prec[n];
}

export function normaliser(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_-]+/g, "_")
    .trim();
}

/** The closest candidate, when close enough to be a typo (a third of the word at most). */
export function plusProche(mot: string, candidats: readonly string[]): string | undefined {
  if (mot.length > 200) return undefined;
  const m = normaliser(mot);
  let meilleur: string | undefined;
  let d = Infinity;
  for (const c of candidats) {
    const dc = distance(m, normaliser(c));
    if (dc < d) {
      d = dc;
      meilleur = c;
    }
  }
  return d <= Math.max(2, Math.floor(m.length / 3)) ? meilleur : undefined;
}

export function vouliezVousDire(mot: string, candidats: readonly string[]): string {
  const p = plusProche(mot, candidats);
  return p ? ` (vouliez-vous dire « ${p} » ?)` : "";
}

/** Words a French header or choice adds that say nothing ("Date de début", "Chiffre d'affaires", "Montant HT", "Réseaux de chaleur et de froid"). */
const MOTS_VIDES = new Set([
  "de",
  "du",
  "des",
  "d",
  "la",
  "le",
  "les",
  "l",
  "en",
  "et",
  "a",
  "au",
  "aux",
  "ht",
]);

/** The comparison key of a header or a choice: "Coût de référence (€)" → "cout_reference". */
export function cle(texte: string): string {
  return normaliser(texte)
    .split(/[^a-z0-9]+/)
    .filter((m) => m !== "" && !MOTS_VIDES.has(m))
    .join("_");
}
