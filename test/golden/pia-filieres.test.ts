// Golden tests: pia-filieres, accompagnement et transformation des filières (Guide TI V5, fiche 21,
// l.2030-2074): « financés jusqu'à 50 % des dépenses éligibles [...] par l'Etat et la Région, à
// parité » (l.2054); regional track for a project « à vocation régionale » whose public aid asked
// « reste inférieur à 2M€ », national otherwise (l.2052) — exactly 2 M€, in neither sentence, goes
// national with a warning (domaine.md); tools open to third parties (l.2060), seed phase of 5 years
// at most (l.2061), filière representatives with at least half the votes (l.2062).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, avecDepenses } from "./commun.js";

const OUTIL = { nature: "investissement", categorie: "outil_filiere", ouvert_aux_tiers: true, duree_amorcage_annees: 5, droits_vote_filiere: 0.5 };

function filiere(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const r = resultat(evaluer(ficheSimple({ ...OUTIL, ...depense }, autre)), "pia-filieres");
  return { ...chiffres(r), volet: r.details.volet, codes: codes(r) };
}

describe("taux et volet", () => {
  test("3 M€ de dépenses : 1,5 M€, volet régional", () => {
    // 50 % × 3 000 000 = 1 500 000,00 € < 2 M€, vocation régionale par défaut (l.2052, l.2054)
    const f = filiere({ montant: 3000000 });
    expect(f).toMatchObject({ eligible: true, assiette: "3000000.00", taux: "0.5000", plafond: "1500000.00", volet: "regional" });
  });
  test("aide maximale de 1 999 999,99 € : encore régional", () => {
    // 50 % × 3 999 999,98 = 1 999 999,99 € < 2 000 000 € (l.2052)
    const f = filiere({ montant: "3999999.98" });
    expect(f).toMatchObject({ plafond: "1999999.99", volet: "regional" });
    expect(f.codes).not.toContain("volet_seuil_exact");
  });
  test("aide maximale de 2 M€ tout juste : national, avec un avertissement", () => {
    // 50 % × 4 000 000 = 2 000 000,00 € : ni « inférieur à 2 M€ » ni « supérieure à 2 M€ » (l.2052)
    const f = filiere({ montant: 4000000 });
    expect(f).toMatchObject({ plafond: "2000000.00", volet: "national" });
    expect(f.codes).toContain("volet_seuil_exact");
  });
  test("vocation nationale ou multirégionale : national, même pour une petite aide", () => {
    // 50 % × 1 000 000 = 500 000,00 €
    const f = filiere({ montant: 1000000, vocation: "nationale" });
    expect(f).toMatchObject({ plafond: "500000.00", volet: "national" });
    expect(f.codes).not.toContain("volet_seuil_exact");
    expect(filiere({ montant: 1000000, vocation: "multiregionale" }).volet).toBe("national");
  });
  test("avec un plan de financement, l'aide sollicitée fixe le volet, pas le maximum", () => {
    // maximum 50 % × 5 000 000 = 2 500 000,00 € ; sollicité : État 900 000 + Région 900 000 = 1 800 000 < 2 M€ → régional
    const f = filiere(
      { montant: 5000000 },
      { financements: [
        { financeur: "etat", dispositif: "pia-filieres", montant: 900000 },
        { financeur: "region", dispositif: "pia-filieres", montant: 900000 },
        { financeur: "autofinancement", montant: 3200000 },
      ] },
    );
    expect(f).toMatchObject({ plafond: "2500000.00", volet: "regional" });
  });
  test("le seuil porte sur le projet (la fiche) : deux outils à 1 M€ d'aide chacun font 2 M€ → national", () => {
    // 50 % × 2 000 000 + 50 % × 2 000 000 = 2 000 000 € (l.2052 : « le niveau d'aides publiques sollicité » du projet)
    const e = evaluer(avecDepenses(ficheSimple(OUTIL), [{ ...OUTIL, id: "a", montant: 2000000 }, { ...OUTIL, id: "b", montant: 2000000 }]));
    expect(resultat(e, "pia-filieres", "a").details.volet).toBe("national");
    expect(resultat(e, "pia-filieres", "b").details.volet).toBe("national");
  });
});

describe("caractéristiques du projet (l.2060-2062)", () => {
  test("outils fermés aux tiers : non éligible", () => {
    const f = filiere({ montant: 1000000, ouvert_aux_tiers: false });
    expect(f).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(f.codes).toContain("outils_fermes");
  });
  test("amorçage de 6 ans : non éligible ; 5 ans : éligible", () => {
    expect(filiere({ montant: 1000000, duree_amorcage_annees: 6 }).codes).toContain("amorcage_trop_long");
    expect(filiere({ montant: 1000000, duree_amorcage_annees: 5 }).eligible).toBe(true);
  });
  test("représentants de la filière à 49 % des droits de vote : non éligible ; 50 % : éligible", () => {
    expect(filiere({ montant: 1000000, droits_vote_filiere: 0.49 }).codes).toContain("gouvernance_filiere_minoritaire");
    expect(filiere({ montant: 1000000, droits_vote_filiere: 0.5 }).eligible).toBe(true);
  });
  test("caractéristiques non renseignées : éligible sous réserve", () => {
    const f = filiere({ montant: 1000000, ouvert_aux_tiers: undefined, duree_amorcage_annees: undefined, droits_vote_filiere: undefined });
    expect(f.eligible).toBe(true);
    expect(f.codes).toEqual(expect.arrayContaining(["sous_reserve_outils_fermes", "sous_reserve_amorcage_trop_long", "sous_reserve_gouvernance_filiere_minoritaire"]));
  });
});
