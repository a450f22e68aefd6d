// A financer as a person names it: « Région », « ADEME (ademe-investissement) ».
import type { Referentiel } from "../regles/referentiel.js";
import type { Marge } from "../modele.js";
import { NOMS_FINANCEURS } from "../schemas/communs.js";

export function nomFinanceur(m: Pick<Marge, "financeur" | "dispositif">, ref: Referentiel): string {
  const generique = (NOMS_FINANCEURS as Record<string, { nom: string } | undefined>)[m.financeur]?.nom;
  if (generique) return m.dispositif ? `${generique} (${m.dispositif})` : generique;
  const regle = ref.dispositifs.get(m.financeur);
  return regle ? `${regle.operateur} (${m.financeur})` : m.financeur;
}
