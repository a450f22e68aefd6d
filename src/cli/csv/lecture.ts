// Opening a contract's CSV: its encoding and dialect read from its first bytes, then its records
// streamed (csv-parse), each numbered as the spreadsheet shows it. Memory stays flat whatever the
// file's size.
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { pipeline } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { ErreurSaisie } from "../../core/erreurs.js";
import { detecterDialecte, type Dialecte } from "./dialecte.js";
import { decoder, Decodeur, detecterEncodage, type EncodageDetecte } from "./encodage.js";
import type { Enregistrement } from "./traitement.js";

const MORCEAU = 64 * 1024;
/** A record longer than this is a broken file (an unclosed quote), not a fiche-action. */
const TAILLE_MAX_LIGNE = 1024 * 1024;

export interface CsvOuvert {
  fichier: string;
  /** Size in bytes (for the progress bar). */
  taille: number;
  encodage: EncodageDetecte;
  dialecte: Dialecte;
  /** What the reading could not decide without doubt (an encoding chosen among two), to say. */
  avertissements: string[];
  /** The records after the optional `sep=` line: the header row first. */
  enregistrements: AsyncGenerator<Enregistrement>;
  octetsLus(): number;
  /** Stops reading (the output failed). */
  fermer(): void;
}

export function ouvrirCsv(fichier: string): CsvOuvert {
  const { taille, debut, encodage } = sonder(fichier);
  const dialecte = detecterDialecte(decoder(debut, encodage.encodage));
  const source = createReadStream(fichier, { highWaterMark: MORCEAU });
  const decodeur = new Decodeur(encodage.encodage);
  const parseur = parse({
    delimiter: dialecte.separateur,
    // Any mix of line endings, record by record (a spreadsheet's header in CRLF, rows added in LF…).
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: TAILLE_MAX_LIGNE,
  });
  pipeline(source, decodeur, parseur, () => undefined);
  return {
    fichier,
    taille,
    encodage,
    dialecte,
    avertissements: encodage.melange
      ? [
          `${fichier} : ce fichier mêle deux encodages, lu en Windows-1252 (l'encodage le plus présent au début) ; des textes en UTF-8 s'y liront de travers (« Ã© » pour « é ») : enregistrez de nouveau le tableau en « CSV UTF-8 » ou en « CSV (séparateur : point-virgule) »`,
        ]
      : [],
    enregistrements: numeroter(parseur, dialecte, fichier),
    octetsLus: () => decodeur.octetsLus,
    fermer: () => source.destroy(),
  };
}

/**
 * Numbers the records as the spreadsheet shows its rows (Excel: header = 1): one per record, whatever
 * the line breaks inside quoted cells; the `sep=` line, which Excel hides, is not a row.
 */
async function* numeroter(
  parseur: AsyncIterable<string[]>,
  dialecte: Dialecte,
  fichier: string,
): AsyncGenerator<Enregistrement> {
  let rang = 0;
  let premier = true;
  try {
    for await (const cellules of parseur) {
      if (premier && dialecte.ligneSep) {
        premier = false;
        continue;
      }
      premier = false;
      yield { cellules, ligne: ++rang };
    }
  } catch (e) {
    throw traduireErreur(e, fichier, rang + 1);
  }
}

function traduireErreur(e: unknown, fichier: string, ligne: number): unknown {
  if (!(e instanceof CsvError)) return e;
  const messages: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED:
      "un guillemet ouvert n'est jamais refermé : vérifiez les cellules entre guillemets à partir de cette ligne",
    CSV_MAX_RECORD_SIZE: `une ligne de plus de ${TAILLE_MAX_LIGNE / 1024 / 1024} Mo (un guillemet ouvert jamais refermé, une cellule démesurée ou des milliers de colonnes) : vérifiez le tableau à partir de cette ligne`,
    CSV_INVALID_CLOSING_QUOTE:
      "guillemet fermant mal placé : une cellule entre guillemets doit finir par un guillemet suivi du séparateur",
  };
  return new ErreurSaisie([
    { fichier, ligne, message: `tableau CSV illisible : ${messages[e.code] ?? e.message}` },
  ]);
}

/** Size, first bytes and encoding; refuses what is not a CSV text file (exit 2). */
function sonder(fichier: string): { taille: number; debut: Buffer; encodage: EncodageDetecte } {
  let st;
  try {
    st = statSync(fichier);
  } catch {
    throw new ErreurSaisie([{ fichier, message: "fichier introuvable : vérifiez le chemin" }]);
  }
  if (st.isDirectory())
    throw new ErreurSaisie([{ fichier, message: "c'est un dossier : donnez le fichier CSV du contrat" }]);
  let fd: number;
  try {
    fd = openSync(fichier, "r");
  } catch (e) {
    throw new ErreurSaisie([
      {
        fichier,
        message: `lecture impossible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : vérifiez les droits du fichier`,
      },
    ]);
  }
  try {
    const lire = (position: number, taille: number) => {
      const b = Buffer.alloc(taille);
      return b.subarray(0, readSync(fd, b, 0, taille, position));
    };
    const debut = lire(0, MORCEAU);
    refuserNonCsv(debut, fichier);
    // Every byte ASCII so far: read on until one is not, or the end (ASCII is both encodings).
    let encodage = detecterEncodage(debut, debut.length < MORCEAU);
    for (let position = debut.length; !encodage;) {
      const suite = lire(position, 2 * MORCEAU);
      position += suite.length;
      encodage = detecterEncodage(suite, suite.length < 2 * MORCEAU);
    }
    return { taille: st.size, debut, encodage };
  } finally {
    closeSync(fd);
  }
}

function refuserNonCsv(debut: Buffer, fichier: string): void {
  const refus = (message: string) => new ErreurSaisie([{ fichier, message }]);
  if (debut.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) {
    throw refus(
      "c'est un classeur (.xlsx ou .ods), pas un CSV : dans le tableur, « Enregistrer sous » → « CSV (séparateur : point-virgule) »",
    );
  }
  if (debut.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw refus(
      "c'est un classeur Excel 97-2003 (.xls), pas un CSV : dans le tableur, « Enregistrer sous » → « CSV (séparateur : point-virgule) »",
    );
  }
  if ((debut[0] === 0xff && debut[1] === 0xfe) || (debut[0] === 0xfe && debut[1] === 0xff)) {
    throw refus(
      "fichier en UTF-16 (« Texte Unicode ») : enregistrez-le en « CSV UTF-8 » ou en « CSV (séparateur : point-virgule) »",
    );
  }
  if (debut.includes(0))
    throw refus(
      "ce fichier contient des octets binaires : un CSV est un texte (enregistrez le tableau au format CSV)",
    );
  if (
    decoder(debut, "utf-8")
      .replace(/^\ufeff/, "")
      .trim() === ""
  ) {
    throw refus(
      "le fichier est vide : une ligne d'en-têtes (id, nature, montant…) puis une ligne par fiche-action sont attendues",
    );
  }
}
