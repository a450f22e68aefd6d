// Golden tests: ademe-investissement (Guide TI V5, fiche 8, l.885-938). Rates by size and category
// (table l.909-916), regional bonuses (l.912), +10 points for repayable aid (l.920), 100 % cap,
// assiette = extra cost over a reference investment for an economic activity (l.924-927).
// ficheSimple's beneficiary: 120 staff, 30 M€ / 20 M€ → ME (Reg. (EU) 651/2014, Annex I).
import { describe, expect, test } from "vitest";
import { codes, controles, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

const PE = entreprise({ effectif: 30, chiffre_affaires: 5000000, total_bilan: 5000000 });
const GE = entreprise({ effectif: 300, chiffre_affaires: 80000000, total_bilan: 60000000 });
const COLLECTIVITE = { nature: "collectivite", effectif: undefined, chiffre_affaires: undefined, total_bilan: undefined };

function ademe(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const e = evaluer(ficheSimple({ nature: "investissement", ...depense }, autre));
  const r = resultat(e, "ademe-investissement");
  return { ...chiffres(r), codes: codes(r), r, e };
}

describe("taux du tableau et bonus régionaux", () => {
  test("ME, EnR, zone AFR : 55 % + 5 points = 60 % du surcoût", () => {
    // 55 % (ME, EnR, l.914) + 5 points AFR (l.912) = 60 % ; 60 % × (1 200 000 − 400 000) = 480 000,00 €
    const a = ademe({ categorie: "enr", montant: 1200000, cout_reference: 400000 }, { localisation: { afr: true } });
    expect(a).toMatchObject({ eligible: true, assiette: "800000.00", taux: "0.6000", plafond: "480000.00" });
    expect(a.codes).toContain("bonus_afr_metropole");
  });
  test("PE, EnR, métropole hors AFR : 65 %, pas de bonus", () => {
    // 65 % (PE, l.914) × (1 000 000 − 250 000) = 487 500,00 €
    const a = ademe({ categorie: "enr", montant: 1000000, cout_reference: 250000 }, { beneficiaire: PE });
    expect(a).toMatchObject({ assiette: "750000.00", taux: "0.6500", plafond: "487500.00" });
    expect(a.codes.filter((c) => c.startsWith("bonus_"))).toEqual([]);
  });
  test("GE, protection de l'environnement, Corse : 35 % + 5 points = 40 % (un seul bonus de zone, même en AFR)", () => {
    // 35 % (GE, l.912) + 5 points Corse (l.912) = 40 % ; 40 % × (500 000 − 100 000) = 160 000,00 €
    const a = ademe({ categorie: "protection_environnement", montant: 500000, cout_reference: 100000 }, { beneficiaire: GE, localisation: { zone: "corse", afr: true } });
    expect(a).toMatchObject({ assiette: "400000.00", taux: "0.4000", plafond: "160000.00" });
    expect(a.codes).toContain("bonus_corse");
    expect(a.codes).not.toContain("bonus_afr_metropole");
  });
  test("ME, économies d'énergie, outre-mer : 40 % + 15 points = 55 %", () => {
    // 40 % (ME, l.916) + 15 points DOM-COM (l.912) = 55 % ; 55 % × (300 000 − 100 000) = 110 000,00 €
    const a = ademe({ categorie: "economies_energie", montant: 300000, cout_reference: 100000 }, { localisation: { zone: "outre_mer" } });
    expect(a).toMatchObject({ assiette: "200000.00", taux: "0.5500", plafond: "110000.00" });
  });
  test("le montant maximal est tronqué au centime", () => {
    // 55 % (ME, EnR, l.914) × 12 345,67 = 6 790,1185 → 6 790,11 € (arrondi : 6 790,12)
    const a = ademe({ categorie: "enr", montant: "12345.67", cout_reference: 0 });
    expect(a).toMatchObject({ assiette: "12345.67", taux: "0.5500", plafond: "6790.11" });
  });
});

describe("plafond de 100 %", () => {
  test("mise en sécurité des sites pollués en outre-mer : 100 % + 15 points reste 100 %", () => {
    // 100 % (l.913) + 15 points (l.912) = 115 % → 100 % ; sans coût de référence, assiette = montant : 300 000,00 €
    const a = ademe({ categorie: "mise_en_securite_sites_pollues", montant: 300000 }, { localisation: { zone: "outre_mer" } });
    expect(a).toMatchObject({ eligible: true, assiette: "300000.00", taux: "1.0000", plafond: "300000.00" });
    expect(a.codes).toEqual(expect.arrayContaining(["bonus_outre_mer", "taux_plafonne", "surcout_a_justifier"]));
  });
  test("réseaux de chaleur, GE en AFR, avance remboursable : 100 % + 5 + 10 points reste 100 %", () => {
    // 100 % (l.915) + 5 points AFR (l.912) + 10 points (l.920) → 100 % ; 100 % × (800 000 − 200 000) = 600 000,00 €
    const a = ademe(
      { categorie: "reseaux_chaleur_froid", montant: 800000, cout_reference: 200000 },
      { beneficiaire: GE, localisation: { afr: true }, financements: [{ financeur: "ademe-investissement", montant: 600000, forme: "avance_remboursable", equivalent_subvention: 100000 }, { financeur: "autofinancement", montant: 200000 }] },
    );
    expect(a).toMatchObject({ assiette: "600000.00", taux: "1.0000", plafond: "600000.00" });
    expect(a.codes).toContain("taux_plafonne");
  });
  test("économies d'énergie, PE, DOM, avance remboursable sans équivalent-subvention : 50 + 15 + 10 = 75 %", () => {
    // 50 % (PE, l.916) + 15 points DOM-COM (l.912) + 10 points aide remboursable « sans calcul d'un
    // équivalent-subvention brut » (l.920) = 75 % ; 75 % × (200 000 − 80 000) = 90 000,00 €
    const a = ademe(
      { categorie: "economies_energie", montant: 200000, cout_reference: 80000 },
      { beneficiaire: PE, localisation: { zone: "outre_mer" }, financements: [{ financeur: "ademe-investissement", montant: 90000, forme: "avance_remboursable" }, { financeur: "autofinancement", montant: 110000 }] },
    );
    expect(a).toMatchObject({ assiette: "120000.00", taux: "0.7500", plafond: "90000.00" });
    expect(a.codes).toEqual(expect.arrayContaining(["bonus_outre_mer", "bonus_avance_remboursable"]));
    expect(a.codes).not.toContain("taux_plafonne");
  });
  test("lignes de subvention et d'avance remboursable mêlées : le taux de la subvention, avec un avertissement", () => {
    // 40 % (ME, économies d'énergie, l.916), sans les 10 points de l.920 ; 40 % × (200 000 − 50 000) = 60 000,00 €
    const a = ademe(
      { categorie: "economies_energie", montant: 200000, cout_reference: 50000 },
      { financements: [{ financeur: "ademe-investissement", montant: 30000 }, { financeur: "ademe-investissement", montant: 30000, forme: "avance_remboursable", equivalent_subvention: 5000 }, { financeur: "autofinancement", montant: 140000 }] },
    );
    expect(a).toMatchObject({ assiette: "150000.00", taux: "0.4000", plafond: "60000.00" });
    expect(a.codes).toContain("formes_mixtes");
    expect(a.codes).not.toContain("bonus_avance_remboursable");
  });
});

describe("colonne « activité non économique »", () => {
  test("collectivité, protection de l'environnement, Corse : 55 % + 5 points, sur le montant entier", () => {
    // 55 % (non économique, l.912) + 5 points Corse (l.912) = 60 % ; coût de référence ignoré hors
    // activité économique (l.927) : 60 % × 400 000 = 240 000,00 €
    const a = ademe({ categorie: "protection_environnement", montant: 400000, cout_reference: 150000 }, { beneficiaire: COLLECTIVITE, localisation: { zone: "corse" } });
    expect(a).toMatchObject({ assiette: "400000.00", taux: "0.6000", plafond: "240000.00" });
    expect(a.codes).not.toContain("surcout_a_justifier");
  });
  test("collectivité, EnR, outre-mer : 65 % + 15 points = 80 %", () => {
    // 65 % (l.914) + 15 points (l.912) = 80 % ; 80 % × 250 000 = 200 000,00 €
    const a = ademe({ categorie: "enr", montant: 250000 }, { beneficiaire: COLLECTIVITE, localisation: { zone: "outre_mer" } });
    expect(a).toMatchObject({ assiette: "250000.00", taux: "0.8000", plafond: "200000.00" });
  });
});

describe("assiette : le surcoût (l.927)", () => {
  test("sans cout_reference : le montant entier, avec un avertissement", () => {
    // 55 % (ME, EnR, l.914) × 100 000 = 55 000,00 €
    const a = ademe({ categorie: "enr", montant: 100000 });
    expect(a).toMatchObject({ eligible: true, assiette: "100000.00", taux: "0.5500", plafond: "55000.00" });
    expect(a.codes).toContain("surcout_a_justifier");
  });
  test("cout_reference au-dessus du montant : surcoût nul, avec un avertissement", () => {
    const a = ademe({ categorie: "enr", montant: 100000, cout_reference: 150000 });
    expect(a).toMatchObject({ assiette: "0.00", plafond: "0.00" });
    expect(a.codes).toContain("surcout_negatif");
  });
  test("cout_reference égal au montant : surcoût nul, sans avertissement de surcoût négatif", () => {
    const a = ademe({ categorie: "enr", montant: 100000, cout_reference: 100000 });
    expect(a).toMatchObject({ assiette: "0.00", plafond: "0.00" });
    expect(a.codes).not.toContain("surcout_negatif");
  });
});

describe("autres règles de la fiche 8", () => {
  test("un cofinancement public de la dépense : info « l'ADEME pourra réduire son intervention » (l.922)", () => {
    const avecRegion = ademe(
      { categorie: "enr", montant: 100000, cout_reference: 0 },
      { financements: [{ financeur: "ademe-investissement", montant: 40000 }, { financeur: "region", montant: 10000, regime: "rgec" }, { financeur: "autofinancement", montant: 50000 }] },
    );
    expect(avecRegion.codes).toContain("cofinancement_public");
    const avecPrive = ademe(
      { categorie: "enr", montant: 100000, cout_reference: 0 },
      { financements: [{ financeur: "ademe-investissement", montant: 40000 }, { financeur: "prive", montant: 10000 }, { financeur: "autofinancement", montant: 50000 }] },
    );
    expect(avecPrive.codes).not.toContain("cofinancement_public");
  });
  test("une catégorie d'un autre dispositif, absente du tableau, dispositif demandé : non éligible", () => {
    // « diagnostic » est une catégorie d'ademe-etudes (fiche 6, l.796), pas une ligne du tableau de la fiche 8 (l.912-916).
    const a = ademe({ categorie: "diagnostic", montant: 100000, dispositifs: ["ademe-investissement"] });
    expect(a.eligible).toBe(false);
    expect(a.codes).toContain("categorie_non_couverte");
  });
  test("une catégorie qu'aucune règle ne connaît : erreur de saisie avec les plus proches, jamais « non éligible »", () => {
    expect(() => ademe({ categorie: "batiment", montant: 100000, dispositifs: ["ademe-investissement"] })).toThrow(/catégorie « batiment » inconnue des règles/);
  });
  // Une ME (120 salariés, 30 M€) : EnR 55 % (l.914), réseaux de chaleur 100 % (l.915), économies d'énergie 40 % (l.916),
  // mise en sécurité des sites pollués 100 % (l.913).
  test.each([
    ["Développement des EnR", "0.5500"], ["Énergies renouvelables", "0.5500"], ["Réseaux de chaleur", "1.0000"],
    ["Réalisation d'économies d'énergie", "0.4000"], ["Mise en sécurité des sites pollués", "1.0000"],
  ])("le libellé du guide « %s » est lu : ademe-investissement s'applique, au taux %s", (libelle, taux) => {
    const a = ademe({ categorie: libelle, montant: 100000 });
    expect(a.e.resultats.map((r) => r.dispositif)).toEqual(["ademe-investissement"]);
    expect(a).toMatchObject({ eligible: true, taux });
  });
});

// Seconde édition, point 1 (domaine.md §2) : « majorées de 10 points […] lorsque l'aide est octroyée
// sous forme d'aide remboursable sans calcul d'un équivalent-subvention brut » (Guide l.920). Avec un
// équivalent-subvention, le taux du tableau s'applique et l'aide comptée est l'équivalent-subvention.
describe("aide remboursable et équivalent-subvention (l.920, seconde édition)", () => {
  const pe = { beneficiaire: PE, localisation: { zone: "outre_mer" } };
  const depense = { categorie: "economies_energie", montant: 200000, cout_reference: 80000 };
  test("avec equivalent_subvention : pas de majoration, 50 + 15 = 65 %", () => {
    // 50 % (PE, l.916) + 15 points DOM-COM (l.912) = 65 % ; 65 % × 120 000 = 78 000,00 €
    const a = ademe(depense, { ...pe, financements: [{ financeur: "ademe-investissement", montant: 90000, forme: "avance_remboursable", equivalent_subvention: 20000 }, { financeur: "autofinancement", montant: 110000 }] });
    expect(a).toMatchObject({ eligible: true, assiette: "120000.00", taux: "0.6500", plafond: "78000.00" });
    expect(a.codes).toContain("sans_majoration_equivalent_subvention");
    expect(a.codes).not.toContain("bonus_avance_remboursable");
    // L'aide comptée est l'équivalent-subvention : 20 000 € demandés sur 78 000 €.
    expect(a.r.demande!.toFixed(2)).toBe("20000.00");
    expect(a.r.depassement!.toFixed(2)).toBe("0.00");
  });
  test("equivalent_subvention de 0 € : c'est un calcul d'équivalent-subvention, pas de majoration", () => {
    const a = ademe(depense, { ...pe, financements: [{ financeur: "ademe-investissement", montant: 90000, forme: "avance_remboursable", equivalent_subvention: 0 }, { financeur: "autofinancement", montant: 110000 }] });
    expect(a.taux).toBe("0.6500");
  });
  test("simulation rapide --forme avance_remboursable (aucune ligne, donc aucun équivalent-subvention) : + 10 points", () => {
    const e = evaluer(ficheSimple({ nature: "investissement", ...depense }, pe), { forme: "avance_remboursable" });
    expect(chiffres(resultat(e, "ademe-investissement")).taux).toBe("0.7500");
  });
});

// Seconde édition, point 2 (domaine.md §3) : le contrôle `plafond` compare l'aide comptée
// (l'équivalent-subvention quand il est donné), comme `cumul`. ME, EnR, AFR : 55 % (l.914) + 5 points
// (l.912) = 60 % (sans majoration : équivalent-subvention donné) × (1 200 000 − 400 000) = 480 000,00 €.
describe("contrôle plafond sur l'aide comptée (seconde édition)", () => {
  function avance(esb: string) {
    const e = evaluer(ficheSimple({ id: "chaudiere", nature: "investissement", categorie: "enr", montant: 1200000, cout_reference: 400000 }, {
      localisation: { afr: true },
      financements: [{ financeur: "ademe-investissement", montant: 600000, forme: "avance_remboursable", equivalent_subvention: esb }, { financeur: "autofinancement", montant: 600000 }],
    }));
    return { p: controles(e, "plafond")[0], r: resultat(e, "ademe-investissement") };
  }
  test("équivalent-subvention pile au plafond (480 000,00 €) : conforme, bien que l'avance nominale soit de 600 000 €", () => {
    const { p, r } = avance("480000.00");
    expect(r.plafond!.toFixed(2)).toBe("480000.00");
    expect([p.conforme, p.valeur!.toFixed(2), p.limite!.toFixed(2)]).toEqual([true, "480000.00", "480000.00"]);
    expect(codes(r)).toContain("demande_equivalent_subvention");
  });
  test("un centime en dessous : conforme", () => {
    expect(avance("479999.99").p.conforme).toBe(true);
  });
  test("un centime au-dessus : non conforme, dépassement de 0,01 €", () => {
    const { p, r } = avance("480000.01");
    expect(p.conforme).toBe(false);
    expect(r.depassement!.toFixed(2)).toBe("0.01");
  });
  test("sans équivalent-subvention : nominal compté (600 000 €) contre 55 + 5 + 10 = 70 % × 800 000 = 560 000 €", () => {
    const e = evaluer(ficheSimple({ id: "chaudiere", nature: "investissement", categorie: "enr", montant: 1200000, cout_reference: 400000 }, {
      localisation: { afr: true },
      financements: [{ financeur: "ademe-investissement", montant: 600000, forme: "avance_remboursable" }, { financeur: "autofinancement", montant: 600000 }],
    }));
    const [p] = controles(e, "plafond");
    expect([p.conforme, p.valeur!.toFixed(2), p.limite!.toFixed(2)]).toEqual([false, "600000.00", "560000.00"]);
  });
});
