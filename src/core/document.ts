// Parses a YAML or JSON text and remembers where each value stands, so an error names its line.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type ErrorCode,
  type Node,
  type YAMLError,
} from "yaml";
import { ErreurSaisie, type ProblemeSaisie } from "./erreurs.js";
import { lireSimple } from "./document-simple.js";
import { Bloc, Liste, partager, type Place } from "./places.js";
import { entierFr } from "./format.js";
import { TAILLE_MAX_TEXTE, TROP_VOLUMINEUX } from "./limites.js";

export interface DocumentSource {
  fichier: string;
  donnees: unknown;
  /** Line (1-based) of the value at this path, or of its nearest existing parent. */
  ligneDe(chemin: readonly PropertyKey[]): number | undefined;
}

export { TAILLE_MAX_TEXTE, TROP_VOLUMINEUX } from "./limites.js";

/**
 * Beyond this many lines, commas and opening brackets, refused before parsing: each value of a YAML or
 * JSON document needs one of them, and the parser keeps ~500 bytes of memory per value (a 5 Mo list of
 * short values took 44 s and 2,8 Go). A contract of 1 000 fiches has ~40 000; this bound keeps a file
 * within a few seconds and a few hundred Mo (docs/performance.md).
 */
export const ELEMENTS_MAX = 250_000;

const TROP_D_ELEMENTS = `fichier trop grand : plus de ${entierFr(ELEMENTS_MAX)} lignes ou valeurs (un contrat de 1 000 fiches en a ~40 000) : découpez-le en plusieurs fichiers (ti-aides verifier lit un dossier)`;

/** Lines, commas and opening brackets: an upper bound, up to a factor, of the values to parse. */
function elementsAuPlus(texte: string): number {
  let n = 0;
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    if (c === 10 || c === 44 || c === 91 || c === 123) n++; // \n , [ {
  }
  return n;
}

/** Beyond this nesting, a file is not a fiche (a contract is about 6 levels deep): refused before the recursive steps. */
export const PROFONDEUR_MAX = 64;

const TROP_PROFOND = `imbrication trop profonde (plus de ${PROFONDEUR_MAX} niveaux de listes ou de blocs) : une fiche n'en a que quelques-uns, vérifiez les crochets et l'indentation`;

export function lireDocument(texte: string, fichier: string): DocumentSource {
  if (texte.length > TAILLE_MAX_TEXTE) {
    throw new ErreurSaisie([{ fichier, message: TROP_VOLUMINEUX }]);
  }
  if (texte.includes("\u0000")) {
    throw new ErreurSaisie([
      { fichier, message: "ce fichier contient des octets binaires : une fiche est un texte YAML ou JSON" },
    ]);
  }
  if (elementsAuPlus(texte) > ELEMENTS_MAX) {
    throw new ErreurSaisie([{ fichier, message: TROP_D_ELEMENTS }]);
  }
  if (texte.trim() === "") {
    throw new ErreurSaisie([
      { fichier, message: "le fichier est vide : une fiche YAML ou JSON est attendue" },
    ]);
  }
  // The plain form of a fiche, read without the library (same data, same lines); anything else by it.
  const simple = lireSimple(texte);
  if (simple) return { fichier, donnees: simple.donnees, ligneDe: lecteurDeLignes(simple.place) };
  return lireAvecYaml(texte, fichier);
}

/** The text read by the yaml library: any YAML or JSON, and its errors in French. */
export function lireAvecYaml(texte: string, fichier: string): DocumentSource {
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
        message: `syntaxe YAML/JSON invalide : ${traduireErreurYaml(e)}`,
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
    if (e instanceof ReferenceError && /Unresolved alias/.test(e.message))
      throw new ErreurSaisie([aliasSansAncre(doc, lignes, fichier)]);
    const msg =
      e instanceof RangeError
        ? TROP_PROFOND
        : e instanceof Error && /alias/i.test(e.message)
          ? "trop d'alias YAML (*ancre) : le fichier se démultiplie à la lecture, il est refusé"
          : "lecture impossible : vérifiez la syntaxe YAML ou JSON du fichier";
    throw new ErreurSaisie([{ fichier, message: msg }]);
  }
  // Aliases may nest what the text does not: the data's own depth, without recursion.
  if (profondeur(donnees) > PROFONDEUR_MAX) throw new ErreurSaisie([{ fichier, message: TROP_PROFOND }]);
  // The lines only, not the parsed document (~10 Ko per fiche that `verifier` kept for each; issue 20).
  return { fichier, donnees, ligneDe: lecteurDeLignes(placeDe(doc.contents, lignes)) };
}

/** Depth and duplicate keys of the parsed text, walked with a stack (a deep file must not overflow ours). */
function verifierStructure(doc: Document, lignes: LineCounter, fichier: string): ProblemeSaisie[] {
  const problemes: ProblemeSaisie[] = [];
  const pile: [unknown, number][] = [[doc.contents, 1]];
  while (pile.length > 0 && problemes.length < 5) {
    const [noeud, niveau] = pile.pop()!;
    if (!isMap(noeud) && !isSeq(noeud)) continue;
    if (niveau > PROFONDEUR_MAX) {
      return [
        {
          fichier,
          ligne: noeud.range ? lignes.linePos(noeud.range[0]).line : undefined,
          message: TROP_PROFOND,
        },
      ];
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
 * `montant: 350.000` is read by YAML as 350, and `0.500` as 0.5: a number whose written decimals (three
 * or more) the value loses stays the text it was, so that an amount can be refused as ambiguous
 * (« 350 000 ou 350 ? ») and any other number (a rate, a headcount) is read from that text; `0.125`
 * stays a number. Run after the depth check.
 */
function garderDecimalesEcrites(doc: Document): void {
  visit(doc, {
    Scalar(_, noeud) {
      const ecrit = noeud.source;
      if (
        typeof noeud.value === "number" &&
        typeof ecrit === "string" &&
        /^-?\d+\.\d{3,}$/.test(ecrit) &&
        String(noeud.value) !== ecrit
      )
        noeud.value = ecrit;
    },
  });
}

/** `*nom` with no `&nom` before it: the first such alias, with its line. */
function aliasSansAncre(doc: Document, lignes: LineCounter, fichier: string): ProblemeSaisie {
  const ancres = new Set<string>();
  let trouve: { nom: string; ligne?: number } | undefined;
  visit(doc, (_, noeud) => {
    if (isAlias(noeud)) {
      if (ancres.has(noeud.source)) return undefined;
      trouve = { nom: noeud.source, ligne: noeud.range ? lignes.linePos(noeud.range[0]).line : undefined };
      return visit.BREAK;
    }
    if ((isScalar(noeud) || isMap(noeud) || isSeq(noeud)) && noeud.anchor) ancres.add(noeud.anchor);
    return undefined;
  });
  return {
    fichier,
    ligne: trouve?.ligne,
    message: `alias « *${trouve?.nom.slice(0, 80) ?? "?"} » sans ancre : un alias *nom reprend la valeur marquée &nom plus haut dans le fichier ; définissez l'ancre avant l'alias, ou écrivez la valeur elle-même`,
  };
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

function placeDe(noeud: unknown, lignes: LineCounter): Place {
  const ligne = (n: unknown) => {
    const r = (n as Node | null | undefined)?.range;
    return r ? lignes.linePos(r[0]).line : undefined;
  };
  if (isMap(noeud)) {
    const entrees: unknown[] = [];
    const vues = new Set<unknown>(); // not searched in `entrees`: quadratic on a block of 200 000 keys
    for (const paire of noeud.items) {
      if (isPair(paire) && isScalar(paire.key) && !vues.has(paire.key.value)) {
        vues.add(paire.key.value);
        entrees.push(partager(paire.key.value), ligne(paire.key), placeDe(paire.value, lignes));
      }
    }
    return new Bloc(ligne(noeud), entrees.slice()); // slice: no room left for growth
  }
  if (isSeq(noeud))
    return new Liste(
      ligne(noeud),
      noeud.items.map((x) => placeDe(x, lignes)),
    );
  return ligne(noeud);
}

/** A list's index as yaml's getIn reads it: a whole number, or a text of digits. */
function indexDeListe(k: unknown): number | null {
  const i = k && typeof k === "string" ? Number(k) : k;
  return typeof i === "number" && Number.isInteger(i) && i >= 0 ? i : null;
}

/** The place at the first `n` steps of `chemin`, as getIn finds the node. */
function placeA(racine: Place, chemin: readonly PropertyKey[], n: number): Place {
  let p = racine;
  for (let k = 0; k < n; k++) {
    if (p instanceof Bloc) {
      const i = p.indexDe(chemin[k]);
      p = i < 0 ? undefined : (p.entrees[i + 2] as Place);
    } else if (p instanceof Liste) {
      const i = indexDeListe(chemin[k]);
      p = i === null ? undefined : p.elements[i];
    } else return undefined;
  }
  return p;
}

const ligneDePlace = (p: Place) => (typeof p === "object" ? p.ligne : p);

/** Made outside lireDocument: a closure made there would keep everything its other closures see (the line counter). */
function lecteurDeLignes(racine: Place): DocumentSource["ligneDe"] {
  return (chemin) => ligneDe(racine, chemin);
}

function ligneDe(racine: Place, chemin: readonly PropertyKey[]): number | undefined {
  for (let n = chemin.length; n >= 0; n--) {
    // A map entry: the key's line (it exists even when the key is unknown to the schema).
    if (typeof chemin[n - 1] === "string") {
      const parent = placeA(racine, chemin, n - 1);
      const i = parent instanceof Bloc ? parent.indexDe(chemin[n - 1]) : -1;
      const cle = i < 0 ? undefined : (parent as Bloc).entrees[i + 1];
      if (cle !== undefined) return cle as number;
    }
    const ligne = ligneDePlace(placeA(racine, chemin, n));
    if (ligne !== undefined) return ligne;
  }
  return undefined;
}

/**
 * The yaml library's errors, in French, by their code (ErrorCode of yaml 2: every one of them, so no
 * English message reaches a user); a few messages of a code get a more precise sentence.
 */
function traduireErreurYaml(e: YAMLError): string {
  const m = e.message.split("\n")[0];
  for (const [re, fr] of PRECISIONS) if (re.test(m)) return fr;
  return (
    PAR_CODE[e.code] ?? "texte illisible à cet endroit : vérifiez l'indentation, les « : » et les guillemets"
  );
}

const PRECISIONS: [RegExp, string][] = [
  [
    /Implicit map keys need to be followed by map values/,
    "une clé doit être suivie de « : » et d'une valeur",
  ],
  [
    /Nested mappings are not allowed in compact mappings/,
    "deux « : » sur une même ligne : mettez chaque champ sur sa ligne, ou le texte entre guillemets",
  ],
  [/Missing closing .?quote/, "guillemet non fermé"],
  [
    /Flow (sequence|mapping) in block collection must be sufficiently indented and end with a/,
    "crochet ou accolade non fermé, sur cette ligne ou plus haut (ou moins indenté que son champ)",
  ],
  [
    /All (mapping|sequence) items must start at the same column/,
    "indentation incohérente : les champs ou les éléments « - » d'un même bloc doivent être alignés",
  ],
  [
    /Missing , (or : )?between/,
    "virgule manquante entre deux éléments d'une liste [a, b] ou d'un bloc {a: 1, b: 2}",
  ],
  [/Sequence item without - indicator/, "élément de liste sans « - » au début"],
  [
    /Unexpected scalar at node end/,
    "texte en trop après la valeur (une valeur entre guillemets suivie d'autre chose ?) : mettez toute la valeur entre les guillemets",
  ],
  [/Comments must be separated/, "un « # » de commentaire doit être précédé d'une espace"],
  [/Maximum call stack/, TROP_PROFOND],
];

const PAR_CODE: Record<ErrorCode, string> = {
  ALIAS_PROPS: "un alias (*nom) ne peut pas porter d'ancre (&) ni d'étiquette (!)",
  BAD_ALIAS: "alias ou ancre invalide (*nom ou &nom) : donnez-lui un nom sans « : » final",
  BAD_DIRECTIVE: "directive « % » invalide en tête du fichier : supprimez-la",
  BAD_DQ_ESCAPE:
    "séquence d'échappement invalide dans un texte entre guillemets doubles (une barre « \\ ») : doublez-la (« \\\\ ») ou mettez le texte entre guillemets simples",
  BAD_INDENT: "indentation incorrecte : alignez les champs d'un même bloc avec des espaces",
  BAD_PROP_ORDER: "ancre (&) ou étiquette (!) mal placée : mettez-la après le « - » ou le « : »",
  BAD_SCALAR_START:
    "une valeur ne peut pas commencer par ce caractère (@, `, %…) : mettez-la entre guillemets",
  BLOCK_AS_IMPLICIT_KEY: "bloc ou liste utilisé comme nom de champ : vérifiez les « : » et l'indentation",
  BLOCK_IN_FLOW:
    "bloc indenté à l'intérieur de crochets ou d'accolades : écrivez la liste [a, b] sur une ligne, ou en lignes « - »",
  DUPLICATE_KEY: "clé en double dans le même bloc",
  IMPOSSIBLE: "texte illisible à cet endroit : vérifiez l'indentation et les guillemets",
  KEY_OVER_1024_CHARS: "nom de champ trop long (plus de 1 024 caractères) : il manque sans doute un « : »",
  MISSING_CHAR: "caractère manquant (« : », « , », guillemet, crochet ou accolade de fermeture)",
  MULTILINE_IMPLICIT_KEY:
    "nom de champ sur plusieurs lignes : il manque sans doute un « : » ou un guillemet fermant",
  MULTIPLE_ANCHORS: "une valeur ne peut avoir qu'une ancre (&nom)",
  MULTIPLE_DOCS:
    "plusieurs documents (« --- ») dans un même fichier : une fiche par fichier, ou un contrat avec « fiches: »",
  MULTIPLE_TAGS: "une valeur ne peut avoir qu'une étiquette (!type)",
  NON_STRING_KEY: "un nom de champ doit être un texte simple",
  RESOURCE_EXHAUSTION: "fichier trop complexe à lire (trop d'alias ou d'imbrications) : il est refusé",
  TAB_AS_INDENT: "tabulation interdite pour l'indentation : utilisez des espaces",
  TAG_RESOLVE_FAILED: "étiquette « ! » inconnue : supprimez-la (une fiche n'en utilise pas)",
  UNEXPECTED_TOKEN:
    "caractère inattendu à cet endroit : vérifiez les « : », « - », virgules, crochets et guillemets",
  BAD_COLLECTION_TYPE: "étiquette « ! » qui ne convient pas à ce bloc : supprimez-la",
};
