// Reading the files a user names: YAML or JSON fiches, `-` for standard input, contracts.
import { readSync, statSync } from "node:fs";
import { lireDocument, TAILLE_MAX_TEXTE, TROP_VOLUMINEUX, type DocumentSource } from "../core/document.js";
import { ErreurSaisie } from "../core/erreurs.js";
import { erreurFichier, lireOctetsSurs, texteUtf8 } from "../lecture-sure.js";
import { CLASSEUR_ICI, CSV_ICI, lecteurDe, XLSX_ICI } from "./lecteurs.js";

/** Reads a file as UTF-8 text; refuses folders, missing files and other encodings clearly. */
export function lireTexte(chemin: string): string {
  let octets: Buffer;
  if (chemin === "-") {
    try {
      octets = lireBorne(0, nomAffiche(chemin));
    } catch (e) {
      if (e instanceof ErreurSaisie) throw e;
      throw new ErreurSaisie([
        { fichier: "(entrée standard)", message: "lecture de l'entrée standard impossible" },
      ]);
    }
  } else {
    let st;
    try {
      st = statSync(chemin);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw erreurFichier(e, chemin);
      throw new ErreurSaisie([{ fichier: chemin, message: "fichier introuvable : vérifiez le chemin" }]);
    }
    if (st.isDirectory())
      throw new ErreurSaisie([
        {
          fichier: chemin,
          message: "c'est un dossier, pas un fichier (ti-aides verifier accepte les dossiers)",
        },
      ]);
    // Only a regular file, within the size limit: a named pipe or a device is refused, not waited on.
    octets = lireOctetsSurs(chemin);
  }
  return decoderUtf8(octets, nomAffiche(chemin));
}

/**
 * Reads a descriptor to its end, but never more than a fiche can weigh: /dev/zero, an endless pipe or
 * a huge file is refused after TAILLE_MAX_TEXTE bytes instead of filling the memory.
 */
function lireBorne(fd: number, fichier: string): Buffer {
  const morceaux: Buffer[] = [];
  const tampon = Buffer.allocUnsafe(1024 * 1024);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, tampon, 0, tampon.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EOF") break; // standard input at its end, on Windows
      if (code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // non-blocking pipe: wait for data
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > TAILLE_MAX_TEXTE) throw new ErreurSaisie([{ fichier, message: TROP_VOLUMINEUX }]);
    morceaux.push(Buffer.from(tampon.subarray(0, n)));
  }
  return Buffer.concat(morceaux, total);
}

export function nomAffiche(chemin: string): string {
  return chemin === "-" ? "(entrée standard)" : chemin;
}

export function decoderUtf8(octets: Buffer, fichier: string): string {
  if ((octets[0] === 0xff && octets[1] === 0xfe) || (octets[0] === 0xfe && octets[1] === 0xff)) {
    throw new ErreurSaisie([
      {
        fichier,
        message: "le fichier est encodé en UTF-16 (« Unicode » de Windows) : enregistrez-le en UTF-8",
      },
    ]);
  }
  if (estClasseur(octets)) throw new ErreurSaisie([{ fichier, message: CLASSEUR_ICI }]);
  if (octets.subarray(0, 8192).includes(0)) {
    throw new ErreurSaisie([
      {
        fichier,
        message:
          "ce fichier contient des octets binaires (image, archive, tableur ?) : une fiche est un texte YAML ou JSON",
      },
    ]);
  }
  const texte = texteUtf8(octets);
  if (texte !== undefined) return texte;
  throw new ErreurSaisie([
    { fichier, message: "le fichier n'est pas encodé en UTF-8 (Windows-1252 ?) : enregistrez-le en UTF-8" },
  ]);
}

/** A fiche file: YAML or JSON. A spreadsheet named here is told which command reads it (lecteurs.ts). */
export function lireFichier(chemin: string): DocumentSource {
  const lecteur = lecteurDe(chemin);
  if (lecteur.sorte !== "document")
    throw new ErreurSaisie([
      {
        fichier: chemin,
        message:
          lecteur.sorte === "refus" ? lecteur.message : lecteur.sorte === "classeur" ? XLSX_ICI : CSV_ICI,
      },
    ]);
  return lireDocument(lireTexte(chemin), nomAffiche(chemin));
}

/** A workbook saved under another name: a ZIP (.xlsx, .ods) or an OLE (.xls) file. */
function estClasseur(octets: Buffer): boolean {
  return (
    (octets[0] === 0x50 && octets[1] === 0x4b && octets[2] === 0x03 && octets[3] === 0x04) ||
    (octets[0] === 0xd0 && octets[1] === 0xcf && octets[2] === 0x11 && octets[3] === 0xe0)
  );
}
