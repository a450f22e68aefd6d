// `participation_minimale` (CGCT art. L1111-10 III): a collectivité that owns an investment
// operation funds at least 20 % of its total public financing, its own share included.
import { somme } from "../argent.js";
import { lire } from "../calculs/commun.js";
import { euros, pourcent } from "../format.js";
import type { Controle } from "../modele.js";
import type { ContexteControles } from "./contexte.js";

export function controlerParticipationMinimale(c: ContexteControles): Controle[] {
  const b = c.fiche.beneficiaire;
  if (b.nature !== "collectivite" || !c.fiche.financements) return [];
  if (!c.fiche.depenses.some((d) => d.nature === "investissement" || d.nature === "equipement")) return [];
  const part = lire(c.ref.participationMinimale.part_minimale, c.date, c.motifs);
  const propre = somme(c.lignes.filter((l) => l.financeur === "autofinancement").map((l) => l.montant));
  const publics = somme(c.lignes.filter((l) => !l.prive).map((l) => l.montant)).plus(propre);
  const requis = publics.times(part.valeur);
  const atteint = propre.greaterThanOrEqualTo(requis);
  const derogation = !atteint && b.derogation_participation === true;
  if (derogation) {
    c.motifs.push({ code: "participation_derogation", niveau: "avertissement", message: `Participation du maître d'ouvrage sous ${pourcent(part.valeur)} : dérogation déclarée (derogation_participation), à justifier.`, source: part.source });
  }
  return [
    {
      controle: "participation_minimale",
      portee: b.nom ?? c.fiche.id,
      conforme: atteint || derogation,
      valeur: propre,
      limite: requis,
      message: atteint
        ? `Participation du maître d'ouvrage ${euros(propre)}, au moins ${pourcent(part.valeur)} des financements publics (${euros(publics)}).`
        : `Participation du maître d'ouvrage ${euros(propre)} sous ${pourcent(part.valeur)} des financements publics (${euros(publics)}), soit ${euros(requis)}${derogation ? " : dérogation déclarée" : " ; augmentez l'autofinancement ou réduisez les aides publiques"}.`,
      source: part.source,
    },
  ];
}
