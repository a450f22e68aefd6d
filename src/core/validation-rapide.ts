// A fast path for the common case, a valid input: the zod schema's definition (`_zod.def`) is compiled
// once into plain functions that accept what zod accepts and build the same output. Zod stays the
// judge: whatever these functions are not sure of (an unknown or missing field, a wrong type, a null
// to strip, a failed check, a kind of schema not handled here) gives RENDU, and the caller asks zod,
// which decides and words the messages as before. Transforms, refinements and default values are the
// schema's own, called by reference: the schema is written once, in src/core/schemas/.
import type { z } from "zod";

/** "Not sure: ask zod." */
export const RENDU: unique symbol = Symbol("rendu à zod");

type Noeud = (v: unknown) => unknown;
type Def = Record<string, unknown> & { type?: string; checks?: unknown[] };

const rendre: Noeud = () => RENDU;

/** The fast validator of a schema: its output, or RENDU. */
export function compilerValidation<S extends z.ZodType>(
  schema: S,
): (v: unknown) => z.output<S> | typeof RENDU {
  const noeud = compiler(schema);
  return (v) => (v === null ? RENDU : (noeud(v) as z.output<S> | typeof RENDU));
}

function definition(s: unknown): Def | undefined {
  return (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function compiler(s: unknown): Noeud {
  const def = definition(s);
  if (!def) return rendre;
  const base = compilerType(def);
  if (!def.checks?.length || base === rendre) return base;
  const verifications = def.checks.map(compilerVerification);
  if (verifications.some((f) => f === undefined)) return rendre;
  const fs = verifications as ((v: unknown) => boolean)[];
  // zod runs a schema's checks on the value its parse gave (after a pipe's transform, for a pipe).
  return (v) => {
    const r = base(v);
    if (r === RENDU) return RENDU;
    for (const f of fs) if (!f(r)) return RENDU;
    return r;
  };
}

/** A check zod runs after parsing, as a test that passes only where zod's would; undefined if not handled. */
function compilerVerification(ch: unknown): ((v: unknown) => boolean) | undefined {
  const d = definition(ch);
  if (!d) return undefined;
  switch (d.check) {
    case "min_length": {
      const min = d.minimum as number;
      // zod counts a text in code points: fewer than the UTF-16 units, at least half of them.
      return (v) =>
        Array.isArray(v)
          ? v.length >= min
          : typeof v === "string" && (v.length >= 2 * min || (min <= 1 && v.length >= min));
    }
    case "max_length": {
      const max = d.maximum as number;
      return (v) => (Array.isArray(v) || typeof v === "string") && v.length <= max;
    }
    case "string_format": {
      const motif = d.pattern;
      if (d.format !== "regex" || !(motif instanceof RegExp)) return undefined;
      return (v) => {
        if (typeof v !== "string") return false;
        motif.lastIndex = 0;
        return motif.test(v);
      };
    }
    case "custom": {
      // .refine(fn): the schema's own function; a conditional or asynchronous one is left to zod.
      const fn = d.fn as (v: unknown) => unknown;
      if (d.type !== "custom" || typeof fn !== "function" || d.when !== undefined) return undefined;
      return (v) => {
        const r: unknown = fn(v);
        return Boolean(r) && !(r instanceof Promise);
      };
    }
    default:
      return undefined;
  }
}

function compilerType(def: Def): Noeud {
  switch (def.type) {
    case "string":
      return def.coerce ? rendre : (v) => (typeof v === "string" ? v : RENDU);
    case "number":
      return def.coerce ? rendre : (v) => (typeof v === "number" && Number.isFinite(v) ? v : RENDU);
    case "boolean":
      return def.coerce ? rendre : (v) => (typeof v === "boolean" ? v : RENDU);
    case "unknown":
      // A block or list here would be stripped of its nulls before zod: left to zod.
      return (v) => (typeof v === "object" && v !== null ? RENDU : v);
    case "enum": {
      const valeurs = Object.values(def.entries as object);
      if (!valeurs.every((x) => typeof x === "string")) return rendre;
      const permises = new Set<unknown>(valeurs);
      return (v) => (permises.has(v) ? v : RENDU);
    }
    case "optional": {
      const interieur = compiler(def.innerType);
      return (v) => (v === undefined ? RENDU : interieur(v));
    }
    case "default": {
      const interieur = compiler(def.innerType);
      // `defaultValue` is zod's getter: a fresh copy of the default at each read, as zod gives it.
      return (v) => {
        if (v === undefined) return def.defaultValue;
        const r = interieur(v);
        return r === undefined ? def.defaultValue : r;
      };
    }
    case "pipe": {
      const entree = compiler(def.in);
      const sortie = compiler(def.out);
      if (entree === rendre || sortie === rendre) return rendre;
      return (v) => {
        const r = entree(v);
        return r === RENDU ? RENDU : sortie(r);
      };
    }
    case "transform": {
      const transformer = def.transform as (v: unknown, ctx: unknown) => unknown;
      if (typeof transformer !== "function") return rendre;
      return (v) => {
        const ctx = new Contexte(v);
        const r = transformer(v, ctx);
        return ctx.issues.length || r instanceof Promise ? RENDU : r;
      };
    }
    case "union":
      return compilerUnion(def);
    case "array": {
      const element = compiler(def.element);
      if (element === rendre) return rendre;
      return (v) => {
        if (!Array.isArray(v)) return RENDU;
        const sortie = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (x === null) return RENDU; // stripped before zod (sansNulls): zod's answer may differ
          const r = element(x);
          if (r === RENDU) return RENDU;
          sortie[i] = r;
        }
        return sortie;
      };
    }
    case "object":
      return compilerObjet(def);
    default:
      return rendre; // lazy, record, intersection…: zod's
  }
}

/** A union of plain types (a SIREN written as text or number): each option's test is exact, so the
 *  first option that accepts is the one zod would take. Any other union is left to zod. */
function compilerUnion(def: Def): Noeud {
  const options = def.options as unknown[];
  const simples = options.every((o) => {
    const d = definition(o);
    return d && ["string", "number", "boolean"].includes(d.type ?? "") && !d.coerce && !d.checks?.length;
  });
  if (!simples || def.inclusive === false || def.discriminator !== undefined) return rendre;
  const tests = options.map(compiler);
  return (v) => {
    for (const t of tests) if (t(v) !== RENDU) return v;
    return RENDU;
  };
}

/** What a transform receives from zod (its payload): the value, the issues, and addIssue. */
class Contexte {
  issues: unknown[] = [];
  constructor(readonly value: unknown) {}
  addIssue(issue: unknown): void {
    this.issues.push(issue);
  }
}

type Absent = "omettre" | "defaut" | "rendre";

/** A strict object (z.strictObject): every field known, the output's fields in the schema's order. */
function compilerObjet(def: Def): Noeud {
  const forme = def.shape as Record<string, unknown>;
  const strict = definition(def.catchall)?.type === "never";
  if (!strict || Object.getOwnPropertySymbols(forme).length || Object.hasOwn(forme, "__proto__"))
    return rendre;
  const cles = Object.keys(forme);
  const rang = new Map(cles.map((k, i) => [k, i]));
  const champs = cles.map((k) => compiler(forme[k]));
  const absents = cles.map((k) => absent(forme[k]));
  const defauts = cles.map((k) => definition(forme[k]));
  const requis = absents.filter((a) => a === "rendre").length;
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return RENDU;
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return RENDU;
    const o = v as Record<string, unknown>;
    // The fields given (a few of the schema's): each validated at its rank in the schema.
    const valeurs = new Array<unknown>(cles.length);
    let requisVus = 0;
    for (const k in o) {
      const i = rang.get(k);
      if (i === undefined) return RENDU; // an unknown field, "__proto__" included
      const x = o[k];
      // undefined: zod's rules for a present undefined are subtle; null: stripped before zod (sansNulls)
      if (x === undefined || x === null) return RENDU;
      const r = champs[i](x);
      if (r === RENDU || r === undefined) return RENDU;
      valeurs[i] = r;
      if (absents[i] === "rendre") requisVus++;
    }
    if (requisVus !== requis) return RENDU; // a required field is missing: zod's message
    // The output's fields in the schema's order, as zod writes them; an absent default as zod gives it.
    const sortie: Record<string, unknown> = {};
    for (let i = 0; i < cles.length; i++) {
      const r = valeurs[i];
      if (r !== undefined) sortie[cles[i]] = r;
      else if (absents[i] === "defaut") sortie[cles[i]] = defauts[i]!.defaultValue;
    }
    return sortie;
  };
}

/** What zod does with an absent field: leave it out (.optional()), write its default (.default()),
 *  or something else (a required field's message…), left to zod. */
function absent(s: unknown): Absent {
  const zod = (s as { _zod: { optin?: string; optout?: string } })._zod;
  if (zod.optin === "optional" && zod.optout === "optional") return "omettre";
  if (definition(s)?.type === "default") return "defaut";
  return "rendre";
}
