// Golden tests: ademe-eit-animateur (Guide TI V5, fiche 7, l.844-870). « (24 k€ / an poste animateur
// + 20 k€ de frais de communication/animation) * (3 ans) + 15 k€ petit équipement » = 147 k€ for a
// full-time facilitator (l.866). Readings of docs/domaine.md §2 « ademe-eit-animateur »: the 24 k€ is prorated to `etp`; the 20 k€
// is « par structure et par an » (l.866), so it caps the sum of a fiche's EIT lines; years beyond 3
// are not financed; below 0.75 ETP a warning (a recommendation, l.868).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, avecDepenses } from "./commun.js";

const EIT = { nature: "animation", categorie: "eit", montant: 200000 };

function eit(depense: Record<string, unknown>) {
  const r = resultat(evaluer(ficheSimple({ ...EIT, ...depense })), "ademe-eit-animateur");
  return { ...chiffres(r), details: r.details, codes: codes(r) };
}

describe("la formule de l.866", () => {
  test("animateur à temps plein sur 3 ans, sans montants demandés : 147 000 €", () => {
    // (24 000 + 20 000) × 3 + 15 000 = 147 000,00 € (l.866)
    const a = eit({ etp: 1, duree_annees: 3 });
    expect(a).toMatchObject({ eligible: true, plafond: "147000.00" });
    expect(a.details).toMatchObject({
      poste: "24000.00",
      communication: "20000.00",
      petit_equipement: "15000.00",
      annees: "3",
    });
    expect(a.codes).toEqual([]);
  });
  test("mi-temps : le poste est proratisé, pas la communication ni le petit équipement", () => {
    // (24 000 × 0,5 + 20 000) × 3 + 15 000 = 111 000,00 € ; 0,5 < 0,75 ETP recommandé (l.868)
    const a = eit({ etp: 0.5, duree_annees: 3 });
    expect(a.plafond).toBe("111000.00");
    expect(a.codes).toContain("etp_faible");
  });
  test("0,7 ETP : avertissement ; 0,75 ETP : aucun", () => {
    // (24 000 × 0,7 + 20 000) × 3 + 15 000 = (16 800 + 20 000) × 3 + 15 000 = 125 400,00 €
    const a = eit({ etp: 0.7, duree_annees: 3 });
    expect(a).toMatchObject({ eligible: true, plafond: "125400.00" });
    expect(a.codes).toContain("etp_faible");
    // (24 000 × 0,75 + 20 000) × 3 + 15 000 = (18 000 + 20 000) × 3 + 15 000 = 129 000,00 €
    const b = eit({ etp: 0.75, duree_annees: 3 });
    expect(b.plafond).toBe("129000.00");
    expect(b.codes).not.toContain("etp_faible");
  });
  test("4 ans : 3 ans financés au plus, avec un avertissement", () => {
    // (24 000 + 20 000) × 3 + 15 000 = 147 000,00 € (« * (3 ans) », l.866)
    const a = eit({ etp: 1, duree_annees: 4 });
    expect(a.plafond).toBe("147000.00");
    expect(a.details.annees).toBe("3");
    expect(a.codes).toContain("duree_au_dela_du_maximum");
  });
  test("montants demandés sous les plafonds, sur 2 ans", () => {
    // (20 000 + 8 000) × 2 + 5 000 = 61 000,00 €
    const a = eit({
      etp: 1,
      duree_annees: 2,
      poste_annuel: 20000,
      communication_annuel: 8000,
      petit_equipement: 5000,
    });
    expect(a.plafond).toBe("61000.00");
  });
  test("montants demandés au-dessus des plafonds : ramenés aux plafonds", () => {
    // (min(30 000 ; 24 000) + min(25 000 ; 20 000)) × 3 + min(18 000 ; 15 000) = 147 000,00 €
    expect(
      eit({
        etp: 1,
        duree_annees: 3,
        poste_annuel: 30000,
        communication_annuel: 25000,
        petit_equipement: 18000,
      }).plafond,
    ).toBe("147000.00");
  });
  test("durée absente : 3 ans retenus, avec un avertissement", () => {
    const a = eit({ etp: 1 });
    expect(a.plafond).toBe("147000.00");
    expect(a.codes).toContain("sous_reserve_duree");
  });
  test("pas de taux ni d'assiette : une dotation", () => {
    expect(eit({ etp: 1, duree_annees: 3 })).toMatchObject({ assiette: null, taux: null });
  });
});

describe("20 k€ de communication « par structure et par an » (l.866)", () => {
  function deuxLignes(a: Record<string, unknown>, b: Record<string, unknown>) {
    const e = evaluer(
      avecDepenses(ficheSimple(EIT), [
        { ...EIT, id: "a", ...a },
        { ...EIT, id: "b", ...b },
      ]),
    );
    return [resultat(e, "ademe-eit-animateur", "a"), resultat(e, "ademe-eit-animateur", "b")];
  }
  test("deux postes demandant 15 000 + 10 000 €/an : les 20 000 € sont partagés au prorata", () => {
    // 20 000 × 15 000 / 25 000 = 12 000 ; 20 000 × 10 000 / 25 000 = 8 000
    // a : (24 000 + 12 000) × 3 + 10 000 = 118 000,00 € ; b : (24 000 + 8 000) × 3 + 5 000 = 101 000,00 €
    const [a, b] = deuxLignes(
      { etp: 1, duree_annees: 3, poste_annuel: 24000, communication_annuel: 15000, petit_equipement: 10000 },
      { etp: 1, duree_annees: 3, poste_annuel: 24000, communication_annuel: 10000, petit_equipement: 5000 },
    );
    expect(a.details.communication).toBe("12000.00");
    expect(b.details.communication).toBe("8000.00");
    expect(a.plafond!.toFixed(2)).toBe("118000.00");
    expect(b.plafond!.toFixed(2)).toBe("101000.00");
    expect(codes(a)).toContain("communication_par_structure");
  });
  test("12 000 + 8 000 €/an : 20 000 € tout juste, pas de partage", () => {
    // a : (24 000 + 12 000) × 3 + 0 = 108 000,00 € ; b : (24 000 + 8 000) × 3 + 0 = 96 000,00 €
    const [a, b] = deuxLignes(
      { etp: 1, duree_annees: 3, communication_annuel: 12000, petit_equipement: 0 },
      { etp: 1, duree_annees: 3, communication_annuel: 8000, petit_equipement: 0 },
    );
    expect(a.plafond!.toFixed(2)).toBe("108000.00");
    expect(b.plafond!.toFixed(2)).toBe("96000.00");
    expect(codes(a)).not.toContain("communication_par_structure");
  });
  test("deux postes sans montant demandé : 10 000 €/an chacun", () => {
    // (24 000 + 20 000 / 2) × 3 + 15 000 = 117 000,00 € chacun
    const [a, b] = deuxLignes({ etp: 1, duree_annees: 3 }, { etp: 1, duree_annees: 3 });
    expect(a.plafond!.toFixed(2)).toBe("117000.00");
    expect(b.plafond!.toFixed(2)).toBe("117000.00");
  });
  test("trois postes à 10 000 €/an : 6 666,66 € chacun, tronqué au centime", () => {
    // 20 000 / 3 = 6 666,666… → 6 666,66 ; (24 000 + 6 666,66) × 3 + 0 = 91 999,98 €
    const ligne = { ...EIT, etp: 1, duree_annees: 3, communication_annuel: 10000, petit_equipement: 0 };
    const e = evaluer(
      avecDepenses(ficheSimple(EIT), [
        { ...ligne, id: "a" },
        { ...ligne, id: "b" },
        { ...ligne, id: "c" },
      ]),
    );
    for (const id of ["a", "b", "c"]) {
      const r = resultat(e, "ademe-eit-animateur", id);
      expect(r.details.communication).toBe("6666.66");
      expect(r.plafond!.toFixed(2)).toBe("91999.98");
    }
  });
});

test("lignes de durées différentes : les 20 000 €/an sont partagés l'année où elles courent ensemble", () => {
  // Année 1 : 15 000 + 10 000 = 25 000 > 20 000 (l.866) → 12 000 et 8 000. Années 2 et 3 : seule la
  // ligne a court, 15 000 ≤ 20 000. a : 24 000 × 3 + (12 000 + 15 000 × 2) = 72 000 + 42 000 = 114 000 € ;
  // b : 24 000 × 1 + 8 000 = 32 000 €.
  const a = { ...EIT, id: "a", etp: 1, duree_annees: 3, communication_annuel: 15000, petit_equipement: 0 };
  const b = { ...EIT, id: "b", etp: 1, duree_annees: 1, communication_annuel: 10000, petit_equipement: 0 };
  const e = evaluer(avecDepenses(ficheSimple(EIT), [a, b]));
  expect(resultat(e, "ademe-eit-animateur", "a").plafond!.toFixed(2)).toBe("114000.00");
  expect(resultat(e, "ademe-eit-animateur", "b").plafond!.toFixed(2)).toBe("32000.00");
});

describe("une aide au-delà de la dépense qu'elle finance : dit, jamais en silence", () => {
  test("147 000 € sur une dépense d'animation de 302,69 € : avertissement, le chiffre du guide gardé", () => {
    // (24 000 + 20 000) × 3 + 15 000 = 147 000,00 € (l.866) > 302,69 € : le forfait ne lit pas le coût.
    const r = resultat(
      evaluer(ficheSimple({ ...EIT, montant: 302.69, etp: 1, duree_annees: 3 })),
      "ademe-eit-animateur",
    );
    expect(r.plafond?.toFixed(2)).toBe("147000.00");
    const m = r.motifs.find((x) => x.code === "aide_au_dela_de_la_depense");
    expect(m?.niveau).toBe("avertissement");
    expect(m?.message).toMatch(/147\s000,00\s€/); // French figures: narrow no-break spaces
    expect(m?.message).toMatch(/dépense \(302,69\s€\)/);
  });
  test("une dépense de 147 000 € (égale à l'aide) ou plus : rien à dire", () => {
    for (const montant of [147000, 200000]) {
      const a = eit({ montant, etp: 1, duree_annees: 3 });
      expect(a.codes).not.toContain("aide_au_dela_de_la_depense");
    }
  });
});
