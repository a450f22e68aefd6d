// `--date` moves the evaluation date, not the grant date: a line's grant date is its `date_octroi`, by
// default the fiche's `date_demande` (docs/domaine.md §3, de_minimis). The spec does not say which of
// the two `--date` should move for the transparency threshold and the de minimis ceiling; the tool
// keeps the grant date and says so, naming both dates and what each decides — never in silence.
import { lire } from "./calculs/commun.js";
import { seuilDuSecteur } from "./controles/transparence.js";
import { dateFr } from "./dates.js";
import { euros } from "./format.js";
import type { Ligne } from "./financements.js";
import type { BeneficiaireEvalue, Motif } from "./modele.js";
import type { Referentiel } from "./regles/referentiel.js";
import type { Fiche } from "./schemas/fiche.js";

/** The transparency threshold of the beneficiary's sector at a date (rules/parametres/transparence.yaml). */
function seuilTransparence(ref: Referentiel, fiche: Fiche, date: string) {
  return seuilDuSecteur(lire(ref.transparence.seuils, date, []).valeur, fiche.beneficiaire.secteur);
}

const liste = (xs: string[]) =>
  xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} et ${xs.at(-1)}`;

/** The warning when `--date` differs from the date_demande that dates the lines without date_octroi. */
export function signalerDateOctroi(
  fiche: Fiche,
  lignes: Ligne[],
  benef: BeneficiaireEvalue,
  ref: Referentiel,
  date: string,
  motifs: Motif[],
): void {
  const demande = fiche.date_demande;
  if (!demande || demande === date) return;
  const deMinimis = (l: Ligne) => l.regime === "de_minimis";
  const concernees = lignes.filter(
    (l) =>
      l.aideEtat &&
      !fiche.financements?.[l.index]?.date_octroi &&
      (benef.activite_economique || deMinimis(l)),
  );
  if (concernees.length === 0) return;
  const dependances: string[] = [];
  if (benef.activite_economique) {
    const avant = seuilTransparence(ref, fiche, demande);
    const apres = seuilTransparence(ref, fiche, date);
    dependances.push(
      avant.equals(apres)
        ? `le seuil de transparence (${euros(avant)} aux deux dates)`
        : `le seuil de transparence (${euros(avant)} au ${dateFr(demande)}, ${euros(apres)} au ${dateFr(date)})`,
    );
  }
  if (concernees.some(deMinimis)) dependances.push("le plafond de minimis et sa période");
  const numeros = liste(concernees.map((l) => `n°${l.index + 1}`));
  const pluriel = concernees.length > 1;
  motifs.push({
    code: "date_octroi_par_defaut",
    niveau: "avertissement",
    message:
      `Deux dates : les chiffres des dispositifs et le cumul sont lus à la date d'évaluation ${dateFr(date)} (--date), ` +
      `mais ${pluriel ? `les financements ${numeros}, sans date_octroi, sont octroyés` : `le financement ${numeros}, sans date_octroi, est octroyé`} ` +
      `à la date de la demande, ${dateFr(demande)} : ${dependances.join(", ")} en ${dependances.length > 1 ? "dépendent" : "dépend"}. ` +
      `Si l'aide est octroyée au ${dateFr(date)}, écrivez date_octroi: ${date} sur ${pluriel ? "ces lignes" : "cette ligne"}.`,
    source: null,
  });
}
