// Issue 20: what an evaluation reads of the rules is prepared once per set of rules, and the amounts
// already to the cent, the results without any figure to re-check, are not copied again.
import { expect, test } from "vitest";
import { D, arrondirCentime, tronquerCentime } from "../../src/core/argent.js";
import { regrouperAVerifier } from "../../src/core/actualite.js";
import { sorteDe } from "../../src/core/calculs/index.js";
import type { Motif } from "../../src/core/modele.js";
import { preparation } from "../../src/core/regles/referentiel.js";
import { FINANCEURS_PRIVES, FINANCEURS_PUBLICS } from "../../src/core/schemas/communs.js";
import { chargerRegles } from "../../src/regles-disque.js";

test("la préparation des règles est faite une fois par référentiel, dans l'ordre des règles", () => {
  const ref = chargerRegles();
  const p = preparation(ref);
  expect(preparation(ref)).toBe(p);
  expect(preparation(chargerRegles())).not.toBe(p); // un autre jeu de règles, sa propre préparation
  const regles = [...ref.dispositifs.values()];
  expect(p.ids).toEqual(regles.map((r) => r.id));
  expect(p.financeurs).toEqual([...p.ids, ...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES]);
  for (const passe of ["passeAvantDemandes", "passeApresDemandes"] as const) {
    expect(p[passe].map((r) => r.id)).toEqual(
      regles.filter((r) => sorteDe(r.calcul)[passe] !== undefined).map((r) => r.id),
    );
    expect(p[passe].length).toBeGreaterThan(0); // le plafond par projet, les volets (sorte « taux »)
  }
});

test("un montant déjà au centime n'est pas recopié ; les autres sont tronqués ou arrondis comme avant", () => {
  for (const x of ["0", "12", "12.3", "555555.15", "-4.5"].map((v) => new D(v))) {
    expect(tronquerCentime(x)).toBe(x);
    expect(arrondirCentime(x)).toBe(x);
  }
  // Règle du centime (docs/domaine.md §0) : un plafond tronqué, une part arrondie au plus proche.
  expect(tronquerCentime(new D("0.019")).toString()).toBe("0.01");
  expect(tronquerCentime(new D("1234.5678")).toString()).toBe("1234.56");
  expect(arrondirCentime(new D("0.015")).toString()).toBe("0.02");
  expect(arrondirCentime(new D("0.0149")).toString()).toBe("0.01");
});

test("sans chiffre à revérifier, les motifs d'un résultat sont gardés tels quels", () => {
  const motifs: Motif[] = [
    { code: "bonus_corse", niveau: "info", message: "Bonus régional Corse : + 5 points.", source: "Guide" },
  ];
  expect(regrouperAVerifier(motifs, "2026-12-01", "ADEME")).toBe(motifs);
  const aVerifier: Motif = {
    code: "a_verifier",
    niveau: "avertissement",
    message: "…",
    source: "Guide TI V5, fiche 8, l.912",
    verifie_le: "2019-11-18",
  };
  const regroupes = regrouperAVerifier([...motifs, aVerifier, { ...aVerifier }], "2026-12-01", "ADEME");
  expect(regroupes.map((m) => m.code)).toEqual(["bonus_corse", "a_verifier"]);
});
