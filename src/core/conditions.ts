// The eligibility conditions written in the rule files: a test on one input field.
// A condition whose input is missing never makes a dispositif ineligible: it is "sous réserve"
// (docs/domaine.md §0).
import { D, type Dec } from "./argent.js";
import { motifAVerifier } from "./actualite.js";
import { dateFr } from "./dates.js";
import type { Etape, Motif } from "./modele.js";
import type { Condition } from "./schemas/regle.js";
import { lireChamp, type Entrees } from "./champs.js";

/** The fiche field a user fills for a field of the rule files (a derived one names its input). */
function champSaisi(champ: string): string {
  return champ === "fiche.territoire_d_industrie" ? "territoire" : champ.split(".")[1];
}

type Test = Pick<
  Condition,
  "champ" | "egal" | "dans" | "au_moins" | "au_plus" | "moins_de" | "plus_de" | "connu"
>;

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

/**
 * The conditions in force at `date`. Before the earliest `depuis` of a rule's conditions the rule did
 * not exist yet: its first conditions apply rather than vanish (as a dated value does, `valeurA`),
 * and `avant` gives that date for a warning.
 */
export function conditionsEnVigueur(
  conditions: Condition[],
  date: string,
): { conditions: Condition[]; avant?: string } {
  const debut = conditions.reduce<string | undefined>(
    (m, c) => (c.depuis && (m === undefined || c.depuis < m) ? c.depuis : m),
    undefined,
  );
  const lue = debut !== undefined && date < debut ? debut : date;
  return {
    conditions: conditions.filter((c) => !(c.depuis && lue < c.depuis) && !(c.jusqu_au && lue > c.jusqu_au)),
    avant: lue !== date ? debut : undefined,
  };
}

/**
 * Evaluates a rule's conditions at `date`, each test once: the motifs (an `erreur` makes the rule
 * ineligible) and, with `avecEtapes`, the reasoning steps (`expliquer`): each test, the input read,
 * its outcome.
 */
export function evaluerConditions(
  conditions: Condition[],
  e: Entrees,
  date: string,
  avecEtapes = false,
): { motifs: Motif[]; etapes: Etape[] } {
  const motifs: Motif[] = [];
  const etapes: Etape[] = [];
  if (conditions.length === 0) return { motifs, etapes }; // most rules: no condition to read
  const enVigueur = conditionsEnVigueur(conditions, date);
  if (enVigueur.avant) {
    motifs.push({
      code: "date_avant_vigueur",
      niveau: "avertissement",
      message: `Date d'évaluation ${dateFr(date)} antérieure à l'entrée en vigueur des conditions de ce dispositif (${dateFr(enVigueur.avant)}) : elles sont appliquées faute d'antérieures.`,
      source: conditions.find((c) => c.depuis === enVigueur.avant)!.source,
    });
  }
  for (const c of enVigueur.conditions) {
    const actualite = motifAVerifier(c, date);
    if (actualite) motifs.push(actualite);
    if (c.si && tester(c.si, e) !== true) continue;
    const r = tester(c, e);
    const valeur = r === false || avecEtapes ? afficher(lireChamp(e, c.champ)) : "";
    if (r === false)
      motifs.push({
        code: c.code,
        niveau: c.niveau,
        message: c.message.replaceAll("{valeur}", valeur).replaceAll("{champ}", c.champ),
        source: c.source,
      });
    else if (r === undefined && c.niveau === "erreur") {
      motifs.push({
        code: `sous_reserve_${c.code}`,
        niveau: "avertissement",
        message: `Sous réserve de « ${champSaisi(c.champ)} » (non renseigné) : la condition « ${decrireTest(c)} » doit être remplie.`,
        source: c.source,
      });
    }
    if (!avecEtapes) continue;
    const issue =
      r === true
        ? "remplie"
        : r === false
          ? c.niveau === "erreur"
            ? "non remplie"
            : "non suivie (avertissement)"
          : "sous réserve (non renseigné)";
    etapes.push({
      libelle: `${c.niveau === "erreur" ? "Condition" : "Recommandation"} : ${decrireTest(c)}${c.si ? ` (si ${decrireTest(c.si)})` : ""} ; valeur lue : ${valeur}`,
      valeur: issue,
      source: c.source,
    });
  }
  return { motifs, etapes };
}

/** A test as a person reads it: "effectif < 250", "secteur parmi industrie, commerce". */
export function decrireTest(t: Test): string {
  const nom = t.champ.split(".")[1];
  const parties: string[] = [];
  if (t.connu) parties.push("renseigné");
  if (t.egal !== undefined) parties.push(`= ${String(t.egal)}`);
  if (t.dans !== undefined) parties.push(`parmi ${t.dans.join(", ")}`);
  if (t.au_moins !== undefined) parties.push(`≥ ${t.au_moins.toString()}`);
  if (t.au_plus !== undefined) parties.push(`≤ ${t.au_plus.toString()}`);
  if (t.plus_de !== undefined) parties.push(`> ${t.plus_de.toString()}`);
  if (t.moins_de !== undefined) parties.push(`< ${t.moins_de.toString()}`);
  return `${nom} ${parties.join(" et ")}`;
}
