// Parses a YAML or JSON text and remembers where each value stands, so an error names its line.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { ErreurSaisie, type ProblemeSaisie } from "./erreurs.js";

export interface DocumentSource {
  fichier: string;
  donnees: unknown;
  /** Line (1-based) of the value at this path, or of its nearest existing parent. */
  ligneDe(chemin: readonly PropertyKey[]): number | undefined;
}

/** Beyond this, a file is not a fiche: refuse before parsing (hostile input). */
export const TAILLE_MAX_TEXTE = 20 * 1024 * 1024;

export const TROP_VOLUMINEUX = `fichier trop volumineux (plus de ${TAILLE_MAX_TEXTE / 1024 / 1024} Mo) pour une fiche`;

/** Beyond this nesting, a file is not a fiche (a contract is about 6 levels deep): refused before the recursive steps. */
export const PROFONDEUR_MAX = 64;

const TROP_PROFOND = `imbrication trop profonde (plus de ${PROFONDEUR_MAX} niveaux de listes ou de blocs) : une fiche n'en a que quelques-uns, vérifiez les crochets et l'indentation`;

export function lireDocument(texte: string, fichier: string): DocumentSource {
  if (texte.length > TAILLE_MAX_TEXTE) {
    throw new ErreurSaisie([{ fichier, message: TROP_VOLUMINEUX }]);
  }
  if (texte.includes("\u0000")) {
    throw new ErreurSaisie([{ fichier, message: "ce fichier contient des octets binaires : une fiche est un texte YAML ou JSON" }]);
  }
  if (texte.trim() === "") {
    throw new ErreurSaisie([{ fichier, message: "le fichier est vide : une fiche YAML ou JSON est attendue" }]);
  }
  const lignes = new LineCounter();
  let doc: Document;
  try {
    // Duplicate keys are checked below in linear time: yaml's own check is quadratic in a block's keys.
    doc = parseDocument(texte, { lineCounter: lignes, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (e) {
    if (e instanceof RangeError) throw new ErreurSaisie([{ fichier, message: TROP_PROFOND }]);
    throw e;
  }
  if (doc.errors.length > 0) {
    throw new ErreurSaisie(
      doc.errors.slice(0, 5).map((e) => ({
        fichier,
        ligne: e.linePos?.[0]?.line ?? (e.pos ? lignes.linePos(e.pos[0]).line : undefined),
        message: `syntaxe YAML/JSON invalide : ${traduireErreurYaml(e.message)}`,
      })),
    );
  }
  const structure = verifierStructure(doc, lignes, fichier);
  if (structure.length > 0) throw new ErreurSaisie(structure);
  garderDecimalesEcrites(doc);
  let donnees: unknown;
  try {
    donnees = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const msg = e instanceof RangeError
      ? TROP_PROFOND
      : e instanceof Error && /alias/i.test(e.message)
        ? "trop d'alias YAML (*ancre) : le fichier se démultiplie à la lecture, il est refusé"
        : `lecture impossible : ${e instanceof Error ? e.message : String(e)}`;
    throw new ErreurSaisie([{ fichier, message: msg }]);
  }
  // Aliases may nest what the text does not: the data's own depth, without recursion.
  if (profondeur(donnees) > PROFONDEUR_MAX) throw new ErreurSaisie([{ fichier, message: TROP_PROFOND }]);
  return { fichier, donnees, ligneDe: (chemin) => ligneDe(doc, lignes, chemin) };
}

/** Depth and duplicate keys of the parsed text, walked with a stack (a deep file must not overflow ours). */
function verifierStructure(doc: Document, lignes: LineCounter, fichier: string): ProblemeSaisie[] {
  const problemes: ProblemeSaisie[] = [];
  const pile: [unknown, number][] = [[doc.contents, 1]];
  while (pile.length > 0 && problemes.length < 5) {
    const [noeud, niveau] = pile.pop()!;
    if (!isMap(noeud) && !isSeq(noeud)) continue;
    if (niveau > PROFONDEUR_MAX) {
      return [{ fichier, ligne: noeud.range ? lignes.linePos(noeud.range[0]).line : undefined, message: TROP_PROFOND }];
    }
    if (isSeq(noeud)) {
      for (const x of noeud.items) pile.push([x, niveau + 1]);
      continue;
    }
    const vues = new Set<unknown>();
    for (const paire of noeud.items) {
      if (isScalar(paire.key)) {
        if (vues.has(paire.key.value)) {
          problemes.push({
            fichier,
            ligne: paire.key.range ? lignes.linePos(paire.key.range[0]).line : undefined,
            message: `syntaxe YAML/JSON invalide : clé « ${String(paire.key.value).slice(0, 80)} » en double dans le même bloc`,
          });
        }
        vues.add(paire.key.value);
      }
      pile.push([paire.key, niveau + 1], [paire.value, niveau + 1]);
    }
  }
  return problemes;
}

/**
 * `montant: 350.000` is read by YAML as 350, and `0.500` as 0.5: a number written with three decimals
 * or more stays the text it was, so that an amount can be refused as ambiguous (« 350 000 ou 350 ? »)
 * and any other number (a rate, a headcount) is read from that text. Run after the depth check.
 */
function garderDecimalesEcrites(doc: Document): void {
  visit(doc, {
    Scalar(_, noeud) {
      if (typeof noeud.value === "number" && typeof noeud.source === "string" && /^[-+]?\d+\.\d{3,}$/.test(noeud.source)) noeud.value = noeud.source;
    },
  });
}

/** Nesting depth of parsed data (1 for a block of plain values), without recursion. */
function profondeur(donnees: unknown): number {
  let max = 0;
  const pile: [unknown, number][] = [[donnees, 1]];
  while (pile.length > 0) {
    const [v, niveau] = pile.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (niveau > PROFONDEUR_MAX) return niveau;
    max = Math.max(max, niveau);
    for (const x of v instanceof Map ? v.values() : Object.values(v)) pile.push([x, niveau + 1]);
  }
  return max;
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
    [/Maximum call stack/, TROP_PROFOND],
    [/multiple documents/, "plusieurs documents (« --- ») dans un même fichier : une fiche par fichier, ou un contrat avec « fiches: »"],
  ];
  for (const [re, fr] of table) if (re.test(premiere)) return fr;
  return premiere;
}
