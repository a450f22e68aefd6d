// A fast reader for the plain YAML that fiches are written in (blocks of `champ: valeur`, lists of
// `- `, values on one line, `[a, b]` lists of words), giving the same data and the same lines as the yaml
// library would. Anything else (comments after a value, quotes with escapes, anchors, multi-line
// values, flow blocks, numbers written otherwise than `12` or `12.5`, an error to report…) and it
// answers undefined: the yaml library reads the text instead (document.ts). Reading a fiche with the
// library costs, at a cold start, ~7 % of a whole `simuler` (docs/performance.md, issue 20).
import { Bloc, Liste, partager, type Place } from "./places.js";

export interface LectureSimple {
  donnees: unknown;
  place: Place;
}

/** Nesting beyond this is left to the library, which checks the depth limit and says it. */
const PROFONDEUR_SIMPLE = 16;

interface Ligne {
  numero: number;
  retrait: number;
  contenu: string;
}

/** Not read here: characters whose reading this reader does not follow (the library decides). */
const HORS_SOUS_ENSEMBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u2028\u2029\ufeff]/;
const CLE = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;
const MOTS_RESERVES = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
const ENTIER = /^-?(?:0|[1-9][0-9]{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const MOT_DE_LISTE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The data and places of `texte`, or undefined when it is not of the plain form this reader knows. */
export function lireSimple(texte: string): LectureSimple | undefined {
  if (HORS_SOUS_ENSEMBLE.test(texte)) return undefined;
  const lignes: Ligne[] = [];
  const brutes = texte.split("\n");
  for (let i = 0; i < brutes.length; i++) {
    const brute = brutes[i];
    const contenu = brute.trim();
    if (contenu === "" || contenu.startsWith("#")) continue; // blank, or a comment line
    if (contenu.includes("#")) return undefined;
    lignes.push({ numero: i + 1, retrait: brute.length - brute.trimStart().length, contenu });
  }
  if (lignes.length === 0 || lignes[0].retrait !== 0) return undefined;
  const lecteur = new Lecteur(lignes);
  const racine = lecteur.bloc(0, 1);
  if (!racine || lecteur.suivante !== lignes.length) return undefined;
  // A copy that keeps nothing of the text: V8 keeps a substring (of 13 characters or more) as a slice
  // of the whole text, so a fiche's name or category kept by `verifier` to the end kept its whole
  // file (~0,4 Ko per fiche, issue 20); and its lists without room left for growth.
  return { donnees: JSON.parse(JSON.stringify(racine.donnees)), place: racine.place };
}

class Lecteur {
  suivante = 0;
  constructor(private readonly lignes: Ligne[]) {}

  /** The block (map or list) whose first line is the next one, at this indentation. */
  bloc(retrait: number, niveau: number): LectureSimple | undefined {
    if (niveau > PROFONDEUR_SIMPLE) return undefined;
    const l = this.lignes[this.suivante];
    if (!l || l.retrait !== retrait) return undefined;
    return estElement(l.contenu) ? this.liste(retrait, niveau) : this.table(retrait, l.contenu, niveau);
  }

  /** `- valeur` lines at this indentation. */
  private liste(retrait: number, niveau: number): LectureSimple | undefined {
    const donnees: unknown[] = [];
    const elements: Place[] = [];
    const premiere = this.lignes[this.suivante].numero;
    for (let l = this.lignes[this.suivante]; l && l.retrait === retrait; l = this.lignes[this.suivante]) {
      if (!estElement(l.contenu) || l.contenu === "-") return undefined;
      const reste = l.contenu.slice(2).trimStart();
      const colonne = retrait + l.contenu.length - reste.length;
      let element: LectureSimple | undefined;
      if (CLE.test(reste)) {
        element = this.table(colonne, reste, niveau + 1); // `- champ: valeur`, then its other fields
      } else {
        this.suivante++;
        element = scalaire(reste, l.numero);
        if (element && this.lignes[this.suivante]?.retrait > retrait) return undefined; // continued value
      }
      if (!element) return undefined;
      donnees.push(element.donnees);
      elements.push(element.place);
    }
    if (this.lignes[this.suivante]?.retrait > retrait) return undefined;
    return { donnees, place: new Liste(premiere, elements.slice()) }; // slice: no room left for growth
  }

  /**
   * `champ: valeur` lines at column `colonne`; the first is `premier` (after a `- ` when the table is a
   * list's element), the next ones are lines indented to that column.
   */
  private table(colonne: number, premier: string, niveau: number): LectureSimple | undefined {
    const donnees: Record<string, unknown> = {};
    const cles = new Set<string>();
    const entrees: unknown[] = []; // key, key's line, value's place: as document.ts keeps a block
    const premiere = this.lignes[this.suivante].numero;
    let contenu: string | undefined = premier;
    while (contenu !== undefined) {
      const l = this.lignes[this.suivante];
      const m = CLE.exec(contenu);
      if (!m || MOTS_RESERVES.test(m[1]) || cles.has(m[1])) return undefined;
      this.suivante++;
      let valeur: LectureSimple | undefined;
      if (m[2] === undefined || m[2].trim() === "") {
        const suite = this.lignes[this.suivante];
        if (!suite || suite.retrait <= colonne) return undefined; // an empty value, or a list at the key's column
        valeur = this.bloc(suite.retrait, niveau + 1);
      } else {
        valeur = scalaire(m[2].trim(), l.numero);
        if (valeur && this.lignes[this.suivante]?.retrait > colonne) return undefined; // continued value
      }
      if (!valeur) return undefined;
      donnees[m[1]] = valeur.donnees;
      cles.add(m[1]);
      entrees.push(partager(m[1]), l.numero, valeur.place);
      const prochaine = this.lignes[this.suivante];
      if (!prochaine || prochaine.retrait < colonne) break;
      if (prochaine.retrait !== colonne) return undefined;
      contenu = prochaine.contenu;
    }
    return { donnees, place: new Bloc(premiere, entrees.slice()) }; // slice: no room left for growth
  }
}

function estElement(contenu: string): boolean {
  return contenu === "-" || contenu.startsWith("- ");
}

/** A value written on its line: a word or a text, a number, a date, true/false, null, or `[a, b]`. */
function scalaire(texte: string, ligne: number): LectureSimple | undefined {
  const c = texte[0];
  if (c === '"' || c === "'") {
    const interieur = texte.slice(1, -1);
    if (
      texte.length < 2 ||
      texte[texte.length - 1] !== c ||
      interieur.includes(c) ||
      interieur.includes("\\")
    )
      return undefined;
    return { donnees: interieur, place: ligne };
  }
  if (c === "[") {
    if (texte[texte.length - 1] !== "]") return undefined;
    const interieur = texte.slice(1, -1).trim();
    const mots = interieur === "" ? [] : interieur.split(",").map((m) => m.trim());
    if (mots.some((m) => !MOT_DE_LISTE.test(m) || MOTS_RESERVES.test(m))) return undefined;
    return {
      donnees: mots,
      place: new Liste(
        ligne,
        mots.map(() => ligne),
      ),
    };
  }
  const donnees = valeurSimple(texte);
  return donnees === undefined ? undefined : { donnees, place: ligne };
}

/**
 * A plain value as YAML 1.2 (core schema) reads it, with the written decimals kept as document.ts keeps
 * them (`350.000` stays a text); undefined for what the library should read.
 */
function valeurSimple(texte: string): unknown {
  if (/^[-?:,[\]{}&*!|>'"%@`]/.test(texte) && !/^-[0-9]/.test(texte)) return undefined;
  if (texte.includes(": ") || texte.endsWith(":")) return undefined;
  if (/^(?:~|null|Null|NULL)$/.test(texte)) return null;
  if (/^(?:true|True|TRUE)$/.test(texte)) return true;
  if (/^(?:false|False|FALSE)$/.test(texte)) return false;
  if (/^[-+.0-9]/.test(texte)) {
    if (ENTIER.test(texte) && texte !== "-0") return Number(texte);
    if (DECIMAL.test(texte)) {
      const n = Number(texte);
      return /\.[0-9]{3,}$/.test(texte) && String(n) !== texte ? texte : n;
    }
    if (DATE.test(texte)) return texte;
    return undefined;
  }
  return texte;
}
