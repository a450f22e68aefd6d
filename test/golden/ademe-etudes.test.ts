// Golden tests: ademe-etudes (Guide TI V5, fiche 6, l.768-811). Rates PE 70 %, ME 60 %, GE 50 %,
// non économique 70 % (table l.793-797, printed once for both rows: domaine.md's reading), assiette
// capped at 50 000 € (diagnostic, l.796) or 100 000 € (accompagnement de projet, l.797), external
// and independent provider (l.803). ficheSimple's beneficiary: 120 staff, 30 M€ / 20 M€ → ME.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

const PE = entreprise({ effectif: 30, chiffre_affaires: 5000000, total_bilan: 5000000 });
const GE = entreprise({ effectif: 300, chiffre_affaires: 80000000, total_bilan: 60000000 });

function etude(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const e = evaluer(ficheSimple({ nature: "etude", prestataire_externe: true, ...depense }, autre));
  const r = resultat(e, "ademe-etudes");
  return { ...chiffres(r), codes: codes(r) };
}

describe("plafonds d'assiette", () => {
  test("diagnostic de 80 000 € pour une ME : assiette ramenée à 50 000 €", () => {
    // 60 % (ME, l.797) × min(80 000, 50 000 (l.796)) = 30 000,00 €
    const a = etude({ categorie: "diagnostic", montant: 80000 });
    expect(a).toMatchObject({ eligible: true, assiette: "50000.00", taux: "0.6000", plafond: "30000.00" });
    expect(a.codes).toContain("assiette_plafonnee");
  });
  test("diagnostic de 50 000 € tout juste : pas de plafonnement", () => {
    // 60 % × 50 000 = 30 000,00 €
    const a = etude({ categorie: "diagnostic", montant: 50000 });
    expect(a).toMatchObject({ assiette: "50000.00", plafond: "30000.00" });
    expect(a.codes).not.toContain("assiette_plafonnee");
  });
  test("accompagnement de projet de 150 000 € pour une PE : assiette ramenée à 100 000 €", () => {
    // 70 % (PE, l.797) × min(150 000, 100 000 (l.797)) = 70 000,00 €
    const a = etude({ categorie: "accompagnement_projet", montant: 150000 }, { beneficiaire: PE });
    expect(a).toMatchObject({ assiette: "100000.00", taux: "0.7000", plafond: "70000.00" });
  });
  test("accompagnement de projet de 80 000 € : sous le plafond de 100 000 €, pas celui du diagnostic", () => {
    // 60 % (ME, l.797) × 80 000 = 48 000,00 €
    expect(etude({ categorie: "accompagnement_projet", montant: 80000 })).toMatchObject({ assiette: "80000.00", plafond: "48000.00" });
  });
  test("diagnostic de 40 000 € pour une GE : 50 %", () => {
    // 50 % (GE, l.797) × 40 000 = 20 000,00 €
    expect(etude({ categorie: "diagnostic", montant: 40000 }, { beneficiaire: GE })).toMatchObject({ assiette: "40000.00", taux: "0.5000", plafond: "20000.00" });
  });
  test("collectivité (activité non économique) : 70 %, plafond d'assiette inchangé", () => {
    // 70 % (non économique, l.797) × min(120 000, 100 000) = 70 000,00 €
    const a = etude({ categorie: "accompagnement_projet", montant: 120000 }, { beneficiaire: { nature: "collectivite", effectif: undefined, chiffre_affaires: undefined, total_bilan: undefined } });
    expect(a).toMatchObject({ assiette: "100000.00", taux: "0.7000", plafond: "70000.00" });
  });
  test("montant maximal tronqué au centime", () => {
    // 60 % × 33 333,33 = 19 999,998 → 19 999,99 € (arrondi : 20 000,00)
    expect(etude({ categorie: "diagnostic", montant: "33333.33" })).toMatchObject({ assiette: "33333.33", plafond: "19999.99" });
  });
});

describe("prestataire externe et indépendant (l.803)", () => {
  test("prestataire_externe: false : non éligible, plafond 0", () => {
    const a = etude({ categorie: "diagnostic", montant: 40000, prestataire_externe: false });
    expect(a).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(a.codes).toContain("prestataire_non_externe");
  });
  test("prestataire_externe absent : éligible « sous réserve », avec un avertissement", () => {
    // 60 % × 40 000 = 24 000,00 €
    const a = etude({ categorie: "diagnostic", montant: 40000, prestataire_externe: undefined });
    expect(a).toMatchObject({ eligible: true, plafond: "24000.00" });
    expect(a.codes).toContain("sous_reserve_prestataire_non_externe");
  });
});
