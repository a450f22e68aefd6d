// Control `de_minimis` (docs/domaine.md §3): Reg. (EU) 1407/2013 until 2023-12-31 (200 000 € over the
// current and two previous fiscal years, art. 3 §2), Reg. (EU) 2023/2831 from 2024-01-01
// (300 000 € over the three years ending on the grant date, art. 3 §2).
import { describe, expect, test } from "vitest";
import { codes, controles, evaluer, ficheSimple } from "../outils/regles.js";
import { periodeDeMinimis } from "../../src/core/controles/de-minimis.js";

// An expense no dispositif computes (a consulting mission), financed by a Region under de minimis.
function fiche(
  date: string,
  aide: string | number,
  anterieures: unknown[],
  beneficiaire: Record<string, unknown> = {},
) {
  return evaluer({
    ...ficheSimple({ id: "mission", nature: "conseil", montant: 400000 }, { beneficiaire }),
    date_demande: date,
    financements: [
      { financeur: "region", montant: aide, regime: "de_minimis" },
      { financeur: "autofinancement", montant: (400000 - Number(aide)).toFixed(2) },
    ],
    aides_de_minimis_anterieures: anterieures,
  });
}

describe("periods", () => {
  test("1407/2013: the fiscal year of the grant and the two previous ones (calendar years by default)", () => {
    expect(periodeDeMinimis("exercices", 3, "2019-06-01")).toEqual({
      debut: "2017-01-01",
      fin: "2019-12-31",
    });
  });
  test("a fiscal year starting on 1 July", () => {
    // Grant on 2019-06-01 falls in the fiscal year 2018-07-01 → 2019-06-30; two previous: from 2016-07-01.
    expect(periodeDeMinimis("exercices", 3, "2019-06-01", "07-01")).toEqual({
      debut: "2016-07-01",
      fin: "2019-06-30",
    });
  });
  test("2023/2831: the three years ending on the grant date, the first day included", () => {
    expect(periodeDeMinimis("glissante", 3, "2024-06-01")).toEqual({
      debut: "2021-06-01",
      fin: "2024-06-01",
    });
    // 29 February: three years back falls on 28 February.
    expect(periodeDeMinimis("glissante", 3, "2024-02-29")).toEqual({
      debut: "2021-02-28",
      fin: "2024-02-29",
    });
  });
});

describe("Reg. 1407/2013 (aid granted until 2023-12-31)", () => {
  test("150 000 received + 50 000 = 200 000: exactly at the ceiling, compliant", () => {
    const [c] = controles(
      fiche("2019-06-01", 50000, [{ date: "2017-01-01", montant: 150000 }]),
      "de_minimis",
    );
    expect(c.reglement).toBe("1407/2013");
    expect([c.periode_debut, c.periode_fin]).toEqual(["2017-01-01", "2019-12-31"]);
    expect(c.valeur!.toFixed(2)).toBe("200000.00");
    expect(c.limite!.toFixed(2)).toBe("200000.00");
    expect(c.disponible!.toFixed(2)).toBe("50000.00");
    expect(c.conforme).toBe(true);
  });

  test("aid exactly three fiscal years back (2016-12-31) is out of the period", () => {
    const [c] = controles(
      fiche("2019-06-01", 60000, [{ date: "2016-12-31", montant: 150000 }]),
      "de_minimis",
    );
    expect(c.valeur!.toFixed(2)).toBe("60000.00");
    expect(c.conforme).toBe(true);
  });

  test("one cent over the ceiling fails, with the headroom before the new aid", () => {
    const [c] = controles(
      fiche("2019-06-01", "50000.01", [{ date: "2018-03-01", montant: 150000 }]),
      "de_minimis",
    );
    expect(c.conforme).toBe(false);
    expect(c.disponible!.toFixed(2)).toBe("50000.00");
  });

  test("road freight for hire: 100 000 € (art. 3 §2, second subparagraph)", () => {
    const [c] = controles(
      fiche("2019-06-01", 60000, [{ date: "2018-03-01", montant: 50000 }], { secteur: "transport_routier" }),
      "de_minimis",
    );
    expect(c.limite!.toFixed(2)).toBe("100000.00");
    expect(c.conforme).toBe(false);
  });

  test("the last day of 1407/2013 (2023-12-31) still uses it", () => {
    const [c] = controles(fiche("2023-12-31", 10000, []), "de_minimis");
    expect(c.reglement).toBe("1407/2013");
    expect(c.limite!.toFixed(2)).toBe("200000.00");
  });
});

describe("Reg. 2023/2831 (aid granted from 2024-01-01)", () => {
  test("aid exactly three years back counts (cautious reading) and is warned about", () => {
    const e = fiche("2024-06-01", 100000, [{ date: "2021-06-01", montant: 200000 }]);
    const [c] = controles(e, "de_minimis");
    expect(c.reglement).toBe("2023/2831");
    expect(c.valeur!.toFixed(2)).toBe("300000.00");
    expect(c.limite!.toFixed(2)).toBe("300000.00");
    expect(c.conforme).toBe(true);
    expect(codes(e)).toContain("de_minimis_jour_limite");
  });

  test("the day before is out of the rolling period", () => {
    const [c] = controles(
      fiche("2024-06-01", 100000, [{ date: "2021-05-31", montant: 250000 }]),
      "de_minimis",
    );
    expect(c.valeur!.toFixed(2)).toBe("100000.00");
  });

  test("300 000 € applies to road freight too", () => {
    const [c] = controles(
      fiche("2024-06-01", 60000, [{ date: "2023-01-01", montant: 200000 }], { secteur: "transport_routier" }),
      "de_minimis",
    );
    expect(c.limite!.toFixed(2)).toBe("300000.00");
    expect(c.conforme).toBe(true);
  });

  test("a line's own grant date chooses the regulation, not the fiche's", () => {
    const e = evaluer({
      ...ficheSimple({ id: "mission", nature: "conseil", montant: 400000 }),
      date_demande: "2023-11-01",
      financements: [
        { financeur: "region", montant: 250000, regime: "de_minimis", date_octroi: "2024-02-01" },
        { financeur: "autofinancement", montant: 150000 },
      ],
    });
    const [c] = controles(e, "de_minimis");
    expect(c.reglement).toBe("2023/2831");
    expect(c.conforme).toBe(true);
  });
});

test("other regulations are dated parameters: agricultural 20 000 € from 2019-03-14 (Reg. 2019/316)", () => {
  const e = evaluer({
    ...ficheSimple(
      { id: "mission", nature: "conseil", montant: 100000 },
      { beneficiaire: { secteur: "agriculture" } },
    ),
    date_demande: "2019-06-01",
    financements: [
      { financeur: "region", montant: 20000, regime: "de_minimis", reglement: "agricole" },
      { financeur: "autofinancement", montant: 80000 },
    ],
  });
  const [c] = controles(e, "de_minimis");
  expect(c.limite!.toFixed(2)).toBe("20000.00");
  expect(c.conforme).toBe(true);
});

test("de minimis lines of the same plan granted on different dates count each other", () => {
  const e = evaluer({
    ...ficheSimple({ id: "mission", nature: "conseil", montant: 400000 }),
    date_demande: "2019-06-01",
    financements: [
      { financeur: "region", montant: 150000, regime: "de_minimis", date_octroi: "2019-02-01" },
      { financeur: "epci", montant: 60000, regime: "de_minimis", date_octroi: "2019-09-01" },
      { financeur: "autofinancement", montant: 190000 },
    ],
  });
  const cs = controles(e, "de_minimis");
  expect(cs).toHaveLength(2);
  // Same fiscal year 2019: each control sees 210 000 € > 200 000 €.
  expect(cs.map((c) => [c.valeur!.toFixed(2), c.conforme])).toEqual([
    ["210000.00", false],
    ["210000.00", false],
  ]);
});

test("GBER aid needs no de minimis control", () => {
  const e = fiche("2019-06-01", 50000, []);
  expect(controles(e, "de_minimis")).toHaveLength(1);
  const rgec = evaluer({
    ...ficheSimple({ id: "mission", nature: "conseil", montant: 400000 }),
    financements: [
      { financeur: "region", montant: 50000, regime: "rgec" },
      { financeur: "autofinancement", montant: 350000 },
    ],
  });
  expect(controles(rgec, "de_minimis")).toHaveLength(0);
});

test("without SIREN nor entreprise_unique, the name keys the single undertaking, with a warning", () => {
  const e = fiche("2019-06-01", 50000, [], { nom: "Atelier Exemple" });
  expect(controles(e, "de_minimis")[0].portee).toBe("Atelier Exemple");
  expect(codes(e)).toContain("entreprise_unique_par_nom");
  const avecSiren = fiche("2019-06-01", 50000, [], { nom: "Atelier Exemple", siren: "123456782" });
  expect(controles(avecSiren, "de_minimis")[0].portee).toBe("123456782");
  expect(codes(avecSiren)).not.toContain("entreprise_unique_par_nom");
});

// Seconde édition, point 3 (docs/domaine.md §3 « Entre règlements ») : 1407/2013, art. 5, §1 — les aides
// de minimis générales « peuvent être cumulées avec des aides de minimis octroyées conformément au
// règlement (UE) n° 1408/2013 [agricole] […] et au règlement (UE) n° 717/2014 [pêche] à concurrence
// du plafond prévu à l'article 3, paragraphe 2 » (200 000 €) ; 360/2012, art. 2, §8 — les aides SIEG se
// cumulent avec les autres aides de minimis jusqu'à 500 000 €. Une ligne de contrôle par plafond.
describe("de minimis entre règlements (seconde édition)", () => {
  const COMPTEES_2019 = ["1407/2013", "1408/2013 modifié par 2019/316", "717/2014"];
  const ANT = [
    { date: "2018-03-01", montant: 150000 },
    { date: "2018-05-01", montant: 15000, reglement: "agricole" },
  ];
  test("l'exemple de l'issue : 150 000 € général + 15 000 € agricole + 40 000 € général en 2019 = 205 000 € > 200 000 € : non conforme", () => {
    const cs = controles(fiche("2019-06-01", 40000, ANT), "de_minimis");
    expect(cs).toHaveLength(1);
    const [c] = cs;
    expect(c.reglement).toBe("1407/2013");
    expect(c.details!.comptees).toEqual(COMPTEES_2019);
    expect([c.valeur!.toFixed(2), c.limite!.toFixed(2), c.conforme]).toEqual([
      "205000.00",
      "200000.00",
      false,
    ]);
    // 200 000 − (150 000 + 15 000) = 35 000 € disponibles avant la nouvelle aide.
    expect(c.disponible!.toFixed(2)).toBe("35000.00");
  });
  test("35 000 € pile (200 000 €) : conforme ; 34 999,99 € : conforme ; 35 000,01 € : non conforme", () => {
    expect(controles(fiche("2019-06-01", 35000, ANT), "de_minimis")[0].conforme).toBe(true);
    expect(controles(fiche("2019-06-01", "34999.99", ANT), "de_minimis")[0].conforme).toBe(true);
    expect(controles(fiche("2019-06-01", "35000.01", ANT), "de_minimis")[0].conforme).toBe(false);
  });
  test("une nouvelle aide agricole est vérifiée sous son plafond (20 000 €) ET sous le plafond général (200 000 €)", () => {
    // Agricole : 10 000 + 5 000 = 15 000 ≤ 20 000 (2019/316) ; général : 190 000 + 10 000 + 5 000 = 205 000 > 200 000.
    const e = evaluer({
      ...ficheSimple(
        { id: "mission", nature: "conseil", montant: 100000 },
        { beneficiaire: { secteur: "agriculture" } },
      ),
      date_demande: "2019-06-01",
      financements: [
        { financeur: "region", montant: 5000, regime: "de_minimis", reglement: "agricole" },
        { financeur: "autofinancement", montant: 95000 },
      ],
      aides_de_minimis_anterieures: [
        { date: "2018-03-01", montant: 190000 },
        { date: "2018-04-01", montant: 10000, reglement: "agricole" },
      ],
    });
    const cs = controles(e, "de_minimis");
    expect(cs.map((c) => [c.reglement, c.valeur!.toFixed(2), c.limite!.toFixed(2), c.conforme])).toEqual([
      ["1408/2013 modifié par 2019/316", "15000.00", "20000.00", true],
      ["1407/2013", "205000.00", "200000.00", false],
    ]);
    expect(cs[0].details!.comptees).toEqual(["1408/2013 modifié par 2019/316"]);
    expect(cs[1].details!.comptees).toEqual(COMPTEES_2019);
    expect(e.conforme).toBe(false);
  });
  test("SIEG : une entreprise qui a 450 000 € d'aides SIEG ; + 20 000 € et 30 000 € généraux = 500 000 € pile (conforme), 30 000,01 € : non conforme", () => {
    const ant = [
      { date: "2018-02-01", montant: 450000, reglement: "sieg" },
      { date: "2018-03-01", montant: 20000 },
    ];
    const pile = controles(fiche("2019-06-01", 30000, ant), "de_minimis");
    // Général : 20 000 + 30 000 = 50 000 ≤ 200 000 ; SIEG (360/2012) : 450 000 + 20 000 + 30 000 = 500 000 ≤ 500 000.
    expect(pile.map((c) => [c.reglement, c.valeur!.toFixed(2), c.conforme])).toEqual([
      ["1407/2013", "50000.00", true],
      ["360/2012", "500000.00", true],
    ]);
    expect(pile[1].details!.comptees).toEqual(["360/2012", ...COMPTEES_2019]);
    const dessus = controles(fiche("2019-06-01", "30000.01", ant), "de_minimis");
    expect(dessus.map((c) => c.conforme)).toEqual([true, false]);
  });
  test("une nouvelle aide SIEG compte toutes les autres aides de minimis", () => {
    // 360/2012 : 150 000 (général) + 15 000 (agricole) + 340 000 (SIEG) = 505 000 > 500 000.
    const e = evaluer({
      ...ficheSimple({ id: "mission", nature: "conseil", montant: 400000 }),
      date_demande: "2019-06-01",
      financements: [
        { financeur: "region", montant: 340000, regime: "de_minimis", reglement: "sieg" },
        { financeur: "autofinancement", montant: 60000 },
      ],
      aides_de_minimis_anterieures: ANT,
    });
    const cs = controles(e, "de_minimis");
    expect(cs.map((c) => [c.reglement, c.valeur!.toFixed(2), c.conforme])).toEqual([
      ["360/2012", "505000.00", false],
    ]);
  });
  test("chaque aide garde sa règle de période ; si les deux lectures divergent, la somme prudente, avec un avertissement", () => {
    // Octroi général le 01/06/2024 (2023/2831, trois ans glissants : du 01/06/2021 au 01/06/2024). Une
    // aide agricole du 01/07/2021 est dans cette période mais hors de la sienne (1408/2013 modifié par
    // 2019/316, trois exercices : du 01/01/2022 au 31/12/2024) : comptée, avec un avertissement.
    // 200 000 + 20 000 + 80 000 = 300 000 € pile : conforme ; 80 000,01 € : non conforme.
    const ant = [
      { date: "2022-01-01", montant: 200000 },
      { date: "2021-07-01", montant: 20000, reglement: "agricole" },
    ];
    const e = fiche("2024-06-01", 80000, ant);
    const [c] = controles(e, "de_minimis");
    expect([c.reglement, c.valeur!.toFixed(2), c.conforme]).toEqual(["2023/2831", "300000.00", true]);
    expect(codes(e)).toContain("de_minimis_periodes_divergentes");
    expect(controles(fiche("2024-06-01", "80000.01", ant), "de_minimis")[0].conforme).toBe(false);
  });
});

// Seconde édition, point 8 : le règlement (UE) 2023/2831 s'applique jusqu'au 31/12/2030 (art. 8) ; une
// aide octroyée après n'est jamais contrôlée en silence sous lui.
describe("de minimis : règlement expiré (seconde édition)", () => {
  test("octroi le 31/12/2030 : contrôlé sous 2023/2831", () => {
    const [c] = controles(fiche("2030-12-31", 10000, []), "de_minimis");
    expect([c.reglement, c.conforme]).toEqual(["2023/2831", true]);
  });
  test("octroi le 01/01/2031 : non évaluable (conforme: null), avec un avertissement nommant le règlement et sa fin", () => {
    const e = fiche("2031-01-01", 10000, []);
    const [c] = controles(e, "de_minimis");
    expect(c.conforme).toBeNull();
    const m = e.motifs.find((x) => x.code === "reglement_expire" && x.message.includes("de minimis"))!;
    expect(m.message).toContain("2023/2831");
    expect(m.message).toContain("31/12/2030");
  });
});
