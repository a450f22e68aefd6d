// The beneficiary's size (PE / ME / GE) by the EU SME definition, Reg. (EU) 651/2014, Annex I,
// with the readings of docs/domaine.md §1; its French category (PME / ETI / GE); its economic activity.
import type { Dec } from "./argent.js";
import { euros, points } from "./format.js";
import type { Etape, BeneficiaireEvalue, Motif } from "./modele.js";
import type { TailleEntreprise } from "./schemas/parametres-reglementaires.js";
import { motifAVerifier } from "./actualite.js";
import { valeurA } from "./parametres.js";
import type { Referentiel } from "./regles/referentiel.js";
import type { Taille } from "./schemas/communs.js";
import type { Fiche } from "./schemas/fiche.js";

type Seuils = TailleEntreprise["seuils"][number]["valeur"];

/**
 * The texts of a set of thresholds in the steps, written once per set (a figure of the rules; issue 20:
 * they were written again for each fiche).
 */
const textesDesSeuils = new WeakMap<Seuils, { taille: string; categorie: string }>();
function textesDe(s: Seuils): { taille: string; categorie: string } {
  let t = textesDesSeuils.get(s);
  if (t) return t;
  const caMax = s.eti_chiffre_affaires_max;
  const bilanMax = s.eti_total_bilan_max;
  const financier = caMax && bilanMax ? `, et CA ≤ ${euros(caMax)} ou bilan ≤ ${euros(bilanMax)}` : "";
  t = {
    taille: `seuils PE : < ${s.PE.effectif_moins_de} et (CA ≤ ${euros(s.PE.chiffre_affaires_max)} ou bilan ≤ ${euros(s.PE.total_bilan_max)}), ME : < ${s.ME.effectif_moins_de} et (CA ≤ ${euros(s.ME.chiffre_affaires_max)} ou bilan ≤ ${euros(s.ME.total_bilan_max)})`,
    categorie: `Catégorie française (ETI : grande entreprise de moins de ${s.eti_effectif_moins_de.toString()} salariés${financier})`,
  };
  textesDesSeuils.set(s, t);
  return t;
}

export function activiteEconomique(b: Fiche["beneficiaire"]): boolean {
  if (b.activite_economique !== undefined) return b.activite_economique;
  return b.nature === "entreprise" || b.nature === "consortium";
}

/** `avecEtapes`: the reasoning steps are written (`OptionsEvaluation.etapes`); else `etapes` is empty. */
export function evaluerBeneficiaire(
  fiche: Fiche,
  ref: Referentiel,
  date: string,
  avecEtapes = false,
): BeneficiaireEvalue {
  const b = fiche.beneficiaire;
  const motifs: Motif[] = [];
  // Null when no renderer shows them: `etapes?.push({…})` then builds none of their texts (issue 20).
  const etapes: Etape[] | null = avecEtapes ? [] : null;
  const economique = activiteEconomique(b);
  const cle = b.entreprise_unique ?? b.siren ?? b.nom ?? fiche.id;
  etapes?.push({
    libelle: economique
      ? "Activité économique (règles des aides d'État applicables)"
      : "Activité non économique : colonne « non économique » des tableaux, pas de taille",
    valeur: economique ? "oui" : "non",
    source: "Guide TI V5, annexe 2, A/b, l.2617",
  });
  if (!economique) {
    return {
      taille: null,
      taille_source: null,
      categorie_entreprise: null,
      activite_economique: false,
      entreprise_unique: cle,
      motifs,
      etapes: etapes ?? [],
    };
  }

  const lu = valeurA(ref.tailleEntreprise.seuils, date);
  const actualite = motifAVerifier(lu, date);
  if (actualite) motifs.push(actualite);
  const s = lu.valeur;
  const source = `${lu.source}`;
  const chiffres = b.groupe
    ? {
        effectif: b.groupe.effectif ?? b.effectif,
        ca: b.groupe.chiffre_affaires ?? b.chiffre_affaires,
        bilan: b.groupe.total_bilan ?? b.total_bilan,
      }
    : { effectif: b.effectif, ca: b.chiffre_affaires, bilan: b.total_bilan };
  if (b.groupe)
    etapes?.push({
      libelle: "Chiffres consolidés du groupe (entreprises liées ou partenaires) retenus",
      source: "Règlement (UE) 651/2014, annexe I, art. 3 et 6",
    });

  let calculee: Taille | null = null;
  let source_: BeneficiaireEvalue["taille_source"] = null;
  if (b.detenu_public_25) {
    calculee = "GE";
    etapes?.push({
      libelle: `Détenue à ${points(s.detention_publique_min)} % ou plus par des organismes publics : grande entreprise`,
      valeur: "GE",
      source: "Règlement (UE) 651/2014, annexe I, art. 3, §4",
    });
  } else if (chiffres.effectif !== undefined) {
    const { effectif, ca, bilan } = chiffres;
    const financier = (max: { chiffre_affaires_max: Dec; total_bilan_max: Dec }): boolean => {
      if (ca === undefined && bilan === undefined) return true; // headcount alone, warned below
      return (
        (ca !== undefined && ca.lessThanOrEqualTo(max.chiffre_affaires_max)) ||
        (bilan !== undefined && bilan.lessThanOrEqualTo(max.total_bilan_max))
      );
    };
    if (effectif.lessThan(s.micro.effectif_moins_de) && financier(s.micro)) calculee = "PE";
    else if (effectif.lessThan(s.PE.effectif_moins_de) && financier(s.PE)) calculee = "PE";
    else if (effectif.lessThan(s.ME.effectif_moins_de) && financier(s.ME)) calculee = "ME";
    else calculee = "GE";
    source_ = "calculee";
    etapes?.push({
      libelle: `Effectif ${effectif.toString()} UTA, chiffre d'affaires ${ca ? euros(ca) : "inconnu"}, total du bilan ${bilan ? euros(bilan) : "inconnu"} ; ${textesDe(s).taille}`,
      valeur: calculee,
      source,
    });
    if (ca === undefined && bilan === undefined) {
      source_ = "effectif_seul";
      motifs.push({
        code: "taille_effectif_seul",
        niveau: "avertissement",
        message:
          "Taille estimée sur l'effectif seul : indiquez le chiffre d'affaires et le total du bilan pour la confirmer.",
        source,
      });
    } else if ((ca === undefined || bilan === undefined) && calculee !== "PE") {
      motifs.push({
        code: "taille_chiffre_manquant",
        niveau: "avertissement",
        message: `${ca === undefined ? "Chiffre d'affaires" : "Total du bilan"} inconnu : la taille ${calculee} est retenue sur le seul critère connu ; l'autre pourrait la réduire.`,
        source,
      });
    }
  }

  let taille: Taille;
  if (b.taille) {
    taille = b.taille;
    source_ = "declaree";
    etapes?.push({ libelle: "Taille déclarée dans la fiche", valeur: taille });
    if (calculee && calculee !== b.taille) {
      motifs.push({
        code: "taille_contradictoire",
        niveau: "avertissement",
        message: `Taille déclarée ${b.taille}, mais les chiffres donnent ${calculee} : la taille déclarée est retenue, vérifiez-la.`,
        source,
      });
    }
  } else if (calculee) {
    taille = calculee;
    if (source_ === null) source_ = "calculee";
  } else {
    taille = "GE";
    source_ = "par_defaut";
    motifs.push({
      code: "taille_inconnue",
      niveau: "avertissement",
      message:
        "Taille inconnue : la grande entreprise (taux les plus bas) est retenue par prudence. Indiquez l'effectif, le chiffre d'affaires et le total du bilan, ou la taille.",
      source,
    });
  }

  const categorie = categorieFrancaise(taille, chiffres, s, source, motifs, etapes);
  return {
    taille,
    taille_source: source_,
    categorie_entreprise: categorie,
    activite_economique: true,
    entreprise_unique: cle,
    motifs,
    etapes: etapes ?? [],
  };
}

/**
 * PME, ETI or GE (loi 2008-776, art. 51; décret 2008-1354, art. 3): an ETI is not an SME, has fewer
 * than 5 000 staff and a turnover of at most 1 500 M€ or a balance sheet of at most 2 000 M€. Only the
 * headcount known: ETI on it, the size being already "estimée sur l'effectif seul" (warned above).
 */
function categorieFrancaise(
  taille: Taille,
  chiffres: { effectif?: Dec; ca?: Dec; bilan?: Dec },
  s: Seuils,
  source: string,
  motifs: Motif[],
  etapes: Etape[] | null,
): NonNullable<BeneficiaireEvalue["categorie_entreprise"]> {
  const { effectif, ca, bilan } = chiffres;
  let categorie: NonNullable<BeneficiaireEvalue["categorie_entreprise"]>;
  const caMax = s.eti_chiffre_affaires_max;
  const bilanMax = s.eti_total_bilan_max;
  if (taille !== "GE") categorie = "PME";
  else if (effectif === undefined) {
    categorie = "GE";
    motifs.push({
      code: "categorie_sans_effectif",
      niveau: "avertissement",
      message: "Effectif inconnu : ETI ou grande entreprise ne peut être tranché ; GE est retenue.",
      source: "Guide TI V5, note 11, l.2653",
    });
  } else if (!effectif.lessThan(s.eti_effectif_moins_de)) categorie = "GE";
  else if (!caMax || !bilanMax || (ca === undefined && bilan === undefined)) categorie = "ETI";
  else {
    const sousCa = ca !== undefined && ca.lessThanOrEqualTo(caMax);
    const sousBilan = bilan !== undefined && bilan.lessThanOrEqualTo(bilanMax);
    categorie = sousCa || sousBilan ? "ETI" : "GE";
    if (categorie === "GE" && (ca === undefined || bilan === undefined)) {
      motifs.push({
        code: "categorie_chiffre_manquant",
        niveau: "avertissement",
        message: `${ca === undefined ? "Chiffre d'affaires" : "Total du bilan"} inconnu : grande entreprise retenue sur le seul critère financier connu ; l'autre pourrait en faire une ETI.`,
        source,
      });
    }
  }
  etapes?.push({
    libelle: textesDe(s).categorie,
    valeur: categorie,
    source,
  });
  return categorie;
}
