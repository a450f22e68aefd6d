// Golden tests: pia-territoires-innovation (Guide TI V5, fiche 20, l.1997-2028): « subventions
// pouvant atteindre au maximum 50 % des dépenses éligibles du projet » (l.2023); call published on
// 23/11/2018 (l.2003), closed on 26/04/2019 (l.2028): evaluated later, not eligible, `hors_periode`
// (second edition, docs/domaine.md §0 « Validité et actualité »; it used to be a warning).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

function ti(depense: Record<string, unknown>, date: string) {
  const r = resultat(
    evaluer(ficheSimple({ categorie: "territoire_innovation", ...depense }, { date_demande: date })),
    "pia-territoires-innovation",
  );
  return { ...chiffres(r), codes: codes(r) };
}

describe("pia-territoires-innovation", () => {
  test("demande du 26/04/2019, jour de clôture : 50 %, sans avertissement", () => {
    // 50 % × 800 000 = 400 000,00 € (l.2023)
    const t = ti({ nature: "investissement", montant: 800000 }, "2019-04-26");
    expect(t).toMatchObject({ eligible: true, assiette: "800000.00", taux: "0.5000", plafond: "400000.00" });
    expect(t.codes).toEqual([]);
  });
  test("demande du 27/04/2019, le lendemain : appel clos, non éligible, « hors_periode » (seconde édition)", () => {
    const t = ti({ nature: "investissement", montant: 800000 }, "2019-04-27");
    expect(t).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(t.codes).toContain("hors_periode");
  });
  test("toute nature de dépense de la catégorie est évaluée (une étude ici)", () => {
    // 50 % × 123 456,79 = 61 728,395 → 61 728,39 €
    expect(ti({ nature: "etude", montant: "123456.79" }, "2019-03-01").plafond).toBe("61728.39");
  });
  test("demande antérieure à la publication de l'appel (23/11/2018) : avertissement de date", () => {
    expect(ti({ nature: "investissement", montant: 800000 }, "2018-11-22").codes).toContain(
      "date_avant_vigueur",
    );
  });
});
