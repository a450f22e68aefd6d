// The built-in rules and a helper to build fiches for the unit tests of the core.
import { evaluerFiche, type OptionsEvaluation } from "../../src/core/evaluer.js";
import { lireDocument } from "../../src/core/document.js";
import { validerFiche } from "../../src/core/fiche.js";
import type { EvaluationFiche, Resultat, Controle } from "../../src/core/modele.js";
import { chargerRegles } from "../../src/regles-disque.js";

export const REF = chargerRegles();

/** Validates raw fiche data (as a YAML file would give it) and evaluates it. */
export function evaluer(donnees: unknown, options: OptionsEvaluation = {}): EvaluationFiche {
  const fiche = validerFiche({ fichier: "test.yaml", donnees, ligneDe: () => undefined });
  return evaluerFiche(fiche, REF, options);
}

export function evaluerYaml(texte: string, options: OptionsEvaluation = {}): EvaluationFiche {
  return evaluerFiche(validerFiche(lireDocument(texte, "test.yaml")), REF, options);
}

export function resultat(e: EvaluationFiche, dispositif: string, depense?: string): Resultat {
  const r = e.resultats.find(
    (x) => x.dispositif === dispositif && (depense === undefined || x.depense === depense),
  );
  if (!r)
    throw new Error(
      `pas de résultat ${dispositif}/${depense ?? "*"} dans ${e.resultats.map((x) => `${x.dispositif}/${x.depense}`).join(", ")}`,
    );
  return r;
}

export function controles(e: EvaluationFiche, nom: Controle["controle"]): Controle[] {
  return e.controles.filter((c) => c.controle === nom);
}

export function codes(r: { motifs: { code: string }[] }): string[] {
  return r.motifs.map((m) => m.code);
}

/** A one-expense fiche of an enterprise; override any part. */
export function ficheSimple(
  depense: Record<string, unknown>,
  autre: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: "T",
    date_demande: "2019-06-01",
    beneficiaire: {
      nature: "entreprise",
      effectif: 120,
      chiffre_affaires: 30000000,
      total_bilan: 20000000,
      secteur: "industrie",
      ...(autre.beneficiaire as object),
    },
    localisation: { zone: "metropole", afr: false, ...(autre.localisation as object) },
    depenses: [{ id: "d1", ...depense }],
    ...Object.fromEntries(
      Object.entries(autre).filter(([k]) => k !== "beneficiaire" && k !== "localisation"),
    ),
  };
}
