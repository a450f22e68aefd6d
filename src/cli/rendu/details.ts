// The French display of each `details` field of a result (the JSON keeps its keys and raw values):
// one table of labels and forms, read by every renderer. The codes of a dotation's posts are those
// of rules/dispositifs/*.yaml (« code »), with the same « libelle » (test/rendu-details.test.ts).
import { D } from "../../core/argent.js";
import { euros, pourcent } from "../../core/format.js";
import type { Resultat } from "../../core/modele.js";

type Forme = "euros" | "euros_par_an" | "pourcent" | "nombre" | "texte";

interface LibelleDetail {
  libelle: string;
  forme: Forme;
  /** Words for the values of a closed choice. */
  valeurs?: Record<string, string>;
}

export const LIBELLES_DETAILS: Record<string, LibelleDetail> = {
  // deduction (suramortissement)
  economie_impot: { libelle: "Économie d'impôt estimée", forme: "euros" },
  taux_is: { libelle: "Taux de l'impôt sur les sociétés", forme: "pourcent" },
  // forfait (TPE & PME gagnantes)
  forfait: { libelle: "Forfait dû", forme: "euros" },
  paye_a: {
    libelle: "Forfait payé à",
    forme: "texte",
    valeurs: { ademe: "l'ADEME", chambre_consulaire: "la chambre consulaire" },
  },
  // taux with a national or regional part (PIA filières)
  volet: {
    libelle: "Volet",
    forme: "texte",
    valeurs: { regional: "régional", national: "national" },
  },
  // dotation: the years, then each post by its code
  annees: { libelle: "Nombre d'années", forme: "nombre" },
  poste: { libelle: "Poste d'animateur", forme: "euros_par_an" },
  communication: { libelle: "Frais de communication et d'animation", forme: "euros_par_an" },
  petit_equipement: { libelle: "Petit équipement", forme: "euros" },
  subvention_annuelle: { libelle: "Subvention Cifre", forme: "euros_par_an" },
};

function valeurAffichee(l: LibelleDetail, v: string | number | boolean): string {
  const texte = String(v);
  switch (l.forme) {
    case "euros":
      return euros(new D(texte));
    case "euros_par_an":
      return `${euros(new D(texte))} par an`;
    case "pourcent":
      return pourcent(new D(texte));
    case "nombre":
      return texte;
    case "texte":
      return l.valeurs?.[texte] ?? texte;
  }
}

/**
 * « Libellé : valeur » for each filled detail. A key the table does not know (a Region's own post)
 * is shown by its code, words separated, rather than dropped.
 */
export function detailsAffiches(r: Resultat): string[] {
  return Object.entries(r.details)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => {
      const l = LIBELLES_DETAILS[k];
      return l ? `${l.libelle} : ${valeurValide(l, v!)}` : `${k.replaceAll("_", " ")} : ${String(v)}`;
    });
}

function valeurValide(l: LibelleDetail, v: string | number | boolean): string {
  try {
    return valeurAffichee(l, v);
  } catch {
    return String(v); // not a number where one is expected: shown as it is
  }
}
