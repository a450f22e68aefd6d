// Whether a name is one of the Territoires d'industrie of the guide (or its corrected spelling, `alias`),
// whatever its case, accents, spaces and hyphens.
import type { Referentiel } from "./regles/referentiel.js";
import { normaliser } from "./suggestion.js";

// Normalised once per set of rules: evaluating a fiche must not normalise 121 names each time; and
// the names read are remembered, since the rows of a contract repeat a few (at most NOMS_RETENUS of
// them, so that memory stays flat on a file of free texts).
const NOMS_RETENUS = 10_000;
const cache = new WeakMap<Referentiel["territoires"], { connus: Set<string>; lus: Map<string, boolean> }>();

export function estTerritoireConnu(ref: Referentiel, nom: string): boolean {
  let c = cache.get(ref.territoires);
  if (!c) {
    c = {
      connus: new Set(
        ref.territoires.territoires.flatMap((t) => [t.nom, ...(t.alias ?? [])]).map(normaliser),
      ),
      lus: new Map(),
    };
    cache.set(ref.territoires, c);
  }
  let connu = c.lus.get(nom);
  if (connu === undefined) {
    connu = c.connus.has(normaliser(nom));
    if (c.lus.size < NOMS_RETENUS) c.lus.set(nom, connu);
  }
  return connu;
}
