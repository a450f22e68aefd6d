// The result columns `lot` appends to each CSV row (README, "Traiter un tableau CSV").
import { somme, type Dec } from "../../core/argent.js";
import { estAnomalie } from "../../core/controles/messages.js";
import { euros } from "../../core/format.js";
import type { EvaluationFiche } from "../../core/modele.js";
import { FINANCEURS_PRIVES } from "../../core/schemas/communs.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import { ID_DEPENSE, type PlanColonnes } from "./entetes.js";
import { entreGuillemets, phraseMarge } from "../rendu/marges.js";
import { nomDeLaDepense, nommerParEntetes, type DireAuTableur } from "./consignes.js";

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

/**
 * `dire`: the messages of `e` are a fiche's, told to a CSV user only as its anomalies are written
 * (the cells show no other: telling them all would read every message of every row).
 */
export function cellulesResultat(
  e: EvaluationFiche,
  fiche: Fiche | undefined,
  plan: PlanColonnes,
  separateurDecimal: string,
  dire?: DireAuTableur,
): string[] {
  return valeursResultat(e, fiche, plan, dire).map((v) =>
    typeof v === "string" ? v : nombreCsv(v, separateurDecimal),
  );
}

/** The result cells' values, amounts as decimals (a CSV writes them as text, a workbook as numbers). */
export function valeursResultat(
  e: EvaluationFiche,
  fiche: Fiche | undefined,
  plan: PlanColonnes,
  dire?: DireAuTableur,
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
    margesEnMots(e, plan),
    anomalies(e, dire).join(ENTRE_ELEMENTS),
    e.erreurs.join(ENTRE_ELEMENTS),
  ];
}

/**
 * The "Marges" cell: one phrase per public financer, the row's expense named by the file's column as
 * the phrase is written (nomDeLaDepense), not replaced in it afterwards: every row has this cell.
 */
function margesEnMots(e: EvaluationFiche, plan: PlanColonnes): string {
  if (e.marges.length === 0) return "";
  const nommer = nommerParEntetes(plan);
  const depense = (d: string) => (d === ID_DEPENSE ? nomDeLaDepense(nommer) : entreGuillemets(d));
  return e.marges.map((m) => phraseMarge(m, false, depense)).join(ENTRE_ELEMENTS);
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
 * not eligible, warnings; each once. `dire`: each message as told to a CSV user (consignes.ts), when
 * `e`'s are not yet.
 */
export function anomalies(e: EvaluationFiche, dire?: DireAuTableur): string[] {
  const lignes: string[] = [];
  const ajouter = (ligne: string) => {
    if (!lignes.includes(ligne)) lignes.push(ligne);
  };
  const texte = (m: { message: string; code?: string }) => (dire ? dire(m.message, m.code) : m.message);
  // The controls whose message `lot` asks written in CSV (evaluerFiche's `messages: "anomalies"`).
  for (const k of e.controles) {
    if (!estAnomalie(k.conforme, k.publication_requise)) continue;
    const sorte = k.conforme === false ? "non conforme" : k.conforme === null ? "non évaluable" : "à publier";
    ajouter(`${sorte} : ${texte(k)}`);
  }
  // A dispositif only evaluated by default never makes a row wrong (docs/domaine.md §2).
  for (const r of e.resultats) {
    if (r.eligible || r.origine === "defaut") continue;
    const erreurs: string[] = [];
    for (const m of r.motifs) if (m.niveau === "erreur") erreurs.push(texte(m));
    ajouter(`${r.dispositif} inéligible : ${erreurs.join(" ")}`);
  }
  for (const m of e.motifs) if (m.niveau === "avertissement") ajouter(`à vérifier : ${texte(m)}`);
  for (const r of e.resultats)
    if (r.eligible || r.origine !== "defaut")
      for (const m of r.motifs) if (m.niveau === "avertissement") ajouter(`à vérifier : ${texte(m)}`);
  return lignes;
}
