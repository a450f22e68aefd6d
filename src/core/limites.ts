// The size limit of a file read whole (fiche, contract, rules, a cache entry), apart from the YAML
// reader (src/core/document.ts) so that what checks it at start-up does not load that reader.

/**
 * Beyond this, a file is not a fiche nor a contract: refused before parsing (hostile input). A contract
 * of 1 000 fiches weighs ~1 Mo. 20 Mo, the former limit, was not held: a 20 Mo contract ran 158 s and
 * died out of memory (issue 14).
 */
export const TAILLE_MAX_TEXTE = 5 * 1024 * 1024;

export const TROP_VOLUMINEUX = `fichier trop volumineux (plus de ${TAILLE_MAX_TEXTE / 1024 / 1024} Mo) pour une fiche ou un contrat : découpez-le en plusieurs fichiers (ti-aides verifier lit un dossier)`;
