// The catalogue of the guide's 30 fiches, its join with the rules, the listing filters, one rule's
// dated figures, and the checks of `regles verifier` — in the core, without spawning the command.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { lireDocument } from "../src/core/document.js";
import { ErreurSaisie } from "../src/core/erreurs.js";
import { verifierCoherence } from "../src/core/regles/coherence.js";
import { figuresDeRegle, conditionsDeRegle } from "../src/core/regles/description.js";
import { listerRegles } from "../src/core/regles/liste.js";
import { lireRegle } from "../src/core/regles/referentiel.js";
import { normaliser } from "../src/core/suggestion.js";
import { chargerCatalogue, chargerRegles, DOSSIER_REGLES } from "../src/regles-disque.js";
import { REF } from "./outils/regles.js";

const CATALOGUE = chargerCatalogue();

describe("the catalogue of the guide's fiches (annexe 1, l.197-237)", () => {
  test("30 fiches, numbered 1 to 30, each with its theme, operator, offer and contact", () => {
    expect(CATALOGUE.fiches.map((f) => f.fiche)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  test("joined to the rules: every built-in dispositif in exactly one fiche, the fiche its rule names", () => {
    const places = CATALOGUE.fiches.flatMap((f) => f.dispositifs.map((id) => ({ id, fiche: f.fiche })));
    expect(places.map((p) => p.id).sort()).toEqual([...REF.dispositifs.keys()].sort());
    for (const p of places) expect(REF.dispositifs.get(p.id)!.fiche, p.id).toBe(p.fiche);
  });

  test("filters: a theme, the computed ones, a word of the beneficiaries", () => {
    const tout = listerRegles(CATALOGUE, REF);
    expect(tout.fiches).toHaveLength(30);
    expect(tout.regionales).toEqual([]);
    // Guide annexe 1: fiches 12 to 18 are « Recruter ».
    expect(listerRegles(CATALOGUE, REF, { theme: "recruter" }).fiches.map((f) => f.fiche)).toEqual([
      12, 13, 14, 15, 16, 17, 18,
    ]);
    const calculees = listerRegles(CATALOGUE, REF, { calcule: true }).fiches;
    expect(calculees.length).toBe(CATALOGUE.fiches.filter((f) => f.dispositifs.length > 0).length);
    expect(calculees.every((f) => f.regles.length > 0)).toBe(true);
    // « Collectivités et partenaires industriels » (Guide TI V5, fiche 1): accents and case ignored.
    const collectivites = listerRegles(CATALOGUE, REF, { beneficiaire: "collectivité" }).fiches;
    expect(collectivites.map((f) => f.fiche)).toContain(1);
    for (const f of collectivites) {
      const textes = [
        f.beneficiaires,
        ...f.dispositifs.map((id) => REF.dispositifs.get(id)?.beneficiaires ?? ""),
      ].map(normaliser);
      expect(
        textes.some((t) => t.includes("collectivite")),
        `fiche ${f.fiche}`,
      ).toBe(true);
    }
    expect(listerRegles(CATALOGUE, REF, { beneficiaire: "licorne" }).fiches).toEqual([]);
  });
});

describe("one rule's figures, with their dates and sources", () => {
  test("ademe-investissement: the EnR row of the table (Guide TI V5, fiche 8, l.914)", () => {
    const figures = figuresDeRegle(REF.dispositifs.get("ademe-investissement")!);
    const enr = figures.find((f) => f.chemin === "calcul.taux_par_categorie.enr");
    expect(enr).toMatchObject({
      libelle: "Taux de la catégorie enr",
      valeur: "PE 65\u00a0%, ME 55\u00a0%, GE 45\u00a0%, non économique 65\u00a0%",
      brute: { PE: "0.65", ME: "0.55", GE: "0.45", non_economique: "0.65" },
      depuis: "2018-11-22",
      jusqu_au: null,
      source: "Guide TI V5, fiche 8, l.914",
    });
    expect(figures.find((f) => f.chemin === "calcul.bonus_zone")?.valeur).toBe(
      "DOM-COM + 15 points, Corse + 5 points, zone AFR métropolitaine + 5 points",
    );
  });

  test("every dated value of every built-in rule is listed, none without its source", () => {
    for (const r of REF.dispositifs.values()) {
      const texte = readFileSync(join(DOSSIER_REGLES, "..", REF.origines.get(r.id)!), "utf8");
      // A dated value is a `depuis:` under `calcul:` in the file; each gives one figure.
      const calcul = texte.slice(texte.indexOf("\ncalcul:"));
      expect(figuresDeRegle(r).length, r.id).toBe((calcul.match(/depuis:/g) ?? []).length);
      expect(figuresDeRegle(r).every((f) => f.source.length > 3)).toBe(true);
    }
  });

  test("a regional rule's two dated caps: 200 000 € from 2019, 250 000 € from 2021 (fictional example)", () => {
    const ref = chargerRegles(["fixtures/regles-region"]);
    const plafonds = figuresDeRegle(ref.dispositifs.get("region-exemple-investissement-industriel")!).filter(
      (f) => f.chemin === "calcul.plafond",
    );
    expect(plafonds.map((f) => [f.depuis, f.valeur])).toEqual([
      ["2019-01-01", "200\u00a0000,00\u00a0€"],
      ["2021-01-01", "250\u00a0000,00\u00a0€"],
    ]);
    expect(plafonds[1].source).toContain("EX-2020-117");
    expect(
      conditionsDeRegle(ref.dispositifs.get("region-exemple-investissement-industriel")!).map((c) => c.test),
    ).toEqual(["secteur parmi industrie, artisanat", "categorie_entreprise parmi PME, ETI"]);
  });
});

describe("regles verifier: the checks beyond the schema", () => {
  const texte = readFileSync(join(DOSSIER_REGLES, "dispositifs/ademe-investissement.yaml"), "utf8");
  /** The loader's refusals (lireRegle checks coherence too: one loader for evaluation and regles verifier). */
  const verifier = (t: string) => {
    try {
      lireRegle({ fichier: "region/r.yaml", texte: t });
      return [];
    } catch (e) {
      if (e instanceof ErreurSaisie) return e.problemes;
      throw e;
    }
  };

  test("every built-in rule passes", () => {
    for (const [id, fichier] of REF.origines) {
      const t = readFileSync(join(DOSSIER_REGLES, "..", fichier), "utf8");
      expect(verifierCoherence(REF.dispositifs.get(id)!, lireDocument(t, fichier)), id).toEqual([]);
    }
  });

  test("a field no fiche has is refused with its line and a suggestion", () => {
    const t = texte.replace("champs: [depense.cout_reference]", "champs: [depense.cout_referance]");
    const [p] = verifier(t);
    expect(p).toMatchObject({
      fichier: "region/r.yaml",
      champ: "champs[0]",
      ligne: t.split("\n").findIndex((l) => l.startsWith("champs:")) + 1,
    });
    expect(p.message).toContain("vouliez-vous dire « cout_reference »");
  });

  test("a category with no row in the rate table is refused", () => {
    const t = texte.replace(
      "categories: [protection_environnement,",
      "categories: [protection_environnement, eolien,",
    );
    const [p] = verifier(t);
    expect(p.champ).toBe("s_applique_a.categories[1]");
    expect(p.message).toContain("catégorie « eolien » sans ligne");
  });
});
