// What the report is drawn from: the JSON output's document (core/document-json.ts, and for a
// contract core/contrat-json.ts's block), with, for each fiche, the fiche as read — its title, its
// beneficiary's name, its expenses and financing lines, which the JSON does not repeat.
import type { Synthese, ficheJson } from "../../core/document-json.js";
import type { contratJson } from "../../core/contrat-json.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import { nomFinanceur } from "../../core/marges/financeurs.js";
import type { Referentiel } from "../../core/regles/referentiel.js";

/** A fiche of the JSON output. */
export type FicheJson = ReturnType<typeof ficheJson>;
export type ContratJson = ReturnType<typeof contratJson>;
export type ControleJson = FicheJson["controles"][number];

export interface FicheDuRapport {
  json: FicheJson;
  /** The fiche as read; absent when it could not be read. */
  fiche?: Fiche;
  /** A CSV row's one expense as its messages name it (« la dépense de la ligne (colonne « Montant ») »). */
  nomDepense?: string;
}

export interface DocumentRapport {
  /** What the report is about: the contract's title, the file read… */
  titre: string;
  /** The command that wrote it, said in the page's header ("ti-aides verifier …"). */
  commande: string;
  version: string;
  fiches: FicheDuRapport[];
  synthese: Synthese;
  /** `verifier` and `lot`: the contract's block of the JSON output. */
  contrat?: ContratJson;
  /** A financer as a person names it: « Région », « ADEME (ademe-investissement) » (never its id alone). */
  nomFinanceur: NommerFinanceur;
}

export type NommerFinanceur = (financeur: string, dispositif?: string | null) => string;

/** The JSON output's document, as simuler, lot and verifier write it. */
export interface DocumentJson {
  version: string;
  fiches: FicheJson[];
  synthese: Synthese;
  contrat?: ContratJson;
}

/** The report's data: the JSON document, each fiche beside the fiche it was read from (same order). */
export function documentRapport(
  d: DocumentJson,
  lues: { fiche?: Fiche; nomDepense?: string }[],
  commande: string,
  ref: Referentiel,
): DocumentRapport {
  const nomContrat = d.contrat?.titre ? `« ${d.contrat.titre} »` : d.contrat?.id;
  const titre = nomContrat
    ? `Rapport du contrat ${nomContrat}`
    : d.fiches.length === 1
      ? `Rapport de la fiche ${d.fiches[0].id}`
      : `Rapport de ${d.fiches.length} fiches`;
  return {
    titre,
    commande,
    version: d.version,
    fiches: d.fiches.map((json, i) => ({ json, fiche: lues[i]?.fiche, nomDepense: lues[i]?.nomDepense })),
    synthese: d.synthese,
    contrat: d.contrat,
    nomFinanceur: (financeur, dispositif) => nomFinanceur({ financeur, dispositif: dispositif ?? null }, ref),
  };
}
