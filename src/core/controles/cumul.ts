// `cumul` (Guide note 9, l.2639; GBER art. 8): on each expense, all State aid stays within the
// highest intensity (taux × assiette) of the eligible dispositifs evaluated on it.
import { ajouter, auMoinsZero, D, max, tronquerCentime, ZERO, type Dec } from "../argent.js";
import { euros } from "../format.js";
import type { Controle, Resultat } from "../modele.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";
import { controleExpire, rgecExpire } from "./reglement-expire.js";

const SOURCE = "Guide TI V5, note 9, l.2639 ; Règlement (UE) 651/2014, art. 8";

/** The intensity ceiling on an expense, and the result it comes from (null: none has a rate). */
export function plafondCumul(
  resultats: Resultat[],
  depense: { id: string; montant: Dec; taux_max?: Dec },
): { limite: Dec; meilleur: Resultat | null } | null {
  let meilleur: Resultat | null = null;
  for (const r of resultats) {
    if (r.depense !== depense.id || !r.eligible || r.intensite === null) continue;
    if (!meilleur || r.intensite.greaterThan(meilleur.intensite!)) meilleur = r;
  }
  const parUtilisateur = depense.taux_max ? tronquerCentime(depense.taux_max.times(depense.montant)) : null;
  if (!meilleur && !parUtilisateur) return null;
  // Without taux_max (the usual case), the best intensity, or zero: max without a comparison (run at
  // every amount the room left tries).
  const limite = parUtilisateur
    ? max(meilleur?.intensite ?? ZERO, parUtilisateur)
    : auMoinsZero(meilleur!.intensite!);
  return { limite, meilleur };
}

/** Where the intensity ceiling comes from, for the message. */
function origineDe(m: Resultat | null): string {
  return m
    ? `${m.dispositif}, ${new D(m.taux!).times(100).toString()} % de ${euros(m.assiette!)}`
    : "taux_max de la dépense";
}

export const controleCumul: DefinitionControle = {
  id: "cumul",
  nom: "Cumul des aides",
  controler: controlerCumul,
};

export function controlerCumul(c: ContexteControles): Controle[] {
  if (!c.benef.activite_economique) return [];
  const controles: Controle[] = [];
  const expire = c.lignes.some((l) => l.aideEtat) ? rgecExpire(c.ref, c.date, c.motifs) : null;
  for (const d of c.fiche.depenses) {
    let total: Dec = ZERO;
    for (const l of c.lignes)
      if (l.aideEtat) total = ajouter(total, c.partsAide.get(l.index)?.get(d.id) ?? ZERO);
    if (total.isZero()) continue;
    if (expire) {
      controles.push(
        controleExpire(
          "cumul",
          d.id,
          total,
          `Cumul sur « ${d.id} » (art. 8)`,
          expire,
          c.date,
          c.chiffresSeulement,
        ),
      );
      continue;
    }
    const p = plafondCumul(c.resultats, d);
    if (!p) {
      controles.push({
        controle: "cumul",
        portee: d.id,
        conforme: null,
        valeur: total,
        limite: null,
        message: !messageEcrit(c, null)
          ? ""
          : `Dépense « ${d.id} » : ${euros(total)} d'aides d'État, mais aucun dispositif chiffré n'en donne l'intensité maximale ; indiquez taux_max sur la dépense (l'intensité du régime d'aide appliqué).`,
        source: SOURCE,
      });
      c.motifs.push({
        code: "cumul_sans_plafond",
        niveau: "avertissement",
        message: `Dépense « ${d.id} » : cumul non vérifiable sans intensité maximale (taux_max).`,
        source: SOURCE,
      });
      continue;
    }
    const conforme = total.lessThanOrEqualTo(p.limite);
    controles.push({
      controle: "cumul",
      portee: d.id,
      conforme,
      valeur: total,
      limite: p.limite,
      message: !messageEcrit(c, conforme)
        ? ""
        : conforme
          ? `Dépense « ${d.id} » : ${euros(total)} d'aides publiques cumulées, dans l'intensité maximale de ${euros(p.limite)} (${origineDe(p.meilleur)}).`
          : `Dépense « ${d.id} » : ${euros(total)} d'aides publiques cumulées dépassent l'intensité maximale de ${euros(p.limite)} (${origineDe(p.meilleur)}) de ${euros(total.minus(p.limite))} ; réduisez les aides publiques d'autant.`,
      source: SOURCE,
    });
  }
  return controles;
}
