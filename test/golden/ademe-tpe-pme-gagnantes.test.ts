// Golden tests: ademe-tpe-pme-gagnantes, « TPE & PME gagnantes sur tous les coûts » (Guide TI V5,
// fiche 7, l.813-842). No subsidy: a flat fee due only if the forecast annual saving reaches the
// bracket's minimum (table l.838-840), paid to the chambre consulaire under 20 staff, to ADEME from
// 20 to 250 (l.834). Readings of docs/domaine.md §2 « ademe-tpe-pme-gagnantes »: a saving equal to the minimum triggers the fee
// (warning); 250 staff is accepted (warning).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

function gagnantes(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const e = evaluer(
    ficheSimple({ nature: "conseil", categorie: "tpe_pme_gagnantes", montant: 5000, ...depense }, autre),
  );
  const r = resultat(e, "ademe-tpe-pme-gagnantes");
  return { ...chiffres(r), forfait: r.details.forfait, paye_a: r.details.paye_a, codes: codes(r) };
}

describe("tranches d'effectif de l'établissement (l.838-840)", () => {
  test("19 salariés, 500 € d'économie tout juste : forfait de 250 € à la chambre consulaire, avec un avertissement", () => {
    // « Moins de 20 » : minimum 500 €/an, forfait 250 € (l.838-840), payé à la CCI ou CMA (l.834).
    const g = gagnantes({ effectif_etablissement: 19, economie_annuelle_prevue: 500 });
    expect(g).toMatchObject({ eligible: true, forfait: "250.00", paye_a: "chambre_consulaire" });
    expect(g.codes).toContain("lecture_minimum_atteint");
  });
  test("19 salariés, un centime sous le minimum : forfait 0", () => {
    const g = gagnantes({ effectif_etablissement: 19, economie_annuelle_prevue: "499.99" });
    expect(g).toMatchObject({ forfait: "0.00", paye_a: "chambre_consulaire" });
    expect(g.codes).toContain("forfait_non_du");
    expect(g.codes).not.toContain("lecture_minimum_atteint");
  });
  test("20 salariés : tranche « 20 à 49 », forfait 3 000 € à l'ADEME", () => {
    // minimum 6 000 €, forfait 3 000 € (l.839-840)
    expect(gagnantes({ effectif_etablissement: 20, economie_annuelle_prevue: 6500 })).toMatchObject({
      forfait: "3000.00",
      paye_a: "ademe",
    });
    expect(gagnantes({ effectif_etablissement: 20, economie_annuelle_prevue: "5999.99" })).toMatchObject({
      forfait: "0.00",
      paye_a: "ademe",
    });
  });
  test("49 salariés : encore « 20 à 49 » ; 50 : « 50 à 99 »", () => {
    // 7 000 € ≥ 6 000 € → 3 000 € ; mais < 12 000 € pour 50 salariés → 0 (l.839-840)
    expect(gagnantes({ effectif_etablissement: 49, economie_annuelle_prevue: 7000 })).toMatchObject({
      forfait: "3000.00",
    });
    expect(gagnantes({ effectif_etablissement: 50, economie_annuelle_prevue: 7000 })).toMatchObject({
      forfait: "0.00",
    });
    // 12 000 € tout juste → 6 000 €
    expect(gagnantes({ effectif_etablissement: 50, economie_annuelle_prevue: 12000 })).toMatchObject({
      forfait: "6000.00",
      paye_a: "ademe",
    });
  });
  test("99 salariés : encore « 50 à 99 » ; 100 : « 100 à 250 »", () => {
    // 12 000,01 € ≥ 12 000 € → 6 000 € ; mais < 18 000 € pour 100 salariés → 0 (l.839-840)
    const g99 = gagnantes({ effectif_etablissement: 99, economie_annuelle_prevue: "12000.01" });
    expect(g99).toMatchObject({ forfait: "6000.00" });
    expect(g99.codes).not.toContain("lecture_minimum_atteint");
    expect(gagnantes({ effectif_etablissement: 100, economie_annuelle_prevue: "12000.01" })).toMatchObject({
      forfait: "0.00",
    });
    expect(gagnantes({ effectif_etablissement: 100, economie_annuelle_prevue: 18000 })).toMatchObject({
      forfait: "9000.00",
      paye_a: "ademe",
    });
  });
  test("250 salariés : accepté (« 100 à 250 », l.838), avec un avertissement (« moins de 250 », l.821)", () => {
    const g = gagnantes({ effectif_etablissement: 250, economie_annuelle_prevue: 20000 });
    expect(g).toMatchObject({ eligible: true, forfait: "9000.00" });
    expect(g.codes).toContain("lecture_borne_tranche");
  });
  test("251 salariés : hors des tranches, non éligible", () => {
    const g = gagnantes({ effectif_etablissement: 251, economie_annuelle_prevue: 20000 });
    expect(g.eligible).toBe(false);
    expect(g.codes).toContain("effectif_hors_tranches");
  });
  test("effectif de l'établissement absent : celui du bénéficiaire (120) donne la tranche « 100 à 250 »", () => {
    expect(gagnantes({ economie_annuelle_prevue: 18000 })).toMatchObject({
      forfait: "9000.00",
      paye_a: "ademe",
    });
  });
  test("entreprise de 10 salariés dans un groupe de 300 : l'établissement n'est pas le groupe, tranche « moins de 20 »", () => {
    // Le tableau se lit sur l'« effectif salarié [...] établissement » (l.838) : 600 € ≥ 500 € → 250 € (l.839-840).
    const g = gagnantes(
      { economie_annuelle_prevue: 600 },
      {
        beneficiaire: {
          effectif: 10,
          chiffre_affaires: 1000000,
          total_bilan: 1000000,
          groupe: { effectif: 300 },
        },
      },
    );
    expect(g).toMatchObject({ eligible: true, forfait: "250.00", paye_a: "chambre_consulaire" });
  });
  test("entreprise de 300 salariés sans effectif d'établissement : sous réserve (un de ses établissements peut compter moins de 250 salariés, l.821)", () => {
    const g = gagnantes(
      { economie_annuelle_prevue: 20000 },
      { beneficiaire: { effectif: 300, chiffre_affaires: 80000000, total_bilan: 60000000 } },
    );
    expect(g).toMatchObject({ eligible: true, forfait: null, paye_a: null });
    expect(g.codes).toContain("sous_reserve_effectif");
    // Le même établissement déclaré à 300 salariés : hors des tranches.
    expect(gagnantes({ effectif_etablissement: 300, economie_annuelle_prevue: 20000 }).eligible).toBe(false);
  });
});

describe("nature du dispositif", () => {
  test("pas une subvention : assiette, taux et plafond vides", () => {
    expect(gagnantes({ effectif_etablissement: 30, economie_annuelle_prevue: 8000 })).toMatchObject({
      assiette: null,
      taux: null,
      plafond: null,
    });
  });
  test("économie non renseignée : éligible sous réserve, forfait inconnu, payé à l'ADEME", () => {
    const g = gagnantes({ effectif_etablissement: 30 });
    expect(g).toMatchObject({ eligible: true, forfait: null, paye_a: "ademe" });
    expect(g.codes).toContain("sous_reserve_economie");
  });
  test("secteur des services : non couvert (industrie, artisanat, commerce, restauration, l.821)", () => {
    const g = gagnantes(
      { effectif_etablissement: 30, economie_annuelle_prevue: 8000 },
      { beneficiaire: { secteur: "services" } },
    );
    expect(g.eligible).toBe(false);
    expect(g.codes).toContain("secteur_non_couvert");
    expect(
      gagnantes(
        { effectif_etablissement: 30, economie_annuelle_prevue: 8000 },
        { beneficiaire: { secteur: "restauration" } },
      ).eligible,
    ).toBe(true);
  });
  test("une dépense de conseil sans catégorie mais avec une économie prévue est évaluée d'office", () => {
    const e = evaluer(
      ficheSimple({
        nature: "conseil",
        montant: 5000,
        effectif_etablissement: 10,
        economie_annuelle_prevue: 600,
      }),
    );
    // « Moins de 20 » : 600 € ≥ 500 € → forfait 250 € (l.839-840)
    expect(resultat(e, "ademe-tpe-pme-gagnantes").details.forfait).toBe("250.00");
  });
});

test("sans effectif d'établissement, celui de l'entreprise fixe la tranche, avec un avertissement", () => {
  // 120 salariés : tranche 100 à 250 (l.838), minimum 18 000 €, forfait 9 000 € (l.839-840).
  const e = evaluer(
    ficheSimple({
      nature: "conseil",
      categorie: "tpe_pme_gagnantes",
      montant: 0,
      economie_annuelle_prevue: 18000,
    }),
  );
  const r = resultat(e, "ademe-tpe-pme-gagnantes");
  expect(r.details.forfait).toBe("9000.00");
  expect(codes(r)).toContain("effectif_entreprise_retenu");
});
