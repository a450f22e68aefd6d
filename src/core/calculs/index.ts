// The kinds of calculation, one module each, registered in this table. The engine, the rule checks,
// `ti-aides regles` and the interactive mode ask the table, never the kind's name; a new dispositif of
// an existing kind is a YAML file only, a new kind is its module and its two lines here.
import { z } from "zod";
import type { Calcul } from "../schemas/regle.js";
import type { EntreeCalcul, SorteCalcul, SortieCalcul } from "./commun.js";
import { schemaDeduction, sorteDeduction } from "./deduction.js";
import { schemaDotation, sorteDotation } from "./dotation.js";
import { schemaEligibilite, sorteEligibilite } from "./eligibilite.js";
import { schemaForfait, sorteForfait } from "./forfait.js";
import { schemaMarche, sorteMarche } from "./marche.js";
import { schemaTaux, sorteTaux } from "./taux.js";

/** The `calcul:` of a rule file: one schema per kind, told apart by `type`. */
export function schemaCalcul() {
  return z.discriminatedUnion("type", [
    schemaTaux(),
    schemaForfait(),
    schemaDotation(),
    schemaDeduction(),
    schemaMarche(),
    schemaEligibilite(),
  ]);
}

const SORTES: { [T in Calcul["type"]]: SorteCalcul<Extract<Calcul, { type: T }>> } = {
  taux: sorteTaux,
  forfait_par_tranche: sorteForfait,
  dotation_annuelle: sorteDotation,
  deduction_fiscale: sorteDeduction,
  financement_marche: sorteMarche,
  eligibilite: sorteEligibilite,
};

/** The module of a rule's kind of calculation. */
export function sorteDe<C extends Calcul>(c: C): SorteCalcul<C> {
  return SORTES[c.type] as unknown as SorteCalcul<C>;
}

/** The module of a kind named by its `type`. */
export function sorteNommee(type: Calcul["type"]): SorteCalcul<Calcul> {
  return SORTES[type] as unknown as SorteCalcul<Calcul>;
}

export function calculer(c: Calcul, e: EntreeCalcul): SortieCalcul {
  return sorteDe(c).calculer(c, e);
}

export type { EntreeCalcul, SortieCalcul };
