// `effet_incitatif` (Guide note 8, l.2637; GBER art. 6(2)): for aid under the GBER, the application
// is filed strictly before the works start. De minimis aid does not need it.
import { dateFr } from "../dates.js";
import type { Controle } from "../modele.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";
import { controleExpire, rgecExpire } from "./reglement-expire.js";

const SOURCE = "Guide TI V5, note 8, l.2637 ; Règlement (UE) 651/2014, art. 6, §2";

export const controleEffetIncitatif: DefinitionControle = {
  id: "effet_incitatif",
  nom: "Effet incitatif",
  controler: controlerEffetIncitatif,
};

export function controlerEffetIncitatif(c: ContexteControles): Controle[] {
  if (!c.benef.activite_economique) return [];
  const rgec = c.lignes.filter((l) => l.aideEtat && l.regime === "rgec");
  if (rgec.length === 0) return [];
  const { date_demande, date_debut } = c.fiche;
  const financeurs = [...new Set(rgec.map((l) => l.financeur))].join(", ");
  const expire = rgecExpire(c.ref, c.date, c.motifs);
  if (expire) {
    const sujet = `Effet incitatif (art. 6, aides RGEC : ${financeurs})`;
    return [controleExpire("effet_incitatif", c.fiche.id, null, sujet, expire, c.date, c.chiffresSeulement)];
  }
  if (!date_demande || !date_debut) {
    const manque = !date_demande ? "date_demande" : "date_debut";
    c.motifs.push({
      code: "effet_incitatif_inconnu",
      niveau: "avertissement",
      message: `Effet incitatif non vérifiable : « ${manque} » non renseignée.`,
      source: SOURCE,
    });
    return [
      {
        controle: "effet_incitatif",
        portee: c.fiche.id,
        conforme: null,
        valeur: null,
        limite: null,
        message: !messageEcrit(c, null)
          ? ""
          : `Effet incitatif non vérifiable sans ${manque} (aides RGEC : ${financeurs}).`,
        source: SOURCE,
      },
    ];
  }
  const conforme = date_demande < date_debut;
  return [
    {
      controle: "effet_incitatif",
      portee: c.fiche.id,
      conforme,
      valeur: null,
      limite: null,
      message: !messageEcrit(c, conforme)
        ? ""
        : conforme
          ? `Demande du ${dateFr(date_demande)} antérieure au début des travaux (${dateFr(date_debut)}) : effet incitatif respecté.`
          : `Demande du ${dateFr(date_demande)}, ${date_demande === date_debut ? "le jour même du" : "après le"} début des travaux (${dateFr(date_debut)}) : une aide RGEC (${financeurs}) exige une demande strictement antérieure ; elle est perdue, sauf à passer en de minimis.`,
      source: SOURCE,
    },
  ];
}
