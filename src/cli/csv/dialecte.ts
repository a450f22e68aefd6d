// How a CSV is written: its delimiter (`;` for French Excel, `,` elsewhere), its line ending, and
// Excel's optional `sep=;` first line.

export interface Dialecte {
  separateur: string;
  /** The header line's ending, for the output (the rows may mix others: each is read). */
  finDeLigne: "\r\n" | "\n" | "\r";
  /** The file starts with Excel's `sep=X` line (kept in the output so Excel opens it alike). */
  ligneSep: boolean;
}

/** Reads the dialect from the start of the (decoded) text: the `sep=` line, else the header line. */
export function detecterDialecte(debut: string): Dialecte {
  const texte = debut.replace(/^\ufeff/, "");
  const fin = /\r\n|\n|\r/.exec(texte);
  const premiere = fin ? texte.slice(0, fin.index) : texte;
  const finDeLigne = (fin?.[0] ?? "\n") as Dialecte["finDeLigne"];
  const sep = /^sep=(.)$/i.exec(premiere);
  if (sep) return { separateur: sep[1], finDeLigne, ligneSep: true };
  return { separateur: separateurProbable(premiere), finDeLigne, ligneSep: false };
}

/** The more frequent of `;` and `,` outside quotes in the header line; `;` on a tie. */
export function separateurProbable(entete: string): ";" | "," {
  let pointsVirgules = 0;
  let virgules = 0;
  let entreGuillemets = false;
  for (const c of entete) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (!entreGuillemets && c === ";") pointsVirgules++;
    else if (!entreGuillemets && c === ",") virgules++;
  }
  return virgules > pointsVirgules ? "," : ";";
}
