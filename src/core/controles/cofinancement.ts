// `cofinancement` (Guide fiche 1, l.269 and l.273): the lines other than the dispositif's bring at
// least the share its rule sets of the expense (`controles.cofinancement_min`).
import { ajouter, ZERO, type Dec } from "../argent.js";
import { lire } from "../calculs/commun.js";
import { euros, pourcent } from "../format.js";
import type { Controle } from "../modele.js";
import { preparation } from "../regles/referentiel.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";

export const controleCofinancement: DefinitionControle = {
  id: "cofinancement",
  nom: "Cofinancement",
  controler: controlerCofinancement,
};

export function controlerCofinancement(c: ContexteControles): Controle[] {
  const controles: Controle[] = [];
  // Only the rules that set a minimum (run at every amount the room left tries: issue 20).
  for (const regle of preparation(c.ref).avecCofinancement) {
    const minimum = regle.controles!.cofinancement_min!;
    const siennes = c.lignes.filter((l) => l.dispositif?.id === regle.id);
    if (siennes.length === 0) continue;
    const part = lire(minimum, c.date, c.motifs);
    for (const d of c.fiche.depenses) {
      if (!siennes.some((l) => l.depenses.includes(d.id))) continue;
      let autres: Dec = ZERO;
      for (const l of c.lignes)
        if (l.dispositif?.id !== regle.id) autres = ajouter(autres, c.parts.get(l.index)?.get(d.id) ?? ZERO);
      const requis = d.montant.times(part.valeur);
      const conforme = autres.greaterThanOrEqualTo(requis);
      controles.push({
        controle: "cofinancement",
        portee: `${regle.id} / ${d.id}`,
        conforme,
        valeur: autres,
        limite: requis,
        message: !messageEcrit(c, conforme)
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
