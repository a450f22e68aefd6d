// The JSON shape of docs/interface.md: amounts as strings with two decimals, rates with four.
import { montantJson, tauxJson } from "./argent.js";
import type { Controle, EvaluationFiche, Marge, Resultat } from "./modele.js";
import { VERSION } from "./version.js";

export { VERSION };

export interface OptionsJson {
  /** Adds each result's reasoning steps (`expliquer`). */
  etapes?: boolean;
}

export function resultatJson(r: Resultat, o: OptionsJson = {}) {
  return {
    dispositif: r.dispositif,
    depense: r.depense,
    eligible: r.eligible,
    assiette: montantJson(r.assiette),
    taux: tauxJson(r.taux),
    plafond: montantJson(r.plafond),
    demande: montantJson(r.demande),
    depassement: montantJson(r.depassement),
    details: r.details,
    motifs: r.motifs,
    ...(o.etapes ? { etapes: r.etapes } : {}),
  };
}

export function controleJson(c: Controle) {
  return {
    controle: c.controle,
    portee: c.portee,
    conforme: c.conforme,
    valeur: montantJson(c.valeur),
    limite: montantJson(c.limite),
    ...(c.reglement !== undefined ? { reglement: c.reglement } : {}),
    ...(c.periode_debut !== undefined ? { periode_debut: c.periode_debut, periode_fin: c.periode_fin } : {}),
    ...(c.disponible !== undefined ? { disponible: montantJson(c.disponible) } : {}),
    ...(c.publication_requise !== undefined ? { publication_requise: c.publication_requise } : {}),
    ...(c.details !== undefined ? { details: c.details } : {}),
    message: c.message,
    source: c.source,
  };
}

/** The room left of a financing line (docs/interface.md « Marges »). */
export function margeJson(m: Marge) {
  return {
    ligne: m.ligne,
    financeur: m.financeur,
    dispositif: m.dispositif,
    depense: m.depense,
    demande: montantJson(m.demande),
    maximum: montantJson(m.maximum),
    marge: montantJson(m.marge),
    limite_par: m.limite_par,
  };
}

/** The beneficiary as the JSON output shows it: its size and why, its category, its activity. */
export function beneficiaireJson(b: EvaluationFiche["beneficiaire"]) {
  return b
    ? {
        taille: b.taille,
        taille_source: b.taille_source,
        categorie_entreprise: b.categorie_entreprise,
        activite_economique: b.activite_economique,
      }
    : null;
}

export function ficheJson(e: EvaluationFiche, o: OptionsJson = {}) {
  return {
    id: e.id,
    date_evaluation: e.date_evaluation,
    beneficiaire: beneficiaireJson(e.beneficiaire),
    resultats: e.resultats.map((r) => resultatJson(r, o)),
    controles: e.controles.map(controleJson),
    motifs: e.motifs,
    conforme: e.conforme,
    erreurs: e.erreurs,
    marges: e.marges.map(margeJson),
  };
}

/** Every fiche in exactly one count: a fiche without financing plan has nothing to be compliant with. */
export interface Synthese {
  fiches: number;
  conformes: number;
  non_conformes: number;
  sans_plan_de_financement: number;
  en_erreur: number;
}

/** Where a fiche's evaluation is counted in the synthesis. */
export function categorieSynthese(e: EvaluationFiche): Exclude<keyof Synthese, "fiches"> {
  if (e.erreurs.length > 0) return "en_erreur";
  if (e.controles.length === 0) return "sans_plan_de_financement";
  return e.conforme === false ? "non_conformes" : "conformes";
}

export function synthese(es: EvaluationFiche[]): Synthese {
  const s: Synthese = {
    fiches: es.length,
    conformes: 0,
    non_conformes: 0,
    sans_plan_de_financement: 0,
    en_erreur: 0,
  };
  for (const e of es) s[categorieSynthese(e)]++;
  return s;
}

export function documentJson(es: EvaluationFiche[], o: OptionsJson = {}) {
  return {
    outil: "ti-aides",
    version: VERSION,
    fiches: es.map((e) => ficheJson(e, o)),
    synthese: synthese(es),
  };
}

/** A fiche that could not be evaluated: its errors, no results. */
export function ficheEnErreur(id: string, date: string, erreurs: string[]): EvaluationFiche {
  return {
    id,
    date_evaluation: date,
    beneficiaire: null,
    resultats: [],
    controles: [],
    motifs: [],
    conforme: null,
    erreurs,
    marges: [],
  };
}
