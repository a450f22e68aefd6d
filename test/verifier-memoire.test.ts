// Issue 20: `verifier` keeps every fiche to the end of the check, so what one fiche keeps is
// multiplied by the size of the contract. The heap is measured here after a full garbage collection
// (V8, Node 20): a fiche must not keep the text of its file, nor arrays with room left for growth, nor
// a hidden class of its own. Figures measured on the commit before these changes are in comments.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, test } from "vitest";
import { lireDocument } from "../src/core/document.js";
import { lireSimple } from "../src/core/document-simple.js";
import { lireSources } from "../src/cli/verifier/sources.js";
import { verifierSources } from "../src/cli/verifier/verification.js";
import { sourcesDeTextes } from "./outils/documents.js";
import { REF } from "./outils/regles.js";

v8.setFlagsFromString("--expose-gc");
const ramasser = runInNewContext("gc") as () => void;
v8.setFlagsFromString("--allow-natives-syntax");
/** Whether two objects share V8's hidden class (its "map"). */
const memeForme = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

/** Heap in use after a full garbage collection, in bytes. */
function tas(): number {
  ramasser();
  ramasser();
  return process.memoryUsage().heapUsed;
}

/** A fiche as `verifier`'s bench writes them (plain form: read without the yaml library). */
const fiche = (i: number) => `id: FICHE-${i}
date_demande: 2019-12-01
beneficiaire:
  nom: Entreprise numéro ${i}
  nature: entreprise
  taille: ME
  secteur: industrie
localisation:
  zone: metropole
  afr: true
depenses:
  - id: d
    nature: investissement
    categorie: reseaux_chaleur_froid
    dispositifs:
      - ademe-investissement
    montant: ${100_000 + i}
    cout_reference: 90000
`;
/** n such fiches, one file each. */
const fiches = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ texte: fiche(i), fichier: `f${i}.yaml` }));

test("a fiche read in the plain form keeps nothing of its file's text", () => {
  // A comment of 256 Kio above each fiche: a value that is a slice of the text keeps all of it.
  const texte = (i: number) => `# ${"x".repeat(256 * 1024)}\n${fiche(i)}`;
  expect(lireSimple(texte(0))).toBeDefined();
  const avant = tas();
  const gardes = Array.from({ length: 40 }, (_, i) => lireDocument(texte(i), `f${i}.yaml`));
  const parDocument = (tas() - avant) / gardes.length;
  // Before: 257 Kio per document (its name and category were slices of the text); after: under 7 Kio.
  expect(parDocument).toBeLessThan(64 * 1024);
  expect(gardes[39].donnees).toMatchObject({ beneficiaire: { nom: "Entreprise numéro 39" } });
});

test("a fiche read in the plain form keeps its data and lines without room left for growth", () => {
  const textes = Array.from({ length: 4_000 }, (_, i) => fiche(i));
  const avant = tas();
  const gardes = textes.map((t, i) => lireDocument(t, `f${i}.yaml`));
  textes.length = 0;
  const parDocument = (tas() - avant) / gardes.length;
  // Before: 2 770 bytes per document (lists and blocks pushed into, each with room for 17 values, and
  // the text kept); the data copied without room but the lines' blocks and lists as pushed: 1 890;
  // both without room: 1 470.
  expect(parDocument).toBeLessThan(1_700);
  expect(gardes[0].ligneDe(["depenses", 0, "dispositifs", 0])).toBe(16);
});

test("the fiches of a verification share one hidden class", () => {
  const v = verifierSources(sourcesDeTextes(fiches(50)), REF);
  // Before: copied by spreading, only the first 9 of 50 shared one; each other had its own (~0,3 Ko).
  expect(v.fiches.filter((f) => memeForme(f, v.fiches[0])).length).toBe(50);
});

test("verifier reads each fiche with its file, and keeps none of the files' raw data", async () => {
  const dossier = mkdtempSync(join(tmpdir(), "ti-aides-memoire-"));
  writeFileSync(join(dossier, "a.yaml"), fiche(1));
  // In error (no expense): still named by its id and dated by its date_demande, read from its raw data.
  writeFileSync(
    join(dossier, "b.yaml"),
    "id: B\ndate_demande: 2020-03-04\nbeneficiaire: {nature: entreprise, taille: PE, secteur: industrie}\n",
  );
  writeFileSync(join(dossier, "c.yaml"), fiche(1)); // the id of a.yaml again
  const sources = await lireSources([dossier], () => Promise.reject(new Error("pas de CSV ici")), REF);
  // Before: every document kept its raw data until the end of the check.
  expect(sources.fiches.map((f) => f.doc.donnees)).toEqual([undefined, undefined, undefined]);
  const v = verifierSources(sources, REF);
  expect(v.verdicts).toEqual(["conforme", "erreur", "erreur"]);
  expect(v.fiches[1].evaluation).toMatchObject({ id: "B", date_evaluation: "2020-03-04" });
  expect(v.fiches[1].erreur?.problemes[0]).toMatchObject({
    fichier: join(dossier, "b.yaml"),
    champ: "depenses",
  });
  expect(v.parFiche[2][0].message).toMatch(
    /identifiant de fiche « FICHE-1 » déjà utilisé dans .*a\.yaml, ligne 1/,
  );
});

test("the findings of each fiche are kept in lists of their own size", () => {
  // 5 000 fiches, not 2 000: with 2 000, what else the test process frees between the two measures
  // once pushed the figure over 100 under heavy load; spread over more fiches it weighs less.
  const n = 5_000;
  const mesurer = () => {
    const v = verifierSources(sourcesDeTextes(fiches(n)), REF);
    expect(v.parFiche[0].length).toBe(1); // no financing plan: the contract's warning
    // What the lists weigh: the findings themselves are kept by `constats`.
    const avec = tas();
    v.parFiche = [];
    return (avec - tas()) / n;
  };
  // The least of three: what else the test process frees between two heap readings only adds to one
  // (under the full suite's load, a single reading once gave 122 bytes, 77 to 91 alone).
  const parFiche = Math.min(mesurer(), mesurer(), mesurer());
  // Before: 196 bytes per fiche (a list pushed into has room for 17 findings); after: 76.
  expect(parFiche).toBeLessThan(100);
});
