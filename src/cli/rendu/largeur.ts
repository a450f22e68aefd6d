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

/**
 * A message for standard error, folded to the terminal's width when it is one; written to a file or a
 * pipe (a CI log), it keeps one line per message, for grep.
 */
export function pourErreurStandard(texte: string): string {
  const colonnes = process.stderr.isTTY === true ? process.stderr.columns : undefined;
  return colonnes && colonnes > 0 ? ajuster(texte, colonnes) : texte;
}

/**
 * The columns a text takes on screen: colour codes and combining accents take none, a character
 * outside the first plane (two UTF-16 units) one. Counted by one pass of a regular expression over
 * what is not plain, not character by character (the fold of a table measures its lines over and over:
 * ~8 % of `simuler` in a table, at the profile); test/largeur-affichee.test.ts compares it with the count
 * character by character.
 */
export function largeurAffichee(texte: string): number {
  // Every escape sequence stripVTControlCharacters removes starts with ESC or CSI.
  const visible = /[\u001b\u009b]/.test(texte) ? stripVTControlCharacters(texte) : texte;
  let n = visible.length;
  for (const [c] of visible.matchAll(/\p{M}|[\u{10000}-\u{10FFFF}]/gu)) n -= /\p{M}/u.test(c) ? c.length : 1;
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

/** Stands for a space that is never folded at (inside an amount); given back as a space once folded. */
const LIEN = "\ue000";
/** Stands for a space folded at only when what it binds is wider than a line (« fiche 8 »). */
const LIEN_DOUX = "\ue001";

/**
 * The spaces of what must stay on one line: an amount written with ordinary spaces in a rule's
 * source (« 500 000 € »), a number and its unit — never parted —; a French quotation mark and its
 * word, a citation and its number (« fiche 8 », « annexe 2 », « Guide TI V5 »), a word and the « ; »,
 * « : », « ! » or « ? » it is spaced from in French — parted only when they would not fit on a line
 * together.
 */
function lier(ligne: string): string {
  return ligne
    .replace(/\d{1,3}(?: \d{3})+(?:,\d+)?(?: ?[€%])?/g, (m) => m.replaceAll(" ", LIEN))
    .replace(/(\d) ([€%])/g, `$1${LIEN}$2`)
    .replace(/Guide TI V5/g, `Guide${LIEN_DOUX}TI${LIEN_DOUX}V5`)
    .replace(/\b(fiche|annexe|note|art\.|[A-Z]\/) (?=[\dA-Z])/g, `$1${LIEN_DOUX}`)
    .replace(/« /g, `«${LIEN_DOUX}`)
    .replace(/ »/g, `${LIEN_DOUX}»`)
    .replace(/ ([;:!?])(?=\s|$)/g, `${LIEN_DOUX}$1`);
}

function plier(ligne: string, largeur: number): string[] {
  if (largeurAffichee(ligne) <= largeur) return [ligne];
  return plierLie(lier(ligne), largeur).map((l) => l.replaceAll(LIEN, " ").replaceAll(LIEN_DOUX, " "));
}

function plierLie(ligne: string, largeur: number): string[] {
  const retrait = /^ */.exec(ligne)![0];
  const suite = " ".repeat(Math.min(retrait.length + 2, Math.floor(largeur / 2)));
  const mots = ligne.slice(retrait.length).split(" ");
  const lignes: string[] = [];
  let courante = retrait;
  let vide = true;
  while (mots.length) {
    const mot = mots.shift()!;
    const l = largeurAffichee(mot);
    const place = largeurAffichee(courante) + (vide ? 0 : 1) + l;
    if (place <= largeur) {
      courante += (vide ? "" : " ") + mot;
      vide = false;
      continue;
    }
    // Wider than a whole line: first parted at its soft bonds, each part then placed like a word.
    if (l > largeur - suite.length && mot.includes(LIEN_DOUX)) {
      mots.unshift(...mot.split(LIEN_DOUX));
      continue;
    }
    if (!vide) lignes.push(courante.trimEnd());
    courante = suite;
    vide = true;
    let reste = mot;
    // Still wider than a whole line (a long path): cut, by visible characters.
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
