// Golden tests: pia-ingenierie-formation (Guide TI V5, fiche 14, l.1461-1497): « subventions pouvant
// atteindre au maximum 50 % des dépenses éligibles du projet [...] dans la limite globale de 2 M€
// d'aides par projet. Ce financement n'a pas vocation à être renouvelé » (l.1485). The fiche is the
// project: the 2 M€ cap binds the sum of its expenses, each ceiling cut pro rata of its assiette and
// truncated to the cent (docs/domaine.md §0). Carried by consortiums (l.1467-1473).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, avecDepenses } from "./commun.js";

const CONSORTIUM = { nature: "consortium" };
const FORMATION = { nature: "formation", categorie: "ingenierie_formation", renouvellement: false };

function projet(...montants: (number | string | Record<string, unknown>)[]) {
  const depenses = montants.map((m, i) => ({
    ...FORMATION,
    id: `d${i + 1}`,
    ...(typeof m === "object" ? m : { montant: m }),
  }));
  const e = evaluer(avecDepenses(ficheSimple(FORMATION, { beneficiaire: CONSORTIUM }), depenses));
  return depenses.map((d) => {
    const r = resultat(e, "pia-ingenierie-formation", d.id);
    return { ...chiffres(r), codes: codes(r) };
  });
}

describe("pia-ingenierie-formation", () => {
  test("un million d'euros de dépenses : 500 000 €", () => {
    // 50 % × 1 000 000 = 500 000,00 € (l.1485)
    const [d1] = projet(1000000);
    expect(d1).toMatchObject({
      eligible: true,
      assiette: "1000000.00",
      taux: "0.5000",
      plafond: "500000.00",
    });
    expect(d1.codes).not.toContain("plafond_projet");
  });
  test("5 M€ de dépenses : 2 500 000 € ramenés à 2 M€ par projet", () => {
    // min(50 % × 5 000 000, 2 000 000) = 2 000 000,00 € (l.1485)
    const [d1] = projet(5000000);
    expect(d1.plafond).toBe("2000000.00");
    expect(d1.codes).toContain("plafond_projet");
  });
  test("deux dépenses de 3 M€ et 1,5 M€ : les 2 M€ au prorata des assiettes, tronqués au centime", () => {
    // 50 % × 3 000 000 + 50 % × 1 500 000 = 2 250 000 > 2 000 000 (l.1485) ;
    // 2 000 000 × 3 000 000 / 4 500 000 = 1 333 333,33… → 1 333 333,33 € ;
    // 2 000 000 × 1 500 000 / 4 500 000 = 666 666,66… → 666 666,66 €
    const [d1, d2] = projet(3000000, 1500000);
    expect(d1).toMatchObject({ assiette: "3000000.00", plafond: "1333333.33" });
    expect(d2).toMatchObject({ assiette: "1500000.00", plafond: "666666.66" });
    expect(d1.codes).toContain("plafond_projet");
  });
  test("deux dépenses de 2 M€ : 1 M€ + 1 M€ = 2 M€ tout juste, pas de réduction", () => {
    const [d1, d2] = projet(2000000, 2000000);
    expect([d1.plafond, d2.plafond]).toEqual(["1000000.00", "1000000.00"]);
    expect(d1.codes).not.toContain("plafond_projet");
  });
  test("une dépense non éligible ne compte pas dans le plafond par projet", () => {
    // d1 renouvelée : non éligible (l.1485) ; d2 : 50 % × 3 000 000 = 1 500 000,00 € < 2 M€
    const [d1, d2] = projet({ montant: 5000000, renouvellement: true }, 3000000);
    expect(d1).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(d1.codes).toContain("financement_non_renouvelable");
    expect(d2).toMatchObject({ eligible: true, plafond: "1500000.00" });
  });
  test("renouvellement non renseigné : éligible sous réserve", () => {
    const [d1] = projet({ montant: 100000, renouvellement: undefined });
    expect(d1.eligible).toBe(true);
    expect(d1.codes).toContain("sous_reserve_financement_non_renouvelable");
  });
  test("une collectivité porteuse : avertissement, les projets sont portés par des consortiums", () => {
    const e = evaluer(
      ficheSimple({ ...FORMATION, montant: 100000 }, { beneficiaire: { nature: "collectivite" } }),
    );
    const r = resultat(e, "pia-ingenierie-formation");
    expect(r.eligible).toBe(true);
    expect(codes(r)).toContain("porteur_non_consortium");
  });
});
