// What a workbook output needs of one evaluated row, as plain data (a worker thread computes it):
// the result cells with amounts as numbers, the first reason for the verdict's comment, the rows of
// the « Anomalies » sheet, and the figures the « Synthèse » sheet adds up (as decimal strings, summed
// with decimal.js by the writer).
import { somme } from "../../core/argent.js";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import type { EvaluationFiche } from "../../core/modele.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import type { PlanColonnes } from "../csv/entetes.js";
import { anomalies, financementsPublics, valeursResultat } from "../csv/resultats.js";

export interface AnomalieClasseur {
  controle: string;
  portee: string;
  /** "non conforme" or "non évaluable" or "erreur de saisie". */
  etat: string;
  valeur: string | null;
  limite: string | null;
  message: string;
  source: string | null;
}

export interface ResultatClasseur {
  /** The result cells: text, or an amount as a decimal string (written as a number). */
  valeurs: ({ texte: string } | { montant: string })[];
  /** The first thing wrong or to check, for the comment on the verdict cell. */
  raison?: string;
  anomalies: AnomalieClasseur[];
  /** For the « Synthèse » sheet; empty for a row in error. */
  financements: { financeur: string; montant: string; public: boolean }[];
  cout: string | null;
  eligibles: { dispositif: string; plafond: string | null }[];
}

export function resultatClasseur(
  e: EvaluationFiche,
  fiche: Fiche | undefined,
  plan: PlanColonnes,
): ResultatClasseur {
  const valeurs = valeursResultat(e, fiche, plan).map((v) =>
    typeof v === "string" ? { texte: v } : { montant: v.toFixed(2) },
  );
  const enErreur = e.erreurs.length > 0;
  const lignes: AnomalieClasseur[] = enErreur
    ? e.erreurs.map((message) => ({
        controle: "lecture de la ligne",
        portee: "",
        etat: "erreur de saisie",
        valeur: null,
        limite: null,
        message,
        source: null,
      }))
    : e.controles
        .filter((k) => k.conforme !== true)
        .map((k) => ({
          controle: NOMS_CONTROLES[k.controle] ?? k.controle,
          portee: k.portee,
          etat: k.conforme === false ? "non conforme" : "non évaluable",
          valeur: k.valeur?.toFixed(2) ?? null,
          limite: k.limite?.toFixed(2) ?? null,
          message: k.message,
          source: k.source,
        }));
  const publics = new Set((financementsPublics(fiche) ?? []).map((f) => f.financeur));
  const depenses = fiche?.depenses ?? [];
  return {
    valeurs,
    raison: enErreur ? e.erreurs[0] : anomalies(e)[0],
    anomalies: lignes,
    financements: enErreur
      ? []
      : (fiche?.financements ?? []).map((f) => ({
          financeur: f.financeur,
          montant: f.montant.toFixed(2),
          public: publics.has(f.financeur),
        })),
    cout: enErreur || depenses.length === 0 ? null : somme(depenses.map((d) => d.montant)).toFixed(2),
    eligibles: enErreur
      ? []
      : e.resultats
          .filter((r) => r.eligible)
          .map((r) => ({ dispositif: r.dispositif, plafond: r.plafond?.toFixed(2) ?? null })),
  };
}
