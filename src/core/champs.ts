// The reader of an input field named as in the rule files (depense.x, beneficiaire.x, fiche.x,
// financement.x): what conditions test and calculations read.
import type { BeneficiaireEvalue } from "./modele.js";
import type { Referentiel } from "./regles/referentiel.js";
import type { Forme } from "./schemas/communs.js";
import type { Depense, Fiche } from "./schemas/fiche.js";
import { estTerritoireConnu } from "./territoires.js";

export interface Entrees {
  fiche: Fiche;
  depense: Depense;
  benef: BeneficiaireEvalue;
  ref: Referentiel;
  /** The form of the financing lines under this dispositif on this expense, when one. */
  forme: Forme | undefined;
  /** Whether those lines give a gross grant equivalent (Guide l.920: no +10 points then). */
  avecEquivalentSubvention?: boolean;
}

/** Reads a field named as in the rule files: depense.x, beneficiaire.x, fiche.x, financement.x. */
export function lireChamp(e: Entrees, champ: string): unknown {
  const [objet, nom] = champ.split(".");
  switch (objet) {
    case "depense":
      return (e.depense as Record<string, unknown>)[nom];
    case "beneficiaire":
      if (nom === "taille" || nom === "categorie_entreprise" || nom === "activite_economique")
        return e.benef[nom] ?? undefined;
      return (e.fiche.beneficiaire as Record<string, unknown>)[nom];
    case "fiche":
      if (nom === "territoire_d_industrie") {
        const t = e.fiche.territoire;
        return t === undefined ? undefined : estTerritoireConnu(e.ref, t);
      }
      return (e.fiche as Record<string, unknown>)[nom];
    case "financement":
      return nom === "forme" ? e.forme : undefined;
    default:
      return undefined;
  }
}
