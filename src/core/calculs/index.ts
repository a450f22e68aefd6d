// One function per kind of calculation; a new dispositif of an existing kind is a YAML file only.
import type { Calcul } from "../schemas/regle.js";
import { sortieVide, type EntreeCalcul, type SortieCalcul } from "./commun.js";
import { calculerDeduction } from "./deduction.js";
import { calculerDotation } from "./dotation.js";
import { calculerForfait } from "./forfait.js";
import { calculerMarche } from "./marche.js";
import { calculerTaux } from "./taux.js";

export function calculer(c: Calcul, e: EntreeCalcul): SortieCalcul {
  switch (c.type) {
    case "taux":
      return calculerTaux(c, e);
    case "forfait_par_tranche":
      return calculerForfait(c, e);
    case "dotation_annuelle":
      return calculerDotation(c, e);
    case "deduction_fiscale":
      return calculerDeduction(c, e);
    case "financement_marche":
      return calculerMarche(c, e);
    case "eligibilite":
      return sortieVide();
  }
}

export type { EntreeCalcul, SortieCalcul };
