// The schema of a contract file (docs/interface.md, `verifier`): the contract's identity and period, and
// optionally its fiches inline. Each fiche of `fiches:` is validated on its own with the fiche
// schema, so that one bad fiche does not hide the others. Unknown fields are refused.
import { z } from "zod";
import { dateIso } from "../parametres.js";

const texte = (quoi: string, max: number) =>
  z
    .string({ error: `${quoi} (texte) est attendu` })
    .min(1, `${quoi} est vide`)
    .max(max, `${quoi} est trop long (${max} caractères au plus)`);

export const periodeSchema = z
  .strictObject({ debut: dateIso, fin: dateIso })
  .refine((p) => p.debut <= p.fin, {
    message: "la fin de la période précède son début : vérifiez debut et fin",
    path: ["fin"],
  });

export const contratSchema = z.strictObject({
  id: texte("l'identifiant du contrat", 200),
  titre: z.string().max(1000).optional(),
  territoire: texte("le nom du Territoire d'industrie", 200),
  periode: periodeSchema,
});

/** A contract file: `contrat:` and, when the fiches are not in files of their own, `fiches:`. */
export const fichierContratSchema = z.strictObject({
  $schema: z.string().optional(),
  contrat: contratSchema.optional(),
  fiches: z.array(z.unknown()).optional(),
});

export type Contrat = z.output<typeof contratSchema>;
export type FichierContrat = z.output<typeof fichierContratSchema>;
