// Golden tests: bpifrance-accelerateurs (Guide TI V5, fiche 5, l.612-700): « les ETI et PME, sont
// sélectionnées en fonction de critères de chiffre d'affaires (généralement entre 10-50M€) » (l.637):
// PME or ETI only; outside 10-50 M€ of turnover, a warning, not a refusal. Eligibility only.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

function acc(beneficiaire: Record<string, unknown>) {
  const r = resultat(
    evaluer(ficheSimple({ nature: "conseil", categorie: "accelerateur", montant: 30000 }, { beneficiaire })),
    "bpifrance-accelerateurs",
  );
  return { ...chiffres(r), codes: codes(r) };
}

describe("bpifrance-accelerateurs", () => {
  test("une ME de 30 M€ de CA : éligible, sans avertissement ni montant", () => {
    expect(acc({})).toEqual({ eligible: true, assiette: null, taux: null, plafond: null, codes: [] });
  });
  test("une ETI (300 salariés, 45 M€) : éligible", () => {
    expect(
      acc(entreprise({ effectif: 300, chiffre_affaires: 45000000, total_bilan: 50000000 })).eligible,
    ).toBe(true);
  });
  test("une GE de 5 000 salariés : non éligible", () => {
    const a = acc(entreprise({ effectif: 5000, chiffre_affaires: 45000000, total_bilan: 50000000 }));
    expect(a.eligible).toBe(false);
    expect(a.codes).toContain("ni_pme_ni_eti");
  });
  test("CA de 10 M€ et de 50 M€ tout juste : dans la fourchette, sans avertissement", () => {
    expect(acc({ chiffre_affaires: 10000000 }).codes).toEqual([]);
    expect(acc({ chiffre_affaires: 50000000 }).codes).toEqual([]);
  });
  test("CA d'un centime sous 10 M€ ou au-dessus de 50 M€ : avertissement, toujours éligible", () => {
    const bas = acc({ chiffre_affaires: "9999999.99" });
    expect(bas.eligible).toBe(true);
    expect(bas.codes).toContain("chiffre_affaires_bas");
    // 120 salariés, CA 50 000 000,01 € mais bilan 20 M€ ≤ 43 M€ : toujours une ME
    const haut = acc({ chiffre_affaires: "50000000.01" });
    expect(haut.eligible).toBe(true);
    expect(haut.codes).toContain("chiffre_affaires_haut");
  });
});
