// The schema of a contract file (docs/interface.md, `verifier`): the contract's identity and period, and
// optionally its fiches inline. Each fiche of `fiches:` is validated on its own with the fiche
// schema, so that one bad fiche does not hide the others. Unknown fields are refused.
import { z } from "zod";
import { schemaDateIso } from "../parametres.js";
import { auPremierUsage } from "./communs.js";

/** Built at their first use: only a contract file needs them, not `simuler` on a fiche. */
export const schemasContrat = auPremierUsage(() => {
  const dateIso = schemaDateIso();
  const texte = (quoi: string, max: number) =>
    z
      .string({ error: `${quoi} (texte) est attendu` })
      .min(1, `${quoi} est vide`)
      .max(max, `${quoi} est trop long (${max} caractères au plus)`);

  const periode = z.strictObject({ debut: dateIso, fin: dateIso }).refine((p) => p.debut <= p.fin, {
    message: "la fin de la période précède son début : vérifiez debut et fin",
    path: ["fin"],
  });

  const contrat = z.strictObject({
    id: texte("l'identifiant du contrat", 200),
    titre: z.string().max(1000).optional(),
    territoire: texte("le nom du Territoire d'industrie", 200),
    periode,
  });

  /** A contract file: `contrat:` and, when the fiches are not in files of their own, `fiches:`. */
  const fichierContrat = z.strictObject({
    $schema: z.string().optional(),
    contrat: contrat.optional(),
    fiches: z.array(z.unknown()).optional(),
  });

  return { periode, contrat, fichierContrat };
});

type Schemas = ReturnType<typeof schemasContrat>;
export type Contrat = z.output<Schemas["contrat"]>;
export type FichierContrat = z.output<Schemas["fichierContrat"]>;
