// `ti-aides verifier CHEMIN…`: validates a whole contract for CI — fiche files, folders of them, or
// a contract file — and says where each failure stands. Exit 0 compliant, 1 a rule is broken,
// 2 an input cannot be read; warnings fail only with --strict.
import { formaterProbleme } from "../../core/erreurs.js";
import { sansControles } from "../../core/texte-affichable.js";
import { ErreurUsage, CODE_NON_CONFORME, CODE_OK, CODE_SAISIE } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { ecrireRapportHtml } from "../ecrivains.js";
import { reglesDe, verifierDate, verifierFormat, type OptionsGlobales } from "../options.js";
import { rendreVerificationGithub } from "../verifier/github.js";
import { rendreVerificationJunit } from "../verifier/junit.js";
import { documentVerification, morceauxJsonVerification, probleme } from "../verifier/document.js";
import { lireSources } from "../verifier/sources.js";
import { rendreVerificationTexte } from "../verifier/texte.js";
import { decompter, verifierSources } from "../verifier/verification.js";

export interface OptionsVerifier extends OptionsGlobales {
  strict?: boolean;
  /** The sheet of an .xlsx workbook to read (default: the first). */
  feuille?: string;
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
  // The table, JUnit and GitHub outputs show, of each fiche's controls, only the failed ones (its
  // findings): the other messages are not written. Any other output (JSON, HTML) shows them all.
  const echecsSeulement = format === "table" || format === "junit" || format === "github";
  const v = verifierSources(
    await lireSources(chemins, lireCsv, ref),
    ref,
    o.date,
    echecsSeulement ? "anomalies" : undefined,
  );
  const strict = o.strict === true;

  for (const k of v.constats)
    if (k.gravite === "erreur") process.stderr.write(`Erreur : ${formaterProbleme(probleme(v, k))}\n`);
  const sortie =
    format === "json"
      ? morceauxJsonVerification(v) // written fiche by fiche, never whole in memory
      : format === "html"
        ? await ecrireRapportHtml(
            documentVerification(v),
            v.fiches,
            `ti-aides verifier ${chemins.join(" ")}`,
            ref,
          )
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
