// How a financing line is shared between the expenses it finances: pro rata of their assiettes,
// exact to the cent (docs/domaine.md §3, `cumul`). Used by the evaluation and by the room left.
import { repartir, type Dec } from "./argent.js";
import { plafondCumul } from "./controles/cumul.js";
import type { Ligne } from "./financements.js";
import type { Resultat } from "./modele.js";
import type { Fiche } from "./schemas/fiche.js";

export type Parts = Map<number, Map<string, Dec>>;

/** The weight of each expense of a line: its dispositif's assiette there, else the best one, else its amount. */
export function poidsDeLigne(fiche: Fiche, l: Ligne, resultats: Resultat[]): Dec[] {
  // By push, not `map` (holey once optimized): one kind of array for `repartir` (issue 20).
  const poids: Dec[] = [];
  for (const id of l.depenses) poids.push(poidsDe(fiche, l, resultats, id));
  return poids;
}

function poidsDe(fiche: Fiche, l: Ligne, resultats: Resultat[], id: string): Dec {
  const d = fiche.depenses.find((x) => x.id === id)!;
  if (l.dispositif) {
    const r = resultats.find((x) => x.dispositif === l.dispositif!.id && x.depense === id);
    if (r?.assiette) return r.assiette;
  }
  return plafondCumul(resultats, d)?.meilleur?.assiette ?? d.montant;
}

/** A line's amount and aid on each of its expenses. */
export function partagerLigne(
  l: Ligne,
  poids: Dec[],
): { montants: Map<string, Dec>; aides: Map<string, Dec> } {
  const montants = repartir(l.montant, poids);
  const aides = repartir(l.aide, poids);
  // Filled in a loop, not from arrays of pairs: the room left shares two lines at every amount it tries.
  const m = new Map<string, Dec>();
  const a = new Map<string, Dec>();
  for (let i = 0; i < l.depenses.length; i++) {
    m.set(l.depenses[i], montants[i]);
    a.set(l.depenses[i], aides[i]);
  }
  return { montants: m, aides: a };
}

/** Each line's amount (and aid) on each expense it finances. */
export function partager(
  fiche: Fiche,
  lignes: Ligne[],
  resultats: Resultat[],
): { parts: Parts; partsAide: Parts } {
  const parts: Parts = new Map();
  const partsAide: Parts = new Map();
  for (const l of lignes) {
    const { montants, aides } = partagerLigne(l, poidsDeLigne(fiche, l, resultats));
    parts.set(l.index, montants);
    partsAide.set(l.index, aides);
  }
  return { parts, partsAide };
}
