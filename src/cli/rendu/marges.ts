// The room left of each public financer, one line each, for a person (docs/interface.md « Marges »):
// « Région : 130 000,00 € au plus, limité par le cumul sur « chaudiere » — demandé 150 000,00 €, à
// réduire de 20 000,00 € ».
import { euros } from "../../core/format.js";
import type { Marge } from "../../core/modele.js";
import { c } from "./couleurs.js";

/** The expenses a limit is on, as the reader names them: « chaudiere » (a CSV row: by its column). */
export type NommerDepenses = (depenses: string) => string;

export const entreGuillemets: NommerDepenses = (depenses) => `« ${depenses} »`;

/** What binds, in words: « le cumul sur « chaudiere » ». */
export function limiteEnMots(
  l: NonNullable<Marge["limite_par"]>,
  nommer: NommerDepenses = entreGuillemets,
): string {
  const [dispositif, depenses] = l.portee.split(" / ");
  switch (l.controle) {
    case "cumul":
      return `le cumul sur ${nommer(l.portee)}`;
    case "plafond":
      return `le plafond de ${dispositif}${depenses ? ` sur ${nommer(depenses)}` : ""}`;
    case "de_minimis":
      return `le plafond de minimis de l'entreprise unique « ${l.portee} »`;
    case "participation_minimale":
      return "la participation minimale du maître d'ouvrage (CGCT, art. L1111-10)";
    case "cofinancement":
      return `le cofinancement exigé par ${dispositif}${depenses ? ` sur ${nommer(depenses)}` : ""}`;
    case "parite":
      return `la parité État-Région de ${l.portee}`;
    case "equilibre":
      return "l'autofinancement, entièrement remplacé (équilibre du plan)";
    default:
      return `le contrôle ${l.controle} (${l.portee})`;
  }
}

/** One financer's line; `couleurs: false` for a spreadsheet cell, which names its expense by `nommer`. */
export function phraseMarge(m: Marge, couleurs = true, nommer?: NommerDepenses): string {
  const rouge = (x: string) => (couleurs ? c().red(x) : x);
  const vert = (x: string) => (couleurs ? c().green(x) : x);
  const par = m.limite_par ? `, limité par ${limiteEnMots(m.limite_par, nommer)}` : "";
  if (m.maximum === null || m.marge === null)
    return `${m.nom} : aucun montant de cette ligne seule ne rend le plan conforme${par} — demandé ${euros(m.demande)} ; d'autres lignes doivent baisser`;
  const suite = m.marge.isNegative()
    ? rouge(`à réduire de ${euros(m.marge.negated())}`)
    : m.marge.isZero()
      ? "au maximum"
      : vert(`encore ${euros(m.marge)}`);
  return `${m.nom} : ${euros(m.maximum)} au plus${par} — demandé ${euros(m.demande)}, ${suite}`;
}

/** The lines of the table: a title, then one line per public financing line. */
export function rendreMarges(marges: Marge[]): string[] {
  if (marges.length === 0) return [];
  return [
    c().bold(
      "Marges des financeurs publics (chacun seul, les autres lignes inchangées, l'autofinancement ajusté)",
    ),
    ...marges.map((m) => `  ${phraseMarge(m)}`),
  ];
}
