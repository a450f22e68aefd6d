// Golden tests: bdt-ingenierie, Banque des Territoires, études d'ingénierie (Guide TI V5, fiche 1,
// l.239-284): « co-financement à hauteur de 50 % » (l.269, l.273); « le plafond d'intervention est de
// 100K€ pour une durée maximum de l'étude de 2 à 3 ans » (l.274). Readings of domaine.md: the cap
// applies to each study; 36 months at most, a warning beyond 24.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, avecDepenses } from "./commun.js";

const COLLECTIVITE = { nature: "collectivite", effectif: undefined, chiffre_affaires: undefined, total_bilan: undefined };
const ETUDE = { nature: "etude", categorie: "generale_strategique" };

function bdt(depense: Record<string, unknown>) {
  const r = resultat(evaluer(ficheSimple({ ...ETUDE, ...depense }, { beneficiaire: COLLECTIVITE })), "bdt-ingenierie");
  return { ...chiffres(r), codes: codes(r) };
}

describe("taux et plafond", () => {
  test("étude de 150 000 € : 75 000 €", () => {
    // 50 % × 150 000 = 75 000,00 € (l.269)
    expect(bdt({ montant: 150000, duree_mois: 12 })).toMatchObject({ eligible: true, assiette: "150000.00", taux: "0.5000", plafond: "75000.00" });
  });
  test("étude de 200 000 € : 100 000 € tout juste, le plafond n'est pas « atteint par réduction »", () => {
    // 50 % × 200 000 = 100 000,00 € = plafond de 100 K€ (l.274)
    const b = bdt({ montant: 200000 });
    expect(b.plafond).toBe("100000.00");
    expect(b.codes).not.toContain("plafond_atteint");
  });
  test("étude de 200 000,02 € : 100 000,01 € ramenés au plafond de 100 000 €", () => {
    // min(50 % × 200 000,02 = 100 000,01 ; 100 000) = 100 000,00 € (l.274)
    const b = bdt({ montant: "200000.02" });
    expect(b).toMatchObject({ assiette: "200000.02", plafond: "100000.00" });
    expect(b.codes).toContain("plafond_atteint");
  });
  test("le plafond vaut pour chaque étude : deux études de 300 000 € ont 100 000 € chacune", () => {
    const e = evaluer(avecDepenses(ficheSimple(ETUDE, { beneficiaire: COLLECTIVITE }), [
      { ...ETUDE, id: "a", montant: 300000 },
      { ...ETUDE, id: "b", categorie: "pre_operationnelle", montant: 300000 },
    ]));
    expect(resultat(e, "bdt-ingenierie", "a").plafond!.toFixed(2)).toBe("100000.00");
    expect(resultat(e, "bdt-ingenierie", "b").plafond!.toFixed(2)).toBe("100000.00");
  });
  test("tronqué au centime", () => {
    // 50 % × 33 333,33 = 16 666,665 → 16 666,66 €
    expect(bdt({ categorie: "planification_prefiguration", montant: "33333.33" }).plafond).toBe("16666.66");
  });
});

describe("durée de l'étude : « 2 à 3 ans » (l.274)", () => {
  test("24 mois : sans avertissement", () => {
    expect(bdt({ montant: 100000, duree_mois: 24 }).codes).toEqual([]);
  });
  test("25 et 36 mois : éligible, avec un avertissement", () => {
    for (const duree_mois of [25, 36]) {
      const b = bdt({ montant: 100000, duree_mois });
      expect(b).toMatchObject({ eligible: true, plafond: "50000.00" });
      expect(b.codes).toContain("duree_etude_longue");
    }
  });
  test("37 mois : non éligible", () => {
    const b = bdt({ montant: 100000, duree_mois: 37 });
    expect(b).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(b.codes).toContain("duree_etude_depassee");
  });
});
