// A fiche without financing plan has nothing to control (docs/interface.md « Sortie JSON »,
// `synthese`): the evaluation no longer runs the controls for it (issue 20). This holds only while
// every control reads the financing lines: run here on generated fiches without plan, with the
// context the evaluation would give them (no line, no share), each control must find nothing and say
// nothing — a control added later that reports on the fiche alone fails here, and the evaluation
// would have to run it.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { D } from "../../src/core/argent.js";
import { CONTROLES } from "../../src/core/controles/index.js";
import type { ContexteControles } from "../../src/core/controles/contexte.js";
import type { Motif } from "../../src/core/modele.js";
import { validerFiche } from "../../src/core/fiche.js";
import { lireCategories } from "../../src/core/libelles.js";
import { evaluer, REF } from "../outils/regles.js";
import { fiche } from "../proprietes/arbitraires.js";

// rules/parametres/reglements.yaml: the GBER applies until 31/12/2026; after, its controls are not evaluable.
const APRES_RGEC = "2027-03-01";

describe("without a financing plan, no control", () => {
  test("each control of CONTROLES finds nothing and adds no motif; the evaluation has none", () => {
    fc.assert(
      fc.property(
        fiche({ plan: false }),
        fc.constantFrom(undefined, APRES_RGEC),
        fc.boolean(),
        (f, date, autre) => {
          const e = evaluer(f, { date });
          expect(e.controles).toEqual([]);
          expect(e.marges).toEqual([]);
          const lue = lireCategories(
            validerFiche({ fichier: "test.yaml", donnees: f, ligneDe: () => undefined }),
            REF,
          ).fiche;
          const motifs: Motif[] = [];
          const contexte: ContexteControles = {
            fiche: lue,
            ref: REF,
            date: e.date_evaluation,
            benef: e.beneficiaire!,
            lignes: [],
            resultats: e.resultats,
            parts: new Map(),
            partsAide: new Map(),
            // Another fiche of the same undertaking with de minimis aid (a contract).
            autresDeMinimis: autre
              ? [
                  {
                    date: e.date_evaluation,
                    montant: new D("150000"),
                    reglement: "general",
                    origine: "fiche T-2",
                  },
                ]
              : [],
            motifs,
          };
          for (const k of CONTROLES) expect(k.controler(contexte), k.id).toEqual([]);
          expect(motifs).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
