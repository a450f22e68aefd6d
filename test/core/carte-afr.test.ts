// The AFR map the interactive mode names to who answers « je ne sais pas » lives in
// rules/parametres/carte-afr.yaml, dated, sourced and validated when loaded — not in TypeScript. The
// decrees were written from memory and could not be checked here: the file says so (a_confirmer, no
// verifie_le), and `ti-aides regles --a-verifier` lists them.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { construireReferentiel } from "../../src/core/regles/referentiel.js";
import { ErreurSaisie } from "../../src/core/erreurs.js";
import { valeurA } from "../../src/core/parametres.js";
import { figuresAVerifier } from "../../src/core/regles/a-verifier.js";
import { REF } from "../outils/regles.js";

describe("rules/parametres/carte-afr.yaml", () => {
  test("each decree is dated and sourced, marked unverified; the map in force depends on the date", () => {
    for (const d of REF.carteAfr.decrets) {
      expect(d.depuis).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.source).toMatch(/^Décret n° /);
      expect(d.a_confirmer).toBe(true);
      expect(d.verifie_le).toBeUndefined();
    }
    expect(valeurA(REF.carteAfr.decrets, "2019-06-01").valeur.decret).toMatch(/^n° 2014-758 /);
    expect(valeurA(REF.carteAfr.decrets, "2024-06-01").valeur.decret).toMatch(/^n° 2022-968 /);
    // The warning's source is the guide's lines on AFR (fiche 8, l.909-912; annexe 2, l.2643).
    expect(REF.carteAfr.avertissement.source).toBe(
      "Guide TI V5, fiche 8, l.909-912 (bonus AFR) ; annexe 2, l.2643 (régime AFR)",
    );
  });

  test("listed by regles --a-verifier: never checked against the text", () => {
    const figures = figuresAVerifier(REF, "2026-12-01").filter(
      (f) => f.origine === "rules/parametres/carte-afr.yaml",
    );
    expect(figures.map((f) => f.valeur)).toEqual(["décret n° 2022-968 du 30 juin 2022, carte 2022-2027"]);
  });

  test("a file without a source is refused when loaded, with its file", () => {
    const texte = readFileSync("rules/parametres/carte-afr.yaml", "utf8").replace(/^ {4}source: .*\n/m, "");
    try {
      construireReferentiel([], { "carte-afr": { fichier: "rules/parametres/carte-afr.yaml", texte } });
      throw new Error("aurait dû échouer");
    } catch (e) {
      const p = (e as ErreurSaisie).problemes.find((x) => x.fichier === "rules/parametres/carte-afr.yaml");
      expect(p, JSON.stringify((e as ErreurSaisie).problemes)).toBeDefined();
    }
  });

  test("no decree number nor source of the guide left in the interactive mode's TypeScript", () => {
    const code = readFileSync("src/cli/interactif.ts", "utf8");
    for (const x of ["2014-758", "2022-968", "l.909", "l.2643", "collectivites-locales"])
      expect(code).not.toContain(x);
  });
});
