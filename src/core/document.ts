// Parses a YAML or JSON text and remembers where each value stands, so an error names its line.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { ErreurSaisie } from "./erreurs.js";

export interface DocumentSource {
  fichier: string;
  donnees: unknown;
  /** Line (1-based) of the value at this path, or of its nearest existing parent. */
  ligneDe(chemin: readonly PropertyKey[]): number | undefined;
}

/** Beyond this, a file is not a fiche: refuse before parsing (hostile input). */
export const TAILLE_MAX_TEXTE = 20 * 1024 * 1024;

export function lireDocument(texte: string, fichier: string): DocumentSource {
  if (texte.length > TAILLE_MAX_TEXTE) {
    throw new ErreurSaisie([{ fichier, message: `fichier trop volumineux (plus de ${TAILLE_MAX_TEXTE / 1024 / 1024} Mo) pour une fiche` }]);
  }
  if (texte.includes("\u0000")) {
    throw new ErreurSaisie([{ fichier, message: "ce fichier contient des octets binaires : une fiche est un texte YAML ou JSON" }]);
  }
  if (texte.trim() === "") {
    throw new ErreurSaisie([{ fichier, message: "le fichier est vide : une fiche YAML ou JSON est attendue" }]);
  }
  const lignes = new LineCounter();
  const doc = parseDocument(texte, { lineCounter: lignes, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    throw new ErreurSaisie(
      doc.errors.slice(0, 5).map((e) => ({
        fichier,
        ligne: e.linePos?.[0]?.line ?? (e.pos ? lignes.linePos(e.pos[0]).line : undefined),
        message: `syntaxe YAML/JSON invalide : ${traduireErreurYaml(e.message)}`,
      })),
    );
  }
  let donnees: unknown;
  try {
    donnees = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const msg = e instanceof Error && /alias/i.test(e.message)
      ? "trop d'alias YAML (*ancre) : le fichier se démultiplie à la lecture, il est refusé"
      : `lecture impossible : ${e instanceof Error ? e.message : String(e)}`;
    throw new ErreurSaisie([{ fichier, message: msg }]);
  }
  return { fichier, donnees, ligneDe: (chemin) => ligneDe(doc, lignes, chemin) };
}

function ligneDe(doc: Document, lignes: LineCounter, chemin: readonly PropertyKey[]): number | undefined {
  for (let n = chemin.length; n >= 0; n--) {
    const partie = chemin.slice(0, n) as (string | number)[];
    // A map entry: the key's line (it exists even when the key is unknown to the schema).
    const cle = typeof partie[n - 1] === "string" ? noeudCle(doc, partie) : undefined;
    if (cle?.range) return lignes.linePos(cle.range[0]).line;
    const noeud = doc.getIn(partie, true) as Node | undefined;
    if (noeud?.range) return lignes.linePos(noeud.range[0]).line;
  }
  return undefined;
}

function noeudCle(doc: Document, partie: (string | number)[]): Node | undefined {
  const parent = doc.getIn(partie.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const paire = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === partie[partie.length - 1]);
  return paire?.key as Node | undefined;
}

function traduireErreurYaml(m: string): string {
  const premiere = m.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  const table: [RegExp, string][] = [
    [/Map keys must be unique/, "clé en double dans le même bloc"],
    [/Implicit map keys need to be followed by map values/, "une clé doit être suivie de « : » et d'une valeur"],
    [/Nested mappings are not allowed in compact mappings/, "bloc imbriqué mal placé (vérifiez les « : »)"],
    [/Tabs are not allowed as indentation/, "tabulation interdite pour l'indentation : utilisez des espaces"],
    [/Missing closing/, "guillemet, crochet ou accolade non fermé"],
    [/All mapping items must start at the same column/, "indentation incohérente : les champs d'un même bloc doivent être alignés"],
  ];
  for (const [re, fr] of table) if (re.test(premiere)) return fr;
  return premiere;
}
