// Dated parameters, OpenFisca-style: a value changes by adding a dated value, never by overwriting.
import { z } from "zod";
import { estDateValide } from "./dates.js";
import { auPremierUsage } from "./schemas/communs.js";

/** A date AAAA-MM-JJ, built on first use, once (as the shared schemas of schemas/communs.ts). */
export const schemaDateIso = auPremierUsage(() =>
  z
    .string({ error: "une date AAAA-MM-JJ est attendue" })
    .refine(estDateValide, { message: "date invalide : format attendu AAAA-MM-JJ (ex. 2019-06-01)" }),
);

/** One dated value: from `depuis` (included) to `jusqu_au` (included) when given. */
export function valeurDatee<T extends z.ZodType>(valeur: T) {
  const dateIso = schemaDateIso();
  return z.strictObject({
    depuis: dateIso,
    jusqu_au: dateIso.optional(),
    valeur,
    source: z.string().min(3, "la source (fiche et ligne du guide, ou règlement et article) est obligatoire"),
    a_confirmer: z.boolean().optional(),
    note: z.string().optional(),
    /** Currency (docs/domaine.md §0): the last date someone checked the value still holds. */
    verifie_le: dateIso.optional(),
  });
}

export function parametre<T extends z.ZodType>(valeur: T) {
  return z
    .array(valeurDatee(valeur))
    .min(1, "au moins une valeur datée est attendue")
    .refine((vs) => vs.every((v, i) => i === 0 || vs[i - 1].depuis < v.depuis), {
      message: "les valeurs datées doivent être rangées par date `depuis` croissante, sans doublon",
    });
}

export interface ValeurDatee<T> {
  depuis: string;
  jusqu_au?: string;
  valeur: T;
  source: string;
  a_confirmer?: boolean;
  note?: string;
  verifie_le?: string;
}
export type Parametre<T> = ValeurDatee<T>[];

export interface Lecture<T> extends ValeurDatee<T> {
  /** Set when the date falls before the first value, or after the last one's end. */
  hors_periode?: "avant" | "apres";
}

/**
 * The value in force at `date`: the last one whose `depuis` is on or before it.
 * Before the first value, the first one is used and marked `hors_periode: "avant"`
 * (the caller warns): a figure is never invented.
 */
export function valeurA<T>(p: Parametre<T>, date: string): Lecture<T> {
  let choisie: ValeurDatee<T> | undefined;
  for (const v of p) if (v.depuis <= date) choisie = v;
  if (!choisie) return { ...p[0], hors_periode: "avant" };
  if (choisie.jusqu_au && date > choisie.jusqu_au) return { ...choisie, hors_periode: "apres" };
  return choisie;
}
