// Golden tests: pole-emploi-afpr-poei, formation préalable à l'embauche (Guide TI V5, fiche 12,
// l.1278-1286): « dispositifs de 400 heures maximum [qui] requièrent une promesse d'embauche sous CDD
// d'un minimum de 6 mois ou CDI » (l.1282). Eligibility only: the guide gives no amount.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

function afpr(depense: Record<string, unknown>) {
  const r = resultat(
    evaluer(
      ficheSimple({ nature: "formation", categorie: "preparation_embauche", montant: 6000, ...depense }),
    ),
    "pole-emploi-afpr-poei",
  );
  return { ...chiffres(r), codes: codes(r) };
}

describe("pole-emploi-afpr-poei", () => {
  test("400 heures et un CDI : éligible, sans montant", () => {
    const a = afpr({ heures: 400, type_contrat: "cdi" });
    expect(a).toEqual({ eligible: true, assiette: null, taux: null, plafond: null, codes: [] });
  });
  test("401 heures : non éligible", () => {
    const a = afpr({ heures: 401, type_contrat: "cdi" });
    expect(a.eligible).toBe(false);
    expect(a.codes).toContain("formation_trop_longue");
  });
  test("CDD de 6 mois : éligible ; de 5 mois : non", () => {
    expect(afpr({ heures: 200, type_contrat: "cdd", duree_contrat_mois: 6 }).eligible).toBe(true);
    const a = afpr({ heures: 200, type_contrat: "cdd", duree_contrat_mois: 5 });
    expect(a.eligible).toBe(false);
    expect(a.codes).toContain("cdd_trop_court");
  });
  test("CDD sans durée : sous réserve", () => {
    const a = afpr({ heures: 200, type_contrat: "cdd" });
    expect(a.eligible).toBe(true);
    expect(a.codes).toContain("sous_reserve_cdd_trop_court");
  });
  test("la durée du contrat ne compte pas pour un CDI", () => {
    expect(afpr({ heures: 200, type_contrat: "cdi", duree_contrat_mois: 3 }).eligible).toBe(true);
  });
  test("un contrat d'alternance n'est pas une promesse de CDD ou de CDI", () => {
    const a = afpr({ heures: 200, type_contrat: "alternance" });
    expect(a.eligible).toBe(false);
    expect(a.codes).toContain("contrat_non_couvert");
  });
  test("rien de renseigné : éligible sous réserve des heures et du contrat", () => {
    const a = afpr({});
    expect(a.eligible).toBe(true);
    expect(a.codes).toEqual(
      expect.arrayContaining(["sous_reserve_formation_trop_longue", "sous_reserve_contrat_non_couvert"]),
    );
  });
});
