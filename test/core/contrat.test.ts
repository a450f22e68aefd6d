// Contract-level controls (src/core/contrat.ts): de minimis summed per single undertaking across the
// fiches of a contract, each fiche at its own grant dates; the fiches' dates inside the contract's
// period; the contract's totals. Every figure is worked out by hand in the comments.
import { describe, expect, test } from "vitest";
import {
  controlerContrat,
  deMinimisDesAutresFiches,
  entreprisesUniques,
  totaux,
} from "../../src/core/contrat.js";
import { evaluerFiche } from "../../src/core/evaluer.js";
import { validerFiche } from "../../src/core/fiche.js";
import type { Contrat } from "../../src/core/schemas/contrat.js";
import type { Fiche } from "../../src/core/schemas/fiche.js";
import { REF, ficheSimple } from "../outils/regles.js";

function fiche(donnees: Record<string, unknown>): Fiche {
  return validerFiche({ fichier: "test.yaml", donnees, ligneDe: () => undefined });
}

/** A consulting mission no dispositif computes, financed by a Region under de minimis. */
function ficheDeMinimis(
  id: string,
  beneficiaire: Record<string, unknown>,
  date: string,
  aide: number,
  autre: Record<string, unknown> = {},
): Fiche {
  return fiche({
    ...ficheSimple({ id: "mission", nature: "conseil", montant: 400000, taux_max: 1 }, { beneficiaire }),
    id,
    date_demande: date,
    financements: [
      { financeur: "region", montant: aide, regime: "de_minimis" },
      { financeur: "autofinancement", montant: 400000 - aide },
    ],
    ...autre,
  });
}

/** Evaluates the fiches as `verifier` does: each with the de minimis aid of the others. */
function evaluerContrat(fiches: Fiche[], contrat?: Contrat) {
  const autres = deMinimisDesAutresFiches(fiches, REF);
  const entrees = fiches.map((f, i) => ({
    fiche: f,
    evaluation: evaluerFiche(f, REF, { autresDeMinimis: autres[i] }),
  }));
  return { entrees, bilan: controlerContrat(entrees, REF, contrat) };
}

const deMinimisDe = (e: { evaluation: { controles: { controle: string }[] } }) =>
  e.evaluation.controles.filter((c) => c.controle === "de_minimis") as ReturnType<
    typeof evaluerFiche
  >["controles"];

describe("single undertakings", () => {
  test("the same SIREN, or the same entreprise_unique, ties fiches; a SIREN shared with a group bridges them", () => {
    const fs = [
      ficheDeMinimis("A", { siren: "741000012" }, "2019-06-01", 1000),
      ficheDeMinimis("B", { siren: "741000020" }, "2019-06-01", 1000),
      ficheDeMinimis("C", { siren: "741000012", entreprise_unique: "GROUPE-X" }, "2019-06-01", 1000),
      ficheDeMinimis("D", { siren: "391000015", entreprise_unique: "GROUPE-X" }, "2019-06-01", 1000),
    ];
    // A and C share a SIREN; C and D share the group: A, C, D are one undertaking, B another.
    expect(entreprisesUniques(fs).map((g) => g.map((i) => fs[i].id))).toEqual([["A", "C", "D"], ["B"]]);
  });

  test("without SIREN nor entreprise_unique, the name ties fiches, accents and case aside", () => {
    const fs = [
      ficheDeMinimis("A", { nom: "Scierie Émile" }, "2019-06-01", 1000),
      ficheDeMinimis("B", { nom: "scierie emile" }, "2019-06-01", 1000),
      ficheDeMinimis("C", { nom: "Scierie Emile", siren: "741000012" }, "2019-06-01", 1000),
      ficheDeMinimis("D", { nom: "Autre" }, "2019-06-01", 1000),
    ];
    expect(entreprisesUniques(fs).map((g) => g.map((i) => fs[i].id))).toEqual([["A", "B", "C"], ["D"]]);
  });
});

describe("de minimis across the fiches of a contract", () => {
  test("each fiche sees the other fiche's de minimis line, dated and named", () => {
    const fs = [
      ficheDeMinimis("TI-01", { siren: "741000012" }, "2019-06-01", 120000),
      ficheDeMinimis("TI-02", { siren: "741000012" }, "2019-09-01", 120000),
      ficheDeMinimis("TI-03", { siren: "741000020" }, "2019-09-01", 50000),
    ];
    const autres = deMinimisDesAutresFiches(fs, REF);
    expect(autres[0].map((a) => [a.date, a.montant.toFixed(2), a.reglement])).toEqual([
      ["2019-09-01", "120000.00", "general"],
    ]);
    expect(autres[0][0].origine).toContain("TI-02");
    expect(autres[1][0].origine).toContain("TI-01");
    expect(autres[2]).toEqual([]); // another SIREN
  });

  test("two fiches of one SIREN, 120 000 € each in 2019, exceed the 200 000 € of Reg. 1407/2013 together", () => {
    // Reg. (EU) 1407/2013, art. 3 §2: 200 000 € over 2017-2019 (grants of 2019); 120 000 + 120 000 = 240 000 €.
    const { entrees, bilan } = evaluerContrat([
      ficheDeMinimis("TI-01", { siren: "741000012" }, "2019-06-01", 120000),
      ficheDeMinimis("TI-02", { siren: "741000012" }, "2019-09-01", 120000),
    ]);
    for (const e of entrees) {
      const [c] = deMinimisDe(e);
      expect([c.valeur!.toFixed(2), c.limite!.toFixed(2), c.conforme]).toEqual([
        "240000.00",
        "200000.00",
        false,
      ]);
      expect(e.evaluation.conforme).toBe(false);
    }
    const [k] = bilan.controles.filter((c) => c.controle === "de_minimis");
    expect(k.conforme).toBe(false);
    expect(k.fiches).toEqual(["TI-01", "TI-02"]);
    expect(k.portee).toBe("741000012");
    expect([k.valeur!.toFixed(2), k.limite!.toFixed(2)]).toEqual(["240000.00", "200000.00"]);
    expect(k.message).toContain("TI-01");
    expect(k.message).toContain("TI-02");
    // Over by 240 000 − 200 000 = 40 000 €.
    expect(k.message).toContain("40\u00a0000,00\u00a0€");
  });

  test("alone, each of those fiches is compliant", () => {
    const { entrees, bilan } = evaluerContrat([
      ficheDeMinimis("TI-01", { siren: "741000012" }, "2019-06-01", 120000),
    ]);
    expect(deMinimisDe(entrees[0])[0].conforme).toBe(true);
    expect(bilan.controles.filter((c) => c.controle === "de_minimis")).toEqual([]);
  });

  test("each fiche at its own grant date: under Reg. 2023/2831 the earlier grant does not see the later one", () => {
    // 2023/2831, art. 3 §2: 300 000 € over the three years ending on the grant date.
    // TI-01 granted 2024-03-01 (200 000 €): period 2021-03-01 → 2024-03-01, TI-02 (2025) outside: 200 000 € ≤ 300 000 €.
    // TI-02 granted 2025-01-15 (150 000 €): period 2022-01-15 → 2025-01-15 holds TI-01: 350 000 € > 300 000 €.
    const { entrees, bilan } = evaluerContrat([
      ficheDeMinimis("TI-01", { siren: "741000012" }, "2024-03-01", 200000),
      ficheDeMinimis("TI-02", { siren: "741000012" }, "2025-01-15", 150000),
    ]);
    const [c1] = deMinimisDe(entrees[0]);
    const [c2] = deMinimisDe(entrees[1]);
    expect([c1.valeur!.toFixed(2), c1.conforme]).toEqual(["200000.00", true]);
    expect([c2.valeur!.toFixed(2), c2.limite!.toFixed(2), c2.conforme]).toEqual([
      "350000.00",
      "300000.00",
      false,
    ]);
    const [k] = bilan.controles.filter((c) => c.controle === "de_minimis");
    expect(k.conforme).toBe(false);
    expect(k.fiches).toEqual(["TI-01", "TI-02"]);
    expect(k.lieu).toEqual({ fiche: 1, champ: ["financements", 0] }); // the failing fiche's de minimis line
  });

  test("together within the ceiling: the contract control is compliant", () => {
    // 1407/2013: 100 000 + 100 000 = 200 000 € — exactly the ceiling, which is allowed ("at most").
    const { bilan } = evaluerContrat([
      ficheDeMinimis("TI-01", { siren: "741000012" }, "2019-06-01", 100000),
      ficheDeMinimis("TI-02", { siren: "741000012" }, "2019-09-01", 100000),
    ]);
    const [k] = bilan.controles.filter((c) => c.controle === "de_minimis");
    expect([k.conforme, k.valeur!.toFixed(2)]).toEqual([true, "200000.00"]);
  });

  test("previous aid declared in two fiches of one undertaking counts once; declared in one, it counts for all", () => {
    const anterieure = { date: "2018-03-01", montant: 90000 };
    const fs = [
      ficheDeMinimis("TI-01", { siren: "741000012" }, "2019-06-01", 50000, {
        aides_de_minimis_anterieures: [anterieure],
      }),
      ficheDeMinimis("TI-02", { siren: "741000012" }, "2019-09-01", 50000, {
        aides_de_minimis_anterieures: [anterieure, { date: "2017-05-01", montant: 20000 }],
      }),
    ];
    const { entrees } = evaluerContrat(fs);
    // Both fiches: 90 000 (2018, once) + 20 000 (2017, declared by TI-02 only) + 50 000 + 50 000 = 210 000 € > 200 000 €.
    for (const e of entrees) expect(deMinimisDe(e)[0].valeur!.toFixed(2)).toBe("210000.00");
  });

  test("a fiche known by its name only, tied to another by that name, is warned about", () => {
    const { bilan } = evaluerContrat([
      ficheDeMinimis("TI-01", { nom: "Atelier Exemple" }, "2019-06-01", 10000),
      ficheDeMinimis("TI-02", { nom: "Atelier Exemple", siren: "741000012" }, "2019-06-01", 10000),
    ]);
    const m = bilan.motifs.filter((x) => x.code === "de_minimis_contrat_par_nom");
    expect(m).toHaveLength(1);
    expect(m[0].niveau).toBe("avertissement");
    expect(m[0].message).toContain("TI-02");
    expect(m[0].lieu).toEqual({ fiche: 0, champ: ["beneficiaire"] });
  });

  test("many fiches known by one name only: one warning for the group, each fiche named once (linear, not quadratic)", () => {
    const contrat = (n: number) =>
      evaluerContrat(
        Array.from({ length: n }, (_, i) =>
          ficheDeMinimis(`F${String(i).padStart(3, "0")}`, { nom: "Atelier Exemple" }, "2019-06-01", 1000),
        ),
      ).bilan.motifs.filter((x) => x.code === "de_minimis_contrat_par_nom");
    const [m50, m100] = [contrat(50), contrat(100)];
    expect(m100).toHaveLength(1);
    for (let i = 0; i < 100; i++)
      expect(m100[0].message.split(`F${String(i).padStart(3, "0")}`)).toHaveLength(2);
    expect(m100[0].message).toMatch(/^Fiches F000, F001, .* et F099 : ni SIREN ni entreprise_unique ;/);
    expect(m100[0].lieu).toEqual({ fiche: 0, champ: ["beneficiaire"] });
    // Twice the fiches, about twice the text (it was four times: each fiche named all the others).
    const taille = (ms: { message: string }[]) => ms.reduce((s, x) => s + x.message.length, 0);
    expect(taille(m100)).toBeLessThan(2.2 * taille(m50));
  });
});

describe("dates inside the contract's period", () => {
  const contrat: Contrat = {
    id: "C",
    territoire: "Vallée de l'Arve",
    periode: { debut: "2019-01-01", fin: "2022-12-31" },
  };

  test("the last day of the period is inside; the day after, a grant date, is outside and named", () => {
    const f = ficheDeMinimis("TI-01", { siren: "741000012" }, "2022-12-31", 10000);
    f.financements![0].date_octroi = "2023-01-01";
    const { bilan } = evaluerContrat([f], contrat);
    const ps = bilan.controles.filter((c) => c.controle === "periode");
    expect(ps).toHaveLength(1);
    expect(ps[0].conforme).toBe(false);
    expect(ps[0].lieu).toEqual({ fiche: 0, champ: ["financements", 0, "date_octroi"] });
    expect(ps[0].message).toContain("01/01/2023");
  });

  test("an application before the period fails; a fiche inside it passes; a fiche without dates cannot be checked", () => {
    const avant = ficheDeMinimis("TI-01", { siren: "741000012" }, "2018-12-31", 10000);
    const dedans = ficheDeMinimis("TI-02", { siren: "741000020" }, "2019-01-01", 10000);
    const sansDate = fiche(ficheSimple({ id: "d", nature: "conseil", montant: 1000 }, { id: "TI-03" }));
    delete (sansDate as { date_demande?: string }).date_demande;
    const { bilan } = evaluerContrat([avant, dedans, sansDate], contrat);
    const ps = bilan.controles.filter((c) => c.controle === "periode");
    expect(ps.map((c) => [c.portee, c.conforme])).toEqual([
      ["TI-01", false],
      ["TI-02", true],
      ["TI-03", null],
    ]);
    expect(ps[0].lieu!.champ).toEqual(["date_demande"]);
  });

  test("no contract file: no period control", () => {
    const { bilan } = evaluerContrat([ficheDeMinimis("TI-01", { siren: "741000012" }, "2030-01-01", 10000)]);
    expect(bilan.controles.filter((c) => c.controle === "periode")).toEqual([]);
  });

  test("a fiche of another territory than the contract's is warned about", () => {
    const { bilan } = evaluerContrat(
      [ficheDeMinimis("TI-01", { siren: "741000012" }, "2019-06-01", 10000, { territoire: "Haut-Jura" })],
      contrat,
    );
    expect(bilan.motifs.map((m) => m.code)).toContain("territoire_different");
  });
});

test("totals: cost, public financing per financer, self-financing and their shares of the cost", () => {
  const a = fiche({
    ...ficheSimple({
      id: "d",
      nature: "investissement",
      categorie: "enr",
      montant: 600000,
      cout_reference: 200000,
    }),
    financements: [
      { financeur: "ademe-investissement", montant: 200000 },
      { financeur: "autofinancement", montant: 400000 },
    ],
  });
  const b = fiche({
    ...ficheSimple({ id: "d", nature: "conseil", montant: 300000 }, { id: "B" }),
    financements: [
      { financeur: "region", montant: 100000, regime: "de_minimis" },
      { financeur: "ademe-investissement", montant: 50000 },
      { financeur: "prive", montant: 30000 },
      { financeur: "autofinancement", montant: 120000 },
    ],
  });
  const c = fiche(ficheSimple({ id: "d", nature: "conseil", montant: 100000 }, { id: "C" }));
  const t = totaux([a, b, c]);
  // Cost 600 000 + 300 000 + 100 000 = 1 000 000 €; financing 600 000 + 300 000 = 900 000 € (C has no plan).
  expect(t.cout_total.toFixed(2)).toBe("1000000.00");
  expect(t.financements_total.toFixed(2)).toBe("900000.00");
  // Public: ADEME 200 000 + 50 000 = 250 000 €, Region 100 000 €: 350 000 € = 35 % of the cost.
  expect(t.par_financeur.map((f) => [f.financeur, f.montant.toFixed(2)])).toEqual([
    ["ademe-investissement", "250000.00"],
    ["region", "100000.00"],
  ]);
  expect(t.financements_publics.toFixed(2)).toBe("350000.00");
  expect(t.part_publique!.toFixed(4)).toBe("0.3500");
  // Self-financing 400 000 + 120 000 = 520 000 € = 52 %; other private 30 000 €.
  expect(t.autofinancement.toFixed(2)).toBe("520000.00");
  expect(t.part_autofinancement!.toFixed(4)).toBe("0.5200");
  expect(t.autres_prives.toFixed(2)).toBe("30000.00");
  expect(t.fiches_sans_plan).toEqual(["C"]);
});
