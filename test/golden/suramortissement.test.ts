// Golden tests: suramortissement (Guide TI V5, fiche 23, l.2106-2136; CGI art. 39 decies B): an extra
// deduction of 40 % of the value of new goods (l.2112) for industrial PME (l.2110), « acquis neufs
// entre le 1er janvier 2019 et le 31 décembre 2020 » (l.2118); note 7 (l.2126): « la commande doit
// toutefois avoir été passée après le 20 septembre 2018. Les biens acquis après le 31 décembre 2020
// sont également éligibles si un acompte de 10 % minimum a été versé avant le 31 décembre 2020 et si
// la livraison intervient dans les 24 mois suivants la commande ». Second edition (docs/domaine.md §2): the
// guide paraphrases CGI art. 39 decies B, which it cites and which says « à compter du 20 septembre
// 2018 » and an acompte paid « au plus tard le 31 décembre 2020 »: both bounds are inclusive; outside
// the window, `hors_periode`.
// Tax saving = deduction × IS rate (28 % by default: 40 % × 28 % = the guide's 11,2 %, l.2112).
// ficheSimple's beneficiary: ME (a PME), secteur industrie.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

const ROBOT = {
  nature: "equipement",
  categorie: "robotique",
  montant: 100000,
  date_commande: "2019-03-01",
  date_acquisition: "2019-05-01",
};

function sur(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const r = resultat(evaluer(ficheSimple({ ...ROBOT, ...depense }, autre)), "suramortissement");
  return { ...chiffres(r), details: r.details, codes: codes(r) };
}

describe("montants", () => {
  test("déduction de 40 % et économie d'impôt à 28 %", () => {
    // 40 % × 100 000 = 40 000,00 € (l.2112) ; 40 000 × 28 % = 11 200,00 € (11,2 %, l.2112)
    const s = sur({});
    expect(s).toMatchObject({ eligible: true, assiette: "100000.00", taux: "0.4000", plafond: "40000.00" });
    expect(s.details).toMatchObject({ economie_impot: "11200.00", taux_is: "0.2800" });
  });
  test("économie d'impôt tronquée au centime", () => {
    // 40 % × 123 456,78 = 49 382,712 → 49 382,71 € ; × 28 % = 13 827,1588 → 13 827,15 €
    // (40 % × 28 % × 123 456,78 = 13 827,159 36 → 13 827,15 € aussi ; l'arrondi donnerait 13 827,16)
    const s = sur({ montant: "123456.78" });
    expect(s.plafond).toBe("49382.71");
    expect(s.details.economie_impot).toBe("13827.15");
  });
  test("taux d'IS donné par la fiche : 25 %", () => {
    // 40 % × 100 000 × 25 % = 10 000,00 €
    expect(sur({}, { beneficiaire: { taux_is: 0.25 } }).details).toMatchObject({
      economie_impot: "10000.00",
      taux_is: "0.2500",
    });
  });
});

describe("date de commande : à compter du 20/09/2018 inclus (CGI art. 39 decies B ; note 7, l.2126)", () => {
  test("commandé le 19/09/2018, la veille : refusé, hors période", () => {
    const s = sur({ date_commande: "2018-09-19" });
    expect(s).toMatchObject({ eligible: false, plafond: "0.00" });
    expect(s.codes).toContain("hors_periode");
  });
  test("commandé le 20/09/2018, le jour même : éligible (il était refusé)", () => {
    expect(sur({ date_commande: "2018-09-20" })).toMatchObject({ eligible: true, plafond: "40000.00" });
  });
  test("commandé le 21/09/2018, le lendemain : éligible", () => {
    expect(sur({ date_commande: "2018-09-21" }).eligible).toBe(true);
  });
});

describe("date d'acquisition : du 01/01/2019 au 31/12/2020 (l.2118)", () => {
  test("acquis le 31/12/2018 : refusé", () => {
    const s = sur({ date_commande: "2018-10-01", date_acquisition: "2018-12-31" });
    expect(s.eligible).toBe(false);
    expect(s.codes).toContain("hors_periode");
  });
  test("acquis le 01/01/2019 et le 31/12/2020 : éligible", () => {
    expect(sur({ date_commande: "2018-10-01", date_acquisition: "2019-01-01" }).eligible).toBe(true);
    expect(sur({ date_commande: "2020-06-01", date_acquisition: "2020-12-31" }).eligible).toBe(true);
  });
});

describe("acquisition après le 31/12/2020 : acompte de 10 % versé au plus tard le 31/12/2020 et livraison sous 24 mois (note 7, l.2126 ; CGI)", () => {
  const TARDIF = {
    date_commande: "2020-06-30",
    date_acquisition: "2021-06-30",
    acompte: 10000,
    date_acompte: "2020-12-30",
  };
  test("acompte de 10 % tout juste, versé le 30/12/2020, livré au bout de 12 mois : éligible", () => {
    // 10 % × 100 000 = 10 000 € ≤ 10 000 € ; 30/12/2020 ≤ 31/12/2020 ; 30/06/2021 ≤ 30/06/2022
    expect(sur(TARDIF)).toMatchObject({ eligible: true, plafond: "40000.00" });
  });
  test("acompte de 9,99 % : refusé", () => {
    // 9 999,99 € < 10 % × 100 000 = 10 000 €
    const s = sur({ ...TARDIF, acompte: "9999.99" });
    expect(s.eligible).toBe(false);
    expect(s.codes).toContain("hors_periode");
  });
  test("acompte versé le 31/12/2020, le jour même : « au plus tard le 31 décembre 2020 », éligible (il était refusé)", () => {
    expect(sur({ ...TARDIF, date_acompte: "2020-12-31" })).toMatchObject({
      eligible: true,
      plafond: "40000.00",
    });
  });
  test("acompte versé le 01/01/2021, le lendemain : refusé, hors période, avec la date", () => {
    const r = resultat(
      evaluer(ficheSimple({ ...ROBOT, ...TARDIF, date_acompte: "2021-01-01" })),
      "suramortissement",
    );
    expect(r.eligible).toBe(false);
    const m = r.motifs.find((x) => x.code === "hors_periode")!;
    expect(m.message).toContain("au plus tard le 31/12/2020");
    expect(m.source).toContain("CGI, art. 39 decies B");
  });
  test("acompte et sa date non renseignés : éligible sous réserve (docs/domaine.md §0), pas refusé", () => {
    const s = sur({ ...TARDIF, acompte: undefined, date_acompte: undefined });
    expect(s).toMatchObject({ eligible: true, plafond: "40000.00" });
    expect(s.codes).toEqual(expect.arrayContaining(["sous_reserve_acompte", "sous_reserve_date_acompte"]));
  });
  test("un acompte insuffisant refuse, même si sa date manque", () => {
    expect(sur({ ...TARDIF, acompte: 5000, date_acompte: undefined }).eligible).toBe(false);
  });
  test("livraison le jour des 24 mois : éligible ; le lendemain : refusé", () => {
    // commande 01/06/2019 + 24 mois = 01/06/2021
    const base = { date_commande: "2019-06-01", acompte: 10000, date_acompte: "2019-06-01" };
    expect(sur({ ...base, date_acquisition: "2021-06-01" }).eligible).toBe(true);
    const s = sur({ ...base, date_acquisition: "2021-06-02" });
    expect(s.eligible).toBe(false);
    expect(s.codes).toContain("hors_periode");
  });
});

describe("bénéficiaire et nature de la mesure", () => {
  test("une grande entreprise : refusée (PME industrielles, l.2110)", () => {
    const s = sur(
      {},
      {
        beneficiaire: entreprise({
          effectif: 300,
          chiffre_affaires: 80000000,
          total_bilan: 60000000,
          secteur: "industrie",
        }),
      },
    );
    expect(s.eligible).toBe(false);
    expect(s.codes).toContain("reserve_aux_pme");
  });
  test("une PME du commerce : refusée (PME industrielles)", () => {
    const s = sur({}, { beneficiaire: { secteur: "commerce" } });
    expect(s.eligible).toBe(false);
    expect(s.codes).toContain("activite_non_industrielle");
  });
  test("fiche datée de décembre 2018 (avant l'entrée en vigueur du 01/01/2019) : les conditions s'appliquent quand même", () => {
    // Commande du 01/10/2018 (après le 20/09/2018), acquisition le 01/02/2019 : mais une GE reste exclue (l.2110).
    const ge = entreprise({
      effectif: 300,
      chiffre_affaires: 80000000,
      total_bilan: 60000000,
      secteur: "industrie",
    });
    const s = sur(
      { date_commande: "2018-10-01", date_acquisition: "2019-02-01" },
      { date_demande: "2018-12-10", beneficiaire: ge },
    );
    expect(s.eligible).toBe(false);
    expect(s.codes).toEqual(expect.arrayContaining(["reserve_aux_pme", "date_avant_vigueur"]));
    // La même fiche pour une PME : éligible, 40 % × 100 000 = 40 000,00 €, avec l'avertissement de date.
    const pme = sur(
      { date_commande: "2018-10-01", date_acquisition: "2019-02-01" },
      { date_demande: "2018-12-10" },
    );
    expect(pme).toMatchObject({ eligible: true, plafond: "40000.00" });
  });
  test("dates non renseignées : éligible sous réserve", () => {
    const s = sur({ date_commande: undefined, date_acquisition: undefined });
    expect(s.eligible).toBe(true);
    expect(s.codes).toEqual(
      expect.arrayContaining(["sous_reserve_date_commande", "sous_reserve_date_acquisition"]),
    );
  });
  test("une ligne de financement « suramortissement » : avertissement, une mesure fiscale n'est pas un financement", () => {
    const e = evaluer(
      ficheSimple(ROBOT, {
        financements: [
          { financeur: "suramortissement", montant: 40000 },
          { financeur: "autofinancement", montant: 60000 },
        ],
      }),
    );
    expect(codes(e)).toContain("mesure_fiscale_financement");
  });
});
