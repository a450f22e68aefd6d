// Kind `deduction_fiscale`: the 40 % extra deduction (suramortissement, Guide fiche 23,
// l.2106-2136 and note 7, l.2126; CGI art. 39 decies B, whose bounds are inclusive). A tax measure,
// not a subsidy.
import { z } from "zod";
import { tronquerCentime } from "../argent.js";
import { ajouterMois, dateFr } from "../dates.js";
import { parametre, schemaDateIso } from "../parametres.js";
import { schemasCommuns } from "../schemas/communs.js";
import { lire, sortieVide, type EntreeCalcul, type SorteCalcul, type SortieCalcul } from "./commun.js";
import { euros, pourcent } from "../format.js";

/** The `calcul:` of a rule of this kind. */
export function schemaDeduction() {
  const { nombre, taux } = schemasCommuns();
  const dateIso = schemaDateIso();
  return z.strictObject({
    type: z.literal("deduction_fiscale"),
    taux: parametre(taux),
    taux_is_defaut: parametre(taux),
    calendrier: parametre(
      // Seconde édition, point 6 : bornes incluses, comme le CGI, art. 39 decies B (« à compter du
      // 20 septembre 2018 », acompte versé « au plus tard le 31 décembre 2020 »).
      z.strictObject({
        commande_a_partir_du: dateIso,
        acquisition_du: dateIso,
        acquisition_au: dateIso,
        acompte_min: taux,
        acompte_au_plus_tard: dateIso,
        livraison_mois_max: nombre,
      }),
    ),
  });
}

export type CalculDeduction = z.output<ReturnType<typeof schemaDeduction>>;

export const sorteDeduction: SorteCalcul<CalculDeduction> = {
  description: "une déduction fiscale (pourcentage du prix de revient) et l'économie d'impôt",
  calculer: calculerDeduction,
  fiscal: true,
};

export function calculerDeduction(c: CalculDeduction, e: EntreeCalcul): SortieCalcul {
  const s = sortieVide(e);
  const d = e.depense;
  const cal = lire(c.calendrier, e.date, s.motifs);
  const k = cal.valeur;
  // Outside the tax window: `hors_periode`, with the dates (docs/domaine.md §2, second edition).
  const refuser = (message: string) => {
    s.eligible = false;
    s.motifs.push({ code: "hors_periode", niveau: "erreur", message, source: cal.source });
  };
  const reserve = (champ: string, message: string) =>
    s.motifs.push({
      code: `sous_reserve_${champ}`,
      niveau: "avertissement",
      message: `Sous réserve de « ${champ} » (non renseigné) : ${message}`,
      source: cal.source,
    });

  if (d.date_commande === undefined)
    reserve("date_commande", `la commande doit être passée à compter du ${dateFr(k.commande_a_partir_du)}.`);
  else if (d.date_commande < k.commande_a_partir_du)
    refuser(
      `Commande du ${dateFr(d.date_commande)} : hors période, elle doit être passée à compter du ${dateFr(k.commande_a_partir_du)}.`,
    );

  if (d.date_acquisition === undefined) {
    reserve(
      "date_acquisition",
      `le bien doit être acquis du ${dateFr(k.acquisition_du)} au ${dateFr(k.acquisition_au)}, ou plus tard avec un acompte.`,
    );
  } else if (d.date_acquisition < k.acquisition_du) {
    refuser(
      `Acquisition du ${dateFr(d.date_acquisition)} : hors période, avant le ${dateFr(k.acquisition_du)} (biens acquis du ${dateFr(k.acquisition_du)} au ${dateFr(k.acquisition_au)}).`,
    );
  } else if (d.date_acquisition > k.acquisition_au) {
    // Note 7: acquired later, if a deposit of at least 10 % was paid before the end date and the
    // good is acquired within 24 months of the order.
    const acompteMin = d.montant.times(k.acompte_min);
    // A missing input is « sous réserve » (docs/domaine.md §0); only a given one that fails refuses.
    const motifs: string[] = [];
    const exigeAcompte = `un acompte d'au moins ${pourcent(k.acompte_min)} de la commande (${euros(acompteMin)}) est requis`;
    const exigeDate = `l'acompte doit être versé au plus tard le ${dateFr(k.acompte_au_plus_tard)}`;
    if (d.acompte !== undefined && d.acompte.lessThan(acompteMin)) motifs.push(exigeAcompte);
    if (d.date_acompte !== undefined && d.date_acompte > k.acompte_au_plus_tard) motifs.push(exigeDate);
    const limite = d.date_commande
      ? ajouterMois(d.date_commande, k.livraison_mois_max.toNumber())
      : undefined;
    if (limite !== undefined && d.date_acquisition > limite)
      motifs.push(
        `l'acquisition doit intervenir dans les ${k.livraison_mois_max.toString()} mois de la commande (au plus tard le ${dateFr(limite)})`,
      );
    if (motifs.length)
      refuser(
        `Acquisition du ${dateFr(d.date_acquisition)}, après le ${dateFr(k.acquisition_au)} : hors période, ${motifs.join(" ; ")}.`,
      );
    else if (d.acompte === undefined || d.date_acompte === undefined || limite === undefined) {
      const apres = `pour un bien acquis après le ${dateFr(k.acquisition_au)}, `;
      if (d.acompte === undefined) reserve("acompte", `${apres}${exigeAcompte}.`);
      if (d.date_acompte === undefined) reserve("date_acompte", `${apres}${exigeDate}.`);
      // date_commande missing is already « sous réserve » above; it also sets the delivery deadline.
    } else
      s.etapes?.push({
        libelle: "Acquisition tardive admise (acompte suffisant et versé à temps, livraison dans le délai)",
        source: cal.source,
      });
  }

  const taux = lire(c.taux, e.date, s.motifs);
  const tis = e.fiche.beneficiaire.taux_is ?? lire(c.taux_is_defaut, e.date, s.motifs).valeur;
  s.assiette = d.montant;
  s.taux = taux.valeur;
  s.plafond = tronquerCentime(d.montant.times(taux.valeur));
  const economie = tronquerCentime(s.plafond.times(tis));
  s.details.economie_impot = economie.toFixed(2);
  s.details.taux_is = tis.toFixed(4);
  s.etapes?.push({
    libelle: `Déduction supplémentaire = ${pourcent(taux.valeur)} × ${euros(d.montant)}`,
    valeur: euros(s.plafond),
    source: taux.source,
  });
  s.etapes?.push({
    libelle: `Économie d'impôt = déduction × taux d'IS ${pourcent(tis)}`,
    valeur: euros(economie),
  });
  return s;
}
