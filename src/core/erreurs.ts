// User mistakes: what a person must correct, with where (file, line, field path).
import { echapperControles } from "./texte-affichable.js";

export interface ProblemeSaisie {
  fichier?: string;
  ligne?: number;
  /** Field path, e.g. "depenses[0].montant". */
  champ?: string;
  /** A spreadsheet's column header ("Régime Région"), said rather than a field path. */
  colonne?: string;
  /** The id of the fiche (a CSV row's), said with the row. */
  idFiche?: string;
  message: string;
}

/** An input (fiche, rule file, CSV) that cannot be used: exit status 2 in the command line. */
export class ErreurSaisie extends Error {
  constructor(public readonly problemes: ProblemeSaisie[]) {
    super(problemes.map(formaterProbleme).join("\n"));
    this.name = "ErreurSaisie";
  }
}

export function formaterProbleme(p: ProblemeSaisie): string {
  const ou = [
    p.fichier,
    p.ligne != null ? `ligne ${p.ligne}` : undefined,
    p.idFiche ? `fiche ${p.idFiche}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  const champ = p.colonne ? `colonne « ${p.colonne} » : ` : p.champ ? `champ « ${p.champ} » : ` : "";
  // One line, whatever the file name or the value quoted holds (newlines, terminal sequences).
  return echapperControles(`${ou ? ou + " : " : ""}${champ}${p.message}`);
}

export function cheminTexte(chemin: readonly PropertyKey[]): string {
  let s = "";
  for (const k of chemin) {
    if (typeof k === "number") s += `[${k}]`;
    else s += (s ? "." : "") + String(k);
  }
  return s;
}
