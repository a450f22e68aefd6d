// The schema of a dispositif's rule file (rules/dispositifs/*.yaml).
import { z } from "zod";
import { dateIso, parametre } from "../parametres.js";
import { auPremierUsage, montant, nombre, taux, NATURES_DEPENSE, REGIMES, THEMES } from "./communs.js";

function construire() {
  const code = z.string().regex(/^[a-z0-9_]+$/, "un code en minuscules et _ est attendu");

  /** Rates by size, or one rate for all (PE/ME/GE and the non-economic column). */
  const tauxParTaille = z.union([
    taux,
    z.strictObject({ PE: taux, ME: taux, GE: taux, non_economique: taux }),
  ]);

  const valeurSimple = z.union([z.string(), z.number(), z.boolean()]);

  /** A test on one input field; the comparison figures carry the condition's source and dates. */
  const test = z.strictObject({
    champ: z.string().regex(/^(depense|beneficiaire|fiche|financement)\.[a-z0-9_]+$/, "champ attendu : depense.x, beneficiaire.x, fiche.x ou financement.x"),
    egal: valeurSimple.optional(),
    dans: z.array(valeurSimple).optional(),
    au_moins: nombre.optional(),
    au_plus: nombre.optional(),
    moins_de: nombre.optional(),
    plus_de: nombre.optional(),
    connu: z.literal(true).optional(),
  });

  const condition = test.extend({
    code,
    niveau: z.enum(["erreur", "avertissement"]).default("erreur"),
    /** Printed when the test fails; {valeur} is the input, {champ} its name. */
    message: z.string().min(3),
    source: z.string().min(3),
    depuis: dateIso.optional(),
    jusqu_au: dateIso.optional(),
    si: test.optional(),
    // Seconde édition, point 8 : la date où la condition a été vérifiée à sa source (actualité).
    verifie_le: dateIso.optional(),
  });

  const calculTaux = z.strictObject({
    type: z.literal("taux"),
    /** montant, or the extra cost over a reference investment (montant − cout_reference). */
    assiette: z.enum(["montant", "surcout"]).default("montant"),
    taux: parametre(tauxParTaille).optional(),
    taux_par_categorie: z.record(z.string(), parametre(tauxParTaille)).optional(),
    plafond_assiette_par_categorie: z.record(z.string(), parametre(montant)).optional(),
    bonus_zone: parametre(z.strictObject({ outre_mer: taux, corse: taux, afr_metropole: taux })).optional(),
    bonus_forme: parametre(z.record(z.string(), taux)).optional(),
    // Seconde édition, point 1 : la majoration de la forme ne vaut que pour une aide remboursable
    // « sans calcul d'un équivalent-subvention brut » (Guide fiche 8, l.920).
    bonus_forme_sans_equivalent_subvention: z.strictObject({ source: z.string().min(3) }).optional(),
    taux_max: parametre(taux),
    /** Cap on each expense line (per study, per post). */
    plafond: parametre(montant).optional(),
    /** Cap on the sum over the fiche's expenses (per project). */
    plafond_projet: parametre(montant).optional(),
    /** PIA filières: regional or national track by the aid asked. */
    volets: z
      .strictObject({ seuil_national: parametre(montant), champ_vocation: z.string(), vocation_regionale: z.string() })
      .optional(),
    /** The other financers must bring at least this share of the expense (fiche 1). */
    cofinancement_min: parametre(taux).optional(),
    /** The named financers pay in equal parts (fiche 21). */
    parite: z.array(z.string()).optional(),
  }).refine((c) => c.taux || c.taux_par_categorie, { message: "`taux` ou `taux_par_categorie` est obligatoire" });

  const tranche = z.strictObject({
    effectif_min: nombre,
    effectif_moins_de: nombre.optional(),
    effectif_au_plus: nombre.optional(),
    minimum_economie: montant,
    forfait: montant,
    paye_a: z.string(),
  });

  const calculForfait = z.strictObject({
    type: z.literal("forfait_par_tranche"),
    champ_effectif: z.string(),
    champ_economie: z.string(),
    tranches: parametre(z.array(tranche).min(1)),
  });

  const poste = z.strictObject({
    code,
    libelle: z.string(),
    /** The expense field holding the amount asked (yearly, or once); absent: the cap itself. */
    champ: z.string().optional(),
    plafond: parametre(montant),
    /** The cap is for full time: multiplied by this field (e.g. etp). */
    prorata: z.string().optional(),
    /** The cap is per structure: across the fiche's lines of this dispositif it caps their sum. */
    par_structure: z.boolean().optional(),
  });

  const calculDotation = z.strictObject({
    type: z.literal("dotation_annuelle"),
    champ_duree: z.string(),
    duree_max_annees: parametre(nombre),
    annuel: z.array(poste).default([]),
    ponctuel: z.array(poste).default([]),
  });

  const calculDeduction = z.strictObject({
    type: z.literal("deduction_fiscale"),
    taux: parametre(taux),
    taux_is_defaut: parametre(taux),
    calendrier: parametre(
      // Seconde édition, point 6 : bornes incluses, comme le CGI, art. 39 decies B (« à compter du
      // 20 septembre 2018 », acompte versé « au plus tard le 31 décembre 2020 »).
      z.strictObject({
        commande_a_partir_du: dateIso,
        acquisition_du: dateIso,
        acquisition_au: dateIso,
        acompte_min: taux,
        acompte_au_plus_tard: dateIso,
        livraison_mois_max: nombre,
      }),
    ),
  });

  const calculMarche = z.strictObject({
    type: z.literal("financement_marche"),
    /** Share of the expense a loan may cover ("quotités jusqu'à 100 %"). */
    quotite_pret: parametre(taux),
  });

  const calculEligibilite = z.strictObject({ type: z.literal("eligibilite") });

  const calcul = z.discriminatedUnion("type", [
    calculTaux,
    calculForfait,
    calculDotation,
    calculDeduction,
    calculMarche,
    calculEligibilite,
  ]);

  const regleSchema = z.strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/, "un identifiant en minuscules et tirets est attendu"),
    nom: z.string(),
    operateur: z.string(),
    fiche: z.number().int().min(1).optional(),
    theme: z.enum(THEMES),
    source: z.string(),
    offre: z.string(),
    contact: z.string().optional(),
    beneficiaires: z.string().optional(),
    s_applique_a: z.strictObject({
      natures: z.array(z.enum(NATURES_DEPENSE)).optional(),
      categories: z.array(z.string()).optional(),
      /** Also applies to an expense of these natures that has this field (e.g. economie_annuelle_prevue). */
      si_champ: z.string().optional(),
    }),
    /** Regime of a line paying under this dispositif when the user does not say; `fiscal` is no financing line. */
    regime_defaut: z.enum([...REGIMES, "fiscal"]),
    /** Whether its aid is State aid (counted in cumul and de minimis). */
    aide_etat: z.boolean().default(true),
    valable_jusqu_au: z.strictObject({ date: dateIso, source: z.string() }).optional(),
    // Seconde édition, point 8 : le début de validité que la source donne (VTE « dès la rentrée 2019 »).
    valable_a_partir_du: z.strictObject({ date: dateIso, source: z.string() }).optional(),
    /** An info motif when other public financers share the expense (e.g. Guide fiche 8, l.922). */
    si_cofinancement_public: z.strictObject({ message: z.string(), source: z.string() }).optional(),
    champs: z.array(z.string()).default([]),
    /** Issue 12: the words a person may write for a category (the guide's label, plain synonyms), with their source. */
    libelles: z.record(code, z.strictObject({ textes: z.array(z.string().min(2)).min(1), source: z.string().min(3) })).optional(),
    conditions: z.array(condition).default([]),
    calcul,
  });
  return { tauxParTaille, condition, calculTaux, calculForfait, calculDotation, calculDeduction, calculMarche, calcul, regleSchema };
}

type Schemas = ReturnType<typeof construire>;
export const schemasRegle = auPremierUsage(construire);

export type RegleBrute = z.input<Schemas["regleSchema"]>;
export type Regle = z.output<Schemas["regleSchema"]>;
export type Condition = z.output<Schemas["condition"]>;
export type Calcul = z.output<Schemas["calcul"]>;
export type CalculTaux = z.output<Schemas["calculTaux"]>;
export type CalculForfait = z.output<Schemas["calculForfait"]>;
export type CalculDotation = z.output<Schemas["calculDotation"]>;
export type CalculDeduction = z.output<Schemas["calculDeduction"]>;
export type CalculMarche = z.output<Schemas["calculMarche"]>;
export type TauxParTaille = z.output<Schemas["tauxParTaille"]>;

/** A dispositif's rule file (rules/dispositifs/*.yaml), built when first used. */
export const regleSchema = z.lazy(() => schemasRegle().regleSchema);
