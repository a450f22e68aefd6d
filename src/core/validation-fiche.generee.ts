// Généré par « npm run generer » depuis le schéma zod (src/core/schemas/generateur-validation.ts) :
// ne pas modifier à la main. Le validateur rapide d'une fiche, sans zod : sa sortie est celle de
// zod, ou RENDU quand il n'est pas sûr (zod décide alors, et écrit les messages).
import type { Fiche } from "./schemas/fiche.js";
import {
  estDateValide,
  estEntier,
  estTaux,
  lireFractionSignee,
  lireMontant,
  lireNombre,
  sirenSansEspaces,
  sirenValide,
} from "./schemas/lectures.js";
import { estBloc, nombreDeCles, RENDU, texteAuMoins } from "./validation-rapide.js";

export function validerFicheRapide(v: unknown): Fiche | typeof RENDU {
  return fiche(v) as Fiche | typeof RENDU;
}

const ficheBeneficiaireNatureDonnePermis = new Set<unknown>([
  "entreprise",
  "collectivite",
  "association",
  "etablissement_public",
  "consortium",
]);
const ficheBeneficiaireTaillePermis = new Set<unknown>(["PE", "ME", "GE"]);
const ficheBeneficiaireSecteurPermis = new Set<unknown>([
  "industrie",
  "artisanat",
  "commerce",
  "restauration",
  "agriculture",
  "peche",
  "transport_routier",
  "services",
  "autre",
]);
const ficheLocalisationDonneZoneDonnePermis = new Set<unknown>(["metropole", "corse", "outre_mer"]);
const ficheDepensesElementNaturePermis = new Set<unknown>([
  "etude",
  "investissement",
  "animation",
  "formation",
  "equipement",
  "recrutement",
  "conseil",
  "capital",
]);
const ficheDepensesElementTypeContratPermis = new Set<unknown>(["cdd", "cdi", "alternance"]);
const ficheDepensesElementNiveauPermis = new Set<unknown>([
  "bac",
  "bac+1",
  "bac+2",
  "bac+3",
  "bac+4",
  "bac+5",
  "bac+6",
  "bac+8",
]);
const ficheDepensesElementVocationPermis = new Set<unknown>(["regionale", "nationale", "multiregionale"]);
const ficheFinancementsElementFormePermis = new Set<unknown>([
  "subvention",
  "avance_remboursable",
  "pret",
  "fonds_propres",
  "quasi_fonds_propres",
  "garantie",
]);
const ficheFinancementsElementRegimePermis = new Set<unknown>(["rgec", "de_minimis", "hors_aide_etat"]);
const ficheFinancementsElementReglementPermis = new Set<unknown>(["general", "agricole", "peche", "sieg"]);

/** fiche.$schema */
function ficheDollarSchema(x: unknown): unknown {
  if (typeof x !== "string") return RENDU;
  return x;
}

/** fiche.id, fiche.beneficiaire.entreprise_unique, fiche.depenses[i].id, fiche.depenses[i].dispositifs[i], fiche.financements[i].financeur, fiche.financements[i].depenses[i], fiche.financements[i].dispositif */
function identifiant(x: unknown): unknown {
  if (typeof x !== "string" || !texteAuMoins(x, 1) || x.length > 200) return RENDU;
  return x;
}

/** fiche.titre */
function ficheTitre(x: unknown): unknown {
  if (typeof x !== "string" || x.length > 1000) return RENDU;
  return x;
}

/** fiche.territoire */
function ficheTerritoire(x: unknown): unknown {
  if (typeof x !== "string" || x.length > 200) return RENDU;
  return x;
}

/** fiche.date_demande, fiche.date_debut, fiche.depenses[i].date_commande, fiche.depenses[i].date_acquisition, fiche.depenses[i].date_acompte, fiche.financements[i].date_octroi, fiche.aides_de_minimis_anterieures[i].date */
function dateIso(x: unknown): unknown {
  if (typeof x !== "string" || !estDateValide(x)) return RENDU;
  return x;
}

/** fiche.beneficiaire.nom */
function ficheBeneficiaireNom(x: unknown): unknown {
  if (typeof x !== "string" || !texteAuMoins(x, 1) || x.length > 500) return RENDU;
  return x;
}

/** fiche.beneficiaire.siren */
function sirenEntree(x: unknown): unknown {
  if (!(typeof x === "string" || (typeof x === "number" && Number.isFinite(x)))) return RENDU;
  return x;
}

/** fiche.beneficiaire.siren */
function sirenSortie(x: unknown): unknown {
  const r = sirenSansEspaces(x as Parameters<typeof sirenSansEspaces>[0]);
  return r;
}

/** fiche.beneficiaire.siren */
function siren(x: unknown): unknown {
  const e = sirenEntree(x);
  if (e === RENDU) return RENDU;
  const r = sirenSortie(e);
  if (r === RENDU || !sirenValide(r as Parameters<typeof sirenValide>[0])) return RENDU;
  return r;
}

/** fiche.beneficiaire.nature */
function ficheBeneficiaireNatureDonne(x: unknown): unknown {
  if (!ficheBeneficiaireNatureDonnePermis.has(x)) return RENDU;
  return x;
}

/** fiche.beneficiaire.nature */
function ficheBeneficiaireNature(x: unknown): unknown {
  if (x === undefined) return "entreprise";
  const donne = ficheBeneficiaireNatureDonne(x);
  const r = donne === undefined ? "entreprise" : donne;
  return r;
}

/** fiche.beneficiaire.activite_economique */
function ficheBeneficiaireActiviteEconomique(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.beneficiaire.effectif, fiche.beneficiaire.groupe.effectif, fiche.beneficiaire.taux_is, fiche.depenses[i].taux_max, fiche.depenses[i].duree_mois, fiche.depenses[i].duree_annees, fiche.depenses[i].etp, fiche.depenses[i].effectif_etablissement, fiche.depenses[i].heures, fiche.depenses[i].duree_contrat_mois, fiche.depenses[i].jours, fiche.depenses[i].part_capital, fiche.depenses[i].duree_amorcage_annees, fiche.depenses[i].droits_vote_filiere */
function nombreEntree(x: unknown): unknown {
  if (typeof x === "object" && x !== null) return RENDU;
  return x;
}

/** fiche.beneficiaire.effectif, fiche.beneficiaire.groupe.effectif, fiche.beneficiaire.taux_is, fiche.depenses[i].taux_max, fiche.depenses[i].duree_mois, fiche.depenses[i].duree_annees, fiche.depenses[i].etp, fiche.depenses[i].effectif_etablissement, fiche.depenses[i].heures, fiche.depenses[i].duree_contrat_mois, fiche.depenses[i].jours, fiche.depenses[i].part_capital, fiche.depenses[i].duree_amorcage_annees, fiche.depenses[i].droits_vote_filiere */
function nombreSortie(x: unknown): unknown {
  const lu = lireNombre(x);
  if (!lu.ok) return RENDU;
  const r = lu.valeur;
  return r;
}

/** fiche.beneficiaire.effectif, fiche.beneficiaire.groupe.effectif, fiche.depenses[i].duree_mois, fiche.depenses[i].duree_annees, fiche.depenses[i].etp, fiche.depenses[i].effectif_etablissement, fiche.depenses[i].heures, fiche.depenses[i].duree_contrat_mois, fiche.depenses[i].duree_amorcage_annees */
function nombre(x: unknown): unknown {
  const e = nombreEntree(x);
  if (e === RENDU) return RENDU;
  const r = nombreSortie(e);
  return r;
}

/** fiche.beneficiaire.chiffre_affaires, fiche.beneficiaire.total_bilan, fiche.beneficiaire.groupe.chiffre_affaires, fiche.beneficiaire.groupe.total_bilan, fiche.depenses[i].montant, fiche.depenses[i].cout_reference, fiche.depenses[i].acompte, fiche.depenses[i].salaire_brut_annuel, fiche.depenses[i].poste_annuel, fiche.depenses[i].communication_annuel, fiche.depenses[i].petit_equipement, fiche.depenses[i].economie_annuelle_prevue, fiche.financements[i].montant, fiche.financements[i].equivalent_subvention, fiche.financements[i].montant_max, fiche.aides_de_minimis_anterieures[i].montant */
function montantEntree(x: unknown): unknown {
  if (typeof x === "object" && x !== null) return RENDU;
  return x;
}

/** fiche.beneficiaire.chiffre_affaires, fiche.beneficiaire.total_bilan, fiche.beneficiaire.groupe.chiffre_affaires, fiche.beneficiaire.groupe.total_bilan, fiche.depenses[i].montant, fiche.depenses[i].cout_reference, fiche.depenses[i].acompte, fiche.depenses[i].salaire_brut_annuel, fiche.depenses[i].poste_annuel, fiche.depenses[i].communication_annuel, fiche.depenses[i].petit_equipement, fiche.depenses[i].economie_annuelle_prevue, fiche.financements[i].montant, fiche.financements[i].equivalent_subvention, fiche.financements[i].montant_max, fiche.aides_de_minimis_anterieures[i].montant */
function montantSortie(x: unknown): unknown {
  const lu = lireMontant(x);
  if (!lu.ok) return RENDU;
  const r = lu.valeur;
  return r;
}

/** fiche.beneficiaire.chiffre_affaires, fiche.beneficiaire.total_bilan, fiche.beneficiaire.groupe.chiffre_affaires, fiche.beneficiaire.groupe.total_bilan, fiche.depenses[i].montant, fiche.depenses[i].cout_reference, fiche.depenses[i].acompte, fiche.depenses[i].salaire_brut_annuel, fiche.depenses[i].poste_annuel, fiche.depenses[i].communication_annuel, fiche.depenses[i].petit_equipement, fiche.depenses[i].economie_annuelle_prevue, fiche.financements[i].montant, fiche.financements[i].equivalent_subvention, fiche.financements[i].montant_max, fiche.aides_de_minimis_anterieures[i].montant */
function montant(x: unknown): unknown {
  const e = montantEntree(x);
  if (e === RENDU) return RENDU;
  const r = montantSortie(e);
  return r;
}

/** fiche.beneficiaire.taille */
function ficheBeneficiaireTaille(x: unknown): unknown {
  if (!ficheBeneficiaireTaillePermis.has(x)) return RENDU;
  return x;
}

/** fiche.beneficiaire.detenu_public_25 */
function ficheBeneficiaireDetenuPublic25(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.beneficiaire.groupe */
function ficheBeneficiaireGroupe(x: unknown): unknown {
  if (!estBloc(x)) return RENDU;
  const s: Record<string, unknown> = {};
  let vus = 0;
  let v: unknown;
  let r: unknown;
  v = x.effectif;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.effectif = r;
    vus++;
  }
  v = x.chiffre_affaires;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.chiffre_affaires = r;
    vus++;
  }
  v = x.total_bilan;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.total_bilan = r;
    vus++;
  }
  return nombreDeCles(x) === vus ? s : RENDU;
}

/** fiche.beneficiaire.exercice_debut */
function ficheBeneficiaireExerciceDebut(x: unknown): unknown {
  if (typeof x !== "string" || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(x)) return RENDU;
  return x;
}

/** fiche.beneficiaire.derogation_participation */
function ficheBeneficiaireDerogationParticipation(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.beneficiaire.secteur */
function ficheBeneficiaireSecteur(x: unknown): unknown {
  if (!ficheBeneficiaireSecteurPermis.has(x)) return RENDU;
  return x;
}

/** fiche.beneficiaire.taux_is, fiche.depenses[i].taux_max, fiche.depenses[i].part_capital, fiche.depenses[i].droits_vote_filiere */
function taux(x: unknown): unknown {
  const e = nombreEntree(x);
  if (e === RENDU) return RENDU;
  const r = nombreSortie(e);
  if (r === RENDU || !estTaux(r as Parameters<typeof estTaux>[0])) return RENDU;
  return r;
}

/** fiche.beneficiaire */
function ficheBeneficiaire(x: unknown): unknown {
  if (!estBloc(x)) return RENDU;
  const s: Record<string, unknown> = {};
  let vus = 0;
  let v: unknown;
  let r: unknown;
  v = x.nom;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireNom(v)) === RENDU || r === undefined) return RENDU;
    s.nom = r;
    vus++;
  }
  v = x.siren;
  if (v !== undefined) {
    if (v === null || (r = siren(v)) === RENDU || r === undefined) return RENDU;
    s.siren = r;
    vus++;
  }
  v = x.nature;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireNature(v)) === RENDU || r === undefined) return RENDU;
    s.nature = r;
    vus++;
  } else {
    s.nature = "entreprise";
  }
  v = x.activite_economique;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireActiviteEconomique(v)) === RENDU || r === undefined) return RENDU;
    s.activite_economique = r;
    vus++;
  }
  v = x.effectif;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.effectif = r;
    vus++;
  }
  v = x.chiffre_affaires;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.chiffre_affaires = r;
    vus++;
  }
  v = x.total_bilan;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.total_bilan = r;
    vus++;
  }
  v = x.taille;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireTaille(v)) === RENDU || r === undefined) return RENDU;
    s.taille = r;
    vus++;
  }
  v = x.detenu_public_25;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireDetenuPublic25(v)) === RENDU || r === undefined) return RENDU;
    s.detenu_public_25 = r;
    vus++;
  }
  v = x.groupe;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireGroupe(v)) === RENDU || r === undefined) return RENDU;
    s.groupe = r;
    vus++;
  }
  v = x.entreprise_unique;
  if (v !== undefined) {
    if (v === null || (r = identifiant(v)) === RENDU || r === undefined) return RENDU;
    s.entreprise_unique = r;
    vus++;
  }
  v = x.exercice_debut;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireExerciceDebut(v)) === RENDU || r === undefined) return RENDU;
    s.exercice_debut = r;
    vus++;
  }
  v = x.derogation_participation;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireDerogationParticipation(v)) === RENDU || r === undefined)
      return RENDU;
    s.derogation_participation = r;
    vus++;
  }
  v = x.secteur;
  if (v !== undefined) {
    if (v === null || (r = ficheBeneficiaireSecteur(v)) === RENDU || r === undefined) return RENDU;
    s.secteur = r;
    vus++;
  }
  v = x.taux_is;
  if (v !== undefined) {
    if (v === null || (r = taux(v)) === RENDU || r === undefined) return RENDU;
    s.taux_is = r;
    vus++;
  }
  return nombreDeCles(x) === vus ? s : RENDU;
}

/** fiche.localisation.zone */
function ficheLocalisationDonneZoneDonne(x: unknown): unknown {
  if (!ficheLocalisationDonneZoneDonnePermis.has(x)) return RENDU;
  return x;
}

/** fiche.localisation.zone */
function ficheLocalisationDonneZone(x: unknown): unknown {
  if (x === undefined) return "metropole";
  const donne = ficheLocalisationDonneZoneDonne(x);
  const r = donne === undefined ? "metropole" : donne;
  return r;
}

/** fiche.localisation.afr */
function ficheLocalisationDonneAfrDonne(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.localisation.afr */
function ficheLocalisationDonneAfr(x: unknown): unknown {
  if (x === undefined) return false;
  const donne = ficheLocalisationDonneAfrDonne(x);
  const r = donne === undefined ? false : donne;
  return r;
}

/** fiche.localisation */
function ficheLocalisationDonne(x: unknown): unknown {
  if (!estBloc(x)) return RENDU;
  const s: Record<string, unknown> = {};
  let vus = 0;
  let v: unknown;
  let r: unknown;
  v = x.zone;
  if (v !== undefined) {
    if (v === null || (r = ficheLocalisationDonneZone(v)) === RENDU || r === undefined) return RENDU;
    s.zone = r;
    vus++;
  } else {
    s.zone = "metropole";
  }
  v = x.afr;
  if (v !== undefined) {
    if (v === null || (r = ficheLocalisationDonneAfr(v)) === RENDU || r === undefined) return RENDU;
    s.afr = r;
    vus++;
  } else {
    s.afr = false;
  }
  return nombreDeCles(x) === vus ? s : RENDU;
}

/** fiche.localisation */
function ficheLocalisation(x: unknown): unknown {
  if (x === undefined) return { zone: "metropole", afr: false };
  const donne = ficheLocalisationDonne(x);
  const r = donne === undefined ? { zone: "metropole", afr: false } : donne;
  return r;
}

/** fiche.depenses[i].libelle */
function ficheDepensesElementLibelle(x: unknown): unknown {
  if (typeof x !== "string" || x.length > 1000) return RENDU;
  return x;
}

/** fiche.depenses[i].dispositifs */
function ficheDepensesElementDispositifs(x: unknown): unknown {
  if (!Array.isArray(x)) return RENDU;
  const r = new Array<unknown>(x.length);
  for (let i = 0; i < x.length; i++) {
    const e: unknown = x[i];
    if (e === null) return RENDU; // stripped before zod (sansNulls): zod's answer may differ
    const s = identifiant(e);
    if (s === RENDU) return RENDU;
    r[i] = s;
  }
  return r;
}

/** fiche.depenses[i].nature */
function ficheDepensesElementNature(x: unknown): unknown {
  if (!ficheDepensesElementNaturePermis.has(x)) return RENDU;
  return x;
}

/** fiche.depenses[i].categorie */
function ficheDepensesElementCategorie(x: unknown): unknown {
  if (typeof x !== "string" || x.length > 100) return RENDU;
  return x;
}

/** fiche.depenses[i].prestataire_externe */
function ficheDepensesElementPrestataireExterne(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.depenses[i].type_contrat */
function ficheDepensesElementTypeContrat(x: unknown): unknown {
  if (!ficheDepensesElementTypeContratPermis.has(x)) return RENDU;
  return x;
}

/** fiche.depenses[i].niveau */
function ficheDepensesElementNiveau(x: unknown): unknown {
  if (!ficheDepensesElementNiveauPermis.has(x)) return RENDU;
  return x;
}

/** fiche.depenses[i].jours */
function entier(x: unknown): unknown {
  const e = nombreEntree(x);
  if (e === RENDU) return RENDU;
  const r = nombreSortie(e);
  if (r === RENDU || !estEntier(r as Parameters<typeof estEntier>[0])) return RENDU;
  return r;
}

/** fiche.depenses[i].collectif */
function ficheDepensesElementCollectif(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.depenses[i].rentabilite_prevue */
function fractionSigneeEntree(x: unknown): unknown {
  if (typeof x === "object" && x !== null) return RENDU;
  return x;
}

/** fiche.depenses[i].rentabilite_prevue */
function fractionSigneeSortie(x: unknown): unknown {
  const lu = lireFractionSignee(x);
  if (!lu.ok) return RENDU;
  const r = lu.valeur;
  return r;
}

/** fiche.depenses[i].rentabilite_prevue */
function fractionSignee(x: unknown): unknown {
  const e = fractionSigneeEntree(x);
  if (e === RENDU) return RENDU;
  const r = fractionSigneeSortie(e);
  return r;
}

/** fiche.depenses[i].ouvert_aux_tiers */
function ficheDepensesElementOuvertAuxTiers(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.depenses[i].vocation */
function ficheDepensesElementVocation(x: unknown): unknown {
  if (!ficheDepensesElementVocationPermis.has(x)) return RENDU;
  return x;
}

/** fiche.depenses[i].renouvellement */
function ficheDepensesElementRenouvellement(x: unknown): unknown {
  if (typeof x !== "boolean") return RENDU;
  return x;
}

/** fiche.depenses[i] */
function ficheDepensesElement(x: unknown): unknown {
  if (!estBloc(x)) return RENDU;
  const s: Record<string, unknown> = {};
  let vus = 0;
  let v: unknown;
  let r: unknown;
  v = x.id;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = identifiant(v)) === RENDU || r === undefined) return RENDU;
    s.id = r;
    vus++;
  }
  v = x.libelle;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementLibelle(v)) === RENDU || r === undefined) return RENDU;
    s.libelle = r;
    vus++;
  }
  v = x.dispositifs;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementDispositifs(v)) === RENDU || r === undefined) return RENDU;
    s.dispositifs = r;
    vus++;
  }
  v = x.nature;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = ficheDepensesElementNature(v)) === RENDU || r === undefined) return RENDU;
    s.nature = r;
    vus++;
  }
  v = x.categorie;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementCategorie(v)) === RENDU || r === undefined) return RENDU;
    s.categorie = r;
    vus++;
  }
  v = x.montant;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.montant = r;
    vus++;
  }
  v = x.cout_reference;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.cout_reference = r;
    vus++;
  }
  v = x.taux_max;
  if (v !== undefined) {
    if (v === null || (r = taux(v)) === RENDU || r === undefined) return RENDU;
    s.taux_max = r;
    vus++;
  }
  v = x.duree_mois;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.duree_mois = r;
    vus++;
  }
  v = x.prestataire_externe;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementPrestataireExterne(v)) === RENDU || r === undefined)
      return RENDU;
    s.prestataire_externe = r;
    vus++;
  }
  v = x.date_commande;
  if (v !== undefined) {
    if (v === null || (r = dateIso(v)) === RENDU || r === undefined) return RENDU;
    s.date_commande = r;
    vus++;
  }
  v = x.date_acquisition;
  if (v !== undefined) {
    if (v === null || (r = dateIso(v)) === RENDU || r === undefined) return RENDU;
    s.date_acquisition = r;
    vus++;
  }
  v = x.acompte;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.acompte = r;
    vus++;
  }
  v = x.date_acompte;
  if (v !== undefined) {
    if (v === null || (r = dateIso(v)) === RENDU || r === undefined) return RENDU;
    s.date_acompte = r;
    vus++;
  }
  v = x.salaire_brut_annuel;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.salaire_brut_annuel = r;
    vus++;
  }
  v = x.duree_annees;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.duree_annees = r;
    vus++;
  }
  v = x.etp;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.etp = r;
    vus++;
  }
  v = x.poste_annuel;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.poste_annuel = r;
    vus++;
  }
  v = x.communication_annuel;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.communication_annuel = r;
    vus++;
  }
  v = x.petit_equipement;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.petit_equipement = r;
    vus++;
  }
  v = x.economie_annuelle_prevue;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.economie_annuelle_prevue = r;
    vus++;
  }
  v = x.effectif_etablissement;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.effectif_etablissement = r;
    vus++;
  }
  v = x.heures;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.heures = r;
    vus++;
  }
  v = x.type_contrat;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementTypeContrat(v)) === RENDU || r === undefined) return RENDU;
    s.type_contrat = r;
    vus++;
  }
  v = x.duree_contrat_mois;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.duree_contrat_mois = r;
    vus++;
  }
  v = x.niveau;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementNiveau(v)) === RENDU || r === undefined) return RENDU;
    s.niveau = r;
    vus++;
  }
  v = x.jours;
  if (v !== undefined) {
    if (v === null || (r = entier(v)) === RENDU || r === undefined) return RENDU;
    s.jours = r;
    vus++;
  }
  v = x.collectif;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementCollectif(v)) === RENDU || r === undefined) return RENDU;
    s.collectif = r;
    vus++;
  }
  v = x.part_capital;
  if (v !== undefined) {
    if (v === null || (r = taux(v)) === RENDU || r === undefined) return RENDU;
    s.part_capital = r;
    vus++;
  }
  v = x.rentabilite_prevue;
  if (v !== undefined) {
    if (v === null || (r = fractionSignee(v)) === RENDU || r === undefined) return RENDU;
    s.rentabilite_prevue = r;
    vus++;
  }
  v = x.ouvert_aux_tiers;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementOuvertAuxTiers(v)) === RENDU || r === undefined) return RENDU;
    s.ouvert_aux_tiers = r;
    vus++;
  }
  v = x.duree_amorcage_annees;
  if (v !== undefined) {
    if (v === null || (r = nombre(v)) === RENDU || r === undefined) return RENDU;
    s.duree_amorcage_annees = r;
    vus++;
  }
  v = x.droits_vote_filiere;
  if (v !== undefined) {
    if (v === null || (r = taux(v)) === RENDU || r === undefined) return RENDU;
    s.droits_vote_filiere = r;
    vus++;
  }
  v = x.vocation;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementVocation(v)) === RENDU || r === undefined) return RENDU;
    s.vocation = r;
    vus++;
  }
  v = x.renouvellement;
  if (v !== undefined) {
    if (v === null || (r = ficheDepensesElementRenouvellement(v)) === RENDU || r === undefined) return RENDU;
    s.renouvellement = r;
    vus++;
  }
  return nombreDeCles(x) === vus ? s : RENDU;
}

/** fiche.depenses */
function ficheDepenses(x: unknown): unknown {
  if (!Array.isArray(x)) return RENDU;
  const r = new Array<unknown>(x.length);
  for (let i = 0; i < x.length; i++) {
    const e: unknown = x[i];
    if (e === null) return RENDU; // stripped before zod (sansNulls): zod's answer may differ
    const s = ficheDepensesElement(e);
    if (s === RENDU) return RENDU;
    r[i] = s;
  }
  if (r.length < 1 || r.length > 1000) return RENDU;
  return r;
}

/** fiche.financements[i].depenses */
function ficheFinancementsElementDepenses(x: unknown): unknown {
  if (!Array.isArray(x)) return RENDU;
  const r = new Array<unknown>(x.length);
  for (let i = 0; i < x.length; i++) {
    const e: unknown = x[i];
    if (e === null) return RENDU; // stripped before zod (sansNulls): zod's answer may differ
    const s = identifiant(e);
    if (s === RENDU) return RENDU;
    r[i] = s;
  }
  if (r.length < 1) return RENDU;
  return r;
}

/** fiche.financements[i].forme */
function ficheFinancementsElementForme(x: unknown): unknown {
  if (!ficheFinancementsElementFormePermis.has(x)) return RENDU;
  return x;
}

/** fiche.financements[i].regime */
function ficheFinancementsElementRegime(x: unknown): unknown {
  if (!ficheFinancementsElementRegimePermis.has(x)) return RENDU;
  return x;
}

/** fiche.financements[i].reglement */
function ficheFinancementsElementReglement(x: unknown): unknown {
  if (!ficheFinancementsElementReglementPermis.has(x)) return RENDU;
  return x;
}

/** fiche.financements[i].libelle */
function ficheFinancementsElementLibelle(x: unknown): unknown {
  if (typeof x !== "string" || x.length > 1000) return RENDU;
  return x;
}

/** fiche.financements[i] */
function ficheFinancementsElement(x: unknown): unknown {
  if (!estBloc(x)) return RENDU;
  const s: Record<string, unknown> = {};
  let vus = 0;
  let v: unknown;
  let r: unknown;
  v = x.financeur;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = identifiant(v)) === RENDU || r === undefined) return RENDU;
    s.financeur = r;
    vus++;
  }
  v = x.montant;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.montant = r;
    vus++;
  }
  v = x.depenses;
  if (v !== undefined) {
    if (v === null || (r = ficheFinancementsElementDepenses(v)) === RENDU || r === undefined) return RENDU;
    s.depenses = r;
    vus++;
  }
  v = x.forme;
  if (v !== undefined) {
    if (v === null || (r = ficheFinancementsElementForme(v)) === RENDU || r === undefined) return RENDU;
    s.forme = r;
    vus++;
  }
  v = x.regime;
  if (v !== undefined) {
    if (v === null || (r = ficheFinancementsElementRegime(v)) === RENDU || r === undefined) return RENDU;
    s.regime = r;
    vus++;
  }
  v = x.date_octroi;
  if (v !== undefined) {
    if (v === null || (r = dateIso(v)) === RENDU || r === undefined) return RENDU;
    s.date_octroi = r;
    vus++;
  }
  v = x.equivalent_subvention;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.equivalent_subvention = r;
    vus++;
  }
  v = x.reglement;
  if (v !== undefined) {
    if (v === null || (r = ficheFinancementsElementReglement(v)) === RENDU || r === undefined) return RENDU;
    s.reglement = r;
    vus++;
  }
  v = x.dispositif;
  if (v !== undefined) {
    if (v === null || (r = identifiant(v)) === RENDU || r === undefined) return RENDU;
    s.dispositif = r;
    vus++;
  }
  v = x.libelle;
  if (v !== undefined) {
    if (v === null || (r = ficheFinancementsElementLibelle(v)) === RENDU || r === undefined) return RENDU;
    s.libelle = r;
    vus++;
  }
  v = x.montant_max;
  if (v !== undefined) {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.montant_max = r;
    vus++;
  }
  return nombreDeCles(x) === vus ? s : RENDU;
}

/** fiche.financements */
function ficheFinancements(x: unknown): unknown {
  if (!Array.isArray(x)) return RENDU;
  const r = new Array<unknown>(x.length);
  for (let i = 0; i < x.length; i++) {
    const e: unknown = x[i];
    if (e === null) return RENDU; // stripped before zod (sansNulls): zod's answer may differ
    const s = ficheFinancementsElement(e);
    if (s === RENDU) return RENDU;
    r[i] = s;
  }
  if (r.length > 1000) return RENDU;
  return r;
}

/** fiche.aides_de_minimis_anterieures[i].reglement */
function ficheAidesDeMinimisAnterieuresElementReglement(x: unknown): unknown {
  if (!ficheFinancementsElementReglementPermis.has(x)) return RENDU;
  return x;
}

/** fiche.aides_de_minimis_anterieures[i].libelle */
function ficheAidesDeMinimisAnterieuresElementLibelle(x: unknown): unknown {
  if (typeof x !== "string" || x.length > 1000) return RENDU;
  return x;
}

/** fiche.aides_de_minimis_anterieures[i].secteur */
function ficheAidesDeMinimisAnterieuresElementSecteur(x: unknown): unknown {
  if (!ficheBeneficiaireSecteurPermis.has(x)) return RENDU;
  return x;
}

/** fiche.aides_de_minimis_anterieures[i] */
function ficheAidesDeMinimisAnterieuresElement(x: unknown): unknown {
  if (!estBloc(x)) return RENDU;
  const s: Record<string, unknown> = {};
  let vus = 0;
  let v: unknown;
  let r: unknown;
  v = x.date;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = dateIso(v)) === RENDU || r === undefined) return RENDU;
    s.date = r;
    vus++;
  }
  v = x.montant;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = montant(v)) === RENDU || r === undefined) return RENDU;
    s.montant = r;
    vus++;
  }
  v = x.reglement;
  if (v !== undefined) {
    if (v === null || (r = ficheAidesDeMinimisAnterieuresElementReglement(v)) === RENDU || r === undefined)
      return RENDU;
    s.reglement = r;
    vus++;
  }
  v = x.libelle;
  if (v !== undefined) {
    if (v === null || (r = ficheAidesDeMinimisAnterieuresElementLibelle(v)) === RENDU || r === undefined)
      return RENDU;
    s.libelle = r;
    vus++;
  }
  v = x.secteur;
  if (v !== undefined) {
    if (v === null || (r = ficheAidesDeMinimisAnterieuresElementSecteur(v)) === RENDU || r === undefined)
      return RENDU;
    s.secteur = r;
    vus++;
  }
  return nombreDeCles(x) === vus ? s : RENDU;
}

/** fiche.aides_de_minimis_anterieures */
function ficheAidesDeMinimisAnterieures(x: unknown): unknown {
  if (!Array.isArray(x)) return RENDU;
  const r = new Array<unknown>(x.length);
  for (let i = 0; i < x.length; i++) {
    const e: unknown = x[i];
    if (e === null) return RENDU; // stripped before zod (sansNulls): zod's answer may differ
    const s = ficheAidesDeMinimisAnterieuresElement(e);
    if (s === RENDU) return RENDU;
    r[i] = s;
  }
  if (r.length > 1000) return RENDU;
  return r;
}

/** fiche */
function fiche(x: unknown): unknown {
  if (!estBloc(x)) return RENDU;
  const s: Record<string, unknown> = {};
  let vus = 0;
  let v: unknown;
  let r: unknown;
  v = x.$schema;
  if (v !== undefined) {
    if (v === null || (r = ficheDollarSchema(v)) === RENDU || r === undefined) return RENDU;
    s.$schema = r;
    vus++;
  }
  v = x.id;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = identifiant(v)) === RENDU || r === undefined) return RENDU;
    s.id = r;
    vus++;
  }
  v = x.titre;
  if (v !== undefined) {
    if (v === null || (r = ficheTitre(v)) === RENDU || r === undefined) return RENDU;
    s.titre = r;
    vus++;
  }
  v = x.territoire;
  if (v !== undefined) {
    if (v === null || (r = ficheTerritoire(v)) === RENDU || r === undefined) return RENDU;
    s.territoire = r;
    vus++;
  }
  v = x.date_demande;
  if (v !== undefined) {
    if (v === null || (r = dateIso(v)) === RENDU || r === undefined) return RENDU;
    s.date_demande = r;
    vus++;
  }
  v = x.date_debut;
  if (v !== undefined) {
    if (v === null || (r = dateIso(v)) === RENDU || r === undefined) return RENDU;
    s.date_debut = r;
    vus++;
  }
  v = x.beneficiaire;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = ficheBeneficiaire(v)) === RENDU || r === undefined) return RENDU;
    s.beneficiaire = r;
    vus++;
  }
  v = x.localisation;
  if (v !== undefined) {
    if (v === null || (r = ficheLocalisation(v)) === RENDU || r === undefined) return RENDU;
    s.localisation = r;
    vus++;
  } else {
    s.localisation = { zone: "metropole", afr: false };
  }
  v = x.depenses;
  if (v === undefined)
    return RENDU; // required: zod's message
  else {
    if (v === null || (r = ficheDepenses(v)) === RENDU || r === undefined) return RENDU;
    s.depenses = r;
    vus++;
  }
  v = x.financements;
  if (v !== undefined) {
    if (v === null || (r = ficheFinancements(v)) === RENDU || r === undefined) return RENDU;
    s.financements = r;
    vus++;
  }
  v = x.aides_de_minimis_anterieures;
  if (v !== undefined) {
    if (v === null || (r = ficheAidesDeMinimisAnterieures(v)) === RENDU || r === undefined) return RENDU;
    s.aides_de_minimis_anterieures = r;
    vus++;
  }
  return nombreDeCles(x) === vus ? s : RENDU;
}
