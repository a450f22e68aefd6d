// Reading a fiche from its text: parse, validate, with file, line and field in every error.
import { lireDocument, type DocumentSource } from "./document.js";
import { schemasFiche, type Fiche } from "./schemas/fiche.js";
import { donneesA, valider } from "./validation.js";
import { validerFicheRapide } from "./validation-fiche.generee.js";
import { RENDU } from "./validation-rapide.js";

export function lireFiche(texte: string, fichier: string): Fiche {
  return validerFiche(lireDocument(texte, fichier));
}

/** The fiche at `prefixe` in the document. Its generated validator answers first, without zod; when it
 *  is not sure, the zod schema (built then, once) decides and words the messages. */
export function validerFiche(doc: DocumentSource, prefixe: PropertyKey[] = []): Fiche {
  const r = validerFicheRapide(donneesA(doc, prefixe));
  return r !== RENDU ? r : valider(schemasFiche().fiche, doc, prefixe);
}
