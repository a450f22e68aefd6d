// `cofinancement` (Guide fiche 1, l.269 and l.273): the lines other than the dispositif's bring at
// least the share its rule sets of the expense (`controles.cofinancement_min`).
import { somme, ZERO } from "../argent.js";
import { lire } from "../calculs/commun.js";
import { euros, pourcent } from "../format.js";
import type { Controle } from "../modele.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";

export const controleCofinancement: DefinitionControle = {
  id: "cofinancement",
  nom: "Cofinancement",
  controler: controlerCofinancement,
};

export function controlerCofinancement(c: ContexteControles): Controle[] {
  const controles: Controle[] = [];
  for (const regle of c.ref.dispositifs.values()) {
    const minimum = regle.controles?.cofinancement_min;
    if (!minimum) continue;
    const siennes = c.lignes.filter((l) => l.dispositif?.id === regle.id);
    if (siennes.length === 0) continue;
    const part = lire(minimum, c.date, c.motifs);
    for (const d of c.fiche.depenses.filter((x) => siennes.some((l) => l.depenses.includes(x.id)))) {
      const autres = somme(
        c.lignes
          .filter((l) => l.dispositif?.id !== regle.id)
          .map((l) => c.parts.get(l.index)?.get(d.id) ?? ZERO),
      );
      const requis = d.montant.times(part.valeur);
      const conforme = autres.greaterThanOrEqualTo(requis);
      controles.push({
        controle: "cofinancement",
        portee: `${regle.id} / ${d.id}`,
        conforme,
        valeur: autres,
        limite: requis,
        message: c.chiffresSeulement
          ? ""
          : conforme
            ? `${regle.id} : les autres financeurs apportent ${euros(autres)}, au moins ${pourcent(part.valeur)} de l'étude (${euros(requis)}).`
            : `${regle.id} : les autres financeurs (collectivités, partenaires industriels) doivent apporter au moins ${pourcent(part.valeur)} de l'étude, soit ${euros(requis)} ; ils apportent ${euros(autres)}.`,
        source: part.source,
      });
    }
  }
  return controles;
}
