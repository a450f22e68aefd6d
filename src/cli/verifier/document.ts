// The JSON document of a verification (docs/interface.md `verifier --format json`): every fiche's,
// counted by its verdict in this check, and the contract's block; the HTML report is drawn from it too.
import { contratJson } from "../../core/contrat-json.js";
import { documentJson, ficheJson } from "../../core/document-json.js";
import type { ProblemeSaisie } from "../../core/erreurs.js";
import { formaterProbleme } from "../../core/erreurs.js";
import { conformiteContrat, decompter, type Constat, type Verification } from "./verification.js";

export function documentVerification(v: Verification) {
  return documentAvec(
    v,
    v.fiches.map((f) => ficheJson(f.evaluation)),
  );
}

/**
 * `verifier --format json`: the text of JSON.stringify(documentVerification(v), null, 2), in pieces:
 * each fiche made into JSON when written, and each element of the contract's lists (its warnings, the
 * sources of its fiches) a piece of its own: neither the whole text, nor every fiche's JSON object, nor
 * a text of the contract's lists is ever in memory (issue 20). Same bytes (test/verifier-json-progressif.test.ts).
 */
export function* morceauxJsonVerification(v: Verification): Generator<string> {
  const fiches = new ListeAuFil(v.fiches.length, (i) => ficheJson(v.fiches[i].evaluation));
  yield* morceauxJson(documentAvec(v, fiches), 3);
  yield "\n";
}

/** A list whose elements are made one at a time, when written by morceauxJson. */
class ListeAuFil {
  constructor(
    readonly taille: number,
    readonly element: (i: number) => unknown,
  ) {}
}

/**
 * The text of JSON.stringify(valeur, null, 2), in pieces: one per element of a list, and, `blocs` blocks
 * deep, one per field of a block; anything else (a list's element, a deeper block, a value that is not a
 * plain block) is made by JSON.stringify itself, its lines indented by `retrait`.
 */
function* morceauxJson(valeur: unknown, blocs: number, retrait = ""): Generator<string> {
  const dedans = `${retrait}  `;
  const liste =
    valeur instanceof ListeAuFil
      ? valeur
      : Array.isArray(valeur)
        ? new ListeAuFil(valeur.length, (i) => valeur[i])
        : undefined;
  if (liste) {
    if (liste.taille === 0) return yield "[]";
    for (let i = 0; i < liste.taille; i++) {
      const texte = JSON.stringify(liste.element(i), null, 2) ?? "null"; // as in a list: undefined is null
      yield `${i ? "," : "["}\n${dedans}${texte.replaceAll("\n", `\n${dedans}`)}`;
    }
    return yield `\n${retrait}]`;
  }
  if (blocs === 0 || !estBlocSimple(valeur)) {
    const texte = JSON.stringify(valeur, null, 2);
    return yield texte.replaceAll("\n", `\n${retrait}`);
  }
  let premier = true;
  for (const [cle, champ] of Object.entries(valeur)) {
    if (champ === undefined || typeof champ === "function" || typeof champ === "symbol") continue; // left out, as JSON.stringify does
    yield `${premier ? "{" : ","}\n${dedans}${JSON.stringify(cle)}: `;
    yield* morceauxJson(champ, blocs - 1, dedans);
    premier = false;
  }
  yield premier ? "{}" : `\n${retrait}}`;
}

/** A block of fields written as such by JSON.stringify: a plain object without toJSON. */
function estBlocSimple(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || "toJSON" in v) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The document with these fiches (all of them, or made one at a time for morceauxJsonVerification). */
function documentAvec<F>(v: Verification, fiches: F) {
  // Input problems that are not already in a fiche's own `erreurs`: unreadable files, duplicate ids.
  const erreurs = v.constats
    .filter((k) => k.gravite === "erreur" && (k.fiche === undefined || !v.fiches[k.fiche].erreur))
    .map((k) => formaterProbleme(probleme(v, k)));
  // The fiches counted by their verdict in this check, as the table counts them: a fiche outside the
  // contract's period, or whose id is given twice, is not "conforme" here even if its own plan is.
  const d = decompter(v);
  return {
    ...documentJson([]),
    fiches,
    synthese: {
      fiches: d.fiches,
      conformes: d.conformes,
      non_conformes: d.nonConformes,
      sans_plan_de_financement: d.sansPlan,
      en_erreur: d.enErreur,
    },
    contrat: contratJson(v.bilan, {
      contrat: v.contrat?.contrat,
      conforme: conformiteContrat(v),
      sources: v.fiches.map((f) => ({ fiche: f.evaluation.id, fichier: f.fichier, ligne: f.ligne ?? null })),
      erreurs,
    }),
  };
}

/** A finding as an input problem: a CSV row's with its fiche's id. */
export function probleme(v: Verification, k: Constat): ProblemeSaisie {
  const f = k.fiche === undefined ? undefined : v.fiches[k.fiche];
  return {
    fichier: k.fichier,
    ligne: k.ligne,
    idFiche: f?.tableur ? f.evaluation.id : undefined,
    champ: k.champ,
    colonne: k.colonne,
    message: k.message,
  };
}
