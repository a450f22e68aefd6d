// Kind `eligibilite`: the guide names the dispositif and its conditions but gives no figure.
import { z } from "zod";
import { sortieVide, type SorteCalcul } from "./commun.js";

/** The `calcul:` of a rule of this kind. */
export function schemaEligibilite() {
  return z.strictObject({ type: z.literal("eligibilite") });
}

export type CalculEligibilite = z.output<ReturnType<typeof schemaEligibilite>>;

export const sorteEligibilite: SorteCalcul<CalculEligibilite> = {
  description: "l'éligibilité seulement : le guide ne chiffre pas l'aide",
  calculer: (_c, e) => sortieVide(e),
  sansMontant: true,
};
