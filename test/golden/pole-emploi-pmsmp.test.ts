// Golden tests: pole-emploi-pmsmp, période de mise en situation en milieu professionnel (Guide TI V5,
// fiche 12, l.1264-1274): « sur une période de 1 jour à 30 jours » (l.1266). Eligibility only.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

function immersion(depense: Record<string, unknown>) {
  const r = resultat(
    evaluer(ficheSimple({ nature: "recrutement", categorie: "immersion", montant: 500, ...depense })),
    "pole-emploi-pmsmp",
  );
  return { ...chiffres(r), codes: codes(r) };
}

describe("pole-emploi-pmsmp", () => {
  test("1 jour et 30 jours : éligible, sans montant", () => {
    expect(immersion({ jours: 1 })).toEqual({
      eligible: true,
      assiette: null,
      taux: null,
      plafond: null,
      codes: [],
    });
    expect(immersion({ jours: 30 }).eligible).toBe(true);
  });
  test("0 jour : non éligible", () => {
    const i = immersion({ jours: 0 });
    expect(i.eligible).toBe(false);
    expect(i.codes).toContain("immersion_hors_duree");
  });
  test("31 jours : non éligible", () => {
    const i = immersion({ jours: 31 });
    expect(i.eligible).toBe(false);
    expect(i.codes).toContain("immersion_trop_longue");
  });
  test("durée non renseignée : éligible sous réserve", () => {
    const i = immersion({});
    expect(i.eligible).toBe(true);
    expect(i.codes).toContain("sous_reserve_immersion_trop_longue");
  });
});
