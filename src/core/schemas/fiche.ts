// The schema of a fiche-action (docs/interface.md « Une fiche »). Unknown fields are refused.
import { z } from "zod";
import { schemaDateIso } from "../parametres.js";
import { entierFr } from "../format.js";
import { sirenSansEspaces, sirenValide } from "./lectures.js";
import {
  auPremierUsage,
  schemasCommuns,
  FORMES,
  NATURES_BENEFICIAIRE,
  NATURES_DEPENSE,
  NIVEAUX,
  REGIMES,
  REGLEMENTS,
  SECTEURS,
  TAILLES,
  TYPES_CONTRAT,
  VOCATIONS,
  ZONES,
} from "./communs.js";

/**
 * Lines of one fiche at most. A fiche-action has a few expenses and financers; thousands of lines are
 * a whole contract pasted into one fiche, and would take seconds to evaluate (1 ms a line).
 */
const LIGNES_MAX = 1000;
const MAX_TEXTE = entierFr(LIGNES_MAX);
const auPlus = (quoi: string) =>
  `au plus ${MAX_TEXTE} ${quoi} par fiche : une fiche-action n'en a que quelques-unes ; mettez chaque action dans sa fiche et vérifiez-les ensemble avec « ti-aides verifier DOSSIER »`;
// The undertaking's earlier aid is the same for all its fiches: split, it would escape the de minimis sum.
const AIDES_ANTERIEURES_MAX = `au plus ${MAX_TEXTE} aides de minimis antérieures par fiche : regroupez en une ligne les aides octroyées à une même date`;

/**
 * The fiche's schemas, built at their first use: a valid fiche is checked by its generated validator
 * (validation-fiche.generee.ts), so that `simuler` on a valid fiche never builds them (~15 ms at each
 * start: docs/performance.md); zod decides, and words the messages, for a fiche it hands over.
 */
export const schemasFiche = auPremierUsage(construireSchemas);

function construireSchemas() {
  const { entier, fractionSignee, montant, nombre, taux } = schemasCommuns();
  const dateIso = schemaDateIso();
  const identifiant = z
    .string({ error: "un identifiant (texte) est attendu" })
    .min(1, "l'identifiant est vide")
    .max(200, "identifiant trop long (200 caractères au plus)");

  const siren = z.union([z.string(), z.number()]).transform(sirenSansEspaces).refine(sirenValide, {
    message: "SIREN invalide : 9 chiffres dont le dernier est la clé de Luhn (ex. 123456782)",
  });

  const groupe = z.strictObject({
    effectif: nombre.optional(),
    chiffre_affaires: montant.optional(),
    total_bilan: montant.optional(),
  });

  const beneficiaire = z.strictObject({
    nom: z.string().min(1).max(500).optional(),
    siren: siren.optional(),
    nature: z.enum(NATURES_BENEFICIAIRE).default("entreprise"),
    activite_economique: z.boolean().optional(),
    effectif: nombre.optional(),
    chiffre_affaires: montant.optional(),
    total_bilan: montant.optional(),
    taille: z.enum(TAILLES).optional(),
    detenu_public_25: z.boolean().optional(),
    groupe: groupe.optional(),
    entreprise_unique: identifiant.optional(),
    exercice_debut: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "début d'exercice au format MM-JJ (ex. 07-01)")
      .optional(),
    derogation_participation: z.boolean().optional(),
    secteur: z.enum(SECTEURS).optional(),
    taux_is: taux.optional(),
  });

  const depense = z.strictObject({
    id: identifiant,
    libelle: z.string().max(1000).optional(),
    dispositifs: z.array(identifiant).optional(),
    nature: z.enum(NATURES_DEPENSE),
    categorie: z.string().max(100).optional(),
    montant,
    cout_reference: montant.optional(),
    taux_max: taux.optional(),
    duree_mois: nombre.optional(),
    prestataire_externe: z.boolean().optional(),
    date_commande: dateIso.optional(),
    date_acquisition: dateIso.optional(),
    acompte: montant.optional(),
    date_acompte: dateIso.optional(),
    salaire_brut_annuel: montant.optional(),
    duree_annees: nombre.optional(),
    etp: nombre.optional(),
    poste_annuel: montant.optional(),
    communication_annuel: montant.optional(),
    petit_equipement: montant.optional(),
    economie_annuelle_prevue: montant.optional(),
    effectif_etablissement: nombre.optional(),
    heures: nombre.optional(),
    type_contrat: z.enum(TYPES_CONTRAT).optional(),
    duree_contrat_mois: nombre.optional(),
    niveau: z.enum(NIVEAUX).optional(),
    jours: entier.optional(),
    collectif: z.boolean().optional(),
    part_capital: taux.optional(),
    rentabilite_prevue: fractionSignee.optional(),
    ouvert_aux_tiers: z.boolean().optional(),
    duree_amorcage_annees: nombre.optional(),
    droits_vote_filiere: taux.optional(),
    vocation: z.enum(VOCATIONS).optional(),
    renouvellement: z.boolean().optional(),
  });

  const financement = z.strictObject({
    financeur: identifiant,
    montant,
    depenses: z.array(identifiant).min(1, "la liste des dépenses financées est vide").optional(),
    forme: z.enum(FORMES).optional(),
    regime: z.enum(REGIMES).optional(),
    date_octroi: dateIso.optional(),
    equivalent_subvention: montant.optional(),
    reglement: z.enum(REGLEMENTS).optional(),
    dispositif: identifiant.optional(),
    libelle: z.string().max(1000).optional(),
    // The most this financer will give (its budget): `ti-aides proposer` never proposes more.
    montant_max: montant.optional(),
  });

  const aideAnterieure = z.strictObject({
    date: dateIso,
    montant,
    reglement: z.enum(REGLEMENTS).optional(),
    libelle: z.string().max(1000).optional(),
    secteur: z.enum(SECTEURS).optional(),
  });

  const fiche = z.strictObject({
    $schema: z.string().optional(),
    id: identifiant,
    titre: z.string().max(1000).optional(),
    territoire: z.string().max(200).optional(),
    date_demande: dateIso.optional(),
    date_debut: dateIso.optional(),
    beneficiaire,
    localisation: z
      .strictObject({ zone: z.enum(ZONES).default("metropole"), afr: z.boolean().default(false) })
      .default({ zone: "metropole", afr: false }),
    depenses: z.array(depense).min(1, "une fiche a au moins une dépense").max(LIGNES_MAX, auPlus("dépenses")),
    financements: z.array(financement).max(LIGNES_MAX, auPlus("lignes de financement")).optional(),
    aides_de_minimis_anterieures: z.array(aideAnterieure).max(LIGNES_MAX, AIDES_ANTERIEURES_MAX).optional(),
  });

  return { fiche, beneficiaire, depense, financement, aideAnterieure };
}

type Schemas = ReturnType<typeof construireSchemas>;
export type Fiche = z.output<Schemas["fiche"]>;
export type FicheBrute = z.input<Schemas["fiche"]>;
export type Depense = z.output<Schemas["depense"]>;
export type Financement = z.output<Schemas["financement"]>;
export type Beneficiaire = z.output<Schemas["beneficiaire"]>;
export type AideAnterieure = z.output<Schemas["aideAnterieure"]>;
