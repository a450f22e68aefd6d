// The fiches of a parsed document, and the contract it may give: a fiche file, or a contract file
// (`contrat:` its identity and period, `fiches:` a list of fiches). Pure: the caller reads the file.
import type { DocumentSource } from "./document.js";
import { ErreurSaisie } from "./erreurs.js";
import type { FicheSource } from "./fiche-lue.js";
import { schemasContrat, type Contrat } from "./schemas/contrat.js";
import { valider } from "./validation.js";

/**
 * The fiches of a file: the file itself, or each element of its `fiches:` list (a contract file,
 * whose other fields are checked too: a misspelt `contart:` must not pass silently).
 */
export function fichesDuDocument(doc: DocumentSource): FicheSource[] {
  const d = doc.donnees;
  if (d && typeof d === "object" && !Array.isArray(d) && Array.isArray((d as { fiches?: unknown }).fiches)) {
    const lu = valider(schemasContrat().fichierContrat, doc);
    return (lu.fiches ?? []).map((_, i) => ({ doc, chemin: ["fiches", i] }));
  }
  if (d === null || typeof d !== "object" || Array.isArray(d)) {
    throw new ErreurSaisie([
      {
        fichier: doc.fichier,
        ligne: 1,
        message:
          "une fiche est un bloc de champs (id, beneficiaire, depenses…), pas une valeur seule ni une liste",
      },
    ]);
  }
  if ("contrat" in d) {
    throw new ErreurSaisie([
      {
        fichier: doc.fichier,
        ligne: doc.ligneDe(["contrat"]),
        message:
          "fichier de contrat sans liste « fiches » : ses fiches sont dans des fichiers à part ; vérifiez tout le dossier avec « ti-aides verifier DOSSIER »",
      },
    ]);
  }
  return [{ doc, chemin: [] }];
}

/** A contract file has `contrat:` (its identity and period) and/or `fiches:` (a list of fiches). */
function estFichierContrat(doc: DocumentSource): boolean {
  const d = doc.donnees;
  return d !== null && typeof d === "object" && !Array.isArray(d) && ("contrat" in d || "fiches" in d);
}

/** What `verifier` takes from one document: the contract when it gives one, and its fiches. */
export function lireContrat(doc: DocumentSource): { contrat?: Contrat; fiches: FicheSource[] } {
  if (!estFichierContrat(doc)) return { fiches: fichesDuDocument(doc) };
  const lu = valider(schemasContrat().fichierContrat, doc);
  return { contrat: lu.contrat, fiches: (lu.fiches ?? []).map((_, i) => ({ doc, chemin: ["fiches", i] })) };
}
