// The JSON document of a verification (docs/interface.md `verifier --format json`): every fiche's,
// counted by its verdict in this check, and the contract's block; the HTML report is drawn from it too.
import { contratJson } from "../../core/contrat-json.js";
import { documentJson } from "../../core/document-json.js";
import type { ProblemeSaisie } from "../../core/erreurs.js";
import { formaterProbleme } from "../../core/erreurs.js";
import { conformiteContrat, decompter, type Constat, type Verification } from "./verification.js";

export function documentVerification(v: Verification) {
  // Input problems that are not already in a fiche's own `erreurs`: unreadable files, duplicate ids.
  const erreurs = v.constats
    .filter((k) => k.gravite === "erreur" && (k.fiche === undefined || !v.fiches[k.fiche].erreur))
    .map((k) => formaterProbleme(probleme(v, k)));
  // The fiches counted by their verdict in this check, as the table counts them: a fiche outside the
  // contract's period, or whose id is given twice, is not "conforme" here even if its own plan is.
  const d = decompter(v);
  const document = {
    ...documentJson(v.fiches.map((f) => f.evaluation)),
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
  return document;
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
