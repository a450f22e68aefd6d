// Controls `transparence`, `effet_incitatif`, `cofinancement`, `parite`, `participation_minimale`.
import { describe, expect, test } from "vitest";
import { codes, controles, evaluer, ficheSimple } from "../outils/regles.js";

const mission = { id: "mission", nature: "conseil", montant: 2000000, taux_max: 1 };

describe("transparence (Guide note 10, l.2641; GBER art. 9)", () => {
  function aide(montant: string | number, date = "2019-06-01", secteur = "industrie") {
    return evaluer({
      ...ficheSimple(mission, { beneficiaire: { secteur } }),
      date_demande: date,
      financements: [
        { financeur: "region", montant, regime: "rgec" },
        { financeur: "autofinancement", montant: (2000000 - Number(montant)).toFixed(2) },
      ],
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
    return evaluer(
      {
        ...ficheSimple(mission),
        date_demande,
        date_debut,
        financements: [
          { financeur: "region", montant: 100000, regime },
          { financeur: "autofinancement", montant: 1900000 },
        ],
      },
      { date: "2019-06-01" },
    );
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
      financements: [
        { financeur: "bdt-ingenierie", montant: bdt },
        { financeur: "autofinancement", montant: commune },
      ],
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
  const outil = {
    id: "outil",
    nature: "investissement",
    categorie: "outil_filiere",
    montant: 1000000,
    ouvert_aux_tiers: true,
    duree_amorcage_annees: 3,
    droits_vote_filiere: 0.6,
  };
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
      beneficiaire: {
        nature: "collectivite",
        nom: "CC Exemple",
        ...(derogation ? { derogation_participation: true } : {}),
      },
      financements: [
        { financeur: "region", montant: region, regime: "hors_aide_etat" },
        { financeur: "autofinancement", montant: autofinancement },
      ],
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

// Seconde édition, point 4 (docs/domaine.md §3) : CGCT, art. L1111-10, III — « les dispositions du présent
// III ne sont pas applicables » aux collectivités de Guadeloupe, Guyane, Martinique, Mayotte, La
// Réunion, Saint-Barthélemy, Saint-Martin et Saint-Pierre-et-Miquelon et à leurs groupements.
describe("participation_minimale : exemption outre-mer et EPCI déclaré établissement public (seconde édition)", () => {
  // 150 000 € d'autofinancement sur 1 000 000 € de financements publics : 15 % < 20 %, non conforme en métropole.
  function plan(beneficiaire: Record<string, unknown>, autre: Record<string, unknown> = {}) {
    return evaluer({
      ...ficheSimple({ id: "zae", nature: "investissement", montant: 1000000 }),
      beneficiaire,
      financements: [
        { financeur: "region", montant: 850000, regime: "hors_aide_etat" },
        { financeur: "autofinancement", montant: 150000 },
      ],
      ...autre,
    });
  }
  test("métropole : 15 % < 20 %, non conforme (témoin)", () => {
    expect(
      controles(plan({ nature: "collectivite", nom: "CC Exemple" }), "participation_minimale")[0].conforme,
    ).toBe(false);
  });
  test("outre-mer, territoire « Cayenne » (Guyane, Guide l.544) : non applicable, conforme, le motif nomme l'exemption", () => {
    const e = plan(
      { nature: "collectivite", nom: "CA Centre Littoral" },
      { territoire: "Cayenne", localisation: { zone: "outre_mer" } },
    );
    const [c] = controles(e, "participation_minimale");
    expect(c.conforme).toBe(true);
    expect(c.message).toContain("L1111-10, III exempte les collectivités de Guyane");
    expect(codes(e)).not.toContain("participation_territoire_non_nomme");
  });
  test("outre-mer sans territoire nommé : conforme, avec un avertissement demandant de le nommer", () => {
    const e = plan({ nature: "collectivite", nom: "Commune X" }, { localisation: { zone: "outre_mer" } });
    expect(controles(e, "participation_minimale")[0].conforme).toBe(true);
    expect(codes(e)).toContain("participation_territoire_non_nomme");
  });
  test("le nom du bénéficiaire suffit à nommer le territoire (« Mayotte »)", () => {
    const e = plan(
      { nature: "collectivite", nom: "Département de Mayotte" },
      { localisation: { zone: "outre_mer" } },
    );
    expect(controles(e, "participation_minimale")[0].message).toContain("de Mayotte");
    expect(codes(e)).not.toContain("participation_territoire_non_nomme");
  });
  test("un établissement public nommé « Communauté de communes … » : avertissement, il ne passe pas en silence", () => {
    const e = plan({ nature: "etablissement_public", nom: "Communauté de communes du Haut-Jura" });
    expect(codes(e)).toContain("groupement_declare_etablissement_public");
    expect(e.motifs.find((m) => m.code === "groupement_declare_etablissement_public")!.message).toContain(
      "nature: collectivite",
    );
  });
  test("« Métropole », « Syndicat mixte », « EPCI » aussi ; un « Lycée » non", () => {
    for (const nom of ["Grenoble-Alpes Métropole", "Syndicat mixte de la zone", "EPCI du Val"]) {
      expect(codes(plan({ nature: "etablissement_public", nom }))).toContain(
        "groupement_declare_etablissement_public",
      );
    }
    expect(codes(plan({ nature: "etablissement_public", nom: "Lycée Jean Moulin" }))).not.toContain(
      "groupement_declare_etablissement_public",
    );
  });
});

// Seconde édition, point 8 (docs/domaine.md §0) : le RGEC (règlement (UE) 651/2014) s'applique jusqu'au
// 31/12/2026 (prolongé par le règlement (UE) 2023/1315). Après, les contrôles faits sous lui — cumul
// (art. 8), effet incitatif (art. 6), transparence (art. 9) — ne sont pas évaluables (conforme: null),
// avec un avertissement nommant le règlement et sa fin : jamais un passage silencieux.
describe("contrôles sous un règlement expiré : RGEC après le 31/12/2026 (seconde édition)", () => {
  function plan(date: string) {
    return evaluer({
      ...ficheSimple({
        id: "chaudiere",
        nature: "investissement",
        categorie: "enr",
        montant: 1200000,
        cout_reference: 400000,
      }),
      date_demande: date,
      date_debut: "2027-06-01",
      financements: [
        { financeur: "ademe-investissement", montant: 400000, regime: "rgec" },
        { financeur: "autofinancement", montant: 800000 },
      ],
    });
  }
  const verdicts = (e: ReturnType<typeof plan>) =>
    ["cumul", "effet_incitatif", "transparence"].map((n) => controles(e, n as never)[0].conforme);
  test("31/12/2026, dernier jour : cumul, effet incitatif et transparence évalués", () => {
    // Cumul : 400 000 ≤ 55 % (ME, EnR, l.914) × 800 000 = 440 000 ; demande du 31/12/2026 < début 01/06/2027.
    expect(verdicts(plan("2026-12-31"))).toEqual([true, true, true]);
    expect(codes(plan("2026-12-31"))).not.toContain("reglement_expire");
  });
  test("01/01/2027, le lendemain : non évaluables (null), avec un avertissement", () => {
    const e = plan("2027-01-01");
    expect(verdicts(e)).toEqual([null, null, null]);
    const m = e.motifs.find((x) => x.code === "reglement_expire")!;
    expect(m.niveau).toBe("avertissement");
    expect(m.message).toContain("651/2014 (RGEC), applicable jusqu'au 31/12/2026");
    // La fiche n'est pas « non conforme » pour autant, ni conforme en silence : ses contrôles disent pourquoi.
    expect(controles(e, "cumul")[0].message).toContain("non évaluable");
  });
});
