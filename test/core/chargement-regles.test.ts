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
    const texte = ADEME.replace("{ PE: 0.65, ME: 0.55, GE: 0.45, non_economique: 0.65 }", "{ PE: soixante, ME: 0.55, GE: 0.45, non_economique: 0.65 }");
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
    expect(problemes.some((p) => p.champ === "calcul.taux_maxi" && p.message.includes("vouliez-vous dire « taux_max »"))).toBe(true);
  });
  test("a dated value without its source", () => {
    const texte = ADEME.replace(/\n {8}source: "Guide TI V5, fiche 8, l.914"/, "");
    const problemes = erreur(texte);
    expect(problemes.some((p) => p.champ?.endsWith("enr[0].source") && p.message === "champ obligatoire manquant")).toBe(true);
  });
  test("a new dated value must come after the previous ones", () => {
    const texte = ADEME.replace(
      '        source: "Guide TI V5, fiche 8, l.914"',
      '        source: "Guide TI V5, fiche 8, l.914"\n      - depuis: "2017-01-01"\n        valeur: 0.5\n        source: "x y z"',
    );
    expect(erreur(texte)[0].message).toContain("croissante");
  });
  test("all errors of a set of files come together", () => {
    try {
      construireReferentiel([{ fichier: "a.yaml", texte: "id: a\n" }, { fichier: "b.yaml", texte: "nom: [" }], {});
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
      if ("depuis" in o && "valeur" in o && !(typeof o.source === "string" && o.source.length > 3)) sansSource.push(chemin);
      for (const [k, x] of Object.entries(o)) parcourir(x, `${chemin}.${k}`);
    }
  };
  for (const [id, r] of REF.dispositifs) parcourir(r, id);
  expect(sansSource).toEqual([]);
});
