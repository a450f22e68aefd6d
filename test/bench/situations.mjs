// Les situations des bancs du cœur et de `verifier` (issue 20) : la règle de la fiche 8
// (ademe-investissement) sur des entreprises de toutes tailles, catégories et zones, à graine fixe.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { alea, GRAINE } from "./generateur.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));

/** La règle de la fiche 8, lue dans son fichier : les bancs n'en écrivent aucun chiffre. */
export const REGLE = parse(
  readFileSync(join(RACINE, "rules", "dispositifs", "ademe-investissement.yaml"), "utf8"),
);
/** La dernière valeur datée d'une entrée de la règle. */
export const derniere = (valeurs) => valeurs.at(-1).valeur;
/** Le taux de base par catégorie : un nombre, ou un par taille. */
export const TAUX = Object.fromEntries(
  Object.entries(REGLE.calcul.taux_par_categorie).map(([cat, v]) => [cat, derniere(v)]),
);
export const CATEGORIES = Object.keys(TAUX);
export const TAILLES = ["PE", "ME", "GE"];
const ZONES = ["metropole", "metropole", "metropole", "corse", "outre_mer"];

/** N situations : taille, catégorie, zone, AFR, montant et coût de référence en euros entiers. */
export function situations(n) {
  const r = alea(GRAINE);
  const choix = (xs) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const montant = 10_000 + Math.floor(r() * 5_000_000);
    return {
      i,
      taille: choix(TAILLES),
      categorie: choix(CATEGORIES),
      zone: choix(ZONES),
      afr: r() < 0.5,
      montant,
      cout_reference: Math.floor(r() * montant * 1.1), // parfois au-dessus du montant : surcoût nul
    };
  });
}

/** La fiche d'une situation, telle qu'un fichier la donne (données lues, avant validation). */
export function donneesFiche(s) {
  return {
    id: `S-${s.i}`,
    date_demande: "2019-12-01",
    beneficiaire: { nom: `Entreprise ${s.i}`, nature: "entreprise", taille: s.taille, secteur: "industrie" },
    localisation: { zone: s.zone, afr: s.afr },
    depenses: [
      {
        id: "d",
        nature: "investissement",
        categorie: s.categorie,
        dispositifs: ["ademe-investissement"],
        montant: s.montant,
        cout_reference: s.cout_reference,
      },
    ],
  };
}
