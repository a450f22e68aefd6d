// Kind `financement_marche`: an investor on market terms (Banque des Territoires, Guide fiche 2,
// l.286-349): not State aid; a loan may cover up to its quotité, equity has no ceiling.
import { z } from "zod";
import { tronquerCentime } from "../argent.js";
import { parametre } from "../parametres.js";
import { schemasCommuns } from "../schemas/communs.js";
import { lire, sortieVide, type EntreeCalcul, type SorteCalcul, type SortieCalcul } from "./commun.js";
import { euros, pourcent } from "../format.js";

/** The `calcul:` of a rule of this kind. */
export function schemaMarche() {
  const { taux } = schemasCommuns();
  return z.strictObject({
    type: z.literal("financement_marche"),
    /** Share of the expense a loan may cover ("quotités jusqu'à 100 %"). */
    quotite_pret: parametre(taux),
  });
}

export type CalculMarche = z.output<ReturnType<typeof schemaMarche>>;

export const sorteMarche: SorteCalcul<CalculMarche> = {
  description: "un financement aux conditions du marché (hors aide d'État), quotité d'un prêt",
  calculer: calculerMarche,
};

export function calculerMarche(c: CalculMarche, e: EntreeCalcul): SortieCalcul {
  const s = sortieVide(e);
  s.motifs.push({
    code: "investisseur_avise",
    niveau: "info",
    message:
      "Intervention en investisseur avisé, aux conditions du marché : pas une aide d'État, hors cumul et de minimis.",
    source: e.regle.source,
  });
  if (e.forme === "pret") {
    const q = lire(c.quotite_pret, e.date, s.motifs);
    s.plafond = tronquerCentime(e.depense.montant.times(q.valeur));
    s.etapes?.push({
      libelle: `Prêt : quotité jusqu'à ${pourcent(q.valeur)} de ${euros(e.depense.montant)}`,
      valeur: euros(s.plafond),
      source: q.source,
    });
  } else {
    s.etapes?.push({
      libelle: e.forme
        ? `Intervention en ${e.forme.replaceAll("_", " ")} : pas de plafond chiffré par le guide`
        : "Forme non précisée (prêt, fonds propres) : pas de plafond chiffré",
      source: e.regle.source,
    });
  }
  return s;
}
