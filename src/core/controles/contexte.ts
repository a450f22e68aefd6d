// What the controls of a financing plan read: the fiche, its results, its normalised lines and how
// each line is shared between the expenses it finances.
import type { Dec } from "../argent.js";
import type { Ligne } from "../financements.js";
import type { BeneficiaireEvalue, Controle, Motif, NomControle, Resultat } from "../modele.js";
import type { Referentiel } from "../regles/referentiel.js";
import type { Reglement } from "../schemas/communs.js";
import type { Fiche } from "../schemas/fiche.js";
import type { MessagesEcrits } from "./messages.js";

/** De minimis aid granted elsewhere to the same undertaking (previous aid, other fiches of a contract). */
export interface AideDeMinimis {
  date: string;
  montant: Dec;
  reglement: Reglement;
  /** Where it comes from, for messages: "aide antérieure", "fiche TI-03"… */
  origine: string;
  /** The financing line of this fiche it is, when it is one. */
  ligne?: number;
}

export interface ContexteControles {
  fiche: Fiche;
  ref: Referentiel;
  date: string;
  benef: BeneficiaireEvalue;
  lignes: Ligne[];
  resultats: Resultat[];
  /** Per line index: its amount on each expense it finances (shares exact to the cent). */
  parts: Map<number, Map<string, Dec>>;
  /** The same for the amount that counts as aid. */
  partsAide: Map<number, Map<string, Dec>>;
  /** De minimis aid from other fiches of the same contract. */
  autresDeMinimis: AideDeMinimis[];
  motifs: Motif[];
  /**
   * Figures and verdicts only: the controls leave `message` empty. For the trial amounts of the room
   * left (marges/) and the probes of `proposer`, which read no message: formatting amounts in French
   * was most of their cost (issue 20). Every other field is the same as in a full run
   * (test/controles/chiffres-seulement.test.ts).
   */
  chiffresSeulement?: boolean;
  /**
   * "anomalies": the messages of the anomalies only (failed, not evaluable, to publish: estAnomalie,
   * messages.ts), for a renderer that shows no other (the CSV cells of `lot`); the other controls leave
   * `message` empty, every other field as in a full run (test/controles/messages-des-anomalies.test.ts).
   * Unset: every message is written.
   */
  messages?: MessagesEcrits;
}

export type Verification = (c: ContexteControles) => Controle[];

/** A control: its id in the output, its name for a person (tables, `expliquer`, `verifier`), its function. */
export interface DefinitionControle {
  id: NomControle;
  nom: string;
  controler: Verification;
}
