// `transparence` (Guide note 10, l.2641; GBER art. 9): an individual aid of the threshold or more
// must be published. An obligation, not a breach: `conforme` stays true.
import { lire } from "../calculs/commun.js";
import { euros } from "../format.js";
import type { Controle } from "../modele.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";
import { controleExpire, rgecExpire } from "./reglement-expire.js";

export const controleTransparence: DefinitionControle = {
  id: "transparence",
  nom: "Transparence",
  controler: controlerTransparence,
};

export function controlerTransparence(c: ContexteControles): Controle[] {
  if (!c.benef.activite_economique) return [];
  const controles: Controle[] = [];
  for (const l of c.lignes) {
    if (!l.aideEtat || l.aide.isZero()) continue;
    const expire = rgecExpire(c.ref, l.dateOctroi ?? c.date, c.motifs);
    if (expire) {
      const sujet = `Transparence (art. 9) de l'aide de ${euros(l.aide)}`;
      controles.push(
        controleExpire(
          "transparence",
          l.financeur,
          l.aide,
          sujet,
          expire,
          l.dateOctroi ?? c.date,
          c.chiffresSeulement,
        ),
      );
      continue;
    }
    const lu = lire(c.ref.transparence.seuils, l.dateOctroi ?? c.date, c.motifs);
    const seuil = seuilDuSecteur(lu.valeur, c.fiche.beneficiaire.secteur);
    const publication = l.aide.greaterThanOrEqualTo(seuil);
    if (l.aide.equals(seuil)) {
      c.motifs.push({
        code: "transparence_seuil_exact",
        niveau: "avertissement",
        message: `Financement n°${l.index + 1} : aide égale au seuil de ${euros(seuil)} ; le guide dit « ≥ », la publication est retenue.`,
        source: lu.source,
      });
    }
    controles.push({
      controle: "transparence",
      portee: l.financeur,
      conforme: true,
      valeur: l.aide,
      limite: seuil,
      publication_requise: publication,
      message: !messageEcrit(c, true, publication)
        ? ""
        : publication
          ? `${l.financeur} : aide individuelle de ${euros(l.aide)} ≥ ${euros(seuil)} : elle doit être publiée (module TAM de la Commission).`
          : `${l.financeur} : aide de ${euros(l.aide)} sous le seuil de publication de ${euros(seuil)}.`,
      source: lu.source,
    });
  }
  return controles;
}

/** The threshold of the beneficiary's sector, in a dated value of rules/parametres/transparence.yaml. */
export function seuilDuSecteur<T>(v: { general: T; agriculture: T; peche: T }, secteur?: string): T {
  return secteur === "agriculture" ? v.agriculture : secteur === "peche" ? v.peche : v.general;
}
