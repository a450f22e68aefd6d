// The JSON output of generated fiches always matches docs/interface.md's shape, and evaluating is a
// function: twice the same fiche gives the same result, and the fiche itself is left untouched.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { documentJson, ficheEnErreur } from "../../src/core/document-json.js";
import { evaluer } from "../outils/regles.js";
import { fiche } from "./arbitraires.js";
import { documentSortieSchema } from "./schema-sortie.js";

const RUNS = 100;

function verifierSchema(doc: unknown): void {
  const r = documentSortieSchema.safeParse(JSON.parse(JSON.stringify(doc)));
  if (!r.success)
    expect.fail(
      `sortie JSON hors du schéma de docs/interface.md : ${r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join(" ; ")}`,
    );
}

describe("JSON output", () => {
  test("every generated batch, with a fiche in error among them, matches the schema of docs/interface.md", () => {
    fc.assert(
      fc.property(fc.array(fiche(), { minLength: 1, maxLength: 3 }), fc.boolean(), (fiches, avecErreur) => {
        const evaluations = fiches.map((f) => evaluer(f, { etapes: true }));
        if (avecErreur)
          evaluations.push(
            ficheEnErreur("FICHE-INVALIDE", "2019-06-01", [
              "fiche.yaml, ligne 3 : champ « id » : champ obligatoire manquant",
            ]),
          );
        verifierSchema(documentJson(evaluations));
        verifierSchema(documentJson(evaluations, { etapes: true }));
      }),
      { numRuns: RUNS },
    );
  });

  test("the schema is not a formality: it refuses a float amount, a rate above 1, a missing field", () => {
    const doc = JSON.parse(
      JSON.stringify(
        documentJson([
          evaluer({
            id: "T",
            date_demande: "2019-06-01",
            beneficiaire: { nature: "entreprise", taille: "ME" },
            depenses: [
              { id: "d", nature: "investissement", categorie: "enr", montant: 1000, cout_reference: 0 },
            ],
          }),
        ]),
      ),
    );
    expect(documentSortieSchema.safeParse(doc).success).toBe(true);
    const casse = (f: (d: typeof doc) => void) => {
      const d = structuredClone(doc);
      f(d);
      return documentSortieSchema.safeParse(d).success;
    };
    expect(casse((d) => (d.fiches[0].resultats[0].plafond = 550))).toBe(false);
    expect(casse((d) => (d.fiches[0].resultats[0].taux = "1.0500"))).toBe(false);
    expect(casse((d) => delete d.fiches[0].conforme)).toBe(false);
    expect(casse((d) => (d.synthese.fiches = 2))).toBe(false);
  });
});

describe("determinism", () => {
  test("evaluating the same fiche twice gives deep-equal results and the same JSON; the input is not modified", () => {
    fc.assert(
      fc.property(fiche(), (f) => {
        const copie = structuredClone(f);
        const a = evaluer(f, { etapes: true });
        const b = evaluer(f, { etapes: true });
        expect(b).toEqual(a);
        expect(JSON.stringify(documentJson([b], { etapes: true }))).toBe(
          JSON.stringify(documentJson([a], { etapes: true })),
        );
        expect(f).toEqual(copie);
      }),
      { numRuns: RUNS },
    );
  });
});
