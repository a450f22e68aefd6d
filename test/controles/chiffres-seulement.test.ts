// Figures only (ContexteControles.chiffresSeulement, OptionsEvaluation.essai; issue 20): the trials of the
// room left and the probes of `proposer` run the controls without building their messages. Nothing else
// may differ from a full run: same controls, same order, same verdicts, same figures, same scopes and
// sources — on generated fiches, at their own date and after the GBER's end (the controls that cannot
// be evaluated then).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Controle, EvaluationFiche } from "../../src/core/modele.js";
import { evaluer, ficheSimple } from "../outils/regles.js";
import { fiche } from "../proprietes/arbitraires.js";

/** A control as plain data (amounts as exact text), its message left out. */
function sansMessage(k: Controle): Record<string, unknown> {
  const { message: _message, ...reste } = k;
  return JSON.parse(JSON.stringify(reste)) as Record<string, unknown>;
}

// rules/parametres/reglements.yaml: the GBER applies until 31/12/2026; after, its controls are not evaluable.
const APRES_RGEC = "2027-03-01";

describe("controls in figures only", () => {
  test("same verdicts and figures as the full run, messages empty, no room left", () => {
    let compares = 0;
    fc.assert(
      fc.property(fiche({ plan: true }), fc.constantFrom(undefined, APRES_RGEC), (f, date) => {
        let complete: EvaluationFiche;
        try {
          complete = evaluer(f, { date });
        } catch {
          return; // an input the schema refuses (a generated line with an unknown pairing)
        }
        const essai = evaluer(f, { date, essai: true });
        expect(essai.controles.map(sansMessage)).toEqual(complete.controles.map(sansMessage));
        expect(essai.controles.map((k) => k.message).filter((m) => m !== "")).toEqual([]);
        expect(essai.conforme).toBe(complete.conforme);
        expect(essai.marges).toEqual([]);
        compares += complete.controles.length;
      }),
      { numRuns: 150 },
    );
    // The generator gives plans with controls to compare, not only fiches the schema refuses.
    expect(compares).toBeGreaterThan(100);
  });

  test("a full run does write the messages (the comparison above leaves them out)", () => {
    // Hand-made: 100 000 € of investment, a plan that is not balanced (80 000 € of resources).
    const e = evaluer(
      ficheSimple(
        { nature: "investissement", categorie: "enr", montant: 100000, cout_reference: 0 },
        { financements: [{ financeur: "autofinancement", montant: 80000 }] },
      ),
      {},
    );
    const equilibre = e.controles.find((k) => k.controle === "equilibre")!;
    expect(equilibre.message).toContain("Plan déséquilibré");
  });
});
