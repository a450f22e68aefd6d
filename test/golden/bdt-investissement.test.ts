// Golden tests: bdt-investissement, Banque des Territoires, investissement (Guide TI V5, fiche 2,
// l.286-349): equity as an « investisseur avisé (rentabilité positive) » (l.319), « principalement
// actionnaire minoritaire » (l.320); loans with « des quotités jusqu'à 100 % » (l.326). On market
// terms: not State aid, left out of cumul and de minimis (docs/domaine.md §2).
import { describe, expect, test } from "vitest";
import { codes, controles, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

const PARTICIPATION = { nature: "capital", categorie: "participation", montant: 2000000 };

function bdt(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const e = evaluer(ficheSimple({ ...PARTICIPATION, ...depense }, autre));
  const r = resultat(e, "bdt-investissement");
  return { ...chiffres(r), codes: codes(r), e };
}

describe("plafonds", () => {
  test("un prêt : quotité jusqu'à 100 %, plafond = montant", () => {
    // 100 % × 1 234 567,89 = 1 234 567,89 € (l.326)
    const b = bdt(
      { nature: "investissement", categorie: "pret", montant: "1234567.89" },
      {
        financements: [
          { financeur: "bdt-investissement", montant: 1000000, forme: "pret" },
          { financeur: "autofinancement", montant: "234567.89" },
        ],
      },
    );
    expect(b).toMatchObject({ eligible: true, assiette: null, taux: null, plafond: "1234567.89" });
    expect(b.codes).toContain("investisseur_avise");
  });
  test("des fonds propres : pas de plafond chiffré", () => {
    const b = bdt(
      {},
      {
        financements: [
          { financeur: "bdt-investissement", montant: 500000, forme: "fonds_propres" },
          { financeur: "autofinancement", montant: 1500000 },
        ],
      },
    );
    expect(b).toMatchObject({ eligible: true, assiette: null, taux: null, plafond: null });
  });
  test("sans plan de financement : pas de plafond chiffré", () => {
    expect(bdt({}).plafond).toBeNull();
  });
});

describe("investisseur avisé, minoritaire (l.319-320)", () => {
  test("part du capital de 50 % : avertissement ; 49 % : aucun", () => {
    expect(bdt({ part_capital: 0.5 }).codes).toContain("participation_majoritaire");
    expect(bdt({ part_capital: 0.49 }).codes).not.toContain("participation_majoritaire");
  });
  test("rentabilité prévue nulle ou négative : avertissement ; positive : aucun", () => {
    expect(bdt({ rentabilite_prevue: 0 }).codes).toContain("rentabilite_non_positive");
    expect(bdt({ rentabilite_prevue: -0.02 }).codes).toContain("rentabilite_non_positive");
    expect(bdt({ rentabilite_prevue: 0.04 }).codes).not.toContain("rentabilite_non_positive");
  });
  test("ces avertissements ne rendent pas l'intervention inéligible", () => {
    expect(bdt({ part_capital: 0.6, rentabilite_prevue: 0 }).eligible).toBe(true);
  });
});

describe("pas une aide d'État", () => {
  test("un prêt de la Banque des Territoires ne compte pas dans le cumul des aides sur la dépense", () => {
    // ADEME, ME, EnR, AFR : 60 % × (1 200 000 − 400 000) = 480 000 € (Guide fiche 8, l.912-914) ;
    // aides d'État : ADEME 480 000 seule ; le prêt de 700 000 € n'en est pas une (l.319).
    const e = evaluer(
      ficheSimple(
        { nature: "investissement", categorie: "enr", montant: 1200000, cout_reference: 400000 },
        {
          localisation: { afr: true },
          financements: [
            { financeur: "ademe-investissement", montant: 480000 },
            { financeur: "bdt-investissement", montant: 700000, forme: "pret" },
            { financeur: "autofinancement", montant: 20000 },
          ],
        },
      ),
    );
    const [cumul] = controles(e, "cumul");
    expect(cumul.valeur!.toFixed(2)).toBe("480000.00");
    expect(cumul.limite!.toFixed(2)).toBe("480000.00");
    expect(cumul.conforme).toBe(true);
    // Pas une aide : pas d'équivalent-subvention à demander.
    expect(codes(e)).not.toContain("esb_manquant");
    // Le prêt couvre au plus 100 % de la dépense (l.326).
    expect(resultat(e, "bdt-investissement").plafond!.toFixed(2)).toBe("1200000.00");
  });
});
