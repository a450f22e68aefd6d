// The result columns `lot` appends to each CSV row (README, "Traiter un tableau CSV").
import { somme, type Dec } from "../../core/argent.js";
import { euros } from "../../core/format.js";
import type { EvaluationFiche } from "../../core/modele.js";
import { FINANCEURS_PRIVES } from "../../core/schemas/communs.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import type { PlanColonnes } from "./entetes.js";
import { phraseMarge } from "../rendu/marges.js";
import { depenseEnColonnes, nommerParEntetes } from "./consignes.js";

/** Between the items of one cell (anomalies, errors): readable, and never a CSV delimiter. */
export const ENTRE_ELEMENTS = " | ";

export function entetesResultat(plan: PlanColonnes): string[] {
  return [
    "Taille calculée",
    "Dispositifs éligibles",
    ...plan.dispositifsDemandes.map((id) => `Plafond ${id}`),
    "Total aide publique",
    "Conforme",
    "Marges",
    "Anomalies",
    "Erreurs",
  ];
}

/** An amount a spreadsheet reads as a number: "480000,00" beside `;`, "480000.00" beside `,`. */
export function nombreCsv(x: Dec, separateurDecimal: string): string {
  return x.toFixed(2).replace(".", separateurDecimal);
}

export function cellulesResultat(
  e: EvaluationFiche,
  fiche: Fiche | undefined,
  plan: PlanColonnes,
  separateurDecimal: string,
): string[] {
  return valeursResultat(e, fiche, plan).map((v) =>
    typeof v === "string" ? v : nombreCsv(v, separateurDecimal),
  );
}

/** The result cells' values, amounts as decimals (a CSV writes them as text, a workbook as numbers). */
export function valeursResultat(
  e: EvaluationFiche,
  fiche: Fiche | undefined,
  plan: PlanColonnes,
): (string | Dec)[] {
  const enErreur = e.erreurs.length > 0;
  const b = e.beneficiaire;
  const taille = enErreur || !b ? "" : b.activite_economique ? (b.taille ?? "") : "non économique";
  const eligibles = e.resultats
    .filter((r) => r.eligible)
    // A tax deduction is no aid: its figure is named for what it is (second edition).
    .map((r) =>
      r.plafond === null
        ? r.dispositif
        : `${r.dispositif} (${r.fiscal ? "déduction supplémentaire " : ""}${euros(r.plafond)})`,
    )
    .join(", ");
  const plafonds = plan.dispositifsDemandes.map((id) => {
    const siens = e.resultats.filter((r) => r.dispositif === id && r.plafond !== null);
    return siens.length ? somme(siens.map((r) => r.plafond!)) : "";
  });
  const publics = financementsPublics(fiche);
  const totalPublic = !enErreur && publics ? somme(publics.map((f) => f.montant)) : "";
  return [
    taille,
    eligibles,
    ...plafonds,
    totalPublic,
    verdict(e),
    e.marges
      .map((m) => depenseEnColonnes(phraseMarge(m, false), nommerParEntetes(plan)))
      .join(ENTRE_ELEMENTS),
    anomalies(e).join(ENTRE_ELEMENTS),
    e.erreurs.join(ENTRE_ELEMENTS),
  ];
}

/** The fiche's public financing lines (undefined: no financing plan). */
export function financementsPublics(fiche: Fiche | undefined): Fiche["financements"] {
  const prives: readonly string[] = FINANCEURS_PRIVES;
  return fiche?.financements?.filter((f) => !prives.includes(f.financeur));
}

/** The "Conforme" cell. */
export function verdict(e: EvaluationFiche): string {
  return e.erreurs.length > 0
    ? "en erreur"
    : e.controles.length === 0
      ? "sans plan de financement"
      : e.conforme
        ? "oui"
        : "non";
}

/**
 * What is wrong or must be done: failed and unevaluable controls, aid to publish, asked dispositifs
 * not eligible, warnings.
 */
export function anomalies(e: EvaluationFiche): string[] {
  const lignes: string[] = [];
  for (const k of e.controles) {
    if (k.conforme === false) lignes.push(`non conforme : ${k.message}`);
    else if (k.conforme === null) lignes.push(`non évaluable : ${k.message}`);
    else if (k.publication_requise) lignes.push(`à publier : ${k.message}`);
  }
  // A dispositif only evaluated by default never makes a row wrong (docs/domaine.md §2).
  const demandes = e.resultats.filter((r) => r.origine !== "defaut");
  for (const r of demandes.filter((x) => !x.eligible)) {
    lignes.push(
      `${r.dispositif} inéligible : ${r.motifs
        .filter((m) => m.niveau === "erreur")
        .map((m) => m.message)
        .join(" ")}`,
    );
  }
  const motifs = [
    ...e.motifs,
    ...e.resultats.filter((r) => r.eligible || r.origine !== "defaut").flatMap((r) => r.motifs),
  ];
  for (const m of motifs) if (m.niveau === "avertissement") lignes.push(`à vérifier : ${m.message}`);
  return [...new Set(lignes)];
}
