// Schemas of the regulatory parameter files (rules/parametres/*.yaml).
import { z } from "zod";
import { parametre } from "../parametres.js";
import {
  auPremierUsage,
  schemasCommuns,
  REGLEMENTS,
  NATURES_BENEFICIAIRE,
  NATURES_DEPENSE,
  REGIMES,
  ZONES,
} from "./communs.js";

function construire() {
  const { montant, nombre, taux } = schemasCommuns();
  const seuilsClasse = z.strictObject({
    effectif_moins_de: nombre,
    chiffre_affaires_max: montant,
    total_bilan_max: montant,
  });

  /** rules/parametres/taille-entreprise.yaml — EU SME definition (Reg. 651/2014, Annex I). */
  const tailleEntrepriseSchema = z.strictObject({
    $schema: z.string().optional(),
    seuils: parametre(
      z.strictObject({
        micro: seuilsClasse,
        PE: seuilsClasse,
        ME: seuilsClasse,
        detention_publique_min: taux,
        eti_effectif_moins_de: nombre,
        // Seconde édition, point 5 : le critère financier de l'ETI (décret 2008-1354, art. 3).
        eti_chiffre_affaires_max: montant.optional(),
        eti_total_bilan_max: montant.optional(),
      }),
    ),
  });

  const plafondDeMinimis = z.strictObject({
    reglement_ue: z.string(),
    plafond: montant,
    plafond_transport_routier: montant.optional(),
    /** exercices: current and two previous fiscal years; glissante: the three years ending on the grant date. */
    periode: z.enum(["exercices", "glissante"]),
    annees: nombre,
    // Seconde édition, point 3 : les autres règlements de minimis dont ce plafond compte aussi les aides.
    compte_aussi: z.array(z.enum(REGLEMENTS)).optional(),
  });

  /** rules/parametres/de-minimis.yaml — ceilings by regulation, dated by grant date. */
  const deMinimisSchema = z.strictObject({
    $schema: z.string().optional(),
    general: parametre(plafondDeMinimis),
    agricole: parametre(plafondDeMinimis),
    peche: parametre(plafondDeMinimis),
    sieg: parametre(plafondDeMinimis),
  });

  /** rules/parametres/transparence.yaml — GBER art. 9 publication thresholds. */
  const transparenceSchema = z.strictObject({
    $schema: z.string().optional(),
    seuils: parametre(z.strictObject({ general: montant, agriculture: montant, peche: montant })),
  });

  /** rules/parametres/participation-minimale.yaml — CGCT art. L1111-10 III. */
  const participationMinimaleSchema = z.strictObject({
    $schema: z.string().optional(),
    part_minimale: parametre(taux),
    // Seconde édition, point 4 : les collectivités d'outre-mer que l'article exempte, et les mots qui
    // font reconnaître un groupement de collectivités déclaré établissement public.
    exemption_outre_mer: parametre(z.strictObject({ territoires: z.array(z.string()).min(1) })).optional(),
    noms_de_groupement: z
      .strictObject({ mots: z.array(z.string()).min(1), source: z.string().min(3) })
      .optional(),
  });

  /** rules/parametres/territoires.yaml — the Territoires d'industrie named in the guide (fiche 4). */
  const territoiresSchema = z.strictObject({
    $schema: z.string().optional(),
    source: z.string(),
    depuis: z.string(),
    territoires: z
      .array(
        z.strictObject({
          nom: z.string(),
          // Seconde édition : le nom juste quand la liste du guide a une coquille (« Grand Anancy », l.492).
          alias: z.array(z.string()).optional(),
          region: z.string().optional(),
          ligne: z.number().int().optional(),
        }),
      )
      .min(1),
  });
  /** rules/parametres/reglements.yaml — the EU regulations the controls are made under, and their end (second edition). */
  const reglementsSchema = z.strictObject({
    $schema: z.string().optional(),
    rgec: parametre(z.strictObject({ reglement_ue: z.string(), nom: z.string() })),
  });
  /** rules/parametres/carte-afr.yaml — where to find whether a site is in an AFR zone (the interactive mode). */
  const carteAfrSchema = z.strictObject({
    $schema: z.string().optional(),
    decrets: parametre(z.strictObject({ decret: z.string().min(3), periode: z.string().min(4) })),
    ou_la_trouver: z.string().min(3),
    avertissement: z.strictObject({ source: z.string().min(3) }),
  });
  /** rules/parametres/libelles.yaml — the words a person may write for a closed choice of a fiche. */
  const libelle = z.strictObject({ textes: z.array(z.string().min(2)).min(1), source: z.string().min(3) });
  const libellesSchema = z.strictObject({
    $schema: z.string().optional(),
    nature: z.partialRecord(z.enum(NATURES_DEPENSE), libelle).default({}),
    nature_beneficiaire: z.partialRecord(z.enum(NATURES_BENEFICIAIRE), libelle).default({}),
    zone: z.partialRecord(z.enum(ZONES), libelle).default({}),
    regime: z.partialRecord(z.enum(REGIMES), libelle).default({}),
  });
  return {
    reglementsSchema,
    tailleEntrepriseSchema,
    plafondDeMinimis,
    deMinimisSchema,
    transparenceSchema,
    participationMinimaleSchema,
    territoiresSchema,
    libellesSchema,
    carteAfrSchema,
  };
}

type Schemas = ReturnType<typeof construire>;
/** Built when first used: a command that finds its rules in the cache never builds them. */
export const schemasParametres = auPremierUsage(construire);

export type TailleEntreprise = z.output<Schemas["tailleEntrepriseSchema"]>;
export type DeMinimis = z.output<Schemas["deMinimisSchema"]>;
export type PlafondDeMinimis = z.output<Schemas["plafondDeMinimis"]>;
export type Transparence = z.output<Schemas["transparenceSchema"]>;
export type ParticipationMinimale = z.output<Schemas["participationMinimaleSchema"]>;
export type Territoires = z.output<Schemas["territoiresSchema"]>;
export type Reglements = z.output<Schemas["reglementsSchema"]>;
export type Libelles = z.output<Schemas["libellesSchema"]>;
export type CarteAfr = z.output<Schemas["carteAfrSchema"]>;
