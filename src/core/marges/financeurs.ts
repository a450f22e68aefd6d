// A financer as a person names it: « Région », « ADEME (ademe-investissement) ».
import type { Referentiel } from "../regles/referentiel.js";
import type { Marge } from "../modele.js";

const GENERIQUES: Record<string, string> = {
  etat: "État",
  region: "Région",
  departement: "Département",
  epci: "EPCI",
  commune: "Commune",
  feder: "FEDER",
  autre_public: "Autre financeur public",
};

export function nomFinanceur(m: Pick<Marge, "financeur" | "dispositif">, ref: Referentiel): string {
  const generique = GENERIQUES[m.financeur];
  if (generique) return m.dispositif ? `${generique} (${m.dispositif})` : generique;
  const regle = ref.dispositifs.get(m.financeur);
  return regle ? `${regle.operateur} (${m.financeur})` : m.financeur;
}
