// Properties of `proposer` on generated valid fiches (docs/interface.md « proposer »): the proposed plan
// is compliant by the project's own controls, and no line of it can be raised by one cent (the
// self-financing giving that cent) without breaking a control — or its own montant_max.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { arrondirCentime, D, type Dec } from "../../src/core/argent.js";
import { ErreurSaisie } from "../../src/core/erreurs.js";
import { evaluerFiche } from "../../src/core/evaluer.js";
import { validerFiche } from "../../src/core/fiche.js";
import { proposerPlan, type Proposition } from "../../src/core/proposition/proposer.js";
import type { Fiche } from "../../src/core/schemas/fiche.js";
import { REF } from "../outils/regles.js";
import { fiche, type FicheBrute } from "./arbitraires.js";

const RUNS = 60;
const CENTIME = new D("0.01");

/** The proposition, or the user error a fiche may rightly get (no public financer, no plan possible). */
function proposer(brute: FicheBrute): Proposition | null {
  const f = validerFiche({ fichier: "p.yaml", donnees: brute, ligneDe: () => undefined });
  try {
    return proposerPlan(f, REF);
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    expect(e.message).toMatch(/aucun financeur public|aucun plan conforme possible|dépassent le coût total/);
    return null;
  }
}

/**
 * The proposed fiche with line k raised by `plus`, the self-financing (the last line) giving it; a
 * grant equivalent follows the amount in the fiche's proportion (`ratio`), as proposer takes it.
 */
function releve(f: Fiche, k: number, plus: Dec, ratio: Dec | null): Fiche {
  const lignes = f.financements!.map((l) => ({ ...l }));
  lignes[k].montant = lignes[k].montant.plus(plus);
  if (ratio) lignes[k].equivalent_subvention = arrondirCentime(lignes[k].montant.times(ratio));
  const auto = lignes[lignes.length - 1];
  auto.montant = auto.montant.minus(plus);
  return { ...f, financements: lignes };
}

const planAlea = fiche({ plan: true });

/**
 * Fiches where public aid is possible and several controls bind together: expenses with a taux_max
 * (cumul), generic public financers under the GBER or de minimis (with previous aid), some with a
 * montant_max, on some of the expenses; an enterprise or a collectivité (CGCT 20 %).
 */
const planPublic = fc
  .record({
    collectivite: fc.boolean(),
    depenses: fc.array(
      fc.record({
        montant: fc.integer({ min: 1, max: 300_000_000 }),
        taux: fc.integer({ min: 1, max: 100 }),
        nature: fc.constantFrom("conseil", "investissement"),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    lignes: fc.array(
      fc.record({
        financeur: fc.constantFrom("etat", "region", "departement", "epci", "feder"),
        regime: fc.constantFrom("rgec", "de_minimis", "hors_aide_etat"),
        max: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: undefined }),
        sur: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    anterieure: fc.integer({ min: 0, max: 35_000_000 }),
  })
  .map(({ collectivite, depenses, lignes, anterieure }) => ({
    id: "PUBLIC",
    date_demande: "2025-03-01",
    date_debut: "2025-06-01",
    beneficiaire: collectivite
      ? { nom: "Commune", nature: "collectivite" }
      : {
          nature: "entreprise",
          siren: "123456782",
          effectif: 40,
          chiffre_affaires: 5000000,
          total_bilan: 3000000,
        },
    localisation: { zone: "metropole", afr: false },
    depenses: depenses.map((d, i) => ({
      id: `d${i}`,
      nature: d.nature,
      montant: texteCentimes(d.montant),
      taux_max: (d.taux / 100).toFixed(2),
    })),
    financements: lignes.map((l) => ({
      financeur: l.financeur,
      montant: 0,
      regime: l.regime,
      ...(l.max !== undefined ? { montant_max: texteCentimes(l.max) } : {}),
      ...(l.sur !== undefined && l.sur < depenses.length ? { depenses: [`d${l.sur}`] } : {}),
    })),
    aides_de_minimis_anterieures: [{ date: "2023-06-01", montant: texteCentimes(anterieure) }],
  })) as fc.Arbitrary<FicheBrute>;

function texteCentimes(c: number): string {
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
}

describe("proposer on generated fiches", () => {
  test("the proposed plan is compliant: balanced, no control false, self-financing never negative", () => {
    fc.assert(
      fc.property(fc.oneof(planAlea, planPublic), (brute) => {
        const p = proposer(brute);
        if (!p) return;
        const e = evaluerFiche(p.fiche, REF);
        expect(e.controles.filter((c) => c.conforme === false)).toEqual([]);
        expect(e.controles.find((c) => c.controle === "equilibre")?.conforme).toBe(true);
        expect(p.autofinancement.isNegative()).toBe(false);
        for (const l of p.fiche.financements!) expect(l.montant.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: RUNS },
    );
  });

  test("no line can be raised by one cent without breaking a control or its montant_max", () => {
    fc.assert(
      fc.property(fc.oneof(planAlea, planPublic), (brute) => {
        const p = proposer(brute);
        if (!p) return;
        const lignes = p.fiche.financements!;
        const auto = lignes[lignes.length - 1].montant;
        p.lignes
          .filter((l) => !l.exclue && !l.fixe)
          .forEach((l) => {
            const k = lignes.findIndex((x, j) => p.origines[j] === l.origine && x.financeur === l.financeur);
            const max = lignes[k].montant_max;
            if (max && lignes[k].montant.plus(CENTIME).greaterThan(max)) return;
            if (auto.lessThan(CENTIME)) return; // one cent more unbalances the plan
            const ecrite = l.origine === null ? undefined : brute.financements![l.origine];
            const ratio =
              ecrite?.equivalent_subvention !== undefined && Number(ecrite.montant) > 0
                ? new D(String(ecrite.equivalent_subvention)).dividedBy(new D(String(ecrite.montant)))
                : null;
            const e = evaluerFiche(releve(p.fiche, k, CENTIME, ratio), REF);
            expect(e.conforme, `${l.financeur} relevé d'un centime`).toBe(false);
          });
      }),
      { numRuns: RUNS },
    );
  });
});

// Found by the property above (seed 2025103771), on main too: the lines were raised once each, in
// order; bdt-investissement, raised first, stopped at half the cost, and ademe-eit-animateur, raised
// next, freed it — one cent was left to self-financing. Worked by hand: cost 302,69 + 293 697,32 =
// 294 000,01 € ; ademe-eit-animateur at most (24 000 + 20 000) × 3 + 15 000 = 147 000 € (guide fiche 7,
// l.866, no etp nor duree given: full time, 3 years) ; bdt-investissement (an investment, no ceiling of
// its own) then takes the rest, 147 000,01 €, and nothing is left to self-financing.
test("a line raised later that frees an earlier one: the earlier one is raised again", () => {
  const p = proposer({
    id: "LIBERE",
    date_demande: "2017-01-01",
    beneficiaire: { nature: "entreprise" },
    localisation: { zone: "metropole", afr: false },
    depenses: [
      { id: "d0", nature: "animation", categorie: "eit", montant: "302.69" },
      { id: "d1", nature: "capital", categorie: "participation", montant: "293697.32" },
    ],
    financements: [
      { financeur: "bdt-investissement", montant: "0" },
      { financeur: "ademe-eit-animateur", montant: "0" },
      { financeur: "bdt-ingenierie", montant: "0" },
    ],
  } as FicheBrute)!;
  const montant = (id: string) => p.lignes.find((l) => l.financeur === id)!.montant.toFixed(2);
  expect(montant("ademe-eit-animateur")).toBe("147000.00");
  expect(montant("bdt-investissement")).toBe("147000.01");
  expect(p.autofinancement.toFixed(2)).toBe("0.00");
});
