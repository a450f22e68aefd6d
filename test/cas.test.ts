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
