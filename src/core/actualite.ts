// Validity and currency of a figure (docs/domaine.md §0, second edition). Validity is the period its
// source gives (a dispositif hors période is not eligible); currency is the last date someone checked
// it (`verifie_le`): applied more than a year later, the result keeps its figure and says so.
import { ajouterAnnees, dateFr } from "./dates.js";
import type { Motif } from "./modele.js";

/** How long a check holds (docs/domaine.md §0 « Validité et actualité » : « plus d'un an »). */
const DUREE_VERIFICATION_ANNEES = 1;

export interface Verifiable {
  depuis?: string;
  verifie_le?: string;
  source: string;
}

/** The date a figure was last checked: its `verifie_le`, else (never checked) the day it applies from. */
export function dateDeVerification(v: Verifiable): string | undefined {
  return v.verifie_le ?? v.depuis;
}

/**
 * The day a check made on `verifieLe` stops holding, by date of check. Asked for every dated figure of
 * every evaluation, of a few dates only (those the rule files give): computed once each (issue 20).
 */
const finsDeVerification = new Map<string, string>();

/** Whether a figure checked on `verifieLe` must be checked again before being applied at `date`. */
export function estAVerifier(verifieLe: string | undefined, date: string): boolean {
  if (verifieLe === undefined) return false;
  let fin = finsDeVerification.get(verifieLe);
  if (fin === undefined) {
    fin = ajouterAnnees(verifieLe, DUREE_VERIFICATION_ANNEES);
    finsDeVerification.set(verifieLe, fin);
  }
  return date > fin;
}

const estDuGuide = (source: string) => source.startsWith("Guide");

/** What a result's figures of the guide are, for the warning: its rate, its amounts, or its conditions. */
export type SorteDeChiffres = "Taux" | "Montants" | "Conditions";

/** The words of the `a_verifier` warning: a figure of the guide, or one read in a text of law. */
export function messageAVerifier(
  verifieLe: string,
  date: string,
  duGuide: boolean,
  operateur?: string,
  sorte: SorteDeChiffres = "Taux",
): string {
  const accord = sorte === "Taux" ? "appliqué" : "appliqués";
  return duGuide
    ? `${sorte} du guide de ${verifieLe.slice(0, 4)} ${accord} au ${dateFr(date)} : à confirmer auprès de l'opérateur${operateur ? ` (${operateur})` : ""} ; chiffres vérifiés le ${dateFr(verifieLe)}, il y a plus d'un an.`
    : `Valeur vérifiée au texte le ${dateFr(verifieLe)}, appliquée au ${dateFr(date)} : plus d'un an après, à confirmer au texte en vigueur.`;
}

/** The `a_verifier` warning for one figure read at `date`, or null when its check is recent enough. */
export function motifAVerifier(v: Verifiable, date: string): Motif | null {
  const verifie = dateDeVerification(v);
  if (!estAVerifier(verifie, date)) return null;
  return {
    code: "a_verifier",
    niveau: "avertissement",
    message: messageAVerifier(verifie!, date, estDuGuide(v.source)),
    source: v.source,
    verifie_le: verifie,
  };
}

/**
 * A result's `a_verifier` warnings as one per kind (the guide's figures; each text of law), their
 * sources gathered: a user reads once which figures of which date need checking, and where they stand.
 */
export function regrouperAVerifier(
  motifs: Motif[],
  date: string,
  operateur: string,
  sorte: SorteDeChiffres = "Taux",
): Motif[] {
  if (!motifs.some((m) => m.code === "a_verifier")) return motifs; // the usual case: nothing to gather
  const autres = motifs.filter((m) => m.code !== "a_verifier");
  const groupes = new Map<string, Motif[]>();
  for (const m of motifs.filter((x) => x.code === "a_verifier")) {
    const cle = estDuGuide(m.source ?? "") ? `guide|${m.verifie_le}` : `texte|${m.verifie_le}|${m.source}`;
    groupes.set(cle, [...(groupes.get(cle) ?? []), m]);
  }
  const regroupes = [...groupes.values()].map((ms): Motif => {
    const duGuide = estDuGuide(ms[0].source ?? "");
    const sources = [...new Set(ms.map((m) => m.source).filter((s): s is string => s !== null))];
    return {
      code: "a_verifier",
      niveau: "avertissement",
      message: messageAVerifier(ms[0].verifie_le!, date, duGuide, duGuide ? operateur : undefined, sorte),
      source: sources.join(" ; "),
      verifie_le: ms[0].verifie_le,
    };
  });
  return [...autres, ...regroupes];
}
