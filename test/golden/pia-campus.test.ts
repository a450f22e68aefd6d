// Golden tests: pia-campus, Campus des métiers et des qualifications (Guide TI V5, fiche 15,
// l.1509-1596): « subventions pouvant atteindre au maximum 50 % des dépenses éligibles du projet »
// (l.1560). No amount cap in the guide.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

function campus(montant: number | string, beneficiaire: Record<string, unknown> = {}) {
  const r = resultat(
    evaluer(ficheSimple({ nature: "formation", categorie: "campus", montant }, { beneficiaire })),
    "pia-campus",
  );
  return { ...chiffres(r), codes: codes(r) };
}

describe("pia-campus", () => {
  test("50 % des dépenses, tronqué au centime", () => {
    // 50 % × 2 468 013,57 = 1 234 006,785 → 1 234 006,78 € (l.1560)
    expect(campus("2468013.57")).toMatchObject({
      eligible: true,
      assiette: "2468013.57",
      taux: "0.5000",
      plafond: "1234006.78",
    });
  });
  test("pas de plafond en montant : 50 % de 30 M€", () => {
    // 50 % × 30 000 000 = 15 000 000,00 € (l.1560 ; l'appel est doté de 50 M€ en tout, l.1558)
    expect(campus(30000000).plafond).toBe("15000000.00");
  });
  test("un établissement public (activité non économique) : le même taux de 50 %", () => {
    // 50 % × 400 000 = 200 000,00 €
    expect(
      campus(400000, {
        nature: "etablissement_public",
        effectif: undefined,
        chiffre_affaires: undefined,
        total_bilan: undefined,
      }),
    ).toMatchObject({ taux: "0.5000", plafond: "200000.00" });
  });
});
