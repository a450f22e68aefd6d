// Golden tests: cifre, « 1000 doctorants pour les territoires » (Guide TI V5, fiche 11, l.1086-1120):
// « 14 000 euros par an, pendant 3 ans, pour un salaire minimum brut non-chargé du doctorant de
// 23 484 euros par an » (l.1092); for public or associative employers (l.1090, l.1095, l.1101).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

const COLLECTIVITE = { nature: "collectivite", effectif: undefined, chiffre_affaires: undefined, total_bilan: undefined };

function cifre(depense: Record<string, unknown>, beneficiaire: Record<string, unknown> = COLLECTIVITE) {
  const e = evaluer(ficheSimple({ nature: "recrutement", categorie: "doctorant", montant: 120000, ...depense }, { beneficiaire }));
  const r = resultat(e, "cifre");
  return { ...chiffres(r), codes: codes(r) };
}

describe("cifre", () => {
  test("3 ans, salaire de 23 484 € tout juste : 42 000 €", () => {
    // 14 000 × 3 = 42 000,00 € ; 23 484 ≥ 23 484 (l.1092)
    const c = cifre({ salaire_brut_annuel: 23484, duree_annees: 3 });
    expect(c).toMatchObject({ eligible: true, assiette: null, taux: null, plafond: "42000.00" });
    expect(c.codes).toEqual([]);
  });
  test("salaire de 23 483,99 € : non éligible", () => {
    const c = cifre({ salaire_brut_annuel: "23483.99", duree_annees: 3 });
    expect(c).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(c.codes).toContain("salaire_insuffisant");
  });
  test("2 ans : 28 000 €", () => {
    // 14 000 × 2 = 28 000,00 € (l.1092)
    expect(cifre({ salaire_brut_annuel: 26000, duree_annees: 2 }).plafond).toBe("28000.00");
  });
  test("4 ans : 3 ans financés, avec un avertissement", () => {
    // 14 000 × min(4, 3) = 42 000,00 € (« pendant 3 ans », l.1092)
    const c = cifre({ salaire_brut_annuel: 26000, duree_annees: 4 });
    expect(c.plafond).toBe("42000.00");
    expect(c.codes).toContain("duree_au_dela_du_maximum");
  });
  test("salaire et durée non renseignés : éligible sous réserve, 3 ans retenus", () => {
    const c = cifre({});
    expect(c).toMatchObject({ eligible: true, plafond: "42000.00" });
    expect(c.codes).toEqual(expect.arrayContaining(["sous_reserve_salaire_insuffisant", "sous_reserve_duree"]));
  });
  test("une entreprise employeur : avertissement, le programme vise les acteurs publics et associatifs", () => {
    const c = cifre({ salaire_brut_annuel: 26000, duree_annees: 3 }, { nature: "entreprise" });
    expect(c).toMatchObject({ eligible: true, plafond: "42000.00" });
    expect(c.codes).toContain("employeur_hors_programme");
    expect(cifre({ salaire_brut_annuel: 26000, duree_annees: 3 }, { nature: "association", activite_economique: false }).codes).not.toContain("employeur_hors_programme");
  });
});
