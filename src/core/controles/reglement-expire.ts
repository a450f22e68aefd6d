// A control made under an EU regulation that no longer applies at the date is not evaluable
// (`conforme: null`) and says so, naming the regulation and its end — never a silent pass
// (docs/domaine.md §0 « Validité et actualité »).
import { lire } from "../calculs/commun.js";
import { dateFr } from "../dates.js";
import type { Dec } from "../argent.js";
import type { Controle, Motif, NomControle } from "../modele.js";
import type { Referentiel } from "../regles/referentiel.js";

export interface ReglementExpire {
  /** "Règlement (UE) 651/2014 (RGEC), applicable jusqu'au 31/12/2026" */
  libelle: string;
  fin: string;
  source: string;
}

/** The GBER (RGEC) at `date`: null while it applies; its end when it no longer does (a warning is added). */
export function rgecExpire(ref: Referentiel, date: string, motifs: Motif[]): ReglementExpire | null {
  const lu = lire(ref.reglements.rgec, date, []);
  if (lu.hors_periode !== "apres") return null;
  return expire(
    `Règlement (UE) ${lu.valeur.reglement_ue} (${lu.valeur.nom})`,
    lu.jusqu_au!,
    lu.source,
    date,
    motifs,
  );
}

/** Records the warning of a regulation ended before `date`, once per fiche (motifs are deduplicated). */
export function expire(
  nom: string,
  fin: string,
  source: string,
  date: string,
  motifs: Motif[],
): ReglementExpire {
  const libelle = `${nom}, applicable jusqu'au ${dateFr(fin)}`;
  motifs.push({
    code: "reglement_expire",
    niveau: "avertissement",
    message: `${libelle} : évalué au ${dateFr(date)}, les contrôles faits sous ce règlement ne sont pas évaluables ; vérifiez le règlement qui lui succède et sa règle.`,
    source,
  });
  return { libelle, fin, source };
}

/**
 * A control that cannot be evaluated under an ended regulation: `conforme: null`, the figure it would
 * have compared, and a message naming the regulation and its end (none for figures only; always an
 * anomaly, so written whenever some messages are: messages.ts).
 */
export function controleExpire(
  controle: NomControle,
  portee: string,
  valeur: Dec | null,
  sujet: string,
  r: ReglementExpire,
  date: string,
  chiffresSeulement?: boolean,
): Controle {
  return {
    controle,
    portee,
    conforme: null,
    valeur,
    limite: null,
    message: chiffresSeulement
      ? ""
      : `${sujet} non évaluable au ${dateFr(date)} : ${r.libelle} ; vérifiez sous le règlement qui lui succède.`,
    source: r.source,
  };
}
