// `participation_minimale` (CGCT art. L1111-10 III): a collectivité that owns an investment
// operation funds at least 20 % of its total public financing, its own share included.
import { somme } from "../argent.js";
import { lire } from "../calculs/commun.js";
import { euros, pourcent } from "../format.js";
import type { Controle } from "../modele.js";
import type { ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";
import { normaliser } from "../suggestion.js";

export const controleParticipationMinimale: DefinitionControle = {
  id: "participation_minimale",
  nom: "Participation minimale",
  controler: controlerParticipationMinimale,
};

export function controlerParticipationMinimale(c: ContexteControles): Controle[] {
  const b = c.fiche.beneficiaire;
  if (!c.fiche.financements) return [];
  if (!c.fiche.depenses.some((d) => d.nature === "investissement" || d.nature === "equipement")) return [];
  if (b.nature === "etablissement_public") avertirSiGroupement(c);
  if (b.nature !== "collectivite") return [];
  const exemption = exemptionOutreMer(c);
  if (exemption) return [exemption];
  const part = lire(c.ref.participationMinimale.part_minimale, c.date, c.motifs);
  const propre = somme(c.lignes.filter((l) => l.financeur === "autofinancement").map((l) => l.montant));
  const publics = somme(c.lignes.filter((l) => !l.prive).map((l) => l.montant)).plus(propre);
  const requis = publics.times(part.valeur);
  const atteint = propre.greaterThanOrEqualTo(requis);
  const derogation = !atteint && b.derogation_participation === true;
  if (derogation) {
    c.motifs.push({
      code: "participation_derogation",
      niveau: "avertissement",
      message: `Participation du maître d'ouvrage sous ${pourcent(part.valeur)} : dérogation déclarée (derogation_participation), à justifier.`,
      source: part.source,
    });
  }
  const conforme = atteint || derogation;
  return [
    {
      controle: "participation_minimale",
      portee: b.nom ?? c.fiche.id,
      conforme,
      valeur: propre,
      limite: requis,
      message: !messageEcrit(c, conforme)
        ? ""
        : atteint
          ? `Participation du maître d'ouvrage ${euros(propre)}, au moins ${pourcent(part.valeur)} des financements publics (${euros(publics)}).`
          : `Participation du maître d'ouvrage ${euros(propre)} sous ${pourcent(part.valeur)} des financements publics (${euros(publics)}), soit ${euros(requis)}${derogation ? " : dérogation déclarée" : " ; augmentez l'autofinancement ou réduisez les aides publiques"}.`,
      source: part.source,
    },
  ];
}

/**
 * CGCT L1111-10 III does not apply to the collectivités of the overseas territories it names, nor to
 * their groupings (second edition). `zone: outre_mer` also covers other overseas collectivities: the
 * territory is looked for in the fiche's territoire (and its region in the guide's list) and in the
 * beneficiary's name; not found, the exemption is applied with a warning asking to name it.
 */
function exemptionOutreMer(c: ContexteControles): Controle | null {
  const p = c.ref.participationMinimale.exemption_outre_mer;
  if (c.fiche.localisation.zone !== "outre_mer" || !p) return null;
  const lu = lire(p, c.date, c.motifs);
  const territoires = lu.valeur.territoires;
  const t = c.fiche.territoire;
  const region =
    t === undefined
      ? undefined
      : c.ref.territoires.territoires.find((x) => normaliser(x.nom) === normaliser(t))?.region;
  const textes = [t, region, c.fiche.beneficiaire.nom]
    .filter((x): x is string => x !== undefined)
    .map(normaliser);
  const nomme = territoires.find((n) => textes.some((x) => x.includes(normaliser(n))));
  if (!nomme) {
    c.motifs.push({
      code: "participation_territoire_non_nomme",
      niveau: "avertissement",
      message: `Zone outre-mer sans territoire nommé : l'exemption de la participation minimale ne vaut que pour ${territoires.join(", ")} et leurs groupements ; indiquez le territoire de la fiche (champ « territoire ») pour la confirmer.`,
      source: lu.source,
    });
  }
  return {
    controle: "participation_minimale",
    portee: c.fiche.beneficiaire.nom ?? c.fiche.id,
    conforme: true,
    valeur: null,
    limite: null,
    message: !messageEcrit(c, true)
      ? ""
      : `Participation minimale non applicable : le CGCT, art. L1111-10, III exempte les collectivités ${nomme ? `de ${nomme}` : "d'outre-mer qu'il nomme"} et leurs groupements${nomme ? "" : " (territoire à confirmer)"}.`,
    source: lu.source,
  };
}

/** An EPCI entered as `etablissement_public` must not escape the 20 % rule silently (second edition). */
function avertirSiGroupement(c: ContexteControles): void {
  const g = c.ref.participationMinimale.noms_de_groupement;
  const nom = c.fiche.beneficiaire.nom;
  if (!g || nom === undefined) return;
  const mot = g.mots.find((m) => normaliser(nom).includes(normaliser(m)));
  if (!mot) return;
  const part = lire(c.ref.participationMinimale.part_minimale, c.date, c.motifs);
  c.motifs.push({
    code: "groupement_declare_etablissement_public",
    niveau: "avertissement",
    message: `« ${nom} » est déclaré établissement public, mais son nom évoque un groupement de collectivités (« ${mot} ») : un EPCI ou un syndicat se déclare « nature: collectivite », et doit alors financer au moins ${pourcent(part.valeur)} des financements publics de l'opération (CGCT, art. L1111-10, III) ; corrigez la nature s'il en est un.`,
    source: g.source,
  });
}
