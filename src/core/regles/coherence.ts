// Checks of a rule file beyond its schema, for `ti-aides regles verifier`: every input field it
// names exists in a fiche (a misspelt field would leave the rule "sous réserve" forever), and its
// categories have a row in its rate table.
import type { DocumentSource } from "../document.js";
import { cheminTexte, type ProblemeSaisie } from "../erreurs.js";
import { beneficiaireSchema, depenseSchema, ficheSchema } from "../schemas/fiche.js";
import type { Regle } from "../schemas/regle.js";
import { vouliezVousDire } from "../suggestion.js";

/** The fields a rule may read, by object (conditions.ts, `lireChamp`). */
export function champsConnus(): Record<string, string[]> {
  return {
    depense: Object.keys(depenseSchema.shape),
    beneficiaire: [...Object.keys(beneficiaireSchema.shape), "categorie_entreprise"],
    fiche: [...Object.keys(ficheSchema.shape).filter((k) => k !== "$schema"), "territoire_d_industrie"],
    financement: ["forme"],
  };
}

/** Each input field the rule reads (conditions, calculation, `champs`), with where it stands in the file. */
export function champsLus(r: Regle): { champ: string; chemin: PropertyKey[] }[] {
  const liste: { champ: string; chemin: PropertyKey[] }[] = [];
  r.champs.forEach((champ, i) => liste.push({ champ, chemin: ["champs", i] }));
  r.conditions.forEach((c, i) => {
    liste.push({ champ: c.champ, chemin: ["conditions", i, "champ"] });
    if (c.si) liste.push({ champ: c.si.champ, chemin: ["conditions", i, "si", "champ"] });
  });
  if (r.s_applique_a.si_champ) liste.push({ champ: `depense.${r.s_applique_a.si_champ}`, chemin: ["s_applique_a", "si_champ"] });
  const k = r.calcul;
  if (k.type === "forfait_par_tranche") {
    for (const champ of k.champ_effectif.split("|")) liste.push({ champ, chemin: ["calcul", "champ_effectif"] });
    liste.push({ champ: k.champ_economie, chemin: ["calcul", "champ_economie"] });
  }
  if (k.type === "dotation_annuelle") {
    liste.push({ champ: k.champ_duree, chemin: ["calcul", "champ_duree"] });
    for (const genre of ["annuel", "ponctuel"] as const) {
      k[genre].forEach((p, i) => {
        if (p.champ) liste.push({ champ: p.champ, chemin: ["calcul", genre, i, "champ"] });
        if (p.prorata) liste.push({ champ: p.prorata, chemin: ["calcul", genre, i, "prorata"] });
      });
    }
  }
  if (k.type === "taux" && k.volets) liste.push({ champ: `depense.${k.volets.champ_vocation}`, chemin: ["calcul", "volets", "champ_vocation"] });
  return liste;
}

export function verifierCoherence(r: Regle, doc: DocumentSource): ProblemeSaisie[] {
  const connus = champsConnus();
  const problemes: ProblemeSaisie[] = [];
  const lieu = (chemin: PropertyKey[]) => ({ fichier: doc.fichier, ligne: doc.ligneDe(chemin), champ: cheminTexte(chemin) });
  for (const { champ, chemin } of champsLus(r)) {
    const [objet, nom] = champ.split(".");
    const permis = connus[objet];
    if (!permis) {
      problemes.push({ ...lieu(chemin), message: `« ${champ} » : un champ s'écrit depense.x, beneficiaire.x, fiche.x ou financement.forme` });
    } else if (nom === undefined || !permis.includes(nom)) {
      problemes.push({
        ...lieu(chemin),
        message: `« ${champ} » n'est pas un champ d'une fiche${vouliezVousDire(nom ?? "", permis)} : la règle ne pourrait jamais le lire (champs de ${objet} : ${permis.join(", ")})`,
      });
    }
  }
  const k = r.calcul;
  const categories = r.s_applique_a.categories;
  if (k.type === "taux" && k.taux_par_categorie && categories) {
    const lignes = Object.keys(k.taux_par_categorie);
    for (const [i, cat] of categories.entries()) {
      if (!lignes.includes(cat)) {
        problemes.push({ ...lieu(["s_applique_a", "categories", i]), message: `catégorie « ${cat} » sans ligne dans calcul.taux_par_categorie${vouliezVousDire(cat, lignes)} : une dépense de cette catégorie serait refusée (lignes : ${lignes.join(", ")})` });
      }
    }
  }
  return problemes;
}
