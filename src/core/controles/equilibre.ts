// `equilibre`: the resources equal the total cost, to the cent (docs/domaine.md §3).
import { somme } from "../argent.js";
import { euros } from "../format.js";
import type { Controle } from "../modele.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";

export const controleEquilibre: DefinitionControle = {
  id: "equilibre",
  nom: "Équilibre du plan",
  controler: controlerEquilibre,
};

export function controlerEquilibre(c: ContexteControles): Controle[] {
  if (!c.fiche.financements) return [];
  const ressources = somme(c.lignes.map((l) => l.montant));
  const cout = somme(c.fiche.depenses.map((d) => d.montant));
  const ecart = ressources.minus(cout);
  const conforme = ecart.isZero();
  return [
    {
      controle: "equilibre",
      portee: c.fiche.id,
      conforme,
      valeur: ressources,
      limite: cout,
      message: !messageEcrit(c, conforme)
        ? ""
        : conforme
          ? `Plan équilibré : ressources = coût total = ${euros(cout)}.`
          : `Plan déséquilibré : ressources ${euros(ressources)} pour un coût total de ${euros(cout)} (${ecart.isPositive() ? "excédent" : "manque"} de ${euros(ecart.abs())}) ; ajustez l'autofinancement ou un financement.`,
      source: "Plan de financement : ressources = dépenses",
    },
  ];
}
