// `expliquer`: the steps recorded by the core add up to the result they explain. Each expected figure
// is worked out by hand from the guide (line cited); the step figures are read back from their
// French text and recombined, so a step that says one thing while the result says another fails.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { D, tronquerCentime, type Dec } from "../src/core/argent.js";
import { expliquer, explicationJson } from "../src/core/explication.js";
import type { Etape, Resultat } from "../src/core/modele.js";
import type { OptionsEvaluation } from "../src/core/evaluer.js";
import {
  evaluer as evaluerSeul,
  evaluerYaml as evaluerYamlSeul,
  ficheSimple,
  REF,
  resultat,
} from "./outils/regles.js";

// The steps are written when a renderer asks for them (`etapes: true`, issue 20), as `expliquer` does.
const evaluer = (donnees: unknown, o: OptionsEvaluation = {}) => evaluerSeul(donnees, { ...o, etapes: true });
const evaluerYaml = (texte: string, o: OptionsEvaluation = {}) =>
  evaluerYamlSeul(texte, { ...o, etapes: true });

/** "480 000,00 €" → 480000.00 ; "60 %" → 0.6 ; "+ 5 points" → 0.05 ; "3" → 3. */
function chiffre(valeur: string | undefined): Dec {
  if (valeur === undefined) throw new Error("étape sans chiffre");
  const t = valeur.replace(/[\s\u00a0€+]/g, "").replace(",", ".");
  if (t.endsWith("points")) return new D(t.slice(0, -"points".length)).dividedBy(100);
  if (t.endsWith("%")) return new D(t.slice(0, -1)).dividedBy(100);
  return new D(t);
}

function etape(r: Resultat, debut: string): Etape {
  const e = r.etapes.find((x) => x.libelle.startsWith(debut));
  if (!e) throw new Error(`pas d'étape « ${debut}… » : ${r.etapes.map((x) => x.libelle).join(" | ")}`);
  return e;
}

const derniere = (r: Resultat): Etape => r.etapes[r.etapes.length - 1];

describe("the steps of a rate × assiette calculation add up to its ceiling", () => {
  test("the bundled chaufferie: 55 % + 5 points = 60 % of 800 000 € = 480 000 €", () => {
    const r = resultat(
      evaluerYaml(readFileSync("fixtures/fiches/chaufferie.yaml", "utf8")),
      "ademe-investissement",
    );
    // ME (120 persons, CA 30 M€): the size step says so, with its source.
    expect(r.etapes.some((x) => x.valeur === "ME" && x.source?.includes("651/2014"))).toBe(true);
    const base = etape(r, "Taux de base");
    const bonus = etape(r, "Bonus régional");
    const retenu = etape(r, "Taux retenu");
    expect(chiffre(base.valeur).toString()).toBe("0.55"); // EnR, ME column: Guide TI V5, fiche 8, l.914
    expect(base.source).toBe("Guide TI V5, fiche 8, l.914");
    expect(chiffre(bonus.valeur).toString()).toBe("0.05"); // AFR bonus: l.909-912
    expect(chiffre(base.valeur).plus(chiffre(bonus.valeur)).equals(chiffre(retenu.valeur))).toBe(true);
    expect(chiffre(retenu.valeur).equals(r.taux!)).toBe(true);
    const assiette = chiffre(etape(r, "Assiette").valeur);
    expect(assiette.toString()).toBe("800000"); // 1 200 000 − 400 000 (surcoût, l.927)
    expect(assiette.equals(r.assiette!)).toBe(true);
    const fin = derniere(r);
    expect(chiffre(fin.valeur).equals(tronquerCentime(chiffre(retenu.valeur).times(assiette)))).toBe(true);
    expect(chiffre(fin.valeur).equals(r.plafond!)).toBe(true);
    expect(r.plafond!.toFixed(2)).toBe("480000.00");
  });

  test("a cap per study: 50 % of 300 000 € = 150 000 €, capped at 100 000 € (Guide TI V5, fiche 1, l.269 and l.274)", () => {
    const e = evaluer(
      ficheSimple(
        { nature: "etude", categorie: "generale_strategique", montant: 300000, duree_mois: 18 },
        { beneficiaire: { nature: "collectivite" } },
      ),
    );
    const r = resultat(e, "bdt-ingenierie");
    // The conditions read are steps too: 18 months ≤ 36 (l.274), met.
    const condition = r.etapes.find((x) => x.libelle.startsWith("Condition : duree_mois ≤ 36"));
    expect(condition).toMatchObject({ valeur: "remplie", source: "Guide TI V5, fiche 1, l.274" });
    expect(chiffre(etape(r, "Aide maximale").valeur).toString()).toBe("150000");
    expect(derniere(r).libelle).toBe("Plafond par dépense");
    expect(chiffre(derniere(r).valeur).toString()).toBe("100000");
    expect(chiffre(derniere(r).valeur).equals(r.plafond!)).toBe(true);
  });

  test("a capped assiette: a diagnostic of 80 000 € counts for 50 000 €, at 70 % for a PE → 35 000 € (Guide TI V5, fiche 6, l.796-797)", () => {
    const pe = { effectif: 20, chiffre_affaires: 2000000, total_bilan: 1000000 };
    const r = resultat(
      evaluer(
        ficheSimple(
          { nature: "etude", categorie: "diagnostic", montant: 80000, prestataire_externe: true },
          { beneficiaire: pe },
        ),
      ),
      "ademe-etudes",
    );
    const assiette = chiffre(etape(r, "Plafond d'assiette").valeur);
    expect(assiette.toString()).toBe("50000");
    expect(assiette.equals(r.assiette!)).toBe(true);
    const taux = chiffre(etape(r, "Taux de base").valeur);
    expect(taux.toString()).toBe("0.7");
    expect(chiffre(derniere(r).valeur).equals(tronquerCentime(taux.times(assiette)))).toBe(true);
    expect(r.plafond!.toFixed(2)).toBe("35000.00");
  });

  test("an ineligible result ends on a zero step, with the reason and its source (Guide TI V5, fiche 6, l.803)", () => {
    const r = resultat(
      evaluer(
        ficheSimple({ nature: "etude", categorie: "diagnostic", montant: 80000, prestataire_externe: false }),
      ),
      "ademe-etudes",
    );
    expect(r.eligible).toBe(false);
    expect(r.etapes.find((x) => x.libelle.startsWith("Condition : prestataire_externe = true"))?.valeur).toBe(
      "non remplie",
    );
    expect(derniere(r)).toMatchObject({ valeur: "0,00\u00a0€", source: "Guide TI V5, fiche 6, l.803" });
    expect(derniere(r).libelle).toContain("externe");
    expect(r.plafond!.isZero()).toBe(true);
  });
});

describe("yearly allowances and caps shared across lines", () => {
  const eit = (id: string, communication: number) => ({
    id,
    nature: "animation",
    categorie: "eit",
    montant: 200000,
    duree_annees: 3,
    etp: 1,
    poste_annuel: 30000,
    communication_annuel: communication,
  });

  test("EIT facilitator: (24 000 + 10 000) × 3 years + 15 000 = 117 000 € (Guide TI V5, fiche 7, l.866)", () => {
    const e = evaluer(
      ficheSimple(
        { ...eit("d1", 10000), petit_equipement: 20000 },
        { beneficiaire: { nature: "association", activite_economique: false } },
      ),
    );
    const r = resultat(e, "ademe-eit-animateur");
    const annees = chiffre(etape(r, "Nombre d'années financées").valeur);
    const parAn = r.etapes.filter((x) => x.libelle.includes("par an :")).map((x) => chiffre(x.valeur));
    const uneFois = r.etapes.filter((x) => x.libelle.includes("(une fois)")).map((x) => chiffre(x.valeur));
    expect(parAn.map(String)).toEqual(["24000", "10000"]); // min(30 000, 24 000), min(10 000, 20 000)
    expect(uneFois.map(String)).toEqual(["15000"]); // min(20 000, 15 000)
    const total = parAn
      .reduce((a, b) => a.plus(b))
      .times(annees)
      .plus(uneFois[0]);
    expect(chiffre(derniere(r).valeur).equals(total)).toBe(true);
    expect(r.plafond!.toFixed(2)).toBe("117000.00");
  });

  test("communication capped per structure: two lines of 15 000 €/yr share 20 000 € → (24 000 + 10 000) × 3 = 102 000 € each", () => {
    // No small equipment asked (0): an absent field would count its cap, 15 000 €.
    const lignes = [
      { ...eit("a", 15000), petit_equipement: 0 },
      { ...eit("b", 15000), petit_equipement: 0 },
    ];
    const e = evaluer({
      ...ficheSimple(lignes[0], { beneficiaire: { nature: "association", activite_economique: false } }),
      depenses: lignes,
    });
    for (const id of ["a", "b"]) {
      const r = resultat(e, "ademe-eit-animateur", id);
      // 20 000 × 15 000 / 30 000 = 10 000 per line and per year (l.866, « par structure et par an »).
      expect(derniere(r).libelle).toMatch(/^Frais de communication.*structure/);
      expect(derniere(r).source).toContain("l.866");
      expect(chiffre(derniere(r).valeur).equals(r.plafond!)).toBe(true);
      expect(r.plafond!.toFixed(2)).toBe("102000.00");
    }
  });

  test("a cap per project shared by assiette: 50 % of 3 M€ and 2 M€ = 2,5 M€ > 2 M€ → 1,2 M€ and 0,8 M€ (Guide TI V5, fiche 14, l.1485)", () => {
    const ligne = (id: string, montant: number) => ({
      id,
      nature: "formation",
      categorie: "ingenierie_formation",
      montant,
    });
    const e = evaluer({
      ...ficheSimple(ligne("x", 3000000)),
      depenses: [ligne("x", 3000000), ligne("y", 2000000)],
    });
    const attendus: Record<string, string> = { x: "1200000.00", y: "800000.00" };
    for (const id of ["x", "y"]) {
      const r = resultat(e, "pia-ingenierie-formation", id);
      expect(derniere(r).libelle).toContain("Plafond par projet");
      expect(chiffre(derniere(r).valeur).equals(r.plafond!)).toBe(true);
      expect(r.plafond!.toFixed(2)).toBe(attendus[id]);
    }
  });
});

test("the controls of an explanation are those of its dispositif and expenses, then those of the whole plan", () => {
  const e = evaluerYaml(readFileSync("fixtures/fiches/chaufferie.yaml", "utf8"));
  const x = expliquer(e, REF.dispositifs.get("ademe-investissement")!);
  expect(x.controles.map((k) => `${k.controle} ${k.portee}`)).toEqual([
    "plafond ademe-investissement / chaudiere",
    "cumul chaudiere",
    "transparence ademe-investissement",
  ]);
  // The Region's line is another financer: its transparency is not this dispositif's.
  expect(x.controles_fiche.map((k) => k.controle)).toEqual(["equilibre", "effet_incitatif"]);
  const json = JSON.parse(JSON.stringify(explicationJson(x)));
  expect(json.resultats[0].plafond).toBe("480000.00");
  expect(json.resultats[0].etapes.at(-1).valeur).toBe("480\u00a0000,00\u00a0€");
  expect(json.controles.find((k: { controle: string }) => k.controle === "cumul")).toMatchObject({
    conforme: false,
    valeur: "500000.00",
    limite: "480000.00",
  });
});
