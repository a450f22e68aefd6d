// Rule files are validated with zod when loaded; an error names the file, the line and the field.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ErreurSaisie } from "../../src/core/erreurs.js";
import { construireReferentiel, lireRegle } from "../../src/core/regles/referentiel.js";
import { valeurA } from "../../src/core/parametres.js";
import { DOSSIER_REGLES } from "../../src/regles-disque.js";
import { REF } from "../outils/regles.js";

const ADEME = readFileSync(join(DOSSIER_REGLES, "dispositifs/ademe-investissement.yaml"), "utf8");

function erreur(texte: string) {
  try {
    lireRegle({ fichier: "region/aide.yaml", texte });
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurSaisie);
    return (e as ErreurSaisie).problemes;
  }
  throw new Error("la règle aurait dû être refusée");
}

describe("a broken rule file is refused with its file, line and field", () => {
  test("a rate that is not a number", () => {
    const texte = ADEME.replace(
      "{ PE: 0.65, ME: 0.55, GE: 0.45, non_economique: 0.65 }",
      "{ PE: soixante, ME: 0.55, GE: 0.45, non_economique: 0.65 }",
    );
    const [p] = erreur(texte);
    expect(p.fichier).toBe("region/aide.yaml");
    expect(p.ligne).toBe(texte.split("\n").findIndex((l) => l.includes("soixante")) + 1);
    expect(p.champ).toContain("calcul.taux_par_categorie.enr[0].valeur");
  });
  test("a rate above 100 %", () => {
    const [p] = erreur(ADEME.replace("valeur: { outre_mer: 0.15", "valeur: { outre_mer: 15"));
    expect(p.message).toContain("entre 0 et 1");
  });
  test("an unknown key, with a suggestion", () => {
    const problemes = erreur(ADEME.replace("  taux_max:", "  taux_maxi:"));
    expect(
      problemes.some(
        (p) => p.champ === "calcul.taux_maxi" && p.message.includes("vouliez-vous dire « taux_max »"),
      ),
    ).toBe(true);
  });
  test("a dated value without its source", () => {
    const texte = ADEME.replace(/\n {8}source: "Guide TI V5, fiche 8, l.914"/, "");
    const problemes = erreur(texte);
    expect(
      problemes.some((p) => p.champ?.endsWith("enr[0].source") && p.message === "champ obligatoire manquant"),
    ).toBe(true);
  });
  test("a new dated value must come after the previous ones", () => {
    const texte = ADEME.replace(
      '        source: "Guide TI V5, fiche 8, l.914"',
      '        source: "Guide TI V5, fiche 8, l.914"\n      - depuis: "2017-01-01"\n        valeur: 0.5\n        source: "x y z"',
    );
    expect(erreur(texte)[0].message).toContain("croissante");
  });
  // Seconde édition : les nouveaux champs sont validés au chargement comme les autres.
  test("an invalid verifie_le names its line and field", () => {
    const texte = ADEME.replace(
      '        verifie_le: "2019-11-18"\n        valeur: { PE: 0.65',
      '        verifie_le: "2019-13-45"\n        valeur: { PE: 0.65',
    );
    expect(texte).not.toBe(ADEME);
    const [p] = erreur(texte);
    expect(p.champ).toBe("calcul.taux_par_categorie.enr[0].verifie_le");
    expect(p.ligne).toBe(texte.split("\n").findIndex((l) => l.includes("2019-13-45")) + 1);
    expect(p.message).toContain("date invalide");
  });
  test("a validity start without its source, and a misspelt key of the l.920 rule, are refused", () => {
    const sansSource = erreur(
      ADEME.replace(
        "regime_defaut: rgec",
        'regime_defaut: rgec\nvalable_a_partir_du: { date: "2019-09-01" }',
      ),
    );
    expect(sansSource.some((p) => p.champ === "valable_a_partir_du.source")).toBe(true);
    const faute = erreur(
      ADEME.replace("  bonus_forme_sans_equivalent_subvention:", "  bonus_forme_sans_equivalent:"),
    );
    expect(faute.some((p) => p.champ === "calcul.bonus_forme_sans_equivalent")).toBe(true);
  });
  test("a de minimis ceiling that counts an unknown regulation is refused with its file", () => {
    const texte = readFileSync(join(DOSSIER_REGLES, "parametres/de-minimis.yaml"), "utf8").replace(
      "compte_aussi: [agricole, peche] }",
      "compte_aussi: [agricole, pêche] }",
    );
    try {
      construireReferentiel([], { "de-minimis": { fichier: "rules/parametres/de-minimis.yaml", texte } });
      throw new Error("aurait dû échouer");
    } catch (e) {
      const p = (e as ErreurSaisie).problemes.find(
        (x) => x.fichier === "rules/parametres/de-minimis.yaml" && x.champ?.includes("compte_aussi"),
      );
      expect(p, JSON.stringify((e as ErreurSaisie).problemes)).toBeDefined();
      expect(p!.ligne).toBeGreaterThan(0);
    }
  });
  test("all errors of a set of files come together", () => {
    try {
      construireReferentiel(
        [
          { fichier: "a.yaml", texte: "id: a\n" },
          { fichier: "b.yaml", texte: "nom: [" },
        ],
        {},
      );
      throw new Error("aurait dû échouer");
    } catch (e) {
      const fichiers = new Set((e as ErreurSaisie).problemes.map((p) => p.fichier));
      expect(fichiers.has("a.yaml") && fichiers.has("b.yaml")).toBe(true);
    }
  });
});

test("the built-in rules load: 17 dispositifs, each figure dated and sourced", () => {
  expect(REF.dispositifs.size).toBe(17);
  // A value changes by adding a dated one: the de minimis ceiling in force depends on the date.
  expect(valeurA(REF.deMinimis.general, "2023-12-31").valeur.plafond.toFixed(0)).toBe("200000");
  expect(valeurA(REF.deMinimis.general, "2024-01-01").valeur.plafond.toFixed(0)).toBe("300000");
  const sansSource: string[] = [];
  const parcourir = (v: unknown, chemin: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => parcourir(x, `${chemin}[${i}]`));
    else if (v && typeof v === "object" && !("d" in v && "e" in v)) {
      const o = v as Record<string, unknown>;
      if ("depuis" in o && "valeur" in o && !(typeof o.source === "string" && o.source.length > 3))
        sansSource.push(chemin);
      for (const [k, x] of Object.entries(o)) parcourir(x, `${chemin}.${k}`);
    }
  };
  for (const [id, r] of REF.dispositifs) parcourir(r, id);
  expect(sansSource).toEqual([]);
});

// Issue 15: the checks of the financing plan a rule carries (`parite`, `cofinancement_min`) are in its
// `controles:` block, apart from the calculation of the maximum aid.
describe("a rule's controls of the financing plan stand in its `controles:` block", () => {
  const PIA = readFileSync(join(DOSSIER_REGLES, "dispositifs/pia-filieres.yaml"), "utf8");
  const BDT = readFileSync(join(DOSSIER_REGLES, "dispositifs/bdt-ingenierie.yaml"), "utf8");
  test("read from there: parity of the State and the Region (Guide fiche 21, l.2054), 50 % cofinancing (Guide fiche 1, l.273)", () => {
    expect(lireRegle({ fichier: "pia-filieres.yaml", texte: PIA }).controles?.parite).toEqual([
      "etat",
      "region",
    ]);
    const cofinancement = lireRegle({ fichier: "bdt-ingenierie.yaml", texte: BDT }).controles
      ?.cofinancement_min;
    expect(valeurA(cofinancement!, "2019-06-01").valeur.toString()).toBe("0.5");
  });
  test("under `calcul:` they are refused, named with their line, with where they go now", () => {
    const texte = PIA.replace(
      "controles:\n  # État et Région financent à parité (Guide TI V5, fiche 21, l.2054).\n  parite:",
      "  parite:",
    );
    const [p] = erreur(texte);
    expect(p.champ).toBe("calcul.parite");
    expect(p.ligne).toBe(texte.split("\n").findIndex((l) => l.startsWith("  parite:")) + 1);
    // The message says where the key goes now, not merely that it is unknown.
    expect(p.message).toMatch(/bloc « controles: » de la règle.*déplacez-le/);
  });
});
