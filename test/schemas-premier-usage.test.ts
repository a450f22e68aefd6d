// Issue 20: `simuler` on a valid fiche builds no zod schema of the fiche (its generated validator
// answers, validation-fiche.generee.ts); the schemas are built at the first fiche the validator hands
// over to zod, once, and give zod's messages.
import { describe, expect, test, vi } from "vitest";
import { ErreurSaisie } from "../src/core/erreurs.js";
import { lireFiche } from "../src/core/fiche.js";
import * as schemas from "../src/core/schemas/fiche.js";

vi.mock("../src/core/schemas/fiche.js", async (original) => {
  const vrai = await original<typeof import("../src/core/schemas/fiche.js")>();
  return { ...vrai, schemasFiche: vi.fn(vrai.schemasFiche) };
});

const VALIDE = `id: F
beneficiaire:
  nature: entreprise
  siren: 123 456 782
depenses:
  - id: d
    nature: etude
    montant: 1 200,50 €
`;

describe("les schémas zod de la fiche, construits au premier besoin", () => {
  test("une fiche valide ne les demande pas ; une fiche fautive, si, et zod écrit le message", () => {
    const construire = vi.mocked(schemas.schemasFiche);
    expect(lireFiche(VALIDE, "f.yaml").depenses[0].montant.toString()).toBe("1200.5");
    expect(lireFiche(VALIDE.replace("id: F", "id: G"), "g.yaml").id).toBe("G");
    expect(construire).not.toHaveBeenCalled();
    let erreur: unknown;
    try {
      lireFiche(VALIDE.replace("montant: 1 200,50 €", "montant: beaucoup"), "f.yaml");
    } catch (e) {
      erreur = e;
    }
    expect(construire).toHaveBeenCalled();
    expect(erreur).toBeInstanceOf(ErreurSaisie);
    expect((erreur as ErreurSaisie).problemes).toMatchObject([
      { fichier: "f.yaml", ligne: 8, champ: "depenses[0].montant" },
    ]);
    // Built once: the second call gives the same schemas.
    expect(schemas.schemasFiche()).toBe(schemas.schemasFiche());
  });
});
