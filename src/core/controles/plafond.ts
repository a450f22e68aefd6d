// `plafond`: the lines paying under a dispositif stay within its maximum aid (docs/domaine.md §3).
import { ajouter, ZERO, type Dec } from "../argent.js";
import { sorteDe } from "../calculs/index.js";
import { euros } from "../format.js";
import type { Ligne } from "../financements.js";
import type { Controle } from "../modele.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";

type Parts = Map<number, Map<string, Dec>>;

/**
 * What a line counts against a ceiling on an expense: as for `cumul`, a State aid counts at its aid
 * (the grant equivalent of a loan or advance when given); a line that is no State aid (a BdT loan on
 * market terms) at its amount (docs/domaine.md §3, second edition).
 */
export function partComptee(l: Ligne, depense: string, parts: Parts, partsAide: Parts): Dec | undefined {
  return (l.aideEtat ? partsAide : parts).get(l.index)?.get(depense);
}

export const controlePlafond: DefinitionControle = {
  id: "plafond",
  nom: "Plafond du dispositif",
  controler: controlerPlafonds,
};

export function controlerPlafonds(c: ContexteControles): Controle[] {
  const controles: Controle[] = [];
  const parDispositif = new Map<string, Ligne[]>();
  for (const l of c.lignes) {
    if (!l.dispositif || l.regime === "fiscal") continue;
    const siennes = parDispositif.get(l.dispositif.id);
    if (siennes) siennes.push(l);
    else parDispositif.set(l.dispositif.id, [l]);
  }
  for (const [id, lignes] of parDispositif) {
    const resultats = c.resultats.filter((r) => r.dispositif === id);
    const regle = lignes[0].dispositif!;
    const parProjet = sorteDe(regle.calcul).plafondSurLaFiche?.(regle.calcul) === true;
    const uneDepenseParLigne = lignes.every((l) => l.depenses.length === 1);
    // Per expense when each line names one expense; otherwise over the expenses the lines cover.
    const groupes =
      !parProjet && uneDepenseParLigne
        ? parDepense(lignes)
        : [[...new Set(lignes.flatMap((l) => l.depenses))]];
    for (const depenses of groupes) {
      // The aid asked and the ceiling, summed in one pass each (called at every amount the room left tries).
      let plafond: Dec = ZERO;
      let sansChiffre = false;
      let ineligible = true;
      for (const r of resultats) {
        if (!depenses.includes(r.depense)) continue;
        if (r.plafond === null && r.eligible) sansChiffre = true;
        if (r.plafond !== null) plafond = ajouter(plafond, r.plafond);
        if (r.eligible) ineligible = false;
      }
      if (sansChiffre) continue; // no figure in the guide
      let demande: Dec = ZERO;
      for (const l of lignes) {
        let sienne: Dec = ZERO;
        for (const d of depenses) sienne = ajouter(sienne, partComptee(l, d, c.parts, c.partsAide) ?? ZERO);
        demande = ajouter(demande, sienne);
      }
      const conforme = demande.lessThanOrEqualTo(plafond);
      controles.push({
        controle: "plafond",
        portee: `${id} / ${depenses.join(", ")}`,
        conforme,
        valeur: demande,
        limite: plafond,
        message: !messageEcrit(c, conforme)
          ? ""
          : conforme
            ? `${id} : ${euros(demande)} demandés, dans le plafond de ${euros(plafond)}.`
            : ineligible
              ? `${id} : ${euros(demande)} demandés sur un dispositif inéligible ici (plafond nul) ; retirez ce financement ou corrigez la dépense.`
              : `${id} : ${euros(demande)} demandés, plafond ${euros(plafond)} dépassé de ${euros(demande.minus(plafond))} ; réduisez la demande d'autant.`,
        source: regle.source,
      });
    }
  }
  return controles;
}

/**
 * One group per expense of lines that each name one, in the order first named: by a loop, without a Set
 * and its copies (the usual case, run at every amount the room left tries).
 */
function parDepense(lignes: Ligne[]): string[][] {
  const groupes: string[][] = [];
  for (const l of lignes) {
    const d = l.depenses[0];
    if (!groupes.some((g) => g[0] === d)) groupes.push([d]);
  }
  return groupes;
}
