// `expliquer`: the reasoning behind one dispositif's figures on a fiche — the steps its results
// recorded (size, conditions, row of the table, bonuses, caps, rounding), then the controls of the
// financing plan that concern it. Pure: no I/O.
import type { Controle, EvaluationFiche, Marge, Resultat } from "./modele.js";
import { beneficiaireJson, controleJson, margeJson, resultatJson } from "./document-json.js";
import type { Regle } from "./schemas/regle.js";

/** The controls that bear on the whole plan, whatever the dispositif (docs/domaine.md §3). */
const CONTROLES_D_ENSEMBLE: readonly Controle["controle"][] = [
  "equilibre",
  "de_minimis",
  "effet_incitatif",
  "participation_minimale",
];

export interface Explication {
  fiche: string;
  date_evaluation: string;
  regle: Regle;
  /** The file the rule was read from (a regional folder shows here). */
  fichier_regle: string | undefined;
  evaluation: EvaluationFiche;
  resultats: Resultat[];
  /** The controls of this dispositif or of its expenses: plafond, cumul, cofinancement, parité, transparence. */
  controles: Controle[];
  /** The controls of the whole plan (équilibre, de minimis, effet incitatif, participation minimale). */
  controles_fiche: Controle[];
  /** Expenses on which the dispositif was evaluated only for this explanation (the fiche did not ask for it). */
  ajoute_aux_depenses: string[];
}

/** The room left of the lines that pay under the dispositif explained. */
export function margesDuDispositif(x: Explication): Marge[] {
  return x.evaluation.marges.filter((m) => m.financeur === x.regle.id || m.dispositif === x.regle.id);
}

/** "ademe-investissement / chaudiere, etude" → does it name this dispositif and one of these expenses? */
function porteeDispositif(portee: string, dispositif: string, depenses: string[]): boolean {
  if (portee === dispositif) return true;
  const prefixe = `${dispositif} / `;
  if (!portee.startsWith(prefixe)) return false;
  return portee
    .slice(prefixe.length)
    .split(", ")
    .some((d) => depenses.includes(d));
}

export function controlesDuDispositif(
  controles: Controle[],
  dispositif: string,
  depenses: string[],
): Controle[] {
  return controles.filter((k) => {
    switch (k.controle) {
      case "cumul":
        return depenses.includes(k.portee);
      case "plafond":
      case "cofinancement":
      case "parite":
      case "transparence":
        return porteeDispositif(k.portee, dispositif, depenses);
      default:
        return false;
    }
  });
}

export function expliquer(
  e: EvaluationFiche,
  regle: Regle,
  o: { depense?: string; fichierRegle?: string; ajouteAuxDepenses?: string[] } = {},
): Explication {
  const resultats = e.resultats.filter(
    (r) => r.dispositif === regle.id && (o.depense === undefined || r.depense === o.depense),
  );
  const depenses = resultats.map((r) => r.depense);
  return {
    fiche: e.id,
    date_evaluation: e.date_evaluation,
    regle,
    fichier_regle: o.fichierRegle,
    evaluation: e,
    resultats,
    controles: controlesDuDispositif(e.controles, regle.id, depenses),
    controles_fiche: e.controles.filter((k) => CONTROLES_D_ENSEMBLE.includes(k.controle)),
    ajoute_aux_depenses: o.ajouteAuxDepenses ?? [],
  };
}

/** The JSON trace, for other tools: the results with their steps, in docs/interface.md's field shapes. */
export function explicationJson(x: Explication) {
  return {
    fiche: x.fiche,
    date_evaluation: x.date_evaluation,
    dispositif: {
      id: x.regle.id,
      nom: x.regle.nom,
      operateur: x.regle.operateur,
      source: x.regle.source,
      fichier: x.fichier_regle ?? null,
    },
    ajoute_aux_depenses: x.ajoute_aux_depenses,
    beneficiaire: beneficiaireJson(x.evaluation.beneficiaire),
    resultats: x.resultats.map((r) => resultatJson(r, { etapes: true })),
    controles: x.controles.map(controleJson),
    controles_fiche: x.controles_fiche.map(controleJson),
    marges: margesDuDispositif(x).map(margeJson),
    motifs_fiche: x.evaluation.motifs,
    conforme: x.evaluation.conforme,
  };
}
