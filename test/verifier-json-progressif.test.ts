// `verifier --format json` writes its document fiche by fiche (issue 20: the whole text of 5 000 fiches
// was held in memory at once), and the contract's lists element by element; the pieces, put together,
// are the very bytes of the whole document as JSON.stringify(…, null, 2) writes it — on contracts, a
// CSV, inputs in error, and no fiche at all.
import { expect, test } from "vitest";
import { lireFichesCsv } from "../src/cli/verifier/csv.js";
import { documentVerification, morceauxJsonVerification } from "../src/cli/verifier/document.js";
import { lireSources } from "../src/cli/verifier/sources.js";
import { verifierSources } from "../src/cli/verifier/verification.js";
import { ECRIVAINS_DOCUMENT } from "../src/cli/ecrivains.js";
import { sourcesDeTextes } from "./outils/documents.js";
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
    const v = verifierSources(await lireSources(chemins, (f) => lireFichesCsv(f, REF), REF), REF);
    const morceaux = [...morceauxJsonVerification(v)];
    expect(morceaux.join("")).toBe(ECRIVAINS_DOCUMENT.json(documentVerification(v)));
  },
);

test("verifier --format json: no piece holds a whole list, be it of fiches or of the contract's", () => {
  // 300 fiches without a financing plan: the contract warns of each one, and names its source.
  const sources = sourcesDeTextes(
    Array.from({ length: 300 }, (_, i) => ({
      texte: `id: F-${i}\ndate_demande: 2019-12-01\nbeneficiaire: {nature: entreprise, taille: PE, secteur: industrie}\ndepenses: [{id: d, nature: investissement, categorie: enr, montant: ${10_000 + i}}]\n`,
      fichier: `fiche-${i}.yaml`,
    })),
  );
  const v = verifierSources(sources, REF);
  const morceaux = [...morceauxJsonVerification(v)];
  expect(morceaux.join("")).toBe(ECRIVAINS_DOCUMENT.json(documentVerification(v)));
  const contrat = JSON.stringify(JSON.parse(morceaux.join("")).contrat, null, 2);
  expect(contrat.length).toBeGreaterThan(60_000);
  // Before: the contract's block was one piece (104 664 characters here); now a fiche's at most.
  expect(Math.max(...morceaux.map((m) => m.length))).toBeLessThan(4_000);
});
