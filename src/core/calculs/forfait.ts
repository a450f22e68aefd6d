// Kind `forfait_par_tranche`: a flat fee by headcount bracket, paid only when the forecast saving
// reaches the bracket's minimum (ADEME "TPE & PME gagnantes", Guide fiche 7, l.834-842).
import { z } from "zod";
import { ZERO } from "../argent.js";
import { lireChamp } from "../champs.js";
import type { Dec } from "../argent.js";
import { parametre } from "../parametres.js";
import { schemasCommuns } from "../schemas/communs.js";
import {
  lire,
  sortieVide,
  type ChampLu,
  type EntreeCalcul,
  type SorteCalcul,
  type SortieCalcul,
} from "./commun.js";
import { euros } from "../format.js";

/** The `calcul:` of a rule of this kind. */
export function schemaForfait() {
  const { montant, nombre } = schemasCommuns();
  const tranche = z.strictObject({
    effectif_min: nombre,
    effectif_moins_de: nombre.optional(),
    effectif_au_plus: nombre.optional(),
    minimum_economie: montant,
    forfait: montant,
    paye_a: z.string(),
  });
  return z.strictObject({
    type: z.literal("forfait_par_tranche"),
    champ_effectif: z.string(),
    champ_economie: z.string(),
    tranches: parametre(z.array(tranche).min(1)),
  });
}

export type CalculForfait = z.output<ReturnType<typeof schemaForfait>>;

export const sorteForfait: SorteCalcul<CalculForfait> = {
  description: "un forfait par tranche d'effectif, dû si l'économie prévue atteint un minimum",
  calculer: calculerForfait,
  champsLus: (c) => [
    ...c.champ_effectif.split("|").map((champ): ChampLu => ({ champ, chemin: ["calcul", "champ_effectif"] })),
    { champ: c.champ_economie, chemin: ["calcul", "champ_economie"] },
  ],
};

export function calculerForfait(c: CalculForfait, e: EntreeCalcul): SortieCalcul {
  const s = sortieVide(e);
  const champs = c.champ_effectif.split("|");
  let effectif: Dec | undefined;
  // Read on a field after the first (the company's headcount, not the establishment's): an upper bound.
  let parDefaut = false;
  for (const [i, champ] of champs.entries()) {
    if (effectif !== undefined) break;
    effectif = lireChamp(e, champ) as Dec | undefined;
    parDefaut = i > 0;
  }
  const t = lire(c.tranches, e.date, s.motifs);
  if (effectif === undefined) {
    s.motifs.push({
      code: "sous_reserve_effectif",
      niveau: "avertissement",
      message:
        "Sous réserve de l'effectif de l'établissement (non renseigné) : il fixe la tranche et le forfait.",
      source: t.source,
    });
    s.details = { forfait: null, paye_a: null };
    return s;
  }
  const tranche = t.valeur.find(
    (x) =>
      effectif!.greaterThanOrEqualTo(x.effectif_min) &&
      (x.effectif_moins_de === undefined || effectif!.lessThan(x.effectif_moins_de)) &&
      (x.effectif_au_plus === undefined || effectif!.lessThanOrEqualTo(x.effectif_au_plus)),
  );
  if (!tranche && parDefaut) {
    // An establishment may be smaller than its company: no refusal on the company's headcount.
    s.motifs.push({
      code: "sous_reserve_effectif",
      niveau: "avertissement",
      message: `Sous réserve de l'effectif de l'établissement (non renseigné) : celui de l'entreprise (${effectif.toString()}) est hors des tranches, indiquez effectif_etablissement.`,
      source: t.source,
    });
    s.details = { forfait: null, paye_a: null };
    return s;
  }
  if (!tranche) {
    s.eligible = false;
    s.motifs.push({
      code: "effectif_hors_tranches",
      niveau: "erreur",
      message: `Établissement de ${effectif.toString()} salariés : hors des tranches du dispositif.`,
      source: t.source,
    });
    return s;
  }
  if (parDefaut) {
    s.motifs.push({
      code: "effectif_entreprise_retenu",
      niveau: "avertissement",
      message: `Effectif de l'établissement non renseigné : celui de l'entreprise (${effectif.toString()}) fixe la tranche ; un établissement plus petit relèverait d'une tranche inférieure, indiquez effectif_etablissement.`,
      source: t.source,
    });
  }
  const borne = tranche.effectif_moins_de ?? tranche.effectif_au_plus;
  s.etapes?.push({
    libelle: `Tranche d'effectif ${tranche.effectif_min.toString()} à ${borne?.toString() ?? "…"} (effectif ${effectif.toString()})`,
    valeur: `minimum ${euros(tranche.minimum_economie)}, forfait ${euros(tranche.forfait)}`,
    source: t.source,
  });
  if (tranche.effectif_au_plus !== undefined && effectif.equals(tranche.effectif_au_plus)) {
    s.motifs.push({
      code: "lecture_borne_tranche",
      niveau: "avertissement",
      message: `Effectif de ${effectif.toString()} : le tableau du guide inclut cette borne, son texte dit « moins de ${effectif.toString()} salariés ». Lecture retenue : accepté.`,
      source: t.source,
    });
  }
  const economie = lireChamp(e, c.champ_economie) as Dec | undefined;
  s.details = { forfait: null, paye_a: tranche.paye_a };
  if (economie === undefined) {
    s.motifs.push({
      code: "sous_reserve_economie",
      niveau: "avertissement",
      message: `Sous réserve de l'économie annuelle prévue (non renseignée) : le forfait de ${euros(tranche.forfait)} n'est dû que si elle atteint ${euros(tranche.minimum_economie)}.`,
      source: t.source,
    });
    return s;
  }
  const due = economie.greaterThanOrEqualTo(tranche.minimum_economie);
  const forfait = due ? tranche.forfait : ZERO;
  s.details = { forfait: forfait.toFixed(2), paye_a: tranche.paye_a };
  s.etapes?.push({
    libelle: `Économie annuelle prévue ${euros(economie)} ${due ? "≥" : "<"} minimum ${euros(tranche.minimum_economie)}`,
    valeur: `forfait ${euros(forfait)}`,
    source: t.source,
  });
  if (economie.equals(tranche.minimum_economie)) {
    s.motifs.push({
      code: "lecture_minimum_atteint",
      niveau: "avertissement",
      message:
        "Économie égale au minimum : le tableau dit que le minimum « déclenche le paiement », le texte qu'il faut le « dépasser ». Lecture retenue : le forfait est dû.",
      source: t.source,
    });
  }
  s.motifs.push(
    due
      ? {
          code: "forfait_du",
          niveau: "info",
          message: `Forfait de ${euros(forfait)} payé ${tranche.paye_a === "ademe" ? "à l'ADEME" : "à la chambre consulaire (CCI ou CMA)"}.`,
          source: t.source,
        }
      : {
          code: "forfait_non_du",
          niveau: "info",
          message: `Économie prévue sous le minimum de ${euros(tranche.minimum_economie)} : l'accompagnement est gratuit.`,
          source: t.source,
        },
  );
  return s;
}
