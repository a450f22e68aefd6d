// Reading the files a user names: YAML or JSON fiches, `-` for standard input, contracts.
import { readFileSync, statSync } from "node:fs";
import { lireDocument, type DocumentSource } from "../core/document.js";
import { ErreurSaisie, type ProblemeSaisie } from "../core/erreurs.js";

/** Reads a file as UTF-8 text; refuses folders, missing files and other encodings clearly. */
export function lireTexte(chemin: string): string {
  let octets: Buffer;
  if (chemin === "-") {
    try {
      octets = readFileSync(0);
    } catch {
      throw new ErreurSaisie([{ fichier: "(entrée standard)", message: "lecture de l'entrée standard impossible" }]);
    }
  } else {
    let st;
    try {
      st = statSync(chemin);
    } catch {
      throw new ErreurSaisie([{ fichier: chemin, message: "fichier introuvable : vérifiez le chemin" }]);
    }
    if (st.isDirectory()) throw new ErreurSaisie([{ fichier: chemin, message: "c'est un dossier, pas un fichier (ti-aides verifier accepte les dossiers)" }]);
    try {
      octets = readFileSync(chemin);
    } catch (e) {
      throw new ErreurSaisie([{ fichier: chemin, message: `lecture impossible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : vérifiez les droits du fichier` }]);
    }
  }
  return decoderUtf8(octets, nomAffiche(chemin));
}

export function nomAffiche(chemin: string): string {
  return chemin === "-" ? "(entrée standard)" : chemin;
}

export function decoderUtf8(octets: Buffer, fichier: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(octets);
  } catch {
    throw new ErreurSaisie([{ fichier, message: "le fichier n'est pas encodé en UTF-8 (Windows-1252 ?) : enregistrez-le en UTF-8" }]);
  }
}

/** One fiche to validate: the document and where the fiche stands in it. */
export interface FicheSource {
  doc: DocumentSource;
  chemin: PropertyKey[];
}

/** The fiches of a file: the file itself, or each element of its `fiches:` list (a contract). */
export function fichesDuDocument(doc: DocumentSource): FicheSource[] {
  const d = doc.donnees;
  if (d && typeof d === "object" && !Array.isArray(d) && Array.isArray((d as { fiches?: unknown }).fiches)) {
    return ((d as { fiches: unknown[] }).fiches).map((_, i) => ({ doc, chemin: ["fiches", i] }));
  }
  if (d === null || typeof d !== "object" || Array.isArray(d)) {
    throw new ErreurSaisie([{ fichier: doc.fichier, ligne: 1, message: "une fiche est un bloc de champs (id, beneficiaire, depenses…), pas une valeur seule ni une liste" }]);
  }
  return [{ doc, chemin: [] }];
}

export function lireFichier(chemin: string): DocumentSource {
  return lireDocument(lireTexte(chemin), nomAffiche(chemin));
}

/** "financements[0].financeur" → ["financements", 0, "financeur"]. */
export function cheminDepuisTexte(champ: string): PropertyKey[] {
  const chemin: PropertyKey[] = [];
  for (const m of champ.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) chemin.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return chemin;
}

/** Adds the file and line to problems found after validation (unknown ids, references). */
export function localiser(e: ErreurSaisie, source: FicheSource): ErreurSaisie {
  const problemes: ProblemeSaisie[] = e.problemes.map((p) => {
    if (p.fichier) return p;
    const chemin = [...source.chemin, ...(p.champ ? cheminDepuisTexte(p.champ) : [])];
    return { ...p, fichier: source.doc.fichier, ligne: source.doc.ligneDe(chemin), champ: chemin.length ? texteChemin(chemin) : undefined };
  });
  return new ErreurSaisie(problemes);
}

function texteChemin(chemin: PropertyKey[]): string {
  return chemin.map((k, i) => (typeof k === "number" ? `[${k}]` : (i ? "." : "") + String(k))).join("");
}
