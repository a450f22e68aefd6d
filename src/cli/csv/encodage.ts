// The encoding a spreadsheet wrote its CSV in, and streams that decode and encode it.
// French Excel writes "CSV (séparateur : point-virgule)" in Windows-1252 and "CSV UTF-8" with a BOM.
import { Transform, type TransformCallback } from "node:stream";
import iconv from "iconv-lite";
import { ErreurSaisie } from "../../core/erreurs.js";

export type Encodage = "utf-8" | "windows-1252";

export interface EncodageDetecte {
  encodage: Encodage;
  /** UTF-8 with a byte order mark: written back the same way. */
  bom: boolean;
}

/** Bytes read after the first non-ASCII byte to decide: plenty for a few accented words. */
const FENETRE = 64 * 1024;

/**
 * Decides from the file's first bytes: a BOM, or the first non-ASCII bytes read as UTF-8 or not.
 * Undefined while every byte is ASCII and more are to come (both encodings agree on ASCII).
 */
export function detecterEncodage(debut: Buffer, complet: boolean): EncodageDetecte | undefined {
  if (debut[0] === 0xef && debut[1] === 0xbb && debut[2] === 0xbf) return { encodage: "utf-8", bom: true };
  const i = debut.findIndex((o) => o >= 0x80);
  if (i < 0) return complet ? { encodage: "utf-8", bom: false } : undefined;
  const fenetre = debut.subarray(i, i + FENETRE);
  const jusquAuBout = complet && i + FENETRE >= debut.length;
  return { encodage: estUtf8(fenetre, jusquAuBout) ? "utf-8" : "windows-1252", bom: false };
}

/** Valid UTF-8; a sequence cut by the end of an incomplete sample counts as valid. */
function estUtf8(octets: Buffer, complet: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(octets, { stream: !complet });
    return true;
  } catch {
    return false;
  }
}

/** Bytes → text (the BOM dropped); counts the bytes read, for the progress bar. */
export class Decodeur extends Transform {
  octetsLus = 0;
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  private readonly cp1252 = iconv.getDecoder("windows-1252");

  constructor(
    private readonly encodage: Encodage,
    private readonly fichier: string,
  ) {
    super({ decodeStrings: true });
  }

  override _transform(morceau: Buffer, _e: BufferEncoding, fin: TransformCallback): void {
    const debut = this.octetsLus;
    this.octetsLus += morceau.length;
    if (this.encodage === "windows-1252") return fin(null, this.cp1252.write(morceau));
    try {
      fin(null, this.utf8.decode(morceau, { stream: true }));
    } catch {
      fin(this.melange(debut));
    }
  }

  override _flush(fin: TransformCallback): void {
    if (this.encodage === "windows-1252") return fin();
    try {
      fin(null, this.utf8.decode());
    } catch {
      fin(this.melange(this.octetsLus));
    }
  }

  private melange(octet: number): ErreurSaisie {
    return new ErreurSaisie([{
      fichier: this.fichier,
      message: `octets invalides en UTF-8 après l'octet ${octet} alors que le début du fichier est en UTF-8 (encodages mélangés ?) : enregistrez le tableau de nouveau, en « CSV UTF-8 » ou en « CSV (séparateur : point-virgule) »`,
    }]);
  }
}

/** Characters of ti-aides' own messages that Windows-1252 lacks, and what stands for them. */
const EQUIVALENTS_1252: Record<string, string> = {
  "≤": "<=", "≥": ">=", "≠": "<>", "→": "->", "\u202f": "\u00a0", "\u2009": " ", "✖": "x", "✔": "v", "⚠": "!",
};
const HORS_1252 = new RegExp(`[${Object.keys(EQUIVALENTS_1252).join("")}]`, "g");

export function vers1252(texte: string): string {
  return texte.replace(HORS_1252, (c) => EQUIVALENTS_1252[c]);
}

/** Text → bytes in the input's encoding (its BOM first, if it had one). */
export function encodeur(e: EncodageDetecte): Transform {
  let premier = true;
  return new Transform({
    writableObjectMode: true,
    transform(texte: string, _e, fin) {
      let octets = e.encodage === "windows-1252" ? iconv.encode(vers1252(texte), "windows-1252") : Buffer.from(texte, "utf8");
      if (premier && e.bom) octets = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), octets]);
      premier = false;
      fin(null, octets);
    },
  });
}
