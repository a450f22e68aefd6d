// Monotony of the ceilings, on generated valid fiches: a bigger expense never gets a smaller
// ceiling, and a smaller company never gets less than a bigger one for the same expense (the rate
// tables of the guide decrease from PE to ME to GE: e.g. Guide fiche 8, l.893-907; fiche 6, l.793-797).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { D } from "../../src/core/argent.js";
import type { EvaluationFiche, Resultat } from "../../src/core/modele.js";
import { evaluer } from "../outils/regles.js";
import { centimes, fiche, texteMontant, type FicheBrute } from "./arbitraires.js";

const RUNS = 120;

function cle(r: Resultat): string {
  return `${r.dispositif}/${r.depense}`;
}

function parCle(e: EvaluationFiche): Map<string, Resultat> {
  return new Map(e.resultats.map((r) => [cle(r), r]));
}

/** The same fiche with expense `i` larger by `delta` cents. */
function agrandir(f: FicheBrute, i: number, delta: number): FicheBrute {
  const cents = (x: unknown) => Math.round(Number(x) * 100);
  const depenses = f.depenses.map((d, j) => {
    if (j !== i) return d;
    const plus = { ...d, montant: texteMontant(cents(d.montant) + delta) };
    // A deposit is "at least 10 % of the order" (Guide fiche 23, note 7, l.2126): a fixed deposit on a
    // bigger order may legitimately stop qualifying, so the deposit grows with the order.
    if (d.acompte !== undefined) plus.acompte = texteMontant(cents(d.acompte) + delta);
    return plus;
  });
  return { ...f, depenses };
}

describe("monotony of the ceilings", () => {
  test("in the amount: a bigger expense never has a smaller ceiling, for any dispositif on it", () => {
    fc.assert(
      fc.property(
        fiche({ depenses: { min: 1, max: 3 } }),
        fc.nat(),
        centimes(1_000_000_00),
        (f, k, delta) => {
          const i = k % f.depenses.length;
          const avant = parCle(evaluer(f));
          const apres = parCle(evaluer(agrandir(f, i, delta)));
          for (const [k2, r] of avant) {
            if (r.depense !== `d${i}`) continue;
            const r2 = apres.get(k2);
            expect(r2, `${k2} disparu`).toBeDefined();
            if (r.plafond === null || r2!.plafond === null) {
              expect(r2!.plafond === null).toBe(r.plafond === null);
              continue;
            }
            expect(
              r2!.plafond.greaterThanOrEqualTo(r.plafond),
              `${k2}: ${r.plafond} → ${r2!.plafond} pour +${delta} centimes`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("in the company being smaller: PE ≥ ME ≥ GE, ceiling and rate, for the same expense", () => {
    fc.assert(
      fc.property(fiche({ depenses: { min: 1, max: 3 } }), (f) => {
        // An enterprise with an economic activity, not held by public bodies: only its declared size varies.
        const {
          detenu_public_25: _d,
          activite_economique: _a,
          ...b
        } = f.beneficiaire as Record<string, unknown>;
        const de = (taille: string) =>
          parCle(evaluer({ ...f, beneficiaire: { ...b, nature: "entreprise", taille } }));
        const [pe, me, ge] = ["PE", "ME", "GE"].map(de);
        for (const [k, rPe] of pe) {
          const rMe = me.get(k)!;
          const rGe = ge.get(k)!;
          for (const [grand, petit] of [
            [rMe, rPe],
            [rGe, rMe],
          ] as const) {
            if (petit.plafond !== null && grand.plafond !== null) {
              expect(
                petit.plafond.greaterThanOrEqualTo(grand.plafond),
                `${k}: plafond ${petit.plafond} < ${grand.plafond}`,
              ).toBe(true);
            }
            if (petit.taux !== null && grand.taux !== null && petit.eligible && grand.eligible) {
              expect(
                petit.taux.greaterThanOrEqualTo(grand.taux),
                `${k}: taux ${petit.taux} < ${grand.taux}`,
              ).toBe(true);
            }
            // Eligible for a bigger company implies eligible for a smaller one.
            if (grand.eligible)
              expect(petit.eligible, `${k}: éligible pour une plus grande entreprise seulement`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("the figure itself: ADEME investment, EnR, PE 65 % ≥ ME 55 % ≥ GE 45 % (Guide fiche 8, l.914)", () => {
    // A known point of the property above, worked by hand: 100 000 € of EnR extra cost, no bonus.
    const plafond = (taille: string) =>
      evaluer({
        id: "T",
        date_demande: "2019-06-01",
        beneficiaire: { nature: "entreprise", taille },
        depenses: [
          { id: "d", nature: "investissement", categorie: "enr", montant: 100000, cout_reference: 0 },
        ],
      }).resultats[0].plafond!.toFixed(2);
    expect([plafond("PE"), plafond("ME"), plafond("GE")]).toEqual(["65000.00", "55000.00", "45000.00"]);
    expect(new D(plafond("PE")).greaterThan(new D(plafond("GE")))).toBe(true);
  });
});
