// The encoding a spreadsheet wrote its CSV in, and streams that decode and encode it.
// French Excel writes "CSV (séparateur : point-virgule)" in Windows-1252 and "CSV UTF-8" with a BOM.
// Both directions are lossless, so that every cell comes back byte for byte:
// - Windows-1252: its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as U+0081… and back;
// - UTF-8: a byte that is not UTF-8 (a cell pasted from a Latin-1 source) is kept as a character of
//   the last private use plane, U+10FF80–U+10FFFF (valid Unicode, so it survives the CSV parser,
//   unlike a lone surrogate); its row is reported in error (octetsInvalides) and the byte written
//   back as it was. (A real character of that plane, which no fiche holds, would be taken for one.)
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";

export type Encodage = "utf-8" | "windows-1252";

export interface EncodageDetecte {
  encodage: Encodage;
  /** UTF-8 with a byte order mark: written back the same way. */
  bom: boolean;
  /** Windows-1252 chosen, though some of the first bytes read as UTF-8: a file of both, to say. */
  melange?: true;
}

/** Bytes read after the first non-ASCII byte to decide: plenty for a few accented words. */
const FENETRE = 64 * 1024;

/**
 * Decides from the file's first bytes: a BOM, else UTF-8 when the first non-ASCII bytes hold at
 * least as many UTF-8 characters as bytes UTF-8 cannot read — Windows-1252 French text almost never
 * forms a UTF-8 sequence (an accented capital followed by a symbol), so one stray byte in a UTF-8
 * file does not turn the whole file into Windows-1252.
 * Undefined while every byte is ASCII and more are to come (both encodings agree on ASCII).
 */
export function detecterEncodage(debut: Buffer, complet: boolean): EncodageDetecte | undefined {
  if (debut[0] === 0xef && debut[1] === 0xbb && debut[2] === 0xbf) return { encodage: "utf-8", bom: true };
  const i = debut.findIndex((o) => o >= 0x80);
  if (i < 0) return complet ? { encodage: "utf-8", bom: false } : undefined;
  const fenetre = debut.subarray(i, i + FENETRE);
  const { valides, invalides } = compterUtf8(fenetre, complet && i + FENETRE >= debut.length);
  if (valides >= invalides) return { encodage: "utf-8", bom: false };
  return valides > 0
    ? { encodage: "windows-1252", bom: false, melange: true }
    : { encodage: "windows-1252", bom: false };
}

/** Length of the UTF-8 sequence starting at octets[i] when it is a valid one; 0 if invalid; -1 if cut by the end. */
function sequenceUtf8(octets: Uint8Array, i: number): number {
  const b = octets[i];
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0) return 0;
  // The second byte's range excludes overlong forms, surrogates and code points beyond U+10FFFF.
  const bas = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const haut = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < n; k++) {
    if (i + k >= octets.length) return -1;
    const c = octets[i + k];
    if (k === 1 ? c < bas || c > haut : c < 0x80 || c > 0xbf) return 0;
  }
  return n;
}

/** Valid multi-byte UTF-8 characters and bytes that are not UTF-8; a sequence cut by the end of an incomplete sample is neither. */
export function compterUtf8(octets: Uint8Array, complet: boolean): { valides: number; invalides: number } {
  let valides = 0;
  let invalides = 0;
  for (let i = 0; i < octets.length;) {
    if (octets[i] < 0x80) {
      i++;
      continue;
    }
    const n = sequenceUtf8(octets, i);
    if (n === -1 && !complet) break;
    if (n > 0) {
      valides++;
      i += n;
    } else {
      invalides++;
      i++;
    }
  }
  return { valides, invalides };
}

/** The bytes that do not end a complete character: kept for the next chunk. */
function debutDeLaFin(octets: Buffer): number {
  for (let k = 1; k <= 3 && k <= octets.length; k++) {
    const b = octets[octets.length - k];
    if (b < 0x80) return octets.length;
    if (b >= 0xc0) return sequenceUtf8(octets, octets.length - k) === -1 ? octets.length - k : octets.length;
  }
  return octets.length;
}

/** A byte that is not UTF-8 (0x80–0xFF), as it is kept in the text: U+10FF00 + the byte, a surrogate pair. */
const ECHAPPE_HAUT = "\udbff";
const ECHAPPE_BAS = 0xdf00;
const OCTET_ECHAPPE = /\udbff[\udf80-\udfff]/g;

/** UTF-8 → text, every byte that is not UTF-8 kept as an escape (the slow path: only for such bytes). */
function decoderAvecEchappes(octets: Buffer): string {
  let texte = "";
  let debut = 0;
  for (let i = 0; i < octets.length;) {
    if (octets[i] < 0x80) {
      i++;
      continue;
    }
    const n = sequenceUtf8(octets, i);
    if (n > 0) {
      i += n;
      continue;
    }
    texte += octets.toString("utf8", debut, i) + ECHAPPE_HAUT + String.fromCharCode(ECHAPPE_BAS + octets[i]);
    debut = ++i;
  }
  return texte + octets.toString("utf8", debut);
}

/** Whether a text holds a byte that UTF-8 could not read (fast: every cell of every row asks). */
export function contientOctetInvalide(texte: string): boolean {
  return texte.includes(ECHAPPE_HAUT);
}

/** The bytes of a cell that UTF-8 could not read (hexadecimal, "0xE9"), in order; none: []. */
export function octetsInvalides(texte: string): string[] {
  if (!contientOctetInvalide(texte)) return [];
  return [...texte.matchAll(OCTET_ECHAPPE)].map(
    (m) => `0x${(m[0].charCodeAt(1) - ECHAPPE_BAS).toString(16).toUpperCase()}`,
  );
}

/** A text to show in a message: a byte that is not UTF-8 shown as "�". */
export function lisible(texte: string): string {
  return texte.includes(ECHAPPE_HAUT) ? texte.replace(OCTET_ECHAPPE, "\ufffd") : texte;
}

// ── Windows-1252: Latin-1 but for 0x80–0x9F ──

/** 0x80–0x9F in Windows-1252; the five bytes it leaves undefined stay the C1 character of the same value. */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const DE_1252 = new Map([...CP1252_80_9F].map((c, i) => [String.fromCharCode(0x80 + i), c]));
const VERS_1252 = new Map([...CP1252_80_9F].map((c, i) => [c, String.fromCharCode(0x80 + i)]));

function decoder1252(octets: Buffer): string {
  return octets.toString("latin1").replace(/[\x80-\x9f]/g, (c) => DE_1252.get(c)!);
}

/** Characters of ti-aides' own messages that Windows-1252 lacks, and what stands for them. */
const EQUIVALENTS_1252: Record<string, string> = {
  "≤": "<=",
  "≥": ">=",
  "≠": "<>",
  "→": "->",
  "\u202f": "\u00a0",
  "\u2009": " ",
  "✖": "x",
  "✔": "v",
  "⚠": "!",
};

/** Text → Windows-1252 bytes: what it lacks spelt out, else "?". */
function encoder1252(texte: string): Buffer {
  const latin1 = texte.replace(
    /[^\x00-\x7f\xa0-\xff]/g,
    (c) => VERS_1252.get(c) ?? EQUIVALENTS_1252[c] ?? "?",
  );
  return Buffer.from(latin1, "latin1");
}

/** Text → UTF-8 bytes, the escaped bytes of the input written back as they were. */
function encoderUtf8(texte: string): Buffer {
  if (!texte.includes(ECHAPPE_HAUT)) return Buffer.from(texte, "utf8");
  const morceaux: Buffer[] = [];
  let debut = 0;
  for (const m of texte.matchAll(OCTET_ECHAPPE)) {
    morceaux.push(
      Buffer.from(texte.slice(debut, m.index), "utf8"),
      Buffer.from([m[0].charCodeAt(1) - ECHAPPE_BAS]),
    );
    debut = m.index! + 2;
  }
  morceaux.push(Buffer.from(texte.slice(debut), "utf8"));
  return Buffer.concat(morceaux);
}

/** Bytes → text in one go (the first bytes, to read the dialect). */
export function decoder(octets: Buffer, encodage: Encodage): string {
  return encodage === "windows-1252" ? decoder1252(octets) : decoderAvecEchappes(octets);
}

/**
 * Bytes → UTF-8 bytes for the CSV parser (the BOM dropped): valid UTF-8 passes as it is, a byte
 * that is not is escaped, Windows-1252 is converted. Counts the bytes read, for the progress bar.
 */
export class Decodeur extends Transform {
  octetsLus = 0;
  private reste: Buffer = Buffer.alloc(0);
  private premier = true;

  constructor(private readonly encodage: Encodage) {
    super();
  }

  override _transform(morceau: Buffer, _e: BufferEncoding, fin: TransformCallback): void {
    this.octetsLus += morceau.length;
    if (this.encodage === "windows-1252") return fin(null, Buffer.from(decoder1252(morceau), "utf8"));
    let octets = this.reste.length ? Buffer.concat([this.reste, morceau]) : morceau;
    if (this.premier) {
      this.premier = false;
      if (octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf) octets = octets.subarray(3);
    }
    const coupe = debutDeLaFin(octets);
    this.reste = Buffer.from(octets.subarray(coupe));
    const complets = octets.subarray(0, coupe);
    fin(null, isUtf8(complets) ? complets : Buffer.from(decoderAvecEchappes(complets), "utf8"));
  }

  override _flush(fin: TransformCallback): void {
    if (this.encodage === "windows-1252" || this.reste.length === 0) return fin();
    fin(null, Buffer.from(decoderAvecEchappes(this.reste), "utf8"));
  }
}

/** Text → bytes in the input's encoding (its BOM first, if it had one). */
export function encodeur(e: EncodageDetecte): Transform {
  let premier = true;
  return new Transform({
    writableObjectMode: true,
    transform(texte: string, _e, fin) {
      let octets = e.encodage === "windows-1252" ? encoder1252(texte) : encoderUtf8(texte);
      if (premier && e.bom) octets = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), octets]);
      premier = false;
      fin(null, octets);
    },
  });
}
