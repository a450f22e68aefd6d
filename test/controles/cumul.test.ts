// Control `cumul` (Guide note 9, l.2639; GBER art. 8): all State aid on an expense within the
// highest intensity × assiette of the eligible dispositifs evaluated on it.
import { describe, expect, test } from "vitest";
import { codes, controles, evaluer, ficheSimple } from "../outils/regles.js";

// 60 % × 800 000 = 480 000,00 € (Guide fiche 8, l.912-914), as in docs/interface.md's example.
const chaudiere = {
  id: "chaudiere",
  nature: "investissement",
  categorie: "enr",
  montant: 1200000,
  cout_reference: 400000,
};

function avec(financements: unknown[]) {
  return evaluer({
    ...ficheSimple(chaudiere, { localisation: { zone: "metropole", afr: true } }),
    financements,
  });
}

describe("cumul", () => {
  test("docs/interface.md's example: ADEME 350 000 + Region 150 000 = 500 000 > 480 000", () => {
    const e = avec([
      { financeur: "ademe-investissement", montant: 350000, regime: "rgec" },
      { financeur: "region", montant: 150000, regime: "rgec" },
      { financeur: "autofinancement", montant: 700000 },
    ]);
    const [c] = controles(e, "cumul");
    expect(c.portee).toBe("chaudiere");
    expect(c.conforme).toBe(false);
    expect(c.valeur!.toFixed(2)).toBe("500000.00");
    expect(c.limite!.toFixed(2)).toBe("480000.00");
    expect(e.conforme).toBe(false);
  });

  test("public aid exactly at the intensity ceiling is compliant", () => {
    const e = avec([
      { financeur: "ademe-investissement", montant: 330000, regime: "rgec" },
      { financeur: "region", montant: 150000, regime: "rgec" },
      { financeur: "autofinancement", montant: 720000 },
    ]);
    expect(controles(e, "cumul")[0].conforme).toBe(true);
  });

  test("aid that is not State aid is left out (hors_aide_etat, private)", () => {
    const e = avec([
      { financeur: "ademe-investissement", montant: 480000, regime: "rgec" },
      { financeur: "region", montant: 200000, regime: "hors_aide_etat" },
      { financeur: "prive", montant: 100000 },
      { financeur: "autofinancement", montant: 420000 },
    ]);
    const [c] = controles(e, "cumul");
    expect(c.valeur!.toFixed(2)).toBe("480000.00");
    expect(c.conforme).toBe(true);
  });

  test("a loan counts at its gross grant equivalent when given, else at its nominal amount with a warning", () => {
    const base = [
      { financeur: "ademe-investissement", montant: 400000, regime: "rgec" },
      { financeur: "autofinancement", montant: 600000 },
    ];
    const avecEsb = avec([
      ...base,
      { financeur: "region", montant: 200000, forme: "pret", equivalent_subvention: 30000, regime: "rgec" },
    ]);
    expect(controles(avecEsb, "cumul")[0].valeur!.toFixed(2)).toBe("430000.00");
    const sansEsb = avec([...base, { financeur: "region", montant: 200000, forme: "pret", regime: "rgec" }]);
    expect(controles(sansEsb, "cumul")[0].valeur!.toFixed(2)).toBe("600000.00");
    expect(codes(sansEsb)).toContain("esb_manquant");
  });

  test("an expense no computed dispositif covers has no ceiling: conforme null and a warning", () => {
    const e = evaluer({
      ...ficheSimple({ id: "batiment", nature: "investissement", montant: 500000 }),
      financements: [
        { financeur: "region", montant: 100000, regime: "rgec" },
        { financeur: "autofinancement", montant: 400000 },
      ],
    });
    const [c] = controles(e, "cumul");
    expect(c.conforme).toBeNull();
    expect(codes(e)).toContain("cumul_sans_plafond");
    expect(codes(e)).toContain("aucun_dispositif");
    // A warning does not make the fiche non-compliant (docs/domaine.md §3).
    expect(e.conforme).toBe(true);
  });

  test("the user's taux_max gives the ceiling when no dispositif has a rate", () => {
    // 20 % × 500 000 = 100 000 € (an intensity the user takes from the regime applied).
    const e = evaluer({
      ...ficheSimple({ id: "batiment", nature: "investissement", montant: 500000, taux_max: 0.2 }),
      financements: [
        { financeur: "region", montant: "100000.01", regime: "rgec" },
        { financeur: "autofinancement", montant: "399999.99" },
      ],
    });
    const [c] = controles(e, "cumul");
    expect(c.limite!.toFixed(2)).toBe("100000.00");
    expect(c.conforme).toBe(false);
  });

  test("a line over several expenses is shared pro rata of their assiettes", () => {
    // Two EnR investments, ME outside AFR: 55 % (l.914). Extra costs 300 000 and 100 000 → ceilings
    // 165 000 and 55 000. A Region line of 200 000 over both: 150 000 and 50 000 (3:1).
    const e = evaluer({
      ...ficheSimple({
        id: "a",
        nature: "investissement",
        categorie: "enr",
        montant: 400000,
        cout_reference: 100000,
      }),
      depenses: [
        { id: "a", nature: "investissement", categorie: "enr", montant: 400000, cout_reference: 100000 },
        { id: "b", nature: "investissement", categorie: "enr", montant: 200000, cout_reference: 100000 },
      ],
      financements: [
        { financeur: "region", montant: 200000, regime: "rgec" },
        { financeur: "autofinancement", montant: 400000 },
      ],
    });
    const [a, b] = controles(e, "cumul");
    expect([a.portee, a.valeur!.toFixed(2), a.limite!.toFixed(2), a.conforme]).toEqual([
      "a",
      "150000.00",
      "165000.00",
      true,
    ]);
    expect([b.portee, b.valeur!.toFixed(2), b.limite!.toFixed(2), b.conforme]).toEqual([
      "b",
      "50000.00",
      "55000.00",
      true,
    ]);
  });

  test("a non-economic beneficiary is outside State-aid controls", () => {
    const e = evaluer({
      ...ficheSimple(chaudiere, { beneficiaire: { nature: "collectivite", nom: "CC Exemple" } }),
      beneficiaire: { nature: "collectivite", nom: "CC Exemple" },
      financements: [
        { financeur: "ademe-investissement", montant: 780000 },
        { financeur: "region", montant: 100000, regime: "rgec" },
        { financeur: "autofinancement", montant: 320000 },
      ],
    });
    expect(controles(e, "cumul")).toEqual([]);
  });
});
