// Whether a name is one of the Territoires d'industrie of the guide, whatever its case and accents.
import type { Referentiel } from "./regles/referentiel.js";
import { normaliser } from "./suggestion.js";

// Normalised once per set of rules: evaluating a fiche must not normalise 121 names each time.
const cache = new WeakMap<Referentiel["territoires"], Set<string>>();

export function estTerritoireConnu(ref: Referentiel, nom: string): boolean {
  let noms = cache.get(ref.territoires);
  if (!noms) {
    noms = new Set(ref.territoires.territoires.map((t) => normaliser(t.nom)));
    cache.set(ref.territoires, noms);
  }
  return noms.has(normaliser(nom));
}
