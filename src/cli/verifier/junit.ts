// JUnit XML, what CI systems (GitLab, Jenkins, Azure…) display: one test case per fiche, a
// <failure> per non-compliant control, an <error> per input problem; one more test case for the
// contract's own controls, and one per file that could not be read.
// Counts follow the usual convention: `failures` and `errors` count test cases, not elements.
import { VERSION } from "../../core/document-json.js";
import { avecSujet, lieuTexte } from "./texte.js";
import type { Constat, Verification } from "./verification.js";

/** Characters XML 1.0 forbids, even escaped (control characters, lone surrogates, U+FFFE/FFFF). */
const INTERDITS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function echapperXml(s: string): string {
  return s
    .replace(INTERDITS, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Attribute values also keep their line breaks and tabs (a parser would fold them to spaces). */
function attribut(s: string): string {
  return echapperXml(s).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

interface CasDeTest {
  nom: string;
  classe: string;
  fichier?: string;
  constats: Constat[];
}

function cas(t: CasDeTest, strict: boolean): { xml: string; echec: boolean; erreur: boolean } {
  const elements: string[] = [];
  const avertissements: string[] = [];
  for (const k of t.constats) {
    const ou = lieuTexte(k);
    const corps = `${ou ? `${ou}\n` : ""}${k.message}`;
    const message = avecSujet(k);
    if (k.gravite === "erreur")
      elements.push(
        `      <error type="saisie" message="${attribut(message)}">${echapperXml(corps)}</error>`,
      );
    else if (k.gravite === "echec")
      elements.push(
        `      <failure type="${attribut(k.controle ?? "controle")}" message="${attribut(message)}">${echapperXml(corps)}</failure>`,
      );
    else if (strict)
      elements.push(
        `      <failure type="avertissement" message="${attribut(message)}">${echapperXml(corps)}</failure>`,
      );
    else avertissements.push(`⚠ ${ou ? `${ou} — ` : ""}${k.message}`);
  }
  if (avertissements.length)
    elements.push(`      <system-out>${echapperXml(avertissements.join("\n"))}</system-out>`);
  const erreur = t.constats.some((k) => k.gravite === "erreur");
  const echec = !erreur && elements.some((e) => e.startsWith("      <failure"));
  const attributs = `name="${attribut(t.nom)}" classname="${attribut(t.classe)}"${t.fichier ? ` file="${attribut(t.fichier)}"` : ""}`;
  const xml = elements.length
    ? `    <testcase ${attributs}>\n${elements.join("\n")}\n    </testcase>`
    : `    <testcase ${attributs}/>`;
  return { xml, echec, erreur };
}

export function rendreVerificationJunit(v: Verification, strict: boolean): string {
  const ct = v.contrat?.contrat;
  const classe = `ti-aides.${ct ? ct.id : "fiches"}`;
  const cases: CasDeTest[] = v.fiches.map((f, i) => ({
    nom: `${f.evaluation.id}${f.fiche?.titre ? ` — ${f.fiche.titre}` : ""}`,
    classe,
    fichier: f.fichier,
    constats: v.parFiche[i],
  }));
  const duContrat = v.constats.filter((k) => k.fiche === undefined && k.gravite !== "erreur");
  if (ct || v.bilan.controles.length || duContrat.length) {
    cases.push({
      nom: ct ? `Contrat ${ct.id} : contrôles d'ensemble` : "Contrôles d'ensemble des fiches",
      classe,
      fichier: v.contrat?.doc.fichier,
      constats: duContrat,
    });
  }
  // A file that could not be read has no fiche: its own test case, so that the CI shows it.
  const illisibles = v.constats.filter((k) => k.fiche === undefined && k.gravite === "erreur");
  const parFichier = new Map<string, Constat[]>();
  for (const k of illisibles)
    parFichier.set(k.fichier ?? "(entrée)", [...(parFichier.get(k.fichier ?? "(entrée)") ?? []), k]);
  for (const [fichier, constats] of parFichier)
    cases.push({ nom: fichier, classe: `${classe}.lecture`, fichier, constats });

  const rendus = cases.map((t) => cas(t, strict));
  const compte = {
    tests: rendus.length,
    failures: rendus.filter((r) => r.echec).length,
    errors: rendus.filter((r) => r.erreur).length,
  };
  const nom = ct ? `Contrat ${ct.id} — ${ct.territoire}` : "ti-aides verifier";
  const totaux = `tests="${compte.tests}" failures="${compte.failures}" errors="${compte.errors}"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${attribut(`ti-aides ${VERSION} verifier`)}" ${totaux}>`,
    `  <testsuite name="${attribut(nom)}" ${totaux} skipped="0">`,
    ...rendus.map((r) => r.xml),
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}
