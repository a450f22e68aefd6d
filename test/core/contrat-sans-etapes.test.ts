// Issue 20: verifier keeps every fiche's evaluation until its output is written; their explanation
// steps, which no output of a whole contract shows, made a seventh of that memory. evaluerContrat
// writes them only when asked (`etapes: true`); otherwise they are empty lists, and nothing else of an
// evaluation changes.
import { expect, test } from "vitest";
import { evaluerContrat } from "../../src/core/evaluer-contrat.js";
import { lireSources } from "../../src/cli/verifier/sources.js";
import { REF } from "../outils/regles.js";

test("without etapes: true the explanation steps are empty lists, and only they differ", async () => {
  const { fiches } = await lireSources(
    ["fixtures/contrat-exemple", "fixtures/contrat-de-minimis"],
    () => Promise.reject(new Error("pas de CSV ici")),
    REF,
  );
  const avec = evaluerContrat(fiches, REF, { date: "2026-12-01", etapes: true });
  const sans = evaluerContrat(fiches, REF, { date: "2026-12-01" });
  const aussiSans = evaluerContrat(fiches, REF, { date: "2026-12-01", etapes: false });
  const etapes = (r: typeof avec) =>
    r.fiches.flatMap((f) => [
      ...(f.evaluation.beneficiaire?.etapes ?? []),
      ...f.evaluation.resultats.flatMap((x) => x.etapes),
    ]);
  expect(etapes(avec).length).toBeGreaterThan(0); // asked: written
  expect(etapes(sans)).toEqual([]); // the default: none
  expect(etapes(aussiSans)).toEqual([]);
  // Decimals as their text; a fiche's source (its document) by its file.
  const sansLesEtapes = (r: typeof avec) =>
    JSON.parse(
      JSON.stringify(r, (cle, v) =>
        cle === "etapes" ? undefined : cle === "source" && v?.doc ? v.doc.fichier : v,
      ),
    );
  expect(sansLesEtapes(sans)).toEqual(sansLesEtapes(avec));
});
