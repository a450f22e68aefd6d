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
 * `verifier --format json`: the text of JSON.stringify(documentVerification(v), null, 2), in pieces,
 * one fiche at a time: neither the whole text nor every fiche's JSON object is ever in memory (half of
 * what a fiche of `verifier` cost, issue 20). Same bytes (test/verifier-json-progressif.test.ts).
 */
export function* morceauxJsonVerification(v: Verification): Generator<string> {
  const texte = JSON.stringify(documentAvec(v, []), null, 2);
  // The fiches' empty list, at the document's first level (two spaces: deeper keys have more).
  const apres = texte.indexOf(LISTE_VIDE) + LISTE_VIDE.length - 1;
  yield texte.slice(0, apres); // …"fiches": [
  for (let i = 0; i < v.fiches.length; i++) {
    const fiche = JSON.stringify(ficheJson(v.fiches[i].evaluation), null, 2);
    yield `${i ? "," : ""}\n    ${fiche.replaceAll("\n", "\n    ")}`;
  }
  yield `${v.fiches.length ? "\n  " : ""}${texte.slice(apres)}\n`; // ]…
}

const LISTE_VIDE = '\n  "fiches": []';

/** The document with these fiches (all of them, or none for morceauxJsonVerification). */
function documentAvec<F>(v: Verification, fiches: F[]) {
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
