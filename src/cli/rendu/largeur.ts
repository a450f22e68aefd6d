// The width a readable report is laid out for, and the folding of its lines to that width.
// An amount ("480 000,00 €") or a rate ("60 %") holds no-break spaces (core/format.ts): a line is
// folded at ordinary spaces only, so no amount is ever cut in two.
import { stripVTControlCharacters } from "node:util";

/** Without a terminal nor COLUMNS: the width of a report written to a file or a pipe. */
export const LARGEUR_HORS_TERMINAL = 100;
/** Below this, a line is not folded any more (a terminal that narrow folds it itself). */
const LARGEUR_MINIMALE = 30;

/** The terminal's columns, else COLUMNS, else 100. */
export function largeurSortie(): number {
  const terminal = process.stdout.isTTY === true ? process.stdout.columns : undefined;
  if (terminal && terminal > 0) return terminal;
  const env = Number.parseInt(process.env.COLUMNS ?? "", 10);
  if (Number.isInteger(env) && env > 0) return env;
  return LARGEUR_HORS_TERMINAL;
}

/** The columns a text takes on screen: colour codes and combining accents take none. */
export function largeurAffichee(texte: string): number {
  let n = 0;
  for (const ch of stripVTControlCharacters(texte)) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/** The widest line of a text. */
export function largeurMax(texte: string): number {
  return texte.split("\n").reduce((m, l) => Math.max(m, largeurAffichee(l)), 0);
}

/**
 * Folds each line wider than `largeur` at its ordinary spaces; the continuation lines keep the
 * line's indentation plus two. A word wider than the line (a long path) is cut, never an amount,
 * which is shorter than any width folded to.
 */
export function ajuster(texte: string, largeur: number): string {
  if (largeur < LARGEUR_MINIMALE) return texte;
  return texte
    .split("\n")
    .flatMap((l) => plier(l, largeur))
    .join("\n");
}

/** Stands for a space that must not be folded at; given back as a space once folded. */
const LIEN = "\ue000";

/**
 * The spaces of what must stay on one line: an amount written with ordinary spaces in a rule's
 * source (« 500 000 € »), a number and its unit, a French quotation mark and its word, a citation
 * and its number (« fiche 8 », « annexe 2 », « Guide TI V5 »).
 */
function lier(ligne: string): string {
  return ligne
    .replace(/\d{1,3}(?: \d{3})+(?:,\d+)?(?: ?[€%])?/g, (m) => m.replaceAll(" ", LIEN))
    .replace(/(\d) ([€%])/g, `$1${LIEN}$2`)
    .replace(/Guide TI V5/g, `Guide${LIEN}TI${LIEN}V5`)
    .replace(/\b(fiche|annexe|note|art\.|[A-Z]\/) (?=[\dA-Z])/g, `$1${LIEN}`)
    .replace(/« /g, `«${LIEN}`)
    .replace(/ »/g, `${LIEN}»`);
}

function plier(ligne: string, largeur: number): string[] {
  if (largeurAffichee(ligne) <= largeur) return [ligne];
  return plierLie(lier(ligne), largeur).map((l) => l.replaceAll(LIEN, " "));
}

function plierLie(ligne: string, largeur: number): string[] {
  const retrait = /^ */.exec(ligne)![0];
  const suite = " ".repeat(Math.min(retrait.length + 2, Math.floor(largeur / 2)));
  const mots = ligne.slice(retrait.length).split(" ");
  const lignes: string[] = [];
  let courante = retrait;
  let vide = true;
  for (const mot of mots) {
    const l = largeurAffichee(mot);
    const place = largeurAffichee(courante) + (vide ? 0 : 1) + l;
    if (place <= largeur) {
      courante += (vide ? "" : " ") + mot;
      vide = false;
      continue;
    }
    if (!vide) lignes.push(courante.trimEnd());
    courante = suite;
    vide = true;
    let reste = mot;
    // A single word longer than a whole line: cut it, by visible characters.
    while (largeurAffichee(reste) > largeur - suite.length) {
      const [debut, fin] = couper(reste, largeur - suite.length);
      lignes.push(suite + debut);
      reste = fin;
    }
    courante += reste;
    vide = reste === "";
  }
  if (!vide || lignes.length === 0) lignes.push(courante);
  return lignes;
}

/** The first `n` visible characters of a word (its colour codes dropped), and the rest. */
function couper(mot: string, n: number): [string, string] {
  const caracteres = [...stripVTControlCharacters(mot)];
  return [caracteres.slice(0, n).join(""), caracteres.slice(n).join("")];
}
