// ti-aides as a library: the pure core (rules, evaluation, JSON shape) and the rules on disk.
import { schemasFiche } from "./core/schemas/fiche.js";
import { schemasRegle } from "./core/schemas/regle.js";

export { evaluerFiche, dispositifsParDefaut, type OptionsEvaluation } from "./core/evaluer.js";
export { lireFiche, validerFiche } from "./core/fiche.js";
export { lireDocument, type DocumentSource } from "./core/document.js";
export { evaluerSource, type FicheSource, type FicheEvaluee } from "./core/fiche-lue.js";
export { fichesDuDocument, lireContrat } from "./core/fiches-du-document.js";
export {
  evaluerContrat,
  type OptionsContrat,
  type ResultatContrat,
  type Doublon,
} from "./core/evaluer-contrat.js";
export type {
  BilanContrat,
  ControleContrat,
  MotifContrat,
  TotauxContrat,
  MontantFinanceur,
  Lieu,
} from "./core/contrat.js";
export type { Contrat } from "./core/schemas/contrat.js";
export {
  construireReferentiel,
  lireRegle,
  type Referentiel,
  type FichierTexte,
} from "./core/regles/referentiel.js";
export { documentJson, ficheJson, synthese, VERSION } from "./core/document-json.js";
export { ErreurSaisie, formaterProbleme, type ProblemeSaisie } from "./core/erreurs.js";
export type { EvaluationFiche, Resultat, Controle, Motif, Etape, BeneficiaireEvalue } from "./core/modele.js";
export type { Fiche, Depense, Financement } from "./core/schemas/fiche.js";
export type { Regle } from "./core/schemas/regle.js";
export type { AideDeMinimis } from "./core/controles/contexte.js";
/** The fiche's zod schema, built when the library loads (the command line builds it only when a fiche
 *  needs zod: src/core/fiche.ts). */
export const ficheSchema = schemasFiche().fiche;
export {
  proposerPlan,
  type Proposition,
  type LigneProposee,
  type Limite,
  type OptionsProposition,
} from "./core/proposition/proposer.js";
export { chargerRegles, DOSSIER_REGLES } from "./regles-disque.js";

/** A rule file's schema, as the full zod object (.shape, .extend…); the command line builds it only when a rule file is read. */
export const regleSchema = schemasRegle().regleSchema;
