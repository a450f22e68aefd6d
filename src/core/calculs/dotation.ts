// Kind `dotation_annuelle`: yearly allowances over a capped number of years, plus one-off items
// (ADEME EIT facilitator, Guide fiche 7, l.866; CIFRE, Guide fiche 11, l.1092).
import { z } from "zod";
import { D, min, somme, sommeDe, tronquerCentime, ZERO, type Dec } from "../argent.js";
import { lireChamp } from "../champs.js";
import { parametre, valeurA } from "../parametres.js";
import { schemasCommuns } from "../schemas/communs.js";
import {
  lire,
  sortieVide,
  type ChampLu,
  type EntreeCalcul,
  type PasseFiche,
  type SorteCalcul,
  type SortieCalcul,
} from "./commun.js";
import { euros } from "../format.js";

/** The `calcul:` of a rule of this kind. */
export function schemaDotation() {
  const { code, montant, nombre } = schemasCommuns();
  const poste = z.strictObject({
    code,
    libelle: z.string(),
    /** The expense field holding the amount asked (yearly, or once); absent: the cap itself. */
    champ: z.string().optional(),
    plafond: parametre(montant),
    /** The cap is for full time: multiplied by this field (e.g. etp). */
    prorata: z.string().optional(),
    /** The cap is per structure: across the fiche's lines of this dispositif it caps their sum. */
    par_structure: z.boolean().optional(),
  });
  return z.strictObject({
    type: z.literal("dotation_annuelle"),
    champ_duree: z.string(),
    duree_max_annees: parametre(nombre),
    annuel: z.array(poste).default([]),
    ponctuel: z.array(poste).default([]),
  });
}

export type CalculDotation = z.output<ReturnType<typeof schemaDotation>>;

export const sorteDotation: SorteCalcul<CalculDotation> = {
  description: "des dotations annuelles sur une durée plafonnée, plus des postes ponctuels",
  calculer: calculerDotation,
  champsLus: (c) => {
    const liste: ChampLu[] = [{ champ: c.champ_duree, chemin: ["calcul", "champ_duree"] }];
    for (const genre of ["annuel", "ponctuel"] as const) {
      c[genre].forEach((p, i) => {
        if (p.champ) liste.push({ champ: p.champ, chemin: ["calcul", genre, i, "champ"] });
        if (p.prorata) liste.push({ champ: p.prorata, chemin: ["calcul", genre, i, "prorata"] });
      });
    }
    return liste;
  },
  passeAvantDemandes: appliquerPlafondsParStructure,
};

export function calculerDotation(c: CalculDotation, e: EntreeCalcul): SortieCalcul {
  const s = sortieVide(e);
  const dmax = lire(c.duree_max_annees, e.date, s.motifs);
  const duree = lireChamp(e, c.champ_duree) as Dec | undefined;
  let annees = dmax.valeur;
  if (duree === undefined) {
    s.motifs.push({
      code: "sous_reserve_duree",
      niveau: "avertissement",
      message: `Durée non renseignée (${c.champ_duree.split(".")[1]}) : la durée maximale de ${dmax.valeur.toString()} ans est retenue.`,
      source: dmax.source,
    });
  } else {
    if (duree.greaterThan(dmax.valeur)) {
      s.motifs.push({
        code: "duree_au_dela_du_maximum",
        niveau: "avertissement",
        message: `Durée de ${duree.toString()} ans : rien n'est financé au-delà de ${dmax.valeur.toString()} ans.`,
        source: dmax.source,
      });
    }
    annees = min(duree, dmax.valeur);
  }
  s.etapes?.push({ libelle: "Nombre d'années financées", valeur: annees.toString(), source: dmax.source });

  const parAn: Dec[] = [];
  for (const p of c.annuel) {
    const cap = lire(p.plafond, e.date, s.motifs);
    let plafond = cap.valeur;
    if (p.prorata) {
      const q = lireChamp(e, p.prorata) as Dec | undefined;
      if (q === undefined) {
        s.motifs.push({
          code: `sous_reserve_${p.prorata.split(".")[1]}`,
          niveau: "avertissement",
          message: `${p.prorata.split(".")[1]} non renseigné : un temps plein est retenu pour « ${p.libelle} ».`,
          source: cap.source,
        });
      } else {
        plafond = cap.valeur.times(q);
      }
    }
    const demande = p.champ ? (lireChamp(e, p.champ) as Dec | undefined) : undefined;
    const montant = demande === undefined ? plafond : min(demande, plafond);
    s.details[p.code] = tronquerCentime(montant).toFixed(2);
    parAn.push(montant);
    s.etapes?.push({
      libelle: `${p.libelle} par an${demande !== undefined ? ` : min(${euros(demande)}, ${euros(plafond)})` : ` : plafond ${euros(plafond)}`}`,
      valeur: euros(montant),
      source: cap.source,
    });
  }
  let total = somme(parAn).times(annees);
  for (const p of c.ponctuel) {
    const cap = lire(p.plafond, e.date, s.motifs);
    const demande = p.champ ? (lireChamp(e, p.champ) as Dec | undefined) : undefined;
    const montant = demande === undefined ? cap.valeur : min(demande, cap.valeur);
    s.details[p.code] = montant.toFixed(2);
    total = total.plus(montant);
    s.etapes?.push({
      libelle: `${p.libelle} (une fois)${demande !== undefined ? ` : min(${euros(demande)}, ${euros(cap.valeur)})` : ` : plafond ${euros(cap.valeur)}`}`,
      valeur: euros(montant),
      source: cap.source,
    });
  }
  s.plafond = tronquerCentime(total);
  s.details.annees = annees.toString();
  s.etapes?.push({
    libelle: "Aide maximale = Σ annuel × années + ponctuel, tronquée au centime",
    valeur: euros(s.plafond),
  });
  return s;
}

/**
 * A yearly cap "per structure" caps, each year, the sum of the fiche's lines of that dispositif that
 * run that year (Guide fiche 7, l.866): over each stretch of time the lines running share the cap
 * pro rata of their yearly amounts; each line's ceiling loses what it cannot get.
 */
function appliquerPlafondsParStructure({
  calcul,
  resultats,
  date,
  etapes,
}: PasseFiche<CalculDotation>): void {
  for (const poste of calcul.annuel.filter((p) => p.par_structure)) {
    const siens = resultats.filter((r) => r.eligible && r.details[poste.code] != null);
    if (siens.length < 2) continue;
    const lu = valeurA(poste.plafond, date);
    const parAn = siens.map((r) => new D(String(r.details[poste.code])));
    const annees = siens.map((r) => new D(String(r.details.annees)));
    const obtenu = siens.map(() => ZERO);
    const bornes = [...new Set(annees.map((a) => a.toString()))]
      .map((a) => new D(a))
      .sort((a, b) => a.comparedTo(b));
    let debut = ZERO;
    for (const fin of bornes) {
      const actives = siens.map((_, i) => i).filter((i) => annees[i].greaterThanOrEqualTo(fin));
      const total = sommeDe(actives, (i) => parAn[i]);
      for (const i of actives) {
        // The yearly share is a ceiling: truncated to the cent.
        const part = total.greaterThan(lu.valeur)
          ? tronquerCentime(lu.valeur.times(parAn[i]).dividedBy(total))
          : parAn[i];
        obtenu[i] = obtenu[i].plus(part.times(fin.minus(debut)));
      }
      debut = fin;
    }
    siens.forEach((r, i) => {
      const perte = parAn[i].times(annees[i]).minus(obtenu[i]);
      if (perte.lessThanOrEqualTo(0)) return;
      r.plafond = tronquerCentime(r.plafond!.minus(perte));
      r.details[poste.code] = tronquerCentime(obtenu[i].dividedBy(annees[i])).toFixed(2);
      r.motifs.push({
        code: `${poste.code}_par_structure`,
        niveau: "info",
        message: `${poste.libelle} : plafond de ${euros(lu.valeur)} par structure et par an partagé entre les ${siens.length} lignes de la fiche (${euros(tronquerCentime(obtenu[i]))} sur la durée ici).`,
        source: lu.source,
      });
      if (etapes)
        r.etapes.push({
          libelle: `${poste.libelle} : plafond de ${euros(lu.valeur)} par an partagé entre les lignes de la structure`,
          valeur: euros(r.plafond),
          source: lu.source,
        });
    });
  }
}
