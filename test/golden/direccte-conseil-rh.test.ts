// Golden tests: direccte-conseil-rh, prestation de conseil en ressources humaines (Guide TI V5,
// fiche 12, l.1216-1242): for TPE and PME (l.1220, l.1226); « co-financement de 50 % maximum pour la
// part Etat » (l.1237); 30 days at most in all for a collective of companies (l.1236).
// ficheSimple's beneficiary: 120 staff, 30 M€ / 20 M€ → ME, a PME.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

function rh(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const r = resultat(
    evaluer(ficheSimple({ nature: "conseil", categorie: "rh", montant: 12000, ...depense }, autre)),
    "direccte-conseil-rh",
  );
  return { ...chiffres(r), codes: codes(r) };
}

describe("direccte-conseil-rh", () => {
  test("PME, prestation individuelle de 12 000 € : 6 000 €", () => {
    // 50 % × 12 000 = 6 000,00 € (l.1237)
    expect(rh({})).toMatchObject({
      eligible: true,
      assiette: "12000.00",
      taux: "0.5000",
      plafond: "6000.00",
    });
  });
  test("montant tronqué au centime", () => {
    // 50 % × 12 345,67 = 6 172,835 → 6 172,83 €
    expect(rh({ montant: "12345.67" }).plafond).toBe("6172.83");
  });
  test("grande entreprise (300 salariés, une ETI) : non éligible", () => {
    const r = rh(
      {},
      { beneficiaire: entreprise({ effectif: 300, chiffre_affaires: 80000000, total_bilan: 60000000 }) },
    );
    expect(r).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(r.codes).toContain("reserve_aux_pme");
  });
  test("collectif d'entreprises : 30 jours au plus (l.1236)", () => {
    expect(rh({ collectif: true, jours: 30 }).eligible).toBe(true);
    const r = rh({ collectif: true, jours: 31 });
    expect(r.eligible).toBe(false);
    expect(r.codes).toContain("collectif_plus_de_30_jours");
  });
  test("accompagnement individuel de 40 jours : la limite des 30 jours ne vise que les collectifs", () => {
    expect(rh({ collectif: false, jours: 40 }).eligible).toBe(true);
  });
  test("collectif sans nombre de jours : éligible sous réserve", () => {
    const r = rh({ collectif: true });
    expect(r.eligible).toBe(true);
    expect(r.codes).toContain("sous_reserve_collectif_plus_de_30_jours");
  });
});
