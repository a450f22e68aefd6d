// Golden tests of the second edition, points 7 and 8 (docs/domaine.md §0 « Validité et actualité », §2):
// - validity: the period the source gives. Banque des Territoires « à l'échelle du programme
//   (2019-2022) » (Guide l.315) and the contract period 2019-2022 (l.191): until 2022-12-31; PIA
//   Campus « L'appel à projets est ouvert jusqu'au 31 décembre 2019 » (l.1572). Outside it: not
//   eligible, motif `hors_periode` with the dates and the source.
// - currency: the guide's figures were checked on its publication, 2019-11-18 (« Guide méthodologique
//   V5 — 18/11/2019 »); applied more than a year later — after 2020-11-18 — they carry `a_verifier`.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres } from "./commun.js";

function evalue(
  depense: Record<string, unknown>,
  date: string,
  dispositif: string,
  autre: Record<string, unknown> = {},
) {
  const e = evaluer(ficheSimple(depense, { date_demande: date, ...autre }));
  const r = resultat(e, dispositif);
  return { ...chiffres(r), codes: codes(r), r, e };
}

describe("Banque des Territoires : programme 2019-2022 (l.315, l.191)", () => {
  // Étude A de 150 000 € : 50 % (l.269) = 75 000,00 € (sous le plafond de 100 000 €, l.274).
  const ETUDE = { nature: "etude", categorie: "generale_strategique", montant: 150000, duree_mois: 12 };
  test("31/12/2022, dernier jour du programme : éligible, 75 000,00 €", () => {
    expect(evalue(ETUDE, "2022-12-31", "bdt-ingenierie")).toMatchObject({
      eligible: true,
      plafond: "75000.00",
    });
  });
  test("30/12/2022, la veille : éligible", () => {
    expect(evalue(ETUDE, "2022-12-30", "bdt-ingenierie").eligible).toBe(true);
  });
  test("01/01/2023, le lendemain : non éligible, « hors_periode », avec les dates et la source", () => {
    const b = evalue(ETUDE, "2023-01-01", "bdt-ingenierie");
    expect(b).toMatchObject({ eligible: false, plafond: "0.00" });
    const m = b.r.motifs.find((x) => x.code === "hors_periode")!;
    expect(m.niveau).toBe("erreur");
    expect(m.message).toContain("jusqu'au 31/12/2022");
    expect(m.message).toContain("01/01/2023");
    expect(m.source).toContain("l.315");
  });
  test("bdt-investissement aussi : un prêt demandé le 01/01/2023 n'est plus mobilisable", () => {
    const pret = { id: "d1", nature: "capital", categorie: "pret", montant: 500000 };
    expect(evalue(pret, "2022-12-31", "bdt-investissement").eligible).toBe(true);
    expect(evalue(pret, "2023-01-01", "bdt-investissement").codes).toContain("hors_periode");
  });
});

describe("PIA Campus : appel ouvert jusqu'au 31/12/2019 (l.1572)", () => {
  // 50 % × 2 000 000 = 1 000 000,00 € (l.1560).
  const CAMPUS = { nature: "formation", categorie: "campus", montant: 2000000 };
  test("31/12/2019 : éligible, 1 000 000,00 €", () => {
    expect(evalue(CAMPUS, "2019-12-31", "pia-campus")).toMatchObject({
      eligible: true,
      plafond: "1000000.00",
    });
  });
  test("30/12/2019, la veille : éligible", () => {
    expect(evalue(CAMPUS, "2019-12-30", "pia-campus").eligible).toBe(true);
  });
  test("01/01/2020, le lendemain : non éligible, hors période", () => {
    const c = evalue(CAMPUS, "2020-01-01", "pia-campus");
    expect(c).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(c.r.motifs.find((x) => x.code === "hors_periode")!.message).toContain("31/12/2019");
  });
});

describe("actualité : un chiffre du guide (vérifié le 18/11/2019) appliqué plus d'un an après", () => {
  // ADEME, ME, EnR : 55 % (l.914) × (1 200 000 − 400 000) = 440 000,00 € — le chiffre reste appliqué.
  const CHAUDIERE = { nature: "investissement", categorie: "enr", montant: 1200000, cout_reference: 400000 };
  test("18/11/2020, un an jour pour jour : pas d'avertissement", () => {
    expect(evalue(CHAUDIERE, "2020-11-18", "ademe-investissement").codes).not.toContain("a_verifier");
  });
  test("17/11/2020 : pas d'avertissement", () => {
    expect(evalue(CHAUDIERE, "2020-11-17", "ademe-investissement").codes).not.toContain("a_verifier");
  });
  test("19/11/2020, plus d'un an : le chiffre est gardé, avec « a_verifier » une seule fois pour le résultat", () => {
    const a = evalue(CHAUDIERE, "2020-11-19", "ademe-investissement");
    expect(a).toMatchObject({ eligible: true, taux: "0.5500", plafond: "440000.00" });
    const m = a.r.motifs.filter((x) => x.code === "a_verifier");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ niveau: "avertissement", verifie_le: "2019-11-18" });
    expect(m[0].message).toContain(
      "Taux du guide de 2019 appliqué au 19/11/2020 : à confirmer auprès de l'opérateur (ADEME)",
    );
    // Les chiffres concernés sont nommés par leur source : le taux (l.914) et le taux maximal (l.913).
    expect(m[0].source).toContain("l.914");
    expect(m[0].source).toContain("l.913");
  });
  test("une fiche datée du 01/12/2026 : chaque dispositif chiffré du guide porte « a_verifier »", () => {
    const e = evaluer(
      ficheSimple(
        { nature: "etude", categorie: "diagnostic", montant: 40000, prestataire_externe: true },
        { date_demande: "2026-12-01" },
      ),
    );
    // 60 % (ME, l.797) × 40 000 = 24 000,00 € : gardé, et signalé.
    expect(chiffres(resultat(e, "ademe-etudes"))).toMatchObject({ eligible: true, plafond: "24000.00" });
    expect(codes(resultat(e, "ademe-etudes"))).toContain("a_verifier");
  });
});
