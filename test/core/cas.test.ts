// The loader of rule test cases (docs/cas-de-test.md): its format's mistakes are named with file, line
// and field; a case whose figure is changed fails; no expectation of test/cas/ is inert.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { executerCas, lireFichiersCas, optionsDuCas } from "../../src/cli/cas.js";
import { comparerCas } from "../../src/core/cas/comparer.js";
import { validerFichierCas, type CasDeTest } from "../../src/core/cas/fichier.js";
import { lireDocument } from "../../src/core/document.js";
import { ErreurSaisie, formaterProbleme } from "../../src/core/erreurs.js";
import { evaluerFiche } from "../../src/core/evaluer.js";
import { validerFiche } from "../../src/core/fiche.js";
import { REF } from "../outils/regles.js";

const DOSSIER = fileURLToPath(new URL("../cas", import.meta.url));

function lire(texte: string) {
  return validerFichierCas(lireDocument(texte, "cas.yaml"));
}

function erreurs(texte: string): string[] {
  try {
    lire(texte);
  } catch (e) {
    if (e instanceof ErreurSaisie) return e.problemes.map(formaterProbleme);
    throw e;
  }
  throw new Error("le fichier de cas a été accepté");
}

const BASE = `dispositif: cifre
base:
  fiche:
    id: T
    date_demande: "2019-06-01"
    beneficiaire: { nature: collectivite }
    localisation: { zone: metropole }
  depense: { id: d1, nature: recrutement, categorie: doctorant, montant: 120000 }
cas:
`;

const CAS_3_ANS = `  - nom: "3 ans : 42 000 €"
    source: "Guide TI V5, fiche 11, l.1092"
    # 14 000 × 3 = 42 000,00 €
    fiche:
      depenses: [{ salaire_brut_annuel: 26000, duree_annees: 3 }]
    resultats:
      - { eligible: true, plafond: "42000.00" }
`;

describe("le format est validé au chargement, en français, avec fichier, ligne et champ", () => {
  test("source manquante", () => {
    expect(erreurs(BASE + CAS_3_ANS.replace(/ {4}source: .*\n/, ""))).toEqual([
      "cas.yaml, ligne 10 : champ « cas[0].source » : champ obligatoire manquant",
    ]);
  });
  test("champ inconnu, avec une suggestion", () => {
    const [m] = erreurs(BASE + CAS_3_ANS.replace("plafond:", "plafnod:"));
    expect(m).toMatch(
      /^cas\.yaml, ligne 16 : champ « cas\[0\]\.resultats\[0\]\.plafnod » : champ inconnu « plafnod » \(vouliez-vous dire « plafond » \?\)/,
    );
  });
  test("chiffre attendu qui n'est pas un nombre", () => {
    const [m] = erreurs(BASE + CAS_3_ANS.replace('"42000.00"', '"42 000 €"'));
    expect(m).toMatch(
      /^cas\.yaml, ligne 16 : champ « cas\[0\]\.resultats\[0\]\.plafond » : un nombre est attendu/,
    );
  });
  test("un cas sans chiffre attendu ne vérifie rien : refusé", () => {
    const [m] = erreurs(BASE + CAS_3_ANS.replace(/ {4}resultats:\n.*\n/, ""));
    expect(m).toMatch(/^cas\.yaml, ligne 10 : champ « cas\[0\] » : aucun chiffre attendu/);
  });
  test("résultat sans dispositif, ni dans le cas ni en tête du fichier", () => {
    const [m] = erreurs((BASE + CAS_3_ANS).replace("dispositif: cifre\n", ""));
    expect(m).toMatch(/^cas\.yaml, ligne 15 : champ « cas\[0\]\.resultats\[0\] » : dispositif manquant/);
  });
  test("deux cas du même nom : refusé, on ne saurait pas lequel échoue", () => {
    const [m] = erreurs(BASE + CAS_3_ANS + CAS_3_ANS);
    expect(m).toMatch(
      /^cas\.yaml, ligne 17 : champ « cas\[1\]\.nom » : nom « 3 ans : 42 000 € » déjà donné à un autre cas/,
    );
  });
  test("une règle ou une fiche donnée à la place des cas : dit en une ligne", () => {
    expect(erreurs("id: x\ns_applique_a: { natures: [etude] }\ncalcul: { type: eligibilite }\n")).toEqual([
      "cas.yaml, ligne 2 : c'est un fichier de règle, pas de cas de test : donnez son dossier avec --regles ; un fichier de cas de test a une liste « cas » (docs/cas-de-test.md)",
    ]);
    expect(erreurs("id: T\ndepenses: []\n")[0]).toMatch(
      /^cas\.yaml, ligne 2 : c'est une fiche ou un contrat, pas un fichier de cas de test/,
    );
  });
  test("date du cas invalide", () => {
    const [m] = erreurs(BASE + CAS_3_ANS.replace("    fiche:", '    date: "2019-02-30"\n    fiche:'));
    expect(m).toMatch(/champ « cas\[0\]\.date » : date invalide/);
  });
  test("la fiche du cas est lue comme une fiche : son erreur nomme la ligne du fichier de cas", () => {
    const [cas] = lire(BASE + CAS_3_ANS.replace("salaire_brut_annuel", "salaire_brut_anuel")).cas;
    const bilan = executerCas(cas, REF);
    expect(bilan.erreurs?.map(formaterProbleme)[0]).toMatch(
      /^cas\.yaml, ligne 14 : champ « (cas\[0\]\.fiche\.)?depenses\[0\]\.salaire_brut_anuel » : champ inconnu/,
    );
  });
  test("un champ venu de la base est signalé à sa ligne dans la base", () => {
    const [cas] = lire((BASE + CAS_3_ANS).replace("montant: 120000", "montant: -5")).cas;
    expect(executerCas(cas, REF).erreurs?.map(formaterProbleme)[0]).toMatch(
      /^cas\.yaml, ligne 8 : champ « cas\[0\]\.fiche\.depenses\[0\]\.montant »/,
    );
  });
});

describe("la fiche d'un cas : la base, puis le cas par-dessus", () => {
  test("champs fusionnés, listes remplacées, null retire un champ, la dépense de base sous chaque dépense", () => {
    const texte =
      BASE.replace("{ nature: collectivite }", "{ nature: entreprise, effectif: 10 }") +
      `  - nom: deux dépenses
    source: "l.1092"
    fiche:
      beneficiaire: { effectif: null, secteur: industrie }
      depenses: [{ id: a }, { id: b, montant: 1 }]
    resultats: [{ depense: a, eligible: true }]
`;
    const [cas] = lire(texte).cas;
    const fiche = validerFiche(cas.fiche.doc, cas.fiche.chemin);
    expect(fiche.beneficiaire).toMatchObject({ nature: "entreprise", secteur: "industrie" });
    expect(fiche.beneficiaire.effectif).toBeUndefined();
    expect(fiche.localisation).toMatchObject({ zone: "metropole" });
    expect(fiche.depenses.map((d) => [d.id, d.nature, d.montant.toString()])).toEqual([
      ["a", "recrutement", "120000"],
      ["b", "recrutement", "1"],
    ]);
  });
});

describe("un cas dont on change un chiffre échoue, avec l'attendu et l'obtenu", () => {
  test("le cas juste passe", () => {
    expect(executerCas(lire(BASE + CAS_3_ANS).cas[0], REF)).toMatchObject({ ecarts: [] });
  });
  test("plafond de 42 000,01 € au lieu de 42 000,00 €", () => {
    const bilan = executerCas(lire(BASE + CAS_3_ANS.replace('"42000.00"', "42000.01")).cas[0], REF);
    expect(bilan.ecarts).toEqual([
      { sujet: "cifre / d1", champ: "plafond", attendu: "42000.01", obtenu: "42000.00" },
    ]);
  });
  test("test/cas/cifre.yaml, premier cas, avec 28 000 € au lieu de 42 000 €", () => {
    const chemin = `${DOSSIER}/cifre.yaml`;
    const texte = readFileSync(chemin, "utf8").replace(
      'plafond: "42000.00", codes: []',
      'plafond: "28000.00", codes: []',
    );
    const cas = validerFichierCas(lireDocument(texte, chemin)).cas[0];
    expect(executerCas(cas, REF).ecarts).toEqual([
      { sujet: "cifre / d1", champ: "plafond", attendu: "28000.00", obtenu: "42000.00" },
    ]);
  });
  test("résultat absent, dépense ambiguë, contrôle absent", () => {
    const texte =
      BASE +
      `  - nom: x
    source: y
    fiche: { depenses: [{ id: a }, { id: b }] }
    resultats: [{}, { dispositif: vte }]
    controles: [{ controle: parite }]
`;
    const ecarts = executerCas(lire(texte).cas[0], REF).ecarts;
    expect(ecarts.map((e) => [e.sujet, e.champ])).toEqual([
      ["cifre", "depense"],
      ["vte", "résultat"],
      ["contrôle parite", "contrôle"],
    ]);
  });
});

/** Each expectation of a case, changed: the case must then fail (no figure of test/cas/ is inert). */
function variantes(cas: CasDeTest, obtenus: (i: number) => string[]): CasDeTest[] {
  const sorties: CasDeTest[] = [];
  cas.resultats.forEach((r, i) => {
    const avec = (x: object) =>
      sorties.push({ ...cas, resultats: cas.resultats.map((y, j) => (j === i ? { ...y, ...x } : y)) });
    if (r.eligible !== undefined) avec({ eligible: !r.eligible });
    for (const k of ["assiette", "taux", "plafond", "demande", "depassement"] as const) {
      const v = r[k];
      if (v !== undefined)
        avec({ [k]: v === null ? 1 : k === "taux" ? Number(v) + 0.0001 : Number(v) + 0.01 });
    }
    if (r.codes !== undefined) avec({ codes: [...r.codes, "code_invente"] });
    if (r.codes_presents !== undefined) avec({ codes_presents: [...r.codes_presents, "code_invente"] });
    if (r.codes_absents !== undefined && obtenus(i).length)
      avec({ codes_absents: [...r.codes_absents, obtenus(i)[0]] });
    for (const k of Object.keys(r.details ?? {})) avec({ details: { ...r.details, [k]: "valeur_inventee" } });
  });
  cas.controles.forEach((k, i) => {
    const avec = (x: object) =>
      sorties.push({ ...cas, controles: cas.controles.map((y, j) => (j === i ? { ...y, ...x } : y)) });
    if (k.conforme !== undefined) avec({ conforme: k.conforme === true ? false : true });
    for (const c of ["valeur", "limite"] as const)
      if (k[c] !== undefined) avec({ [c]: k[c] === null ? 1 : Number(k[c]) + 0.01 });
  });
  return sorties;
}

test("test/cas/ : chaque chiffre attendu, changé, fait échouer son cas", () => {
  let n = 0;
  for (const f of lireFichiersCas([DOSSIER])) {
    for (const cas of f.cas) {
      const e = evaluerFiche(validerFiche(cas.fiche.doc, cas.fiche.chemin), REF, optionsDuCas(cas));
      const obtenus = (i: number) =>
        e.resultats
          .filter(
            (r) =>
              r.dispositif === cas.resultats[i].dispositif &&
              (!cas.resultats[i].depense || r.depense === cas.resultats[i].depense),
          )
          .flatMap((r) => r.motifs.map((m) => m.code));
      for (const v of variantes(cas, obtenus)) {
        n++;
        expect(comparerCas(v, e), `${f.fichier} — ${cas.nom}`).not.toEqual([]);
      }
    }
  }
  expect(n).toBeGreaterThan(50);
});

// The examples of the README and of docs/cas-de-test.md are real case files: they must pass.
test.each([
  ["README.md", "dispositif: cifre"],
  ["docs/cas-de-test.md", "dispositif: bdt-ingenierie"],
])("l'exemple de %s est un fichier de cas valide, qui réussit", (fichier, debut) => {
  const texte = readFileSync(fileURLToPath(new URL(`../../${fichier}`, import.meta.url)), "utf8");
  const bloc = new RegExp("```yaml\\n(" + debut + "[\\s\\S]*?)```").exec(texte)?.[1];
  expect(bloc, fichier).toBeDefined();
  const cas = validerFichierCas(lireDocument(bloc!, fichier)).cas;
  expect(cas.length).toBeGreaterThan(0);
  for (const c of cas) expect(executerCas(c, REF)).toMatchObject({ ecarts: [] });
  for (const c of cas) expect(executerCas(c, REF).erreurs).toBeUndefined();
});
