// Issue 20: verifier keeps every fiche's evaluation until its output is written; their explanation
// steps, which no output of a whole contract shows, made a seventh of that memory. evaluerContrat
// with `etapes: false` keeps them as empty lists, and changes nothing else of an evaluation.
import { expect, test } from "vitest";
import { evaluerContrat } from "../../src/core/evaluer-contrat.js";
import { lireSources } from "../../src/cli/verifier/sources.js";
import { REF } from "../outils/regles.js";

test("etapes: false empties the explanation steps, and only them", async () => {
  const { fiches } = await lireSources(
    ["fixtures/contrat-exemple", "fixtures/contrat-de-minimis"],
    () => Promise.reject(new Error("pas de CSV ici")),
    REF,
  );
  const avec = evaluerContrat(fiches, REF, { date: "2026-12-01" });
  const sans = evaluerContrat(fiches, REF, { date: "2026-12-01", etapes: false });
  const etapes = (r: typeof avec) =>
    r.fiches.flatMap((f) => [
      ...(f.evaluation.beneficiaire?.etapes ?? []),
      ...f.evaluation.resultats.flatMap((x) => x.etapes),
    ]);
  expect(etapes(avec).length).toBeGreaterThan(0); // the default keeps them
  expect(etapes(sans)).toEqual([]);
  // Decimals as their text; a fiche's source (its document) by its file.
  const sansLesEtapes = (r: typeof avec) =>
    JSON.parse(
      JSON.stringify(r, (cle, v) =>
        cle === "etapes" ? undefined : cle === "source" && v?.doc ? v.doc.fichier : v,
      ),
    );
  expect(sansLesEtapes(sans)).toEqual(sansLesEtapes(avec));
});
