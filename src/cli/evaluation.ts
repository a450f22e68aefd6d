// Evaluating the fiches read from files: a bad fiche becomes a fiche in error, the others go on.
import { ErreurSaisie, formaterProbleme } from "../core/erreurs.js";
import { evaluerFiche, type OptionsEvaluation } from "../core/evaluer.js";
import { validerFiche } from "../core/fiche.js";
import { lireChoixEnClair } from "../core/libelles.js";
import type { EvaluationFiche } from "../core/modele.js";
import type { Referentiel } from "../core/regles/referentiel.js";
import type { Fiche } from "../core/schemas/fiche.js";
import { ficheEnErreur } from "../core/sortie-json.js";
import { aujourdhui } from "../core/dates.js";
import { localiser, type FicheSource } from "./entrees.js";

export interface FicheEvaluee {
  evaluation: EvaluationFiche;
  fiche?: Fiche;
  source: FicheSource;
  /** The user's mistakes in this fiche, with file, line and field. */
  erreur?: ErreurSaisie;
}

/** Validates a fiche; natures, zones and regimes written in words are read first (core/libelles.ts). */
export function lireEtValider(source: FicheSource, ref: Referentiel): Fiche {
  const donnees = lireChoixEnClair(source.doc.donnees, source.chemin, ref);
  return validerFiche({ ...source.doc, donnees }, source.chemin);
}

export function evaluerSource(source: FicheSource, ref: Referentiel, options: OptionsEvaluation = {}): FicheEvaluee {
  let fiche: Fiche | undefined;
  try {
    fiche = lireEtValider(source, ref);
    return { evaluation: evaluerFiche(fiche, ref, options), fiche, source };
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    const erreur = localiser(e, source);
    const id = fiche?.id ?? idBrut(source) ?? source.doc.fichier;
    return { evaluation: ficheEnErreur(id, options.date ?? fiche?.date_demande ?? aujourdhui(), erreur.problemes.map(formaterProbleme)), fiche, source, erreur };
  }
}

export function idBrut(source: FicheSource): string | undefined {
  let v: unknown = source.doc.donnees;
  for (const k of source.chemin) v = (v as Record<PropertyKey, unknown> | undefined)?.[k];
  const id = (v as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}
