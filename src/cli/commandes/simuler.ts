// `ti-aides simuler`: evaluates fiche files (YAML, JSON, `-` for stdin), or a one-line fiche
// built from flags for a quick question.
import { ErreurSaisie, formaterProbleme } from "../../core/erreurs.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { documentJson, synthese } from "../../core/document-json.js";
import { vouliezVousDire } from "../../core/suggestion.js";
import { sansControles } from "../../core/texte-affichable.js";
import { ErreurUsage, CODE_NON_CONFORME, CODE_OK, CODE_SAISIE } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { ECRIVAINS_DOCUMENT, ecrireRapportHtml, type FormatDocument } from "../ecrivains.js";
import { evaluerSource, type FicheEvaluee, type FicheSource } from "../../core/fiche-lue.js";
import { fichesDuDocument } from "../../core/fiches-du-document.js";
import { lireFichier } from "../entrees.js";
import {
  evaluationPourOptions,
  lignesDesOptions,
  utiliseFinancements,
  type LignesDesOptions,
} from "../lignes-financement.js";
import { lireDateOption, reglesDe, verifierDate, verifierFormat, type OptionsSimuler } from "../options.js";
import type { Forme } from "../../core/schemas/communs.js";
import { FORMES } from "../../core/schemas/communs.js";

/** The flags that build a one-line fiche, and the field each one fills. */
const DRAPEAUX: Record<string, string> = {
  "beneficiaire.taille": "--taille",
  "beneficiaire.effectif": "--effectif",
  "beneficiaire.chiffre_affaires": "--chiffre-affaires",
  "beneficiaire.total_bilan": "--total-bilan",
  "beneficiaire.nature": "--nature-beneficiaire",
  "beneficiaire.secteur": "--secteur",
  "localisation.zone": "--zone",
  "depenses[0].nature": "--nature",
  "depenses[0].categorie": "--categorie",
  "depenses[0].montant": "--montant",
  "depenses[0].cout_reference": "--cout-reference",
  "depenses[0].dispositifs[0]": "--dispositif",
  date_demande: "--date",
  date_debut: "--date-debut",
};

function utiliseDrapeaux(o: OptionsSimuler): boolean {
  return (
    o.dispositif !== undefined ||
    o.montant !== undefined ||
    o.categorie !== undefined ||
    utiliseFinancements(o)
  );
}

/** The one-line fiche of the flags form, as raw data to validate like any file. */
function ficheDesDrapeaux(o: OptionsSimuler, ref: Referentiel, financements: LignesDesOptions): unknown {
  if (o.montant === undefined)
    throw new ErreurUsage(
      "--montant est obligatoire pour une simulation en une ligne (ex. --montant 1200000)",
    );
  const regle = o.dispositif ? ref.dispositifs.get(o.dispositif) : undefined;
  if (o.dispositif && !regle) {
    throw new ErreurUsage(
      `--dispositif « ${o.dispositif} » inconnu${vouliezVousDire(o.dispositif, [...ref.dispositifs.keys()])} ; la liste : ti-aides regles`,
    );
  }
  const nature = o.nature ?? regle?.s_applique_a.natures?.[0];
  if (!nature)
    throw new ErreurUsage(
      "--nature est obligatoire ici (etude, investissement, animation, formation, equipement, recrutement, conseil, capital)",
    );
  const categorie =
    o.categorie ??
    (regle?.s_applique_a.categories?.length === 1 ? regle.s_applique_a.categories[0] : undefined);
  const sansVide = (x: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined));
  return sansVide({
    id: "simulation",
    date_demande: o.date,
    date_debut: o.dateDebut === undefined ? undefined : lireDateOption(o.dateDebut, "--date-debut"),
    beneficiaire: sansVide({
      nature: o.natureBeneficiaire,
      taille: o.taille,
      effectif: o.effectif,
      chiffre_affaires: o.chiffreAffaires,
      total_bilan: o.totalBilan,
      secteur: o.secteur,
    }),
    localisation: sansVide({ zone: o.zone, afr: o.afr ?? false }),
    depenses: [
      sansVide({
        id: "depense",
        nature,
        categorie,
        montant: o.montant,
        cout_reference: o.coutReference,
        dispositifs: o.dispositif ? [o.dispositif] : undefined,
      }),
    ],
    financements: financements.lignes.length ? financements.lignes : undefined,
    aides_de_minimis_anterieures: financements.anterieures.length ? financements.anterieures : undefined,
  });
}

/** Errors on the flags form name the flag, not the field. */
function nommerDrapeaux(e: ErreurSaisie, financements: LignesDesOptions): ErreurSaisie {
  const drapeau = (champ: string) => DRAPEAUX[champ] ?? financements.drapeaux.get(champ);
  return new ErreurSaisie(
    e.problemes.map((p) => (p.champ && drapeau(p.champ) ? { ...p, champ: drapeau(p.champ) } : p)),
  );
}

export async function simuler(fichiers: string[], o: OptionsSimuler): Promise<number> {
  const format = verifierFormat(o.format, "simuler");
  verifierDate(o.date);
  if (o.forme !== undefined && !(FORMES as readonly string[]).includes(o.forme)) {
    throw new ErreurUsage(
      `--forme « ${o.forme} » inconnue${vouliezVousDire(o.forme, FORMES)} ; formes : ${FORMES.join(", ")}`,
    );
  }
  const ref = reglesDe(o);

  let sources: FicheSource[] = [];
  let financements: LignesDesOptions = { lignes: [], anterieures: [], drapeaux: new Map() };
  const erreursLecture: ErreurSaisie[] = [];
  if (fichiers.length === 0) {
    if (!utiliseDrapeaux(o)) {
      if (process.stdin.isTTY && process.stdout.isTTY) {
        const { simulerInteractif } = await import("../interactif.js");
        return simulerInteractif(o, ref);
      }
      throw new ErreurUsage(
        process.stdin.isTTY
          ? "aucune fiche : donnez un fichier (ti-aides simuler fiche.yaml), « - » pour l'entrée standard, ou les options --dispositif, --montant…"
          : "aucune fiche : donnez un fichier, « - » pour lire l'entrée standard, ou les options --dispositif, --montant… (pas de questions hors d'un terminal)",
      );
    }
    financements = lignesDesOptions(o, ref);
    const donnees = ficheDesDrapeaux(o, ref, financements);
    sources = [
      {
        doc: { fichier: "(options de la ligne de commande)", donnees, ligneDe: () => undefined },
        chemin: [],
      },
    ];
  } else {
    // `--montant 1 200 000` without quotes: the shell gave "200" and "000" as files.
    if (utiliseDrapeaux(o) && fichiers.every((f) => /^[\d\s.,€]+$/.test(f)))
      throw new ErreurUsage(
        `« ${fichiers.join(" ")} » suit un montant écrit avec des espaces : mettez le montant entre guillemets (--montant "1 200 000 €") ou écrivez-le sans espaces (--montant 1200000)`,
      );
    if (utiliseDrapeaux(o))
      throw new ErreurUsage(
        "donnez soit des fichiers, soit les options --dispositif, --montant, --financement… d'une simulation en une ligne, pas les deux",
      );
    for (const f of fichiers) {
      try {
        sources.push(...fichesDuDocument(lireFichier(f)));
      } catch (e) {
        if (!(e instanceof ErreurSaisie)) throw e;
        erreursLecture.push(e);
      }
    }
  }

  const evaluees: FicheEvaluee[] = sources
    .map((s) =>
      evaluerSource(s, ref, { date: o.date, forme: o.forme as Forme | undefined, etapes: o.expliquer }),
    )
    .map((e) => (fichiers.length ? e : { ...e, evaluation: evaluationPourOptions(e.evaluation) }));
  const erreurs = [
    ...erreursLecture,
    ...evaluees.flatMap((e) =>
      e.erreur ? [fichiers.length ? e.erreur : nommerDrapeaux(e.erreur, financements)] : [],
    ),
  ];
  for (const e of erreurs)
    for (const p of e.problemes) process.stderr.write(`Erreur : ${formaterProbleme(p)}\n`);

  const evaluations = evaluees.map((e) => e.evaluation);
  // A fiche in error is said once, on stderr above; the table shows only the fiches evaluated.
  const evaluables = evaluees.filter((e) => !e.erreur);
  if (format === "table" ? evaluables.length : evaluations.length) {
    if (format === "html")
      ecrireSortie(
        await ecrireRapportHtml(
          documentJson(evaluations),
          evaluees,
          `ti-aides simuler ${fichiers.join(" ")}`,
          ref,
        ),
        o.sortie,
      );
    else if (format !== "table")
      ecrireSortie(
        ECRIVAINS_DOCUMENT[format as FormatDocument](documentJson(evaluations, { etapes: o.expliquer })),
        o.sortie,
      );
    else {
      // The renderers (cli-table3, chalk) are loaded only for a table.
      const { rendreFiche, rendreSynthese } = await import("../rendu/tableau.js");
      const { rendreExplicationsDeFiche } = await import("../rendu/explication.js");
      const blocs = evaluables
        .map(sansControles)
        .map(
          (e) =>
            rendreFiche(e.evaluation, e.fiche?.titre) +
            (o.expliquer ? `\n\n${rendreExplicationsDeFiche(e.evaluation, ref, e.fiche)}` : ""),
        );
      if (evaluations.length > 1) blocs.push(rendreSynthese(synthese(evaluations)));
      ecrireSortie(blocs.join("\n\n") + "\n", o.sortie);
    }
  }
  if (erreurs.length) return CODE_SAISIE;
  if (o.strict && evaluations.some((e) => e.conforme === false)) return CODE_NON_CONFORME;
  return CODE_OK;
}
