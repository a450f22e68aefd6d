// `ti-aides regles ID`: every figure of a rule with its dates of application and its source, and
// its conditions with their thresholds. Walks the loaded rule, so a regional rule shows the same way.
import { D, type Dec } from "../argent.js";
import { decrireTest } from "../conditions.js";
import { dateFr, estDateValide } from "../dates.js";
import { euros, pourcent } from "../format.js";
import type { Regle } from "../schemas/regle.js";

export interface FigureDatee {
  /** "Taux de la catégorie enr" */
  libelle: string;
  /** Where it stands in the rule file: "calcul.taux_par_categorie.enr". */
  chemin: string;
  /** As a person reads it: "PE 65 %, ME 55 %, GE 45 %, non économique 65 %". */
  valeur: string;
  /** As in the file, amounts and rates as strings (JSON). */
  brute: unknown;
  depuis: string;
  jusqu_au: string | null;
  source: string;
  a_confirmer: boolean;
  note: string | null;
  /** The last date the value was checked (docs/domaine.md §0 « Validité et actualité »); null when never said. */
  verifie_le: string | null;
}

export interface ConditionDecrite {
  code: string;
  niveau: "erreur" | "avertissement";
  test: string;
  si: string | null;
  message: string;
  source: string;
  depuis: string | null;
  jusqu_au: string | null;
  verifie_le: string | null;
}

type Genre = "taux" | "points" | "montant" | "nombre";

/** How a parameter's figures read, by the name of the parameter (or of a field inside it). */
const GENRES: Record<string, Genre> = {
  taux: "taux",
  taux_par_categorie: "taux",
  taux_max: "taux",
  cofinancement_min: "taux",
  quotite_pret: "taux",
  taux_is_defaut: "taux",
  acompte_min: "taux",
  bonus_zone: "points",
  bonus_forme: "points",
  plafond: "montant",
  plafond_projet: "montant",
  plafond_assiette_par_categorie: "montant",
  seuil_national: "montant",
  minimum_economie: "montant",
  forfait: "montant",
  part_minimale: "taux",
  detention_publique_min: "taux",
  chiffre_affaires_max: "montant",
  total_bilan_max: "montant",
  eti_chiffre_affaires_max: "montant",
  eti_total_bilan_max: "montant",
  plafond_transport_routier: "montant",
  duree_max_annees: "nombre",
  effectif_min: "nombre",
  effectif_moins_de: "nombre",
  effectif_au_plus: "nombre",
  livraison_mois_max: "nombre",
};

const LIBELLES: Record<string, string> = {
  taux: "Taux",
  taux_par_categorie: "Taux de la catégorie",
  taux_max: "Taux maximal, bonus compris",
  cofinancement_min: "Part minimale apportée par les autres financeurs",
  quotite_pret: "Quotité maximale d'un prêt",
  taux_is_defaut: "Taux d'impôt sur les sociétés retenu par défaut",
  bonus_zone: "Bonus régionaux",
  decrets: "Carte des zones AFR",
  bonus_forme: "Majoration selon la forme de l'aide",
  plafond: "Plafond par dépense",
  plafond_projet: "Plafond par projet",
  plafond_assiette_par_categorie: "Plafond d'assiette de la catégorie",
  seuil_national: "Seuil de l'aide demandée au-delà duquel le volet est national",
  tranches: "Tranches d'effectif",
  duree_max_annees: "Durée maximale financée (années)",
  calendrier: "Calendrier",
  annuel: "Poste annuel",
  ponctuel: "Poste ponctuel",
};

/** Names of fields read in a list: "PE 55 %, ME 45 %". */
const NOMS: Record<string, string> = {
  non_economique: "non économique",
  outre_mer: "DOM-COM",
  afr_metropole: "zone AFR métropolitaine",
  corse: "Corse",
  decret: "décret",
  periode: "carte",
};

/** Fields read as a sentence (brackets, calendar): the words before the figure, and after. */
const SUITES: Record<string, [string, string?]> = {
  effectif_min: ["effectif à partir de"],
  effectif_moins_de: [" et moins de"],
  effectif_au_plus: [" et au plus"],
  minimum_economie: [" : économie minimale"],
  forfait: [", forfait"],
  paye_a: [", payé à"],
  commande_a_partir_du: ["commande à compter du"],
  acquisition_du: [", acquisition du"],
  acquisition_au: [" au"],
  acompte_min: [", ou plus tard avec un acompte d'au moins"],
  acompte_au_plus_tard: [" versé au plus tard le"],
  livraison_mois_max: [" et une livraison dans les", " mois suivant la commande"],
};

/** The cap of a poste of a yearly allowance. */
const PLAFONDS_POSTE: Record<string, string> = { annuel: "plafond par an", ponctuel: "plafond, une fois" };

function estDec(v: unknown): v is Dec {
  return v instanceof D;
}

function estParametre(v: unknown): v is {
  depuis: string;
  jusqu_au?: string;
  valeur: unknown;
  source: string;
  a_confirmer?: boolean;
  note?: string;
  verifie_le?: string;
}[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((x) => x && typeof x === "object" && "depuis" in x && "valeur" in x && "source" in x)
  );
}

function formater(v: unknown, genre: Genre | undefined): string {
  if (estDec(v)) {
    if (genre === "taux") return pourcent(v);
    if (genre === "points") return `+ ${v.times(100).toString()} points`;
    if (genre === "montant") return euros(v);
    return v.toString();
  }
  if (typeof v === "string") return estDateValide(v) ? dateFr(v) : v;
  if (Array.isArray(v)) return v.map((x) => formater(x, genre)).join(" ; ");
  if (v && typeof v === "object") {
    return Object.entries(v)
      .map(([k, x], i) => {
        const valeur = formater(x, GENRES[k] ?? genre);
        const suite = SUITES[k];
        if (suite) return `${i ? suite[0] : suite[0].trimStart()} ${valeur}${suite[1] ?? ""}`;
        return `${i ? ", " : ""}${NOMS[k] ?? k.replaceAll("_", " ")} ${valeur}`;
      })
      .join("");
  }
  return String(v);
}

/** Amounts and rates as strings, the rest as is: the figure as the file holds it, for JSON. */
export function brut(v: unknown): unknown {
  if (estDec(v)) return v.toString();
  if (Array.isArray(v)) return v.map(brut);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, brut(x)]));
  return v;
}

/** Every dated value of the rule's calculation, then of its controls, in file order. */
export function figuresDeRegle(regle: Regle): FigureDatee[] {
  return [
    ...figuresDatees(regle.calcul, "calcul", "Calcul"),
    ...figuresDatees(regle.controles, "controles", "Contrôles"),
  ];
}

/** Every dated value under an object (a rule's calculation, a parameter file), in file order. */
export function figuresDatees(racine: unknown, nom: string, titre: string): FigureDatee[] {
  const figures: FigureDatee[] = [];
  const parcourir = (v: unknown, chemin: string[], libelle: string, genre: Genre | undefined) => {
    if (estParametre(v)) {
      for (const d of v) {
        figures.push({
          libelle,
          chemin: chemin.join("."),
          valeur: formater(d.valeur, genre),
          brute: brut(d.valeur),
          depuis: d.depuis,
          jusqu_au: d.jusqu_au ?? null,
          source: d.source,
          a_confirmer: d.a_confirmer === true,
          note: d.note ?? null,
          verifie_le: d.verifie_le ?? null,
        });
      }
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const nom =
          x && typeof x === "object" && typeof (x as { libelle?: unknown }).libelle === "string"
            ? (x as { libelle: string }).libelle
            : `${libelle} ${i + 1}`;
        parcourir(x, [...chemin.slice(0, -1), `${chemin[chemin.length - 1]}[${i}]`], nom, genre);
      });
    } else if (v && typeof v === "object" && !estDec(v)) {
      for (const [k, x] of Object.entries(v)) {
        const parent = chemin[chemin.length - 1]?.replace(/\[\d+\]$/, "");
        // A map by category: "Taux de la catégorie enr"; a field of a poste: "Animateur : plafond par dépense".
        const estCategorie = parent !== undefined && parent.endsWith("_par_categorie");
        const poste = /^(annuel|ponctuel)\[\d+\]$/.exec(chemin[chemin.length - 1] ?? "")?.[1];
        const nom = estCategorie
          ? `${libelle} ${k}`
          : poste
            ? `${libelle} : ${k === "plafond" ? PLAFONDS_POSTE[poste] : k}`
            : (LIBELLES[k] ?? k.replaceAll("_", " "));
        parcourir(x, [...chemin, k], nom, estCategorie ? genre : (GENRES[k] ?? genre));
      }
    }
  };
  parcourir(racine, [nom], titre, undefined);
  return figures;
}

export function conditionsDeRegle(regle: Regle): ConditionDecrite[] {
  return regle.conditions.map((c) => ({
    code: c.code,
    niveau: c.niveau,
    test: decrireTest(c),
    si: c.si ? decrireTest(c.si) : null,
    message: c.message,
    source: c.source,
    depuis: c.depuis ?? null,
    jusqu_au: c.jusqu_au ?? null,
    verifie_le: c.verifie_le ?? null,
  }));
}
