// Rule test cases on disk (docs/cas-de-test.md): reads the case files of folders or paths, and runs
// each case through the commands' own funnel (evaluerSource), then compares. Used by
// `ti-aides regles tester` and by the project's own tests (test/cas.test.ts).
import { existsSync, statSync } from "node:fs";
import { comparerCas, type Ecart } from "../core/cas/comparer.js";
import { validerFichierCas, type CasDeTest, type FichierCas } from "../core/cas/fichier.js";
import { lireDocument } from "../core/document.js";
import { ErreurSaisie, type ProblemeSaisie } from "../core/erreurs.js";
import type { OptionsEvaluation } from "../core/evaluer.js";
import type { Referentiel } from "../core/regles/referentiel.js";
import { fichiersYaml } from "../regles-disque.js";
import { lireTexte } from "./entrees.js";
import { evaluerSource } from "../core/fiche-lue.js";

/** The case files of these paths (files, or folders read recursively), validated; all mistakes at once. */
export function lireFichiersCas(chemins: string[]): FichierCas[] {
  const problemes: ProblemeSaisie[] = [];
  const fichiers: string[] = [];
  for (const c of chemins) {
    if (!existsSync(c))
      problemes.push({
        fichier: c,
        message: "introuvable : indiquez un dossier ou un fichier de cas de test (.yaml, .yml)",
      });
    else if (statSync(c).isDirectory()) {
      const trouves = fichiersYaml(c);
      if (trouves.length === 0)
        problemes.push({ fichier: c, message: "aucun fichier de cas de test (.yaml, .yml) dans ce dossier" });
      fichiers.push(...trouves);
    } else fichiers.push(c);
  }
  const lus: FichierCas[] = [];
  for (const f of fichiers) {
    try {
      lus.push(validerFichierCas(lireDocument(lireTexte(f), f)));
    } catch (e) {
      if (!(e instanceof ErreurSaisie)) throw e;
      problemes.push(...e.problemes);
    }
  }
  if (problemes.length) throw new ErreurSaisie(problemes);
  return lus;
}

/** The evaluation options a case sets, as --date and --forme would. */
export function optionsDuCas(cas: CasDeTest): OptionsEvaluation {
  return {
    ...(cas.date !== undefined ? { date: cas.date } : {}),
    ...(cas.forme !== undefined ? { forme: cas.forme } : {}),
  };
}

export interface BilanCas {
  cas: CasDeTest;
  ecarts: Ecart[];
  /** The case's fiche cannot be read with these rules (unknown field, dispositif, expense): an input mistake. */
  erreurs?: ProblemeSaisie[];
}

/** Evaluates one case's fiche with the rules, as `simuler` would, and lists what differs from the expected figures. */
export function executerCas(cas: CasDeTest, ref: Referentiel): BilanCas {
  const evaluee = evaluerSource(cas.fiche, ref, optionsDuCas(cas));
  if (evaluee.erreur) return { cas, ecarts: [], erreurs: evaluee.erreur.problemes };
  return { cas, ecarts: comparerCas(cas, evaluee.evaluation) };
}
