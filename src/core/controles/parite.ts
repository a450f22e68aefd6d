// `parite` (Guide fiche 21, l.2054): the financers a rule names (`controles.parite`) pay under the
// dispositif in equal parts.
import { somme } from "../argent.js";
import { euros } from "../format.js";
import type { Controle } from "../modele.js";
import { preparation } from "../regles/referentiel.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";

export const controleParite: DefinitionControle = {
  id: "parite",
  nom: "Parité État-Région",
  controler: controlerParite,
};

export function controlerParite(c: ContexteControles): Controle[] {
  const controles: Controle[] = [];
  // Only the rules that name a parity (run at every amount the room left tries: issue 20).
  for (const regle of preparation(c.ref).avecParite) {
    const financeurs = regle.controles!.parite!;
    const lignes = c.lignes.filter((l) => l.dispositif?.id === regle.id && financeurs.includes(l.financeur));
    if (lignes.length === 0) continue;
    const [a, b] = financeurs.map((f) =>
      somme(lignes.filter((l) => l.financeur === f).map((l) => l.montant)),
    );
    const conforme = a.equals(b);
    controles.push({
      controle: "parite",
      portee: regle.id,
      conforme,
      valeur: a,
      limite: b,
      message: !messageEcrit(c, conforme)
        ? ""
        : conforme
          ? `${regle.id} : ${financeurs[0]} et ${financeurs[1]} financent à parité (${euros(a)} chacun).`
          : `${regle.id} : ${financeurs[0]} ${euros(a)}, ${financeurs[1]} ${euros(b)} ; le guide demande une parité : écart de ${euros(a.minus(b).abs())} à corriger.`,
      source: regle.source,
    });
  }
  return controles;
}
