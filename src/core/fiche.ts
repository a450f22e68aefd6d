// Reading a fiche from its text: parse, validate, with file, line and field in every error.
import { lireDocument, type DocumentSource } from "./document.js";
import { ficheSchema, type Fiche } from "./schemas/fiche.js";
import { auPremierUsage } from "./schemas/communs.js";
import { valider } from "./validation.js";
import { compilerValidation } from "./validation-rapide.js";

/** The fiche schema's fast path, compiled from it at the first fiche. */
const ficheRapide = auPremierUsage(() => compilerValidation(ficheSchema));

export function lireFiche(texte: string, fichier: string): Fiche {
  return validerFiche(lireDocument(texte, fichier));
}

export function validerFiche(doc: DocumentSource, prefixe: PropertyKey[] = []): Fiche {
  return valider(ficheSchema, doc, prefixe, ficheRapide());
}
