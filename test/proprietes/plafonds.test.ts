// Properties of every ceiling and rate, on generated valid fiches: an aid never exceeds its ceiling,
// a rate stays within [0, 1] (docs/domaine.md §0), ceilings are truncated to the cent, and no figure goes
// beyond the caps written in the dispositif's own rule file (read here from REF, not from the code).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { D, somme, type Dec } from "../../src/core/argent.js";
import { valeurA } from "../../src/core/parametres.js";
import type { Regle } from "../../src/core/schemas/regle.js";
import type { EvaluationFiche, Resultat } from "../../src/core/modele.js";
import { evaluer, REF } from "../outils/regles.js";
import { fiche, type FicheBrute } from "./arbitraires.js";

const RUNS = 150;

function regle(r: Resultat): Regle {
  return REF.dispositifs.get(r.dispositif)!;
}

/** The raw expense a result is about, as generated. */
function depenseBrute(f: FicheBrute, r: Resultat): Record<string, unknown> {
  return f.depenses.find((d) => d.id === r.depense)!;
}

/** The largest amount a rule file allows on one expense, when its kind caps it; null otherwise. */
function borneDeLaRegle(rg: Regle, r: Resultat, brute: Record<string, unknown>, date: string): Dec | null {
  const c = rg.calcul;
  switch (c.type) {
    case "taux":
      return c.plafond ? valeurA(c.plafond, date).valeur : null;
    case "dotation_annuelle": {
      // Σ yearly caps (× etp when prorated) × the maximum number of years + Σ one-off caps (fiche 7, l.866).
      const annees = valeurA(c.duree_max_annees, date).valeur;
      const annuel = somme(
        c.annuel.map((p) =>
          valeurA(p.plafond, date).valeur.times(
            p.prorata && brute[p.prorata.split(".")[1]] !== undefined
              ? new D(String(brute[p.prorata.split(".")[1]]))
              : 1,
          ),
        ),
      );
      return annuel.times(annees).plus(somme(c.ponctuel.map((p) => valeurA(p.plafond, date).valeur)));
    }
    case "financement_marche":
      return new D(String(brute.montant)).times(valeurA(c.quotite_pret, date).valeur);
    case "deduction_fiscale":
      return new D(String(brute.montant)).times(valeurA(c.taux, date).valeur);
    default:
      return null;
  }
}

function chaqueResultat(f: FicheBrute, verifier: (r: Resultat, e: EvaluationFiche) => void): void {
  const e = evaluer(f);
  for (const r of e.resultats) verifier(r, e);
}

describe("every rate and ceiling of every result", () => {
  test("a rate is a fraction between 0 and 1, never above the rule's taux_max", () => {
    fc.assert(
      fc.property(fiche(), (f) =>
        chaqueResultat(f, (r, e) => {
          if (r.taux === null) return;
          expect(r.taux.greaterThanOrEqualTo(0)).toBe(true);
          expect(r.taux.lessThanOrEqualTo(1)).toBe(true);
          const c = regle(r).calcul;
          if (c.type === "taux")
            expect(r.taux.lessThanOrEqualTo(valeurA(c.taux_max, e.date_evaluation).valeur)).toBe(true);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  test("a ceiling is ≥ 0, at most taux × assiette, truncated to the cent (never rounded up)", () => {
    fc.assert(
      fc.property(fiche(), (f) =>
        chaqueResultat(f, (r) => {
          for (const x of [r.plafond, r.assiette, r.demande, r.depassement]) {
            if (x === null) continue;
            expect(x.isNegative() && !x.isZero()).toBe(false);
            expect(x.decimalPlaces()).toBeLessThanOrEqual(2);
          }
          if (r.plafond !== null && r.taux !== null && r.assiette !== null) {
            expect(r.plafond.lessThanOrEqualTo(r.taux.times(r.assiette))).toBe(true);
          }
          // An ineligible dispositif grants nothing (docs/domaine.md §2 : un dispositif demandé mais inéligible a un plafond de 0).
          if (!r.eligible && r.plafond !== null) expect(r.plafond.isZero()).toBe(true);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  test("the assiette never exceeds the expense, nor the rule's assiette cap", () => {
    fc.assert(
      fc.property(fiche(), (f) =>
        chaqueResultat(f, (r, e) => {
          if (r.assiette === null) return;
          const brute = depenseBrute(f, r);
          expect(r.assiette.lessThanOrEqualTo(new D(String(brute.montant)))).toBe(true);
          const c = regle(r).calcul;
          const cap =
            c.type === "taux" && brute.categorie !== undefined
              ? c.plafond_assiette_par_categorie?.[String(brute.categorie)]
              : undefined;
          if (cap) expect(r.assiette.lessThanOrEqualTo(valeurA(cap, e.date_evaluation).valeur)).toBe(true);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  test("a ceiling never exceeds the caps of its rule file (per line, per project, per year and duration)", () => {
    fc.assert(
      fc.property(fiche({ depenses: { min: 1, max: 4 } }), (f) => {
        const e = evaluer(f);
        for (const r of e.resultats) {
          if (r.plafond === null) continue;
          const borne = borneDeLaRegle(regle(r), r, depenseBrute(f, r), e.date_evaluation);
          if (borne !== null)
            expect(
              r.plafond.lessThanOrEqualTo(borne),
              `${r.dispositif}/${r.depense}: ${r.plafond} > ${borne}`,
            ).toBe(true);
        }
        // A cap per project binds the sum over the fiche (docs/domaine.md §0; PIA 2 M€, Guide fiche 14, l.1485).
        for (const rg of REF.dispositifs.values()) {
          if (rg.calcul.type !== "taux" || !rg.calcul.plafond_projet) continue;
          const siens = e.resultats.filter((r) => r.dispositif === rg.id && r.plafond !== null);
          expect(
            somme(siens.map((r) => r.plafond!)).lessThanOrEqualTo(
              valeurA(rg.calcul.plafond_projet, e.date_evaluation).valeur,
            ),
          ).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("the largest ceilings: many expenses at the top of the range stay within the per-project cap", () => {
    // Ten lines of 50 M€ of training engineering: 50 % of each alone exceeds the 2 M€ per project
    // (Guide fiche 14, l.1485), so the sum must be cut to it.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 5_000_000_00, max: 5_000_000_000 }), { minLength: 2, maxLength: 10 }),
        (montants) => {
          const e = evaluer({
            id: "PROJET",
            date_demande: "2020-01-15",
            beneficiaire: {
              nature: "consortium",
              effectif: 40,
              chiffre_affaires: 1000000,
              total_bilan: 1000000,
            },
            depenses: montants.map((m, i) => ({
              id: `d${i}`,
              nature: "formation",
              categorie: "ingenierie_formation",
              montant: (m / 100).toFixed(2),
            })),
          });
          const plafonds = e.resultats
            .filter((r) => r.dispositif === "pia-ingenierie-formation")
            .map((r) => r.plafond!);
          expect(plafonds).toHaveLength(montants.length);
          expect(somme(plafonds).lessThanOrEqualTo(new D(2_000_000))).toBe(true);
          // Truncation loses at most one cent per expense: the cap is nearly reached, not undercut.
          expect(
            somme(plafonds).greaterThanOrEqualTo(
              new D(2_000_000).minus(new D("0.01").times(montants.length)),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});
