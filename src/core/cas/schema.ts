// The format of a rule test case file (test/cas/<dispositif>.yaml, docs/cas-de-test.md): fiches and the
// figures a person computed by hand from the guide, each with the line or article that justifies it.
import { z } from "zod";
import { estDateValide } from "../dates.js";
import { CONTROLES } from "../controles/index.js";
import type { NomControle } from "../modele.js";
import { FORMES } from "../schemas/communs.js";

/** An expected amount or rate, as a number or a text ("42000.00"); null: the engine must give none. */
const chiffre = z
  .union([z.number(), z.string()])
  .refine((v) => (typeof v === "number" ? Number.isFinite(v) : /^-?\d+(\.\d+)?$/.test(v.trim())), {
    message: "un nombre est attendu (ex. 42000.00 ou « 42000.00 ») ; null si le moteur ne doit pas en donner",
  })
  .nullable()
  .optional();

/** The controls a case may expect: those of the table of controls. */
const IDS_CONTROLES = CONTROLES.map((k) => k.id) as [NomControle, ...NomControle[]];

const codes = z.array(z.string().min(1)).optional();

const resultatAttendu = z.strictObject({
  /** Default: the file's `dispositif`. */
  dispositif: z.string().min(1).optional(),
  /** Default: the only result of this dispositif in the fiche. */
  depense: z.string().min(1).optional(),
  eligible: z.boolean().optional(),
  assiette: chiffre,
  taux: chiffre,
  plafond: chiffre,
  demande: chiffre,
  depassement: chiffre,
  /** The exact list of reason codes, in any order. */
  codes,
  /** Codes that must be among the reasons. */
  codes_presents: codes,
  /** Codes that must not be among the reasons. */
  codes_absents: codes,
  /** Some entries of `details` (e.g. volet: regional). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).nullable()).optional(),
});

const controleAttendu = z.strictObject({
  controle: z.enum(IDS_CONTROLES),
  /** Default: the only control of this name. */
  portee: z.string().min(1).optional(),
  conforme: z.boolean().nullable().optional(),
  valeur: chiffre,
  limite: chiffre,
});

const blocFiche = z.record(z.string(), z.unknown());

const cas = z.strictObject({
  nom: z.string().trim().min(1, "texte vide : donnez au cas un nom qui dit ce qu'il vérifie"),
  source: z
    .string()
    .trim()
    .min(1, "texte vide : citez la ligne du guide ou l'article qui justifie le chiffre"),
  /** Evaluation date (as --date); default: the fiche's date_demande. */
  date: z
    .string()
    .refine(estDateValide, { message: "date invalide, format attendu AAAA-MM-JJ (ex. 2019-06-01)" })
    .optional(),
  /** Form of aid assumed where no financing line says (as simuler's --forme). */
  forme: z.enum(FORMES).optional(),
  fiche: blocFiche.optional(),
  resultats: z.array(resultatAttendu).optional(),
  controles: z.array(controleAttendu).optional(),
});

export const fichierCasSchema = z.strictObject({
  /** The dispositif the results are about when a result does not name one. */
  dispositif: z.string().min(1).optional(),
  description: z.string().optional(),
  /** What every case's fiche starts from: `fiche` (merged field by field), `depense` (under each expense). */
  base: z.strictObject({ fiche: blocFiche.optional(), depense: blocFiche.optional() }).optional(),
  cas: z.array(cas).min(1, "au moins un cas attendu dans la liste « cas »"),
});

export type FichierCasBrut = z.output<typeof fichierCasSchema>;
export type CasBrut = FichierCasBrut["cas"][number];
export type ResultatAttendu = z.output<typeof resultatAttendu>;
export type ControleAttendu = z.output<typeof controleAttendu>;
