// Control `de_minimis` (domaine.md §3): Reg. (EU) 1407/2013 until 2023-12-31 (200 000 € over the
// current and two previous fiscal years, art. 3 §2), Reg. (EU) 2023/2831 from 2024-01-01
// (300 000 € over the three years ending on the grant date, art. 3 §2).
import { describe, expect, test } from "vitest";
import { codes, controles, evaluer, ficheSimple } from "../outils/regles.js";
import { periodeDeMinimis } from "../../src/core/controles/de-minimis.js";

// An expense no dispositif computes (a consulting mission), financed by a Region under de minimis.
function fiche(date: string, aide: string | number, anterieures: unknown[], beneficiaire: Record<string, unknown> = {}) {
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
    expect(periodeDeMinimis("exercices", 3, "2019-06-01")).toEqual({ debut: "2017-01-01", fin: "2019-12-31" });
  });
  test("a fiscal year starting on 1 July", () => {
    // Grant on 2019-06-01 falls in the fiscal year 2018-07-01 → 2019-06-30; two previous: from 2016-07-01.
    expect(periodeDeMinimis("exercices", 3, "2019-06-01", "07-01")).toEqual({ debut: "2016-07-01", fin: "2019-06-30" });
  });
  test("2023/2831: the three years ending on the grant date, the first day included", () => {
    expect(periodeDeMinimis("glissante", 3, "2024-06-01")).toEqual({ debut: "2021-06-01", fin: "2024-06-01" });
    // 29 February: three years back falls on 28 February.
    expect(periodeDeMinimis("glissante", 3, "2024-02-29")).toEqual({ debut: "2021-02-28", fin: "2024-02-29" });
  });
});

describe("Reg. 1407/2013 (aid granted until 2023-12-31)", () => {
  test("150 000 received + 50 000 = 200 000: exactly at the ceiling, compliant", () => {
    const [c] = controles(fiche("2019-06-01", 50000, [{ date: "2017-01-01", montant: 150000 }]), "de_minimis");
    expect(c.reglement).toBe("1407/2013");
    expect([c.periode_debut, c.periode_fin]).toEqual(["2017-01-01", "2019-12-31"]);
    expect(c.valeur!.toFixed(2)).toBe("200000.00");
    expect(c.limite!.toFixed(2)).toBe("200000.00");
    expect(c.disponible!.toFixed(2)).toBe("50000.00");
    expect(c.conforme).toBe(true);
  });

  test("aid exactly three fiscal years back (2016-12-31) is out of the period", () => {
    const [c] = controles(fiche("2019-06-01", 60000, [{ date: "2016-12-31", montant: 150000 }]), "de_minimis");
    expect(c.valeur!.toFixed(2)).toBe("60000.00");
    expect(c.conforme).toBe(true);
  });

  test("one cent over the ceiling fails, with the headroom before the new aid", () => {
    const [c] = controles(fiche("2019-06-01", "50000.01", [{ date: "2018-03-01", montant: 150000 }]), "de_minimis");
    expect(c.conforme).toBe(false);
    expect(c.disponible!.toFixed(2)).toBe("50000.00");
  });

  test("road freight for hire: 100 000 € (art. 3 §2, second subparagraph)", () => {
    const [c] = controles(fiche("2019-06-01", 60000, [{ date: "2018-03-01", montant: 50000 }], { secteur: "transport_routier" }), "de_minimis");
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
    const [c] = controles(fiche("2024-06-01", 100000, [{ date: "2021-05-31", montant: 250000 }]), "de_minimis");
    expect(c.valeur!.toFixed(2)).toBe("100000.00");
  });

  test("300 000 € applies to road freight too", () => {
    const [c] = controles(fiche("2024-06-01", 60000, [{ date: "2023-01-01", montant: 200000 }], { secteur: "transport_routier" }), "de_minimis");
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
    ...ficheSimple({ id: "mission", nature: "conseil", montant: 100000 }, { beneficiaire: { secteur: "agriculture" } }),
    date_demande: "2019-06-01",
    financements: [{ financeur: "region", montant: 20000, regime: "de_minimis", reglement: "agricole" }, { financeur: "autofinancement", montant: 80000 }],
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
  expect(cs.map((c) => [c.valeur!.toFixed(2), c.conforme])).toEqual([["210000.00", false], ["210000.00", false]]);
});

test("GBER aid needs no de minimis control", () => {
  const e = fiche("2019-06-01", 50000, []);
  expect(controles(e, "de_minimis")).toHaveLength(1);
  const rgec = evaluer({
    ...ficheSimple({ id: "mission", nature: "conseil", montant: 400000 }),
    financements: [{ financeur: "region", montant: 50000, regime: "rgec" }, { financeur: "autofinancement", montant: 350000 }],
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
