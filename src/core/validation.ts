// Validates parsed data with a zod schema and turns zod's issues into French messages that say
// where (file, line, field) and what to write instead.
import { z } from "zod";
import type { DocumentSource } from "./document.js";
import { cheminTexte, ErreurSaisie, type ProblemeSaisie } from "./erreurs.js";
import { vouliezVousDire } from "./suggestion.js";

/** Strips null values (an empty YAML field means "not given"); data without any is returned as is. */
export function sansNulls(v: unknown): unknown {
  return contientNull(v) ? copieSansNulls(v) : v;
}

function contientNull(v: unknown): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(contientNull);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    for (const x of Object.values(v)) if (contientNull(x)) return true;
  }
  return false;
}

function copieSansNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copieSansNulls);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null) continue;
      // A "__proto__" key stays a key (refused as unknown), never the object's prototype.
      if (k === "__proto__")
        Object.defineProperty(o, k, {
          value: copieSansNulls(x),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else o[k] = copieSansNulls(x);
    }
    return o;
  }
  return v;
}

/** The data at `prefixe` in the document, as read. */
export function donneesA(doc: DocumentSource, prefixe: readonly PropertyKey[]): unknown {
  return prefixe.length ? valeurA(doc.donnees, prefixe) : doc.donnees;
}

/** The data at `prefixe` in the document, validated by `schema`. */
export function valider<S extends z.ZodType>(
  schema: S,
  doc: DocumentSource,
  prefixe: PropertyKey[] = [],
): z.output<S> {
  const donnees = sansNulls(donneesA(doc, prefixe));
  const r = schema.safeParse(donnees);
  if (r.success) return r.data;
  throw new ErreurSaisie(
    problemesZod(r.error, schema, donnees, (chemin) => ({
      fichier: doc.fichier,
      ligne: doc.ligneDe([...prefixe, ...chemin]),
      champ: cheminTexte([...prefixe, ...chemin]) || undefined,
    })),
  );
}

type Lieu = (chemin: PropertyKey[]) => Omit<ProblemeSaisie, "message">;

/** At most this many problems are told at once: a hostile file must not make thousands (nor take minutes). */
const PROBLEMES_MAX = 20;

export function problemesZod(
  erreur: z.ZodError,
  schema: z.ZodType,
  donnees: unknown,
  lieu: Lieu,
): ProblemeSaisie[] {
  const problemes: ProblemeSaisie[] = [];
  for (const issue of erreur.issues.slice(0, PROBLEMES_MAX)) {
    const chemin = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys") {
      const connus = clesConnues(schema, chemin);
      const restants = issue.keys.length - PROBLEMES_MAX;
      if (restants > 0) {
        problemes.push({
          ...lieu(chemin),
          message: `${issue.keys.length} champs inconnus dans ce bloc (les ${PROBLEMES_MAX} premiers ci-dessous) : est-ce bien une fiche ?`,
        });
      }
      for (const cle of issue.keys.slice(0, PROBLEMES_MAX)) {
        problemes.push({
          ...lieu([...chemin, cle]),
          champ: cheminTexte([...chemin, cle]),
          message: `champ inconnu « ${cle} »${vouliezVousDire(cle, connus)} ; supprimez-le ou corrigez son nom${connus.length && connus.length <= 40 ? ` (champs permis : ${connus.join(", ")})` : ""}`,
        });
      }
      continue;
    }
    problemes.push({ ...lieu(chemin), message: messageIssue(issue, valeurA(donnees, chemin)) });
  }
  return problemes;
}

function messageIssue(issue: z.core.$ZodIssue, valeur: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      if (valeur === undefined) return "champ obligatoire manquant";
      return `${decrire(valeur)} ne convient pas : ${attendu(issue.expected)} attendu`;
    case "invalid_value": {
      const permis = issue.values.map(String);
      if (valeur === undefined)
        return `champ obligatoire manquant ; valeurs possibles : ${permis.join(", ")}`;
      return `valeur « ${String(valeur)} » non reconnue${vouliezVousDire(String(valeur), permis)} ; valeurs permises : ${permis.join(", ")}`;
    }
    case "too_small":
      if (issue.origin === "array")
        return issue.message && !issue.message.startsWith("Trop petit")
          ? issue.message
          : `au moins ${issue.minimum} élément(s) attendu(s)`;
      if (issue.origin === "string")
        return issue.message && !issue.message.startsWith("Trop petit") ? issue.message : "texte vide";
      return issue.message;
    case "too_big":
      return issue.origin === "string"
        ? `texte trop long (${issue.maximum} caractères au plus)`
        : issue.message;
    case "invalid_union":
      return `${decrire(valeur)} ne convient pas ici`;
    default:
      return issue.message;
  }
}

function attendu(t: string): string {
  const fr: Record<string, string> = {
    string: "un texte",
    number: "un nombre",
    boolean: "un booléen (true/false)",
    array: "une liste",
    object: "un bloc de champs",
    date: "une date",
  };
  return fr[t] ?? t;
}

function decrire(v: unknown): string {
  if (Array.isArray(v)) return "une liste";
  if (v === null) return "une valeur vide";
  // A "%YAML 1.1" file reads 2019-06-01 as a timestamp: say so, and how to keep it a date text.
  if (v instanceof Date)
    return `le texte « ${Number.isNaN(v.getTime()) ? "?" : v.toISOString().slice(0, 10)} », lu comme date-heure à cause de « %YAML 1.1 » (mettez-le entre guillemets),`;
  if (typeof v === "object") return "un bloc de champs";
  if (typeof v === "string") return `le texte « ${v.length > 40 ? v.slice(0, 40) + "…" : v} »`;
  return `la valeur ${String(v)}`;
}

function valeurA(donnees: unknown, chemin: readonly PropertyKey[]): unknown {
  let v: unknown = donnees;
  for (const k of chemin) {
    if (v == null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** The field names an object schema accepts at this path (for "vouliez-vous dire"). */
export function clesConnues(schema: z.ZodType, chemin: readonly PropertyKey[]): string[] {
  let niveau: unknown[] = [schema];
  for (const k of chemin) {
    niveau = niveau.flatMap(options).flatMap((s) => {
      const def = definition(s);
      if (def?.type === "array" && typeof k === "number") return [def.element];
      if (def?.type === "object") return [(def.shape as Record<string, unknown>)[String(k)]].filter(Boolean);
      return [];
    });
  }
  const cles = niveau.flatMap(options).flatMap((s) => {
    const def = definition(s);
    return def?.type === "object" ? Object.keys(def.shape as object) : [];
  });
  return [...new Set(cles)].filter((k) => k !== "$schema");
}

type Def = Record<string, unknown> | undefined;
function definition(s: unknown): Def {
  return (s as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
}

/** The object schemas a schema may be: unwraps optional/default/pipe, and each option of a union. */
function options(s: unknown): unknown[] {
  const d = deballer(s);
  const def = definition(d);
  return def?.type === "union" ? (def.options as unknown[]).flatMap(options) : [d];
}

function deballer(s: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = definition(s);
    if (!def) return s;
    if (
      def.type === "optional" ||
      def.type === "default" ||
      def.type === "nullable" ||
      def.type === "prefault"
    )
      s = def.innerType;
    else if (def.type === "pipe") s = def.in;
    else if (def.type === "lazy")
      s = (def.getter as () => unknown)(); // schemas built on first use
    else return s;
  }
  return s;
}
