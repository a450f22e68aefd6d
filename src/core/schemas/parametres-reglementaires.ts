// Schemas of the regulatory parameter files (rules/parametres/*.yaml).
import { z } from "zod";
import { parametre } from "../parametres.js";
import { auPremierUsage, montant, nombre, taux, NATURES_BENEFICIAIRE, NATURES_DEPENSE, REGIMES, ZONES } from "./communs.js";

function construire() {
  const seuilsClasse = z.strictObject({ effectif_moins_de: nombre, chiffre_affaires_max: montant, total_bilan_max: montant });

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
  });

  /** rules/parametres/territoires.yaml — the Territoires d'industrie named in the guide (fiche 4). */
  const territoiresSchema = z.strictObject({
    $schema: z.string().optional(),
    source: z.string(),
    depuis: z.string(),
    territoires: z.array(z.strictObject({ nom: z.string(), region: z.string().optional(), ligne: z.number().int().optional() })).min(1),
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
  return { tailleEntrepriseSchema, plafondDeMinimis, deMinimisSchema, transparenceSchema, participationMinimaleSchema, territoiresSchema, libellesSchema };
}

type Schemas = ReturnType<typeof construire>;
const schemasParametres = auPremierUsage(construire);

export type TailleEntreprise = z.output<Schemas["tailleEntrepriseSchema"]>;
export type DeMinimis = z.output<Schemas["deMinimisSchema"]>;
export type PlafondDeMinimis = z.output<Schemas["plafondDeMinimis"]>;
export type Transparence = z.output<Schemas["transparenceSchema"]>;
export type ParticipationMinimale = z.output<Schemas["participationMinimaleSchema"]>;
export type Territoires = z.output<Schemas["territoiresSchema"]>;
export type Libelles = z.output<Schemas["libellesSchema"]>;

export const tailleEntrepriseSchema = z.lazy(() => schemasParametres().tailleEntrepriseSchema);
export const deMinimisSchema = z.lazy(() => schemasParametres().deMinimisSchema);
export const transparenceSchema = z.lazy(() => schemasParametres().transparenceSchema);
export const participationMinimaleSchema = z.lazy(() => schemasParametres().participationMinimaleSchema);
export const territoiresSchema = z.lazy(() => schemasParametres().territoiresSchema);
export const libellesSchema = z.lazy(() => schemasParametres().libellesSchema);
