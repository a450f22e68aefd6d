// The eligibility conditions written in the rule files: a test on one input field.
// A condition whose input is missing never makes a dispositif ineligible: it is "sous réserve"
// (domaine.md §0).
import { D, type Dec } from "./argent.js";
import type { Motif } from "./modele.js";
import type { Condition } from "./schemas/regle.js";
import type { Forme } from "./schemas/communs.js";
import type { BeneficiaireEvalue } from "./modele.js";
import type { Depense, Fiche } from "./schemas/fiche.js";
import type { Referentiel } from "./regles/referentiel.js";
import { normaliser } from "./suggestion.js";

export interface Entrees {
  fiche: Fiche;
  depense: Depense;
  benef: BeneficiaireEvalue;
  ref: Referentiel;
  /** The form of the financing lines under this dispositif on this expense, when one. */
  forme: Forme | undefined;
}

/** Reads a field named as in the rule files: depense.x, beneficiaire.x, fiche.x, financement.x. */
export function lireChamp(e: Entrees, champ: string): unknown {
  const [objet, nom] = champ.split(".");
  switch (objet) {
    case "depense":
      return (e.depense as Record<string, unknown>)[nom];
    case "beneficiaire":
      if (nom === "taille" || nom === "categorie_entreprise" || nom === "activite_economique") return e.benef[nom] ?? undefined;
      if (nom === "effectif") return e.fiche.beneficiaire.groupe?.effectif ?? e.fiche.beneficiaire.effectif;
      return (e.fiche.beneficiaire as Record<string, unknown>)[nom];
    case "fiche":
      if (nom === "territoire_d_industrie") {
        const t = e.fiche.territoire;
        return t === undefined ? undefined : e.ref.territoires.territoires.some((x) => normaliser(x.nom) === normaliser(t));
      }
      return (e.fiche as Record<string, unknown>)[nom];
    case "financement":
      return nom === "forme" ? e.forme : undefined;
    default:
      return undefined;
  }
}

type Test = Pick<Condition, "champ" | "egal" | "dans" | "au_moins" | "au_plus" | "moins_de" | "plus_de" | "connu">;

function estDecimal(v: unknown): v is Dec {
  return v instanceof D;
}

/** true, false, or undefined when the input is missing. */
export function tester(t: Test, e: Entrees): boolean | undefined {
  const v = lireChamp(e, t.champ);
  if (t.connu) return v !== undefined;
  if (v === undefined) return undefined;
  const egal = (a: unknown, b: unknown) => (estDecimal(a) ? a.equals(new D(String(b))) : a === b);
  if (t.egal !== undefined && !egal(v, t.egal)) return false;
  if (t.dans !== undefined && !t.dans.some((x) => egal(v, x))) return false;
  const n: Dec | undefined = estDecimal(v) ? v : undefined;
  if (t.au_moins !== undefined && !(n && n.greaterThanOrEqualTo(t.au_moins))) return false;
  if (t.au_plus !== undefined && !(n && n.lessThanOrEqualTo(t.au_plus))) return false;
  if (t.moins_de !== undefined && !(n && n.lessThan(t.moins_de))) return false;
  if (t.plus_de !== undefined && !(n && n.greaterThan(t.plus_de))) return false;
  return true;
}

function afficher(v: unknown): string {
  if (estDecimal(v)) return v.toString();
  if (v === undefined) return "non renseigné";
  return String(v);
}

/** Evaluates a rule's conditions at `date`; returns the motifs (an `erreur` makes it ineligible). */
export function evaluerConditions(conditions: Condition[], e: Entrees, date: string): Motif[] {
  const motifs: Motif[] = [];
  for (const c of conditions) {
    if ((c.depuis && date < c.depuis) || (c.jusqu_au && date > c.jusqu_au)) continue;
    if (c.si && tester(c.si, e) !== true) continue;
    const r = tester(c, e);
    const message = c.message.replaceAll("{valeur}", afficher(lireChamp(e, c.champ))).replaceAll("{champ}", c.champ);
    if (r === false) motifs.push({ code: c.code, niveau: c.niveau, message, source: c.source });
    else if (r === undefined && c.niveau === "erreur") {
      motifs.push({
        code: `sous_reserve_${c.code}`,
        niveau: "avertissement",
        message: `Sous réserve de « ${c.champ.split(".")[1]} » (non renseigné) : ${message}`,
        source: c.source,
      });
    }
  }
  return motifs;
}
