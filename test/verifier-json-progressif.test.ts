// `verifier --format json` writes its document fiche by fiche (issue 20: the whole text of 5 000 fiches
// was held in memory at once); the pieces, put together, are the very bytes of the whole document as
// JSON.stringify(…, null, 2) writes it — on contracts, a CSV, inputs in error, and no fiche at all.
import { expect, test } from "vitest";
import { lireFichesCsv } from "../src/cli/verifier/csv.js";
import { documentVerification, morceauxJsonVerification } from "../src/cli/verifier/document.js";
import { lireSources } from "../src/cli/verifier/sources.js";
import { verifierSources } from "../src/cli/verifier/verification.js";
import { ECRIVAINS_DOCUMENT } from "../src/cli/ecrivains.js";
import { REF } from "./outils/regles.js";

const CAS: string[][] = [
  ["fixtures/contrat-exemple"],
  ["fixtures/contrat-de-minimis"],
  ["fixtures/csv/contrat-exemple.csv"],
  ["fixtures/fiches", "fichier-absent.yaml"],
  ["fixtures/fiches/chaufferie.yaml", "fixtures/fiches/chaufferie.yaml"],
  ["fichier-absent.yaml"], // no fiche: "fiches": []
];

test.each(CAS)(
  "verifier --format json %s: the pieces make the whole document, byte for byte",
  async (...chemins) => {
    const v = verifierSources(await lireSources(chemins, (f) => lireFichesCsv(f, REF)), REF);
    const morceaux = [...morceauxJsonVerification(v)];
    expect(morceaux.length).toBe(v.fiches.length + 2); // the head, one piece per fiche, the tail
    expect(morceaux.join("")).toBe(ECRIVAINS_DOCUMENT.json(documentVerification(v)));
  },
);
