// `ti-aides verifier CHEMIN…`: validates a whole contract for CI — fiche files, folders of them, or
// a contract file — and says where each failure stands. Exit 0 compliant, 1 a rule is broken,
// 2 an input cannot be read; warnings fail only with --strict.
import { formaterProbleme, type ProblemeSaisie } from "../../core/erreurs.js";
import { contratJson } from "../../core/contrat-json.js";
import { documentJson } from "../../core/document-json.js";
import { sansControles } from "../../core/texte-affichable.js";
import { ErreurUsage, CODE_NON_CONFORME, CODE_OK, CODE_SAISIE } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { ECRIVAINS_DOCUMENT } from "../ecrivains.js";
import { reglesDe, verifierDate, verifierFormat, type OptionsGlobales } from "../options.js";
import { rendreVerificationGithub } from "../verifier/github.js";
import { rendreVerificationJunit } from "../verifier/junit.js";
import { lireSources } from "../verifier/sources.js";
import { rendreVerificationTexte } from "../verifier/texte.js";
import {
  conformiteContrat,
  decompter,
  verifierSources,
  type Constat,
  type Verification,
} from "../verifier/verification.js";

export interface OptionsVerifier extends OptionsGlobales {
  strict?: boolean;
  /** The sheet of an .xlsx workbook to read (default: the first). */
  feuille?: string;
}

function json(v: Verification): string {
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
  return ECRIVAINS_DOCUMENT.json(document);
}

/** A finding as an input problem: a CSV row's with its fiche's id. */
function probleme(v: Verification, k: Constat): ProblemeSaisie {
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

export async function verifier(chemins: string[], o: OptionsVerifier): Promise<number> {
  const format = verifierFormat(o.format, "verifier");
  verifierDate(o.date);
  if (chemins.length === 0) {
    throw new ErreurUsage(
      "aucun chemin : donnez le dossier du contrat, un fichier de contrat ou des fiches (ex. ti-aides verifier contrat/)",
    );
  }
  const ref = reglesDe(o);
  const lireCsv = async (fichier: string) =>
    (await import("../verifier/csv.js")).lireFichesCsv(fichier, ref, o.feuille);
  const v = verifierSources(await lireSources(chemins, lireCsv), ref, o.date);
  const strict = o.strict === true;

  for (const k of v.constats)
    if (k.gravite === "erreur") process.stderr.write(`Erreur : ${formaterProbleme(probleme(v, k))}\n`);
  const sortie =
    format === "json"
      ? json(v)
      : format === "junit"
        ? rendreVerificationJunit(v, strict)
        : format === "github"
          ? rendreVerificationGithub(v, strict)
          : rendreVerificationTexte(sansControles(v), strict);
  ecrireSortie(sortie, o.sortie);

  const d = decompter(v);
  if (d.erreurs > 0) return CODE_SAISIE;
  if (d.echecs > 0 || (strict && d.avertissements > 0)) return CODE_NON_CONFORME;
  return CODE_OK;
}
