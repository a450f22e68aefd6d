// Controls `plafond` and `equilibre` (docs/domaine.md §3), figures worked by hand from the guide.
import { describe, expect, test } from "vitest";
import { controles, evaluer, ficheSimple } from "../outils/regles.js";

// ME (120 staff, 30 M€ turnover: Reg. 651/2014 annex I), EnR, zone AFR: 55 % (Guide l.914) + 5 points
// (l.912) = 60 % of the extra cost 1 200 000 − 400 000 = 800 000 € → ceiling 480 000,00 €.
const chaudiere = {
  id: "chaudiere",
  nature: "investissement",
  categorie: "enr",
  montant: 1200000,
  cout_reference: 400000,
};
const afr = { localisation: { zone: "metropole", afr: true } };

function plan(ademe: string | number, autofinancement: string | number) {
  return evaluer({
    ...ficheSimple(chaudiere, afr),
    depenses: [{ ...chaudiere }],
    financements: [
      { financeur: "ademe-investissement", montant: ademe, regime: "rgec" },
      { financeur: "autofinancement", montant: autofinancement },
    ],
  });
}

describe("plafond", () => {
  test("lines of one expense each: one control per expense, in the order the lines first name them", () => {
    // Two boilers of 1 200 000 € (extra cost 800 000 € each: 480 000 € each, as above); ADEME asks
    // 100 000 € on the second, 200 000 € on the first, 50 000 € more on the second: 150 000 € there.
    const seconde = { ...chaudiere, id: "seconde" };
    const e = evaluer({
      ...ficheSimple(chaudiere, afr),
      depenses: [{ ...chaudiere }, seconde],
      financements: [
        { financeur: "ademe-investissement", montant: 100000, regime: "rgec", depenses: ["seconde"] },
        { financeur: "ademe-investissement", montant: 200000, regime: "rgec", depenses: ["chaudiere"] },
        { financeur: "ademe-investissement", montant: 50000, regime: "rgec", depenses: ["seconde"] },
        { financeur: "autofinancement", montant: 2050000 },
      ],
    });
    const p = controles(e, "plafond");
    expect(p.map((k) => k.portee)).toEqual([
      "ademe-investissement / seconde",
      "ademe-investissement / chaudiere",
    ]);
    expect(p.map((k) => k.valeur!.toFixed(2))).toEqual(["150000.00", "200000.00"]);
    expect(p.map((k) => k.limite!.toFixed(2))).toEqual(["480000.00", "480000.00"]);
  });

  test("an aid exactly at the ceiling is compliant", () => {
    const [p] = controles(plan(480000, 720000), "plafond");
    expect(p.conforme).toBe(true);
    expect(p.valeur!.toFixed(2)).toBe("480000.00");
    expect(p.limite!.toFixed(2)).toBe("480000.00");
  });

  test("one cent above the ceiling is not, and the excess is reported", () => {
    const e = plan("480000.01", "719999.99");
    const [p] = controles(e, "plafond");
    expect(p.conforme).toBe(false);
    expect(e.resultats[0].depassement!.toFixed(2)).toBe("0.01");
    expect(e.conforme).toBe(false);
  });

  test("a dispositif asked on an expense where it is ineligible has a ceiling of 0", () => {
    // ademe-etudes requires an external provider (Guide l.803): prestataire_externe false → ineligible.
    const etude = {
      id: "etude",
      nature: "etude",
      categorie: "diagnostic",
      montant: 40000,
      prestataire_externe: false,
    };
    const e = evaluer({
      ...ficheSimple(etude),
      financements: [
        { financeur: "ademe-etudes", montant: 10000 },
        { financeur: "autofinancement", montant: 30000 },
      ],
    });
    const [p] = controles(e, "plafond");
    expect(p.limite!.toFixed(2)).toBe("0.00");
    expect(p.conforme).toBe(false);
  });

  test("a generic financer paying under a dispositif counts against its ceiling", () => {
    // pia-filieres: 50 % of 3 000 000 = 1 500 000 € (Guide fiche 21, l.2054); State and Region pay 800 000 each.
    const outil = {
      id: "outil",
      nature: "investissement",
      categorie: "outil_filiere",
      montant: 3000000,
      ouvert_aux_tiers: true,
      duree_amorcage_annees: 5,
      droits_vote_filiere: 0.5,
    };
    const e = evaluer({
      ...ficheSimple(outil),
      financements: [
        { financeur: "etat", dispositif: "pia-filieres", montant: 800000, regime: "rgec" },
        { financeur: "region", dispositif: "pia-filieres", montant: 800000, regime: "rgec" },
        { financeur: "autofinancement", montant: 1400000 },
      ],
    });
    const [p] = controles(e, "plafond");
    expect(p.valeur!.toFixed(2)).toBe("1600000.00");
    expect(p.limite!.toFixed(2)).toBe("1500000.00");
    expect(p.conforme).toBe(false);
  });
});

describe("equilibre", () => {
  test("resources equal to the cost, to the cent", () => {
    const [c] = controles(plan(480000, 720000), "equilibre");
    expect(c.conforme).toBe(true);
  });

  test("a plan one cent off balance is not compliant", () => {
    const [c] = controles(plan(480000, "719999.99"), "equilibre");
    expect(c.conforme).toBe(false);
    expect(c.valeur!.toFixed(2)).toBe("1199999.99");
    expect(c.limite!.toFixed(2)).toBe("1200000.00");
    expect(c.message).toContain("manque de 0,01");
  });

  test("no financing plan, no controls, and the fiche is not held non-compliant", () => {
    const e = evaluer(ficheSimple(chaudiere, afr));
    expect(e.controles).toEqual([]);
    expect(e.conforme).toBe(true);
  });
});
