// Golden tests: the beneficiary's size PE / ME / GE by the EU SME definition (Reg. (EU) 651/2014,
// Annex I, art. 2; Guide TI V5, note 11, l.2653) and the readings of docs/domaine.md §1, checked through
// the rate they select in the ADEME studies table (Guide fiche 6, l.797: PE 70 %, ME 60 %, GE 50 %,
// non économique 70 %) on a 40 000 € diagnostic (under the 50 000 € assiette cap, l.796).
import { describe, expect, test } from "vitest";
import { ErreurSaisie } from "../../src/core/erreurs.js";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

const DIAGNOSTIC = { nature: "etude", categorie: "diagnostic", montant: 40000, prestataire_externe: true };

function taille(beneficiaire: Record<string, unknown>) {
  const e = evaluer(ficheSimple(DIAGNOSTIC, { beneficiaire }));
  const r = resultat(e, "ademe-etudes");
  return {
    taille: e.beneficiaire!.taille,
    categorie: e.beneficiaire!.categorie_entreprise,
    ...chiffres(r),
    codes: codes(e),
    e,
  };
}

// 70 % × 40 000 = 28 000 ; 60 % × 40 000 = 24 000 ; 50 % × 40 000 = 20 000 (Guide fiche 6, l.797).
const PE = { taille: "PE", taux: "0.7000", plafond: "28000.00" };
const ME = { taille: "ME", taux: "0.6000", plafond: "24000.00" };
const GE = { taille: "GE", taux: "0.5000", plafond: "20000.00" };

describe("seuils d'effectif 10 / 50 / 250 (annexe I, art. 2 : « moins de »)", () => {
  test("9 salariés et 2 M€ de CA : micro-entreprise, comptée PE", () => {
    // micro : effectif < 10 et CA ≤ 2 M€ (annexe I, art. 2 §3) ; PE dans tous les tableaux du guide.
    expect(
      taille(entreprise({ effectif: 9, chiffre_affaires: 2000000, total_bilan: 5000000 })),
    ).toMatchObject(PE);
  });
  test("10 salariés : plus micro, mais PE", () => {
    expect(
      taille(entreprise({ effectif: 10, chiffre_affaires: 2000000, total_bilan: 2000000 })),
    ).toMatchObject(PE);
  });
  test("49 salariés et CA de 10 M€ tout juste : PE (« ≤ 10 M€ »)", () => {
    expect(
      taille(entreprise({ effectif: 49, chiffre_affaires: 10000000, total_bilan: 12000000 })),
    ).toMatchObject(PE);
  });
  test("49,5 UTA : effectif fractionnaire, encore < 50 : PE", () => {
    expect(
      taille(entreprise({ effectif: 49.5, chiffre_affaires: 8000000, total_bilan: 8000000 })),
    ).toMatchObject(PE);
  });
  test("50 salariés : ME", () => {
    expect(
      taille(entreprise({ effectif: 50, chiffre_affaires: 5000000, total_bilan: 5000000 })),
    ).toMatchObject(ME);
  });
  test("249 salariés, CA de 50 M€ tout juste : ME", () => {
    expect(
      taille(entreprise({ effectif: 249, chiffre_affaires: 50000000, total_bilan: 50000000 })),
    ).toMatchObject(ME);
  });
  test("250 salariés : GE (« moins de 250 » pour une ME), même avec de petits chiffres", () => {
    const t = taille(entreprise({ effectif: 250, chiffre_affaires: 10000000, total_bilan: 10000000 }));
    expect(t).toMatchObject(GE);
    // ETI : grande entreprise de moins de 5 000 salariés (Guide note 11, l.2653).
    expect(t.categorie).toBe("ETI");
  });
  test("300 salariés et 30 M€ de CA : GE (lecture retenue : l'annexe I, pas la paraphrase de la note 11)", () => {
    // La note 11 (l.2653) dirait « plus de 250 personnes ET CA > 50 M€ ou bilan > 43 M€ » ;
    // l'annexe I exige moins de 250 personnes pour une PME : 300 salariés, c'est une GE.
    expect(
      taille(entreprise({ effectif: 300, chiffre_affaires: 30000000, total_bilan: 20000000 })),
    ).toMatchObject(GE);
  });
});

describe("chiffre d'affaires OU total du bilan (annexe I, art. 2)", () => {
  test("PE : CA au-dessus de 10 M€ mais bilan de 10 M€ tout juste : PE", () => {
    expect(
      taille(entreprise({ effectif: 49, chiffre_affaires: 12000000, total_bilan: 10000000 })),
    ).toMatchObject(PE);
  });
  test("PE : CA et bilan d'un centime au-dessus de 10 M€ : ME", () => {
    expect(
      taille(entreprise({ effectif: 49, chiffre_affaires: "10000000.01", total_bilan: "10000000.01" })),
    ).toMatchObject(ME);
  });
  test("ME : CA de 60 M€ mais bilan de 43 M€ tout juste : ME", () => {
    expect(
      taille(entreprise({ effectif: 100, chiffre_affaires: 60000000, total_bilan: 43000000 })),
    ).toMatchObject(ME);
  });
  test("ME : CA > 50 M€ et bilan > 43 M€ (d'un centime) : GE", () => {
    expect(
      taille(entreprise({ effectif: 100, chiffre_affaires: "50000000.01", total_bilan: "43000000.01" })),
    ).toMatchObject(GE);
  });
});

describe("cas particuliers de docs/domaine.md §1", () => {
  test("détenue à 25 % ou plus par des organismes publics : GE quels que soient ses chiffres", () => {
    // Annexe I, art. 3 §4.
    const t = taille(
      entreprise({ effectif: 20, chiffre_affaires: 1000000, total_bilan: 1000000, detenu_public_25: true }),
    );
    expect(t).toMatchObject(GE);
  });
  test("taille déclarée contredite par les chiffres : la déclarée est retenue, avec un avertissement", () => {
    // 120 salariés, 30 M€ : ME par les chiffres ; PE déclarée → taux PE 70 %.
    const t = taille({ effectif: 120, chiffre_affaires: 30000000, total_bilan: 20000000, taille: "PE" });
    expect(t).toMatchObject(PE);
    expect(t.e.beneficiaire!.taille_source).toBe("declaree");
    expect(t.codes).toContain("taille_contradictoire");
  });
  test("taille déclarée conforme aux chiffres : pas d'avertissement", () => {
    const t = taille({ effectif: 120, chiffre_affaires: 30000000, total_bilan: 20000000, taille: "ME" });
    expect(t).toMatchObject(ME);
    expect(t.codes).not.toContain("taille_contradictoire");
  });
  test("seul l'effectif est connu : taille sur l'effectif, avec un avertissement", () => {
    const t = taille(entreprise({ effectif: 30 }));
    expect(t).toMatchObject(PE);
    expect(t.e.beneficiaire!.taille_source).toBe("effectif_seul");
    expect(t.codes).toContain("taille_effectif_seul");
  });
  test("CA connu au-dessus de 10 M€, bilan inconnu : ME retenue, avec un avertissement (le bilan pourrait la réduire)", () => {
    const t = taille(entreprise({ effectif: 30, chiffre_affaires: 12000000 }));
    expect(t).toMatchObject(ME);
    expect(t.codes).toContain("taille_chiffre_manquant");
  });
  test("rien de connu : GE par prudence, avec un avertissement", () => {
    const t = taille(entreprise());
    expect(t).toMatchObject(GE);
    expect(t.codes).toEqual(expect.arrayContaining(["taille_inconnue", "categorie_sans_effectif"]));
  });
  test("entreprise liée à un groupe : les chiffres consolidés du groupe sont retenus", () => {
    // 30 salariés et 5 M€ seule, mais 300 salariés et 80 M€ / 60 M€ avec le groupe (annexe I, art. 6).
    const t = taille(
      entreprise({
        effectif: 30,
        chiffre_affaires: 5000000,
        total_bilan: 5000000,
        groupe: { effectif: 300, chiffre_affaires: 80000000, total_bilan: 60000000 },
      }),
    );
    expect(t).toMatchObject(GE);
    expect(t.categorie).toBe("ETI");
  });
  test("groupe partiellement renseigné : ses chiffres donnés remplacent ceux de l'entreprise, les autres restent", () => {
    // effectif du groupe 60 (≥ 50), CA et bilan propres 5 M€ : ME.
    expect(
      taille(
        entreprise({
          effectif: 30,
          chiffre_affaires: 5000000,
          total_bilan: 5000000,
          groupe: { effectif: 60 },
        }),
      ),
    ).toMatchObject(ME);
  });
  test("catégorie française : ETI jusqu'à 4 999 salariés, GE à 5 000 (Guide note 11, l.2653)", () => {
    expect(
      taille(entreprise({ effectif: 4999, chiffre_affaires: 900000000, total_bilan: 900000000 })).categorie,
    ).toBe("ETI");
    expect(
      taille(entreprise({ effectif: 5000, chiffre_affaires: 900000000, total_bilan: 900000000 })).categorie,
    ).toBe("GE");
    expect(
      taille(entreprise({ effectif: 249, chiffre_affaires: 40000000, total_bilan: 40000000 })).categorie,
    ).toBe("PME");
  });
});

describe("activité non économique (Guide annexe 2, A/b, l.2617)", () => {
  test("une collectivité : pas de taille, colonne « non économique » (70 %)", () => {
    const t = taille({
      nature: "collectivite",
      effectif: 800,
      chiffre_affaires: undefined,
      total_bilan: undefined,
    });
    expect(t.taille).toBeNull();
    expect(t.categorie).toBeNull();
    // 70 % × 40 000 = 28 000 (Guide fiche 6, l.797, colonne non économique).
    expect(t).toMatchObject({ taux: "0.7000", plafond: "28000.00" });
  });
  test("une association à activité économique a une taille", () => {
    const t = taille({
      nature: "association",
      activite_economique: true,
      effectif: 120,
      chiffre_affaires: 30000000,
      total_bilan: 20000000,
    });
    expect(t).toMatchObject(ME);
  });
  test("une association sans activite_economique est refusée (le champ est obligatoire)", () => {
    expect(() => evaluer(ficheSimple(DIAGNOSTIC, { beneficiaire: { nature: "association" } }))).toThrow(
      ErreurSaisie,
    );
  });
});

// Seconde édition, point 5 (docs/domaine.md §1) : décret n° 2008-1354, art. 3 — une ETI n'est pas une PME,
// occupe moins de 5 000 personnes ET a un chiffre d'affaires d'au plus 1 500 M€ OU un total du bilan
// d'au plus 2 000 M€. Seul l'effectif connu : ETI sur l'effectif, taille « estimée sur l'effectif seul ».
describe("ETI : le critère financier du décret 2008-1354 (seconde édition)", () => {
  const M = 1000000;
  test("CA de 1 500 M€ pile, bilan au-dessus : ETI ; un centime de plus (bilan aussi au-dessus) : GE", () => {
    expect(
      taille(entreprise({ effectif: 4000, chiffre_affaires: 1500 * M, total_bilan: 2500 * M })).categorie,
    ).toBe("ETI");
    expect(
      taille(entreprise({ effectif: 4000, chiffre_affaires: "1500000000.01", total_bilan: 2500 * M }))
        .categorie,
    ).toBe("GE");
    expect(
      taille(entreprise({ effectif: 4000, chiffre_affaires: "1499999999.99", total_bilan: 2500 * M }))
        .categorie,
    ).toBe("ETI");
  });
  test("CA au-dessus, bilan de 2 000 M€ pile : ETI ; 2 000 M€ + 0,01 € : GE", () => {
    expect(
      taille(entreprise({ effectif: 4000, chiffre_affaires: 3000 * M, total_bilan: 2000 * M })).categorie,
    ).toBe("ETI");
    expect(
      taille(entreprise({ effectif: 4000, chiffre_affaires: 3000 * M, total_bilan: "2000000000.01" }))
        .categorie,
    ).toBe("GE");
  });
  test("4 999 salariés mais 3 Md€ de CA et 4 Md€ de bilan : GE (elle était comptée ETI)", () => {
    const t = taille(entreprise({ effectif: 4999, chiffre_affaires: 3000 * M, total_bilan: 4000 * M }));
    expect(t.categorie).toBe("GE");
    // La taille européenne est inchangée : GE, 50 % (Guide fiche 6, l.797).
    expect(t).toMatchObject(GE);
  });
  test("seul l'effectif est connu (4 999) : ETI sur l'effectif, avec l'avertissement « taille estimée »", () => {
    const t = taille(entreprise({ effectif: 4999 }));
    expect(t.categorie).toBe("ETI");
    expect(t.codes).toContain("taille_effectif_seul");
    expect(t.e.beneficiaire!.motifs.find((m) => m.code === "taille_effectif_seul")!.message).toContain(
      "Taille estimée sur l'effectif seul",
    );
  });
  test("CA au-dessus de 1 500 M€, bilan inconnu : GE sur le critère connu, avec un avertissement", () => {
    const t = taille(entreprise({ effectif: 4000, chiffre_affaires: 3000 * M }));
    expect(t.categorie).toBe("GE");
    expect(t.codes).toContain("categorie_chiffre_manquant");
  });
  test("le VTE (PME ou ETI, Guide l.1360) suit : refusé à une GE de 4 999 salariés et 3 Md€ / 4 Md€", () => {
    const e = evaluer(
      ficheSimple(
        { nature: "recrutement", categorie: "vte", montant: 35000, niveau: "bac+5", type_contrat: "cdi" },
        {
          territoire: "Montluçon",
          date_demande: "2019-10-01",
          beneficiaire: entreprise({ effectif: 4999, chiffre_affaires: 3000 * M, total_bilan: 4000 * M }),
        },
      ),
    );
    expect(codes(resultat(e, "vte"))).toContain("employeur_ni_pme_ni_eti");
  });
});
