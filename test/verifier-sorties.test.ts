// The CI outputs of `verifier` on awkward text (no process spawned): XML escaping that a parser
// reads back exactly, and GitHub workflow-command escaping that keeps one command per line.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { expect, test } from "vitest";
import { echapperDonnee, echapperPropriete, rendreVerificationGithub } from "../src/cli/verifier/github.js";
import { echapperXml, rendreVerificationJunit } from "../src/cli/verifier/junit.js";
import { lireSources } from "../src/cli/verifier/sources.js";
import { verifierSources } from "../src/cli/verifier/verification.js";
import { REF } from "./outils/regles.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-sorties-"));
// A title with every XML-special character, a control character and a line break; an id with ":" and ",".
const fiche = join(tmp, "fiche, spéciale: 100%.yaml");
writeFileSync(
  fiche,
  `id: "TI-01: a,b"
titre: "<Atelier> & \\"fils\\" l'ancien\\u0001\\nsuite"
date_demande: 2019-06-01
beneficiaire: {siren: "741000012", effectif: 10, chiffre_affaires: 1000000, total_bilan: 1000000}
depenses: [{id: mission, nature: conseil, categorie: rh, montant: 10000}]
financements:
  - {financeur: direccte-conseil-rh, montant: 6000, regime: de_minimis}
  - {financeur: autofinancement, montant: 4000}
`,
);
// DIRECCTE conseil RH pays at most 50 % (Guide TI V5, fiche 12, l.1237) of 10 000 €: 6 000 € > 5 000 € fails
// the `plafond` control, and the `cumul` one (State aid 6 000 € > 50 % × 10 000 €, Guide note 9, l.2639).
const v = verifierSources(
  await lireSources([fiche], () => Promise.reject(new Error("pas de CSV ici")), REF),
  REF,
);

test("JUnit: names and messages read back exactly, the forbidden control character replaced", () => {
  // htmlEntities: numeric character references (&#10;) decoded, as any XML parser does.
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    htmlEntities: true,
    isArray: (n) => ["testcase", "failure"].includes(n),
  });
  const doc = parser.parse(rendreVerificationJunit(v, false));
  const [cas] = doc.testsuites.testsuite.testcase;
  expect(cas.name).toBe('TI-01: a,b — <Atelier> & "fils" l\'ancien\ufffd\nsuite');
  expect(cas.file).toBe(fiche);
  expect(cas.failure.map((f: { type: string }) => f.type)).toEqual(["plafond", "cumul"]);
  expect(cas.failure[0].message).toContain("5\u00a0000,00\u00a0€");
  expect(echapperXml("a<b>&'\"")).toBe("a&lt;b&gt;&amp;&apos;&quot;");
});

test("GitHub: one command per line, properties and data escaped as the Actions runner reads them", () => {
  expect(echapperDonnee("50 % ok\nligne 2\r")).toBe("50 %25 ok%0Aligne 2%0D");
  expect(echapperPropriete("a,b: c%")).toBe("a%2Cb%3A c%25");
  const lignes = rendreVerificationGithub(v, false).trimEnd().split("\n");
  const erreur = lignes.find((l) => l.startsWith("::error "))!;
  expect(erreur).toContain(
    `file=${fiche.replace(/%/g, "%25").replace(/:/g, "%3A").replace(/,/g, "%2C")},line=7,`,
  );
  expect(erreur).toContain("title=TI-01%3A a%2Cb — Plafond du dispositif::");
  expect(lignes[lignes.length - 1]).toMatch(/^ti-aides verifier — Verdict : ✖ non conforme/);
});
