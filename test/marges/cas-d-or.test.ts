// Room left (docs/interface.md « Marges »), golden cases worked by hand from the guide and the law.
// Before the issue 19 the evaluation had no `marges`: each test below fails on that code.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { EvaluationFiche, Marge } from "../../src/core/modele.js";
import { evaluer, evaluerYaml, ficheSimple } from "../outils/regles.js";

function marge(e: EvaluationFiche, financeur: string): Marge {
  const m = e.marges.find((x) => x.financeur === financeur);
  if (!m) throw new Error(`pas de marge pour ${financeur} : ${e.marges.map((x) => x.financeur).join(", ")}`);
  return m;
}
const fixe = (m: Marge) => ({
  demande: m.demande.toFixed(2),
  maximum: m.maximum?.toFixed(2) ?? null,
  marge: m.marge?.toFixed(2) ?? null,
  controle: m.limite_par?.controle,
  portee: m.limite_par?.portee,
});

describe("the README's chaufferie (fixtures/fiches/chaufferie.yaml)", () => {
  // By hand, from the guide (fiche 8):
  //  - the scierie has 120 staff and 30 M€ turnover: a medium enterprise (ME) (Reg. (EU) 651/2014,
  //    annex I: < 250 staff, ≤ 50 M€);
  //  - « Développement des EnR », ME: 55 % (Guide fiche 8, l.914), + 5 points in an AFR zone of
  //    mainland France (l.912) = 60 %;
  //  - assiette: the extra cost over the reference investment (l.927): 1 200 000 − 400 000 = 800 000 €;
  //  - ceiling of ADEME and intensity ceiling of the cumul (note 9, l.2639): 60 % × 800 000 = 480 000 €.
  // The plan: ADEME 350 000, Région 150 000 (both State aid on « chaudiere »), autofinancement 700 000.
  //  - Région, ADEME fixed: cumul 350 000 + R ≤ 480 000 → R ≤ 130 000 € (asks 150 000: 20 000 too much);
  //  - ADEME, Région fixed: cumul A + 150 000 ≤ 480 000 → A ≤ 330 000 €, tighter than its own ceiling
  //    of 480 000; the autofinancement (700 000) absorbs either way.
  const e = evaluerYaml(readFileSync("fixtures/fiches/chaufferie.yaml", "utf8"));

  test("Région: 130 000,00 € at most, bound by the cumul on « chaudiere », 20 000,00 € to take off", () => {
    expect(fixe(marge(e, "region"))).toEqual({
      demande: "150000.00",
      maximum: "130000.00",
      marge: "-20000.00",
      controle: "cumul",
      portee: "chaudiere",
    });
  });

  test("ADEME: 330 000,00 € at most, bound by the same cumul", () => {
    expect(fixe(marge(e, "ademe-investissement"))).toEqual({
      demande: "350000.00",
      maximum: "330000.00",
      marge: "-20000.00",
      controle: "cumul",
      portee: "chaudiere",
    });
    expect(marge(e, "ademe-investissement").depense).toBe("chaudiere");
    expect(marge(e, "region").depense).toBeNull();
  });

  test("the cumul message says who must reduce, and by how much", () => {
    const cumul = e.controles.find((k) => k.controle === "cumul")!;
    expect(cumul.message).toContain("Qui doit réduire");
    expect(cumul.message).toContain("Région de 20\u00a0000,00\u00a0€");
    expect(cumul.message).toContain("130\u00a0000,00\u00a0€ au plus");
    expect(cumul.message).toContain("330\u00a0000,00\u00a0€ au plus");
  });
});

describe("a collectivité's non-economic investment of 1 000 000 € with three public financers", () => {
  // CGCT art. L1111-10, III: the collectivité that owns the investment funds at least 20 % of the
  // total public financing, its own share included. Here all the money is public (State, Région,
  // Département and the collectivité's own 250 000): 20 % × 1 000 000 = 200 000 of its own at least,
  // so 800 000 € at most from the others. With the others fixed, raising one line takes the same
  // amount off the autofinancement (the total stays 1 000 000):
  //  - État: 800 000 − (300 000 + 200 000) = 300 000 € (asks 250 000: 50 000 left);
  //  - Région: 800 000 − (250 000 + 200 000) = 350 000 €; Département: 800 000 − 550 000 = 250 000 €.
  // Non-economic: no cumul, no transparency, no incentive effect (docs/domaine.md §3).
  const e = evaluer(
    ficheSimple(
      { nature: "investissement", montant: 1000000 },
      {
        beneficiaire: { nature: "collectivite", nom: "Commune de Privas" },
        financements: [
          { financeur: "etat", montant: 250000, regime: "rgec" },
          { financeur: "region", montant: 300000, regime: "rgec" },
          { financeur: "departement", montant: 200000, regime: "rgec" },
          { financeur: "autofinancement", montant: 250000 },
        ],
      },
    ),
  );

  test("each financer is bound by the participation minimale, 50 000 € left to each", () => {
    expect(e.conforme).toBe(true);
    expect([marge(e, "etat"), marge(e, "region"), marge(e, "departement")].map(fixe)).toEqual([
      {
        demande: "250000.00",
        maximum: "300000.00",
        marge: "50000.00",
        controle: "participation_minimale",
        portee: "Commune de Privas",
      },
      {
        demande: "300000.00",
        maximum: "350000.00",
        marge: "50000.00",
        controle: "participation_minimale",
        portee: "Commune de Privas",
      },
      {
        demande: "200000.00",
        maximum: "250000.00",
        marge: "50000.00",
        controle: "participation_minimale",
        portee: "Commune de Privas",
      },
    ]);
  });
});

describe("a de minimis line limited by previous aid", () => {
  // Reg. (EU) 2023/2831, art. 3(2): 300 000 € per single undertaking over the three years ending on
  // the grant date (from 2024-01-01). Granted on 2024-06-01, the aid of 2022-09-01 (250 000 €) is within
  // those three years: 300 000 − 250 000 = 50 000 € at most for the Région's de minimis line, which
  // asks 100 000 (50 000 too much). A consulting expense no dispositif of the guide rates: no cumul
  // ceiling to bind; the autofinancement (300 000) absorbs.
  const e = evaluer(
    ficheSimple(
      { nature: "conseil", montant: 400000 },
      {
        date_demande: "2024-06-01",
        date_debut: "2024-09-01",
        beneficiaire: { siren: "123456782" },
        aides_de_minimis_anterieures: [{ date: "2022-09-01", montant: 250000 }],
        financements: [
          { financeur: "region", montant: 100000, regime: "de_minimis" },
          { financeur: "autofinancement", montant: 300000 },
        ],
      },
    ),
  );

  test("50 000,00 € at most, bound by the de minimis ceiling of the undertaking", () => {
    expect(fixe(marge(e, "region"))).toEqual({
      demande: "100000.00",
      maximum: "50000.00",
      marge: "-50000.00",
      controle: "de_minimis",
      portee: "123456782",
    });
  });
});

describe("a PIA filières plan at parity (Guide fiche 21, l.2054: State and Région « à parité »)", () => {
  // 50 % of 3 000 000 € of eligible expenses = 1 500 000 € at most (l.2054), the ceiling of the lines
  // paying under pia-filieres and, as its intensity, of the cumul. Parity: the État and Région lines
  // must be equal, so with the Région fixed the only amount the État may ask is the Région's.
  const fiche = (etat: number, region: number) =>
    evaluer(
      ficheSimple(
        {
          nature: "investissement",
          categorie: "outil_filiere",
          montant: 3000000,
          ouvert_aux_tiers: true,
          duree_amorcage_annees: 5,
          droits_vote_filiere: 0.5,
        },
        {
          date_debut: "2019-09-01",
          financements: [
            { financeur: "etat", dispositif: "pia-filieres", montant: etat },
            { financeur: "region", dispositif: "pia-filieres", montant: region },
            { financeur: "autofinancement", montant: 3000000 - etat - region },
          ],
        },
      ),
    );

  test("600 000 each: each at its only possible amount, bound by the parity", () => {
    // 600 000 + 600 000 = 1 200 000 ≤ 1 500 000: the ceiling would allow 900 000 to either line alone,
    // the parity only 600 000.
    const e = fiche(600000, 600000);
    expect(e.conforme).toBe(true);
    expect(fixe(marge(e, "etat"))).toEqual({
      demande: "600000.00",
      maximum: "600000.00",
      marge: "0.00",
      controle: "parite",
      portee: "pia-filieres",
    });
  });

  test("900 000 each: no amount of the État alone is compliant (parity 900 000, ceiling 600 000)", () => {
    // The ceiling: E + 900 000 ≤ 1 500 000 → E ≤ 600 000; the parity: E = 900 000. Both sides must come
    // down together: one line alone cannot make the plan compliant.
    const e = fiche(900000, 900000);
    const m = marge(e, "etat");
    expect(m.maximum).toBeNull();
    expect(m.marge).toBeNull();
    expect(m.limite_par?.controle).toBe("plafond");
  });
});
