// Helpers of the golden tests: the figures of one result as the JSON output prints them
// (amounts "480000.00", rates "0.6000"), so that each case reads as one line of the guide.
import type { Resultat } from "../../src/core/modele.js";

export interface Chiffres {
  eligible: boolean;
  assiette: string | null;
  taux: string | null;
  plafond: string | null;
}

export function chiffres(r: Resultat): Chiffres {
  return {
    eligible: r.eligible,
    assiette: r.assiette?.toFixed(2) ?? null,
    taux: r.taux?.toFixed(4) ?? null,
    plafond: r.plafond?.toFixed(2) ?? null,
  };
}

/** An enterprise whose figures are only those given (ficheSimple's defaults removed). */
export function entreprise(b: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nature: "entreprise",
    effectif: undefined,
    chiffre_affaires: undefined,
    total_bilan: undefined,
    ...b,
  };
}

/** A fiche with several expenses, built on ficheSimple's beneficiary and defaults. */
export function avecDepenses(
  base: Record<string, unknown>,
  depenses: Record<string, unknown>[],
): Record<string, unknown> {
  return { ...base, depenses };
}
