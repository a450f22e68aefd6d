// Golden tests: vte, Volontariat Territorial en Entreprise (Guide TI V5, fiche 13, l.1356-1400):
// TPE/PME/ETI of the Territoires d'industrie (l.1360-1362); alternance with at least one year in the
// company, CDD of at least one year or CDI (l.1376-1378); bac+2 to bac+5 (l.1360). Eligibility only:
// the employer pays the salary (l.1379). « Montluçon » is a Territoire d'industrie (Guide l.496).
// Second edition: VTE starts « dès la rentrée 2019 » (l.1362; reading: 2019-09-01), so the fiches are
// dated 2019-10-01; a territory outside the guide's list is a warning, not a refusal.
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

function vte(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const e = evaluer(
    ficheSimple(
      {
        nature: "recrutement",
        categorie: "vte",
        montant: 35000,
        niveau: "bac+5",
        type_contrat: "cdi",
        ...depense,
      },
      { territoire: "Montluçon", date_demande: "2019-10-01", ...autre },
    ),
  );
  const r = resultat(e, "vte");
  return { ...chiffres(r), codes: codes(r), fiche: codes(e) };
}

describe("vte", () => {
  test("PME d'un Territoire d'industrie, CDI, bac+5 : éligible, sans montant", () => {
    expect(vte({})).toEqual({
      eligible: true,
      assiette: null,
      taux: null,
      plafond: null,
      codes: [],
      fiche: [],
    });
  });
  test("alternance : 12 mois en entreprise au moins", () => {
    expect(vte({ type_contrat: "alternance", duree_contrat_mois: 12 }).eligible).toBe(true);
    const v = vte({ type_contrat: "alternance", duree_contrat_mois: 11 });
    expect(v.eligible).toBe(false);
    expect(v.codes).toContain("alternance_trop_courte");
  });
  test("CDD : 12 mois au moins", () => {
    expect(vte({ type_contrat: "cdd", duree_contrat_mois: 12 }).eligible).toBe(true);
    const v = vte({ type_contrat: "cdd", duree_contrat_mois: 11 });
    expect(v.eligible).toBe(false);
    expect(v.codes).toContain("cdd_trop_court");
  });
  test("niveaux : bac+2 et bac+5 oui ; bac+1 et bac+6 non", () => {
    expect(vte({ niveau: "bac+2" }).eligible).toBe(true);
    expect(vte({ niveau: "bac+1" }).codes).toContain("niveau_non_couvert");
    expect(vte({ niveau: "bac+6" }).eligible).toBe(false);
  });
  test("une ETI (300 salariés) est éligible ; une GE de 5 000 salariés ne l'est pas", () => {
    expect(
      vte(
        {},
        { beneficiaire: entreprise({ effectif: 300, chiffre_affaires: 80000000, total_bilan: 60000000 }) },
      ).eligible,
    ).toBe(true);
    const v = vte(
      {},
      { beneficiaire: entreprise({ effectif: 5000, chiffre_affaires: 900000000, total_bilan: 900000000 }) },
    );
    expect(v.eligible).toBe(false);
    expect(v.codes).toContain("employeur_ni_pme_ni_eti");
  });
  test("un territoire hors de la liste du guide : éligible avec un avertissement « à vérifier auprès de l'opérateur » (seconde édition), et une suggestion sur la fiche", () => {
    const e = evaluer(
      ficheSimple(
        { nature: "recrutement", categorie: "vte", montant: 35000, niveau: "bac+5", type_contrat: "cdi" },
        { territoire: "Montluçonn", date_demande: "2019-10-01" },
      ),
    );
    const r = resultat(e, "vte");
    expect(r.eligible).toBe(true);
    const m = r.motifs.find((x) => x.code === "hors_territoire_d_industrie")!;
    expect(m.niveau).toBe("avertissement");
    expect(m.message).toContain("à vérifier auprès de l'opérateur");
    expect(codes(e)).toContain("territoire_inconnu");
  });
  test("le nom du territoire sans accent ni majuscule est reconnu", () => {
    expect(vte({}, { territoire: "montlucon" }).eligible).toBe(true);
  });
  test("territoire non renseigné : éligible, avec un avertissement qui demande le territoire", () => {
    const e = evaluer(
      ficheSimple(
        { nature: "recrutement", categorie: "vte", montant: 35000, niveau: "bac+3", type_contrat: "cdi" },
        { date_demande: "2019-10-01" },
      ),
    );
    const r = resultat(e, "vte");
    expect(r.eligible).toBe(true);
    // Le message nomme le champ à remplir dans la fiche, « territoire ».
    expect(r.motifs.find((m) => m.code === "territoire_non_renseigne")!.message).toContain(
      "indiquez « territoire »",
    );
  });
  test("évalué avant l'entrée en vigueur des règles du guide (22/11/2018) : les conditions s'appliquent, avec un avertissement", () => {
    // Une GE de 5 000 salariés, un niveau bac et un CDD de 2 mois ne deviennent pas éligibles en remontant le temps.
    const v = vte(
      { niveau: "bac", type_contrat: "cdd", duree_contrat_mois: 2 },
      {
        date_demande: "2018-06-01",
        beneficiaire: entreprise({ effectif: 5000, chiffre_affaires: 900000000, total_bilan: 900000000 }),
      },
    );
    expect(v.eligible).toBe(false);
    expect(v.codes).toEqual(
      expect.arrayContaining([
        "employeur_ni_pme_ni_eti",
        "niveau_non_couvert",
        "cdd_trop_court",
        "date_avant_vigueur",
      ]),
    );
  });
});

// Seconde édition, point 7 (docs/domaine.md §2 « vte ») : « Dès la rentrée 2019 » (l.1362) — lecture retenue :
// à partir du 01/09/2019 ; avant, « hors_periode ». La liste des territoires du guide a des coquilles
// (« Grand Anancy », l.492) : les noms sont rapprochés sans accents, casse ni tirets, et le nom juste
// « Grand Annecy » est reconnu.
describe("vte : dates et territoires (seconde édition)", () => {
  function le(date: string, territoire = "Montluçon") {
    const e = evaluer(
      ficheSimple(
        { nature: "recrutement", categorie: "vte", montant: 35000, niveau: "bac+5", type_contrat: "cdi" },
        { territoire, date_demande: date },
      ),
    );
    return resultat(e, "vte");
  }
  test("31/08/2019, la veille de la rentrée : non éligible, hors période, avec la date et la source", () => {
    const r = le("2019-08-31");
    expect(r.eligible).toBe(false);
    const m = r.motifs.find((x) => x.code === "hors_periode")!;
    expect(m.niveau).toBe("erreur");
    expect(m.message).toContain("à partir du 01/09/2019");
    expect(m.source).toContain("l.1362");
  });
  test("01/09/2019, le jour même, et 02/09/2019 : éligible", () => {
    expect(le("2019-09-01").eligible).toBe(true);
    expect(le("2019-09-02").eligible).toBe(true);
  });
  test.each([
    "Grand Annecy",
    "grand-annecy",
    "GRAND ANANCY",
    "Issoire-Thiers",
    "issoire thiers",
    "Vallee de la Maurienne",
  ])("« %s » est reconnu, sans avertissement", (t) => {
    expect(codes(le("2019-10-01", t))).not.toContain("hors_territoire_d_industrie");
  });
});
