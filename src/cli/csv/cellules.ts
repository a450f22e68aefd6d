// Reading one cell as French spreadsheets write it. Amounts and numbers ("1 200 000,50 €", with
// spaces, U+00A0 or U+202F thousands, "55 %") are left as text: the fiche schema reads them
// (lireMontant, lireNombre). Here: booleans, dates, choices.
import { estDateValide } from "../../core/dates.js";
import { cle, type TypeCellule } from "./entetes.js";

export type Lecture = { ok: true; valeur: unknown } | { ok: false; message: string };

const VRAI = new Set(["oui", "vrai", "1", "true"]);
const FAUX = new Set(["non", "faux", "0", "false"]);

export function lireBooleen(texte: string): Lecture {
  const t = texte.trim().toLowerCase();
  if (VRAI.has(t)) return { ok: true, valeur: true };
  if (FAUX.has(t)) return { ok: true, valeur: false };
  return { ok: false, message: `« ${texte} » n'est pas oui ou non : écrivez oui/non (ou vrai/faux, 1/0)` };
}

/** JJ/MM/AAAA (French spreadsheets) or AAAA-MM-JJ → AAAA-MM-JJ. */
export function lireDate(texte: string): Lecture {
  const t = texte.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = fr ? `${fr[3]}-${fr[2].padStart(2, "0")}-${fr[1].padStart(2, "0")}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso))
    return {
      ok: false,
      message: `« ${texte} » n'est pas une date : écrivez JJ/MM/AAAA (ex. 01/06/2019) ou AAAA-MM-JJ`,
    };
  if (!estDateValide(iso)) return { ok: false, message: `« ${texte} » n'existe pas dans le calendrier` };
  return { ok: true, valeur: iso };
}

/** Per list of choices: its ids by key, and the texts already read (a column repeats a few words). */
const memoires = new WeakMap<readonly string[], { parCle: Map<string, string>; lus: Map<string, string> }>();
/** Texts remembered per list at most: memory stays flat on a file of free texts. */
const TEXTES_RETENUS = 10_000;

/** A choice written as a person writes it ("Métropole", "De minimis") → its id; else as is. */
export function lireChoix(texte: string, valeurs: readonly string[]): string {
  let m = memoires.get(valeurs);
  if (!m) memoires.set(valeurs, (m = { parCle: new Map(valeurs.map((v) => [cle(v), v])), lus: new Map() }));
  let lu = m.lus.get(texte);
  if (lu === undefined) {
    lu = m.parCle.get(cle(texte)) ?? texte.trim();
    if (m.lus.size < TEXTES_RETENUS) m.lus.set(texte, lu);
  }
  return lu;
}

/** A non-empty cell → the value the fiche schema expects. */
export function lireCellule(texte: string, type: TypeCellule): Lecture {
  switch (type.sorte) {
    case "booleen":
      return lireBooleen(texte);
    case "date":
      return lireDate(texte);
    case "choix":
      return { ok: true, valeur: lireChoix(texte, type.valeurs) };
    default:
      return { ok: true, valeur: texte.trim() };
  }
}
