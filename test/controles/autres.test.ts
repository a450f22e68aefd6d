// Controls `transparence`, `effet_incitatif`, `cofinancement`, `parite`, `participation_minimale`.
import { describe, expect, test } from "vitest";
import { codes, controles, evaluer, ficheSimple } from "../outils/regles.js";

const mission = { id: "mission", nature: "conseil", montant: 2000000, taux_max: 1 };

describe("transparence (Guide note 10, l.2641; GBER art. 9)", () => {
  function aide(montant: string | number, date = "2019-06-01", secteur = "industrie") {
    return evaluer({
      ...ficheSimple(mission, { beneficiaire: { secteur } }),
      date_demande: date,
      financements: [{ financeur: "region", montant, regime: "rgec" }, { financeur: "autofinancement", montant: (2000000 - Number(montant)).toFixed(2) }],
    });
  }
  test("500 000 € exactly: publication required (≥), with a warning on the reading; still compliant", () => {
    const e = aide(500000);
    const [t] = controles(e, "transparence");
    expect(t.publication_requise).toBe(true);
    expect(t.conforme).toBe(true);
    expect(codes(e)).toContain("transparence_seuil_exact");
  });
  test("one cent under: no publication", () => {
    const [t] = controles(aide("499999.99"), "transparence");
    expect(t.publication_requise).toBe(false);
  });
  test("primary agriculture: 60 000 €", () => {
    const [t] = controles(aide(60000, "2019-06-01", "agriculture"), "transparence");
    expect(t.limite!.toFixed(2)).toBe("60000.00");
    expect(t.publication_requise).toBe(true);
  });
  test("from Reg. 2023/1315: 100 000 €, flagged as to be confirmed", () => {
    const e = aide(100000, "2024-03-01");
    const [t] = controles(e, "transparence");
    expect(t.limite!.toFixed(2)).toBe("100000.00");
    expect(t.publication_requise).toBe(true);
    expect(codes(e)).toContain("valeur_a_confirmer");
  });
});

describe("effet_incitatif (Guide note 8, l.2637; GBER art. 6 §2)", () => {
  function dates(date_demande: string | undefined, date_debut: string | undefined, regime = "rgec") {
    return evaluer({
      ...ficheSimple(mission),
      date_demande,
      date_debut,
      financements: [{ financeur: "region", montant: 100000, regime }, { financeur: "autofinancement", montant: 1900000 }],
    }, { date: "2019-06-01" });
  }
  test("a request filed the day the works start is too late", () => {
    const [c] = controles(dates("2019-09-01", "2019-09-01"), "effet_incitatif");
    expect(c.conforme).toBe(false);
    expect(c.message).toContain("le jour même");
  });
  test("the day before is in time", () => {
    expect(controles(dates("2019-08-31", "2019-09-01"), "effet_incitatif")[0].conforme).toBe(true);
  });
  test("no start date: not evaluable (null) and a warning", () => {
    const e = dates("2019-08-31", undefined);
    expect(controles(e, "effet_incitatif")[0].conforme).toBeNull();
    expect(codes(e)).toContain("effet_incitatif_inconnu");
    expect(e.conforme).toBe(true);
  });
  test("de minimis aid does not need it", () => {
    expect(controles(dates("2019-09-01", "2019-09-01", "de_minimis"), "effet_incitatif")).toEqual([]);
  });
});

describe("cofinancement (Guide fiche 1, l.269 and l.273)", () => {
  const etude = { id: "etude", nature: "etude", categorie: "pre_operationnelle", montant: 100000 };
  function plan(bdt: string | number, commune: string | number) {
    return evaluer({
      ...ficheSimple(etude, { beneficiaire: { nature: "collectivite", nom: "Commune" } }),
      beneficiaire: { nature: "collectivite", nom: "Commune" },
      financements: [{ financeur: "bdt-ingenierie", montant: bdt }, { financeur: "autofinancement", montant: commune }],
    });
  }
  test("50 % by BdT and 50 % by the collectivité: compliant", () => {
    const [c] = controles(plan(50000, 50000), "cofinancement");
    expect(c.valeur!.toFixed(2)).toBe("50000.00");
    expect(c.limite!.toFixed(2)).toBe("50000.00");
    expect(c.conforme).toBe(true);
  });
  test("the others one cent under 50 %: not compliant (and BdT over its 50 % ceiling)", () => {
    const e = plan("50000.01", "49999.99");
    expect(controles(e, "cofinancement")[0].conforme).toBe(false);
    expect(controles(e, "plafond")[0].conforme).toBe(false);
  });
});

describe("parite (Guide fiche 21, l.2054)", () => {
  const outil = { id: "outil", nature: "investissement", categorie: "outil_filiere", montant: 1000000, ouvert_aux_tiers: true, duree_amorcage_annees: 3, droits_vote_filiere: 0.6 };
  function plan(etat: number, region: number) {
    return evaluer({
      ...ficheSimple(outil),
      financements: [
        { financeur: "etat", dispositif: "pia-filieres", montant: etat, regime: "rgec" },
        { financeur: "region", dispositif: "pia-filieres", montant: region, regime: "rgec" },
        { financeur: "autofinancement", montant: 1000000 - etat - region },
      ],
    });
  }
  test("State and Region at parity", () => {
    expect(controles(plan(250000, 250000), "parite")[0].conforme).toBe(true);
  });
  test("unequal shares are not compliant", () => {
    const [c] = controles(plan(300000, 200000), "parite");
    expect(c.conforme).toBe(false);
    expect([c.valeur!.toFixed(2), c.limite!.toFixed(2)]).toEqual(["300000.00", "200000.00"]);
  });
});

describe("participation_minimale (CGCT art. L1111-10 III)", () => {
  // A collectivité's investment of 1 000 000 €: public financing = the aid + its own share.
  function plan(region: number, autofinancement: number, derogation?: boolean) {
    return evaluer({
      ...ficheSimple({ id: "zae", nature: "investissement", montant: 1000000 }),
      beneficiaire: { nature: "collectivite", nom: "CC Exemple", ...(derogation ? { derogation_participation: true } : {}) },
      financements: [{ financeur: "region", montant: region, regime: "hors_aide_etat" }, { financeur: "autofinancement", montant: autofinancement }],
    });
  }
  test("exactly 20 % of the public financing: compliant", () => {
    const [c] = controles(plan(800000, 200000), "participation_minimale");
    expect(c.valeur!.toFixed(2)).toBe("200000.00");
    expect(c.limite!.toFixed(2)).toBe("200000.00");
    expect(c.conforme).toBe(true);
  });
  test("under 20 %: not compliant", () => {
    // 150 000 < 20 % × (850 000 + 150 000) = 200 000.
    expect(controles(plan(850000, 150000), "participation_minimale")[0].conforme).toBe(false);
  });
  test("a declared derogation turns it into a warning", () => {
    const e = plan(850000, 150000, true);
    expect(controles(e, "participation_minimale")[0].conforme).toBe(true);
    expect(codes(e)).toContain("participation_derogation");
  });
});
