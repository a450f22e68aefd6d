// Kind `dotation_annuelle`: yearly allowances over a capped number of years, plus one-off items
// (ADEME EIT facilitator, Guide fiche 7, l.866; CIFRE, Guide fiche 11, l.1092).
import { min, somme, tronquerCentime, type Dec } from "../argent.js";
import { lireChamp } from "../champs.js";
import type { CalculDotation } from "../schemas/regle.js";
import { lire, sortieVide, type EntreeCalcul, type SortieCalcul } from "./commun.js";
import { euros } from "../format.js";

export function calculerDotation(c: CalculDotation, e: EntreeCalcul): SortieCalcul {
  const s = sortieVide();
  const dmax = lire(c.duree_max_annees, e.date, s.motifs);
  const duree = lireChamp(e, c.champ_duree) as Dec | undefined;
  let annees = dmax.valeur;
  if (duree === undefined) {
    s.motifs.push({ code: "sous_reserve_duree", niveau: "avertissement", message: `Durée non renseignée (${c.champ_duree.split(".")[1]}) : la durée maximale de ${dmax.valeur.toString()} ans est retenue.`, source: dmax.source });
  } else {
    if (duree.greaterThan(dmax.valeur)) {
      s.motifs.push({ code: "duree_au_dela_du_maximum", niveau: "avertissement", message: `Durée de ${duree.toString()} ans : rien n'est financé au-delà de ${dmax.valeur.toString()} ans.`, source: dmax.source });
    }
    annees = min(duree, dmax.valeur);
  }
  s.etapes.push({ libelle: "Nombre d'années financées", valeur: annees.toString(), source: dmax.source });

  const parAn: Dec[] = [];
  for (const p of c.annuel) {
    const cap = lire(p.plafond, e.date, s.motifs);
    let plafond = cap.valeur;
    if (p.prorata) {
      const q = lireChamp(e, p.prorata) as Dec | undefined;
      if (q === undefined) {
        s.motifs.push({ code: `sous_reserve_${p.prorata.split(".")[1]}`, niveau: "avertissement", message: `${p.prorata.split(".")[1]} non renseigné : un temps plein est retenu pour « ${p.libelle} ».`, source: cap.source });
      } else {
        plafond = cap.valeur.times(q);
      }
    }
    const demande = p.champ ? (lireChamp(e, p.champ) as Dec | undefined) : undefined;
    const montant = demande === undefined ? plafond : min(demande, plafond);
    s.details[p.code] = tronquerCentime(montant).toFixed(2);
    parAn.push(montant);
    s.etapes.push({ libelle: `${p.libelle} par an${demande !== undefined ? ` : min(${euros(demande)}, ${euros(plafond)})` : ` : plafond ${euros(plafond)}`}`, valeur: euros(montant), source: cap.source });
  }
  let total = somme(parAn).times(annees);
  for (const p of c.ponctuel) {
    const cap = lire(p.plafond, e.date, s.motifs);
    const demande = p.champ ? (lireChamp(e, p.champ) as Dec | undefined) : undefined;
    const montant = demande === undefined ? cap.valeur : min(demande, cap.valeur);
    s.details[p.code] = montant.toFixed(2);
    total = total.plus(montant);
    s.etapes.push({ libelle: `${p.libelle} (une fois)${demande !== undefined ? ` : min(${euros(demande)}, ${euros(cap.valeur)})` : ` : plafond ${euros(cap.valeur)}`}`, valeur: euros(montant), source: cap.source });
  }
  s.plafond = tronquerCentime(total);
  s.details.annees = annees.toString();
  s.etapes.push({ libelle: "Aide maximale = Σ annuel × années + ponctuel, tronquée au centime", valeur: euros(s.plafond) });
  return s;
}
