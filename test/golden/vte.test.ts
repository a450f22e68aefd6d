// Golden tests: vte, Volontariat Territorial en Entreprise (Guide TI V5, fiche 13, l.1356-1400):
// TPE/PME/ETI of the Territoires d'industrie (l.1360-1362); alternance with at least one year in the
// company, CDD of at least one year or CDI (l.1376-1378); bac+2 to bac+5 (l.1360). Eligibility only:
// the employer pays the salary (l.1379). « Montluçon » is a Territoire d'industrie (Guide l.496).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

function vte(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const e = evaluer(ficheSimple({ nature: "recrutement", categorie: "vte", montant: 35000, niveau: "bac+5", type_contrat: "cdi", ...depense }, { territoire: "Montluçon", ...autre }));
  const r = resultat(e, "vte");
  return { ...chiffres(r), codes: codes(r), fiche: codes(e) };
}

describe("vte", () => {
  test("PME d'un Territoire d'industrie, CDI, bac+5 : éligible, sans montant", () => {
    expect(vte({})).toEqual({ eligible: true, assiette: null, taux: null, plafond: null, codes: [], fiche: [] });
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
    expect(vte({}, { beneficiaire: entreprise({ effectif: 300, chiffre_affaires: 80000000, total_bilan: 60000000 }) }).eligible).toBe(true);
    const v = vte({}, { beneficiaire: entreprise({ effectif: 5000, chiffre_affaires: 900000000, total_bilan: 900000000 }) });
    expect(v.eligible).toBe(false);
    expect(v.codes).toContain("employeur_ni_pme_ni_eti");
  });
  test("un territoire qui n'est pas un Territoire d'industrie : non éligible, avec une suggestion sur la fiche", () => {
    const v = vte({}, { territoire: "Montluçonn" });
    expect(v.eligible).toBe(false);
    expect(v.codes).toContain("hors_territoire_d_industrie");
    expect(v.fiche).toContain("territoire_inconnu");
  });
  test("le nom du territoire sans accent ni majuscule est reconnu", () => {
    expect(vte({}, { territoire: "montlucon" }).eligible).toBe(true);
  });
  test("territoire non renseigné : éligible sous réserve", () => {
    const e = evaluer(ficheSimple({ nature: "recrutement", categorie: "vte", montant: 35000, niveau: "bac+3", type_contrat: "cdi" }));
    const r = resultat(e, "vte");
    expect(r.eligible).toBe(true);
    expect(codes(r)).toContain("sous_reserve_hors_territoire_d_industrie");
    // Le message nomme le champ à remplir dans la fiche, « territoire ».
    expect(r.motifs.find((m) => m.code === "sous_reserve_hors_territoire_d_industrie")!.message).toContain("Sous réserve de « territoire » (non renseigné)");
  });
  test("évalué avant l'entrée en vigueur des règles du guide (22/11/2018) : les conditions s'appliquent, avec un avertissement", () => {
    // Une GE de 5 000 salariés, un niveau bac et un CDD de 2 mois ne deviennent pas éligibles en remontant le temps.
    const v = vte({ niveau: "bac", type_contrat: "cdd", duree_contrat_mois: 2 }, { date_demande: "2018-06-01", beneficiaire: entreprise({ effectif: 5000, chiffre_affaires: 900000000, total_bilan: 900000000 }) });
    expect(v.eligible).toBe(false);
    expect(v.codes).toEqual(expect.arrayContaining(["employeur_ni_pme_ni_eti", "niveau_non_couvert", "cdd_trop_court", "date_avant_vigueur"]));
  });
});
