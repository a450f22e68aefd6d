// Issue 20: a contract's fiches are validated by zod once each — evaluerContrat reads them all first
// (for the de minimis of the others), then evaluates them as read, instead of validating them again.
import { afterEach, expect, test, vi } from "vitest";
import { chargerRegles, evaluerContrat, ficheSchema, lireDocument, type FicheSource } from "../src/index.js";

afterEach(() => vi.restoreAllMocks());

test("evaluerContrat validates each valid fiche once; a fiche in error is still reported", () => {
  const ref = chargerRegles();
  // An empty field (null, stripped before zod) makes the fast path hand each fiche to zod, whose
  // validations are counted here (validation-rapide.ts: a valid fiche otherwise never reaches zod).
  const texte = (id: string) => `id: ${id}
titre:
date_demande: 2019-06-01
beneficiaire: {nature: entreprise, taille: PE, secteur: industrie}
depenses: [{id: d, nature: investissement, categorie: enr, montant: 100000}]
`;
  const sources: FicheSource[] = ["A", "B", "C"].map((id) => ({
    doc: lireDocument(texte(id), `${id}.yaml`),
    chemin: [],
  }));
  sources.push({ doc: lireDocument("id: E\nbeneficiaire: {nature: entreprise}\n", "E.yaml"), chemin: [] });
  const validations = vi.spyOn(ficheSchema, "safeParse");
  const r = evaluerContrat(sources, ref);
  // Three valid fiches, once each; the fiche in error (no expenses) is read again to report its error.
  expect(validations).toHaveBeenCalledTimes(3 + 2);
  expect(r.fiches.map((f) => f.erreur === undefined)).toEqual([true, true, true, false]);
});
