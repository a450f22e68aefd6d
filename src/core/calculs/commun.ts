// What every kind of calculation takes and gives, and the reading of a dated parameter.
import type { Dec } from "../argent.js";
import type { Entrees } from "../champs.js";
import { motifAVerifier } from "../actualite.js";
import { dateFr } from "../dates.js";
import type { Etape, Motif } from "../modele.js";
import { valeurA, type Lecture, type Parametre } from "../parametres.js";
import type { Regle } from "../schemas/regle.js";

export interface EntreeCalcul extends Entrees {
  regle: Regle;
  date: string;
}

export interface SortieCalcul {
  /** false when the calculation itself rules the expense out (e.g. a category with no row). */
  eligible: boolean;
  assiette: Dec | null;
  taux: Dec | null;
  plafond: Dec | null;
  intensite: Dec | null;
  details: Record<string, string | number | boolean | null>;
  motifs: Motif[];
  etapes: Etape[];
}

export function sortieVide(): SortieCalcul {
  return { eligible: true, assiette: null, taux: null, plafond: null, intensite: null, details: {}, motifs: [], etapes: [] };
}

/**
 * The value of a dated parameter at the evaluation date; warns when the date is outside its validity,
 * and when its last check is more than a year old (`a_verifier`, domaine.md §0).
 */
export function lire<T>(p: Parametre<T>, date: string, motifs: Motif[]): Lecture<T> {
  const v = valeurA(p, date);
  if (v.hors_periode === "avant") {
    motifs.push({
      code: "date_avant_vigueur",
      niveau: "avertissement",
      message: `Date d'évaluation ${dateFr(date)} antérieure à la première valeur connue (${dateFr(v.depuis)}) : cette valeur est appliquée faute d'antérieure.`,
      source: v.source,
    });
  } else if (v.hors_periode === "apres") {
    motifs.push({
      code: "date_apres_vigueur",
      niveau: "avertissement",
      message: `Date d'évaluation ${dateFr(date)} postérieure à la fin de validité (${dateFr(v.jusqu_au!)}) de cette valeur : vérifiez qu'elle s'applique encore.`,
      source: v.source,
    });
  }
  const actualite = motifAVerifier(v, date);
  if (actualite) motifs.push(actualite);
  if (v.a_confirmer) {
    motifs.push({ code: "valeur_a_confirmer", niveau: "avertissement", message: `Valeur à confirmer au texte : ${v.note ?? v.source}.`, source: v.source });
  }
  return v;
}
