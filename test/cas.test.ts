// The rule test cases of test/cas/ (docs/cas-de-test.md), one vitest test per case, run by the same
// loader as `ti-aides regles tester`: each expected figure was computed by hand from the guide.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { executerCas, lireFichiersCas } from "../src/cli/cas.js";
import { REF } from "./outils/regles.js";

const DOSSIER = fileURLToPath(new URL("./cas", import.meta.url));

for (const f of lireFichiersCas([DOSSIER])) {
  describe(f.fichier.slice(f.fichier.lastIndexOf("/") + 1), () => {
    for (const cas of f.cas) {
      test(cas.nom, () => {
        const bilan = executerCas(cas, REF);
        expect(bilan.erreurs).toBeUndefined();
        expect(bilan.ecarts).toEqual([]);
      });
    }
  });
}

// Each case cites the guide within its dispositif's own fiche (the rule's `source` range) or its
// annexe 2 (from l.2600), as every figure of rules/ does (test/golden/sources.test.ts).
describe("chaque cas de test/cas/<dispositif>.yaml cite une ligne de la fiche de son dispositif", () => {
  for (const f of lireFichiersCas([DOSSIER])) {
    const id = f.fichier.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
    test(id, () => {
      const regle = REF.dispositifs.get(id);
      expect(regle, `${f.fichier} : pas de règle « ${id} »`).toBeDefined();
      const [debut, fin] = lignes(regle!.source);
      for (const cas of f.cas) {
        expect(cas.source, cas.nom).toMatch(new RegExp(`^Guide TI V5, fiche ${regle!.fiche}, l\\.\\d+`));
        for (const l of lignes(cas.source))
          expect((l >= debut && l <= fin) || l >= 2600, `${cas.nom} : l.${l} hors de l.${debut}-${fin}`).toBe(
            true,
          );
      }
    });
  }
});

function lignes(source: string): number[] {
  return [...source.matchAll(/l\.(\d+)(?:-(\d+))?/g)].flatMap((m) =>
    m[2] ? [Number(m[1]), Number(m[2])] : [Number(m[1])],
  );
}
