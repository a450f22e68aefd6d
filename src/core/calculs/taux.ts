// Kind `taux`: a rate read in a table by size and category, bonuses in points, a cap on the rate,
// an assiette (possibly the extra cost, possibly capped) and caps on the amount; at the fiche's
// level, a cap per project and the PIA track (volet).
import { z } from "zod";
import { D, min, sommeDe, tronquerCentime, ZERO, type Dec } from "../argent.js";
import { motifAVerifier } from "../actualite.js";
import type { Motif } from "../modele.js";
import { parametre, valeurA } from "../parametres.js";
import { schemasCommuns } from "../schemas/communs.js";
import {
  lire,
  sortieVide,
  type EntreeCalcul,
  type PasseFiche,
  type SorteCalcul,
  type SortieCalcul,
} from "./commun.js";
import { euros, points, pourcent } from "../format.js";

/** Rates by size, or one rate for all (PE/ME/GE and the non-economic column). */
function tauxParTaille() {
  const { taux: tauxSchema } = schemasCommuns();
  return z.union([
    tauxSchema,
    z.strictObject({ PE: tauxSchema, ME: tauxSchema, GE: tauxSchema, non_economique: tauxSchema }),
  ]);
}

function rangeDansControles(nom: string) {
  const message = `« ${nom} » se range dans le bloc « controles: » de la règle, plus sous « calcul: » : déplacez-le`;
  return z
    .unknown()
    .refine((v) => v === undefined, { message })
    .optional();
}

/** The `calcul:` of a rule of this kind. */
export function schemaTaux() {
  const { montant, taux: tauxSchema } = schemasCommuns();
  const parTaille = tauxParTaille();
  return z
    .strictObject({
      type: z.literal("taux"),
      /** montant, or the extra cost over a reference investment (montant − cout_reference). */
      assiette: z.enum(["montant", "surcout"]).default("montant"),
      taux: parametre(parTaille).optional(),
      taux_par_categorie: z.record(z.string(), parametre(parTaille)).optional(),
      plafond_assiette_par_categorie: z.record(z.string(), parametre(montant)).optional(),
      bonus_zone: parametre(
        z.strictObject({ outre_mer: tauxSchema, corse: tauxSchema, afr_metropole: tauxSchema }),
      ).optional(),
      bonus_forme: parametre(z.record(z.string(), tauxSchema)).optional(),
      // Seconde édition, point 1 : la majoration de la forme ne vaut que pour une aide remboursable
      // « sans calcul d'un équivalent-subvention brut » (Guide fiche 8, l.920).
      bonus_forme_sans_equivalent_subvention: z.strictObject({ source: z.string().min(3) }).optional(),
      taux_max: parametre(tauxSchema),
      /** Cap on each expense line (per study, per post). */
      plafond: parametre(montant).optional(),
      /** Cap on the sum over the fiche's expenses (per project). */
      plafond_projet: parametre(montant).optional(),
      /** PIA filières: regional or national track by the aid asked. */
      volets: z
        .strictObject({
          seuil_national: parametre(montant),
          champ_vocation: z.string(),
          vocation_regionale: z.string(),
        })
        .optional(),
      // Checks of the financing plan, in the rule's `controles:` block since issue 15: an older rule
      // file that still has them here is told where they go, not just that the key is unknown.
      parite: rangeDansControles("parite"),
      cofinancement_min: rangeDansControles("cofinancement_min"),
    })
    .refine((c) => c.taux || c.taux_par_categorie, {
      message: "`taux` ou `taux_par_categorie` est obligatoire",
    });
}

export type CalculTaux = z.output<ReturnType<typeof schemaTaux>>;
export type TauxParTaille = z.output<ReturnType<typeof tauxParTaille>>;

export const sorteTaux: SorteCalcul<CalculTaux> = {
  description: "un taux lu dans un tableau (taille, catégorie), bonus en points, plafonds",
  calculer: calculerTaux,
  champsLus: (c) =>
    c.volets
      ? [{ champ: `depense.${c.volets.champ_vocation}`, chemin: ["calcul", "volets", "champ_vocation"] }]
      : [],
  tableParCategorie: (c) =>
    c.taux_par_categorie
      ? { chemin: "calcul.taux_par_categorie", lignes: Object.keys(c.taux_par_categorie) }
      : undefined,
  plafondSurLaFiche: (c) => c.plafond_projet !== undefined,
  dependDeLaForme: (c) => c.bonus_forme !== undefined,
  precisions: (c) => ({
    texte: ` ; assiette : ${c.assiette === "surcout" ? "surcoût (montant − cout_reference)" : "montant"}`,
    json: { assiette: c.assiette },
  }),
  passeAvantDemandes: appliquerPlafondProjet,
  passeApresDemandes: appliquerVolets,
};

const LIBELLES_BONUS_ZONE = {
  outre_mer: "DOM-COM",
  corse: "Corse",
  afr_metropole: "zone AFR de la France continentale",
} as const;

/** The text of a rate of the rule files, written once per figure (issue 20: once per fiche before). */
const textesDesTaux = new WeakMap<Dec, string>();
function pourcentDesRegles(d: Dec): string {
  let t = textesDesTaux.get(d);
  if (t === undefined) {
    t = pourcent(d);
    textesDesTaux.set(d, t);
  }
  return t;
}

function tauxDeLaColonne(t: TauxParTaille, colonne: "PE" | "ME" | "GE" | "non_economique"): Dec {
  return t instanceof D ? t : (t as Record<string, Dec>)[colonne];
}

export function calculerTaux(c: CalculTaux, e: EntreeCalcul): SortieCalcul {
  const s = sortieVide(e);
  const { depense, benef, fiche, date } = e;
  const categorie = depense.categorie;

  // 1. The row of the table.
  let ligne = c.taux;
  if (c.taux_par_categorie) {
    ligne = categorie !== undefined ? c.taux_par_categorie[categorie] : undefined;
    if (!ligne) {
      s.eligible = false;
      s.motifs.push({
        code: "categorie_non_couverte",
        niveau: "erreur",
        message: `Catégorie « ${categorie ?? "non renseignée"} » non couverte par ${e.regle.id} ; catégories : ${Object.keys(c.taux_par_categorie).join(", ")}.`,
        source: e.regle.source,
      });
      return s;
    }
  }
  const colonne = benef.activite_economique ? (benef.taille ?? "GE") : "non_economique";
  const lu = lire(ligne!, date, s.motifs);
  let taux = tauxDeLaColonne(lu.valeur, colonne);
  s.etapes?.push({
    libelle: `Taux de base${categorie && c.taux_par_categorie ? ` (catégorie ${categorie})` : ""}, colonne ${colonne === "non_economique" ? "activité non économique" : colonne}`,
    valeur: pourcentDesRegles(taux),
    source: lu.source,
  });

  // 2. Bonuses, in points (docs/domaine.md §2 « ademe-investissement »).
  // A bonus table is only "applied" (and its date warnings said) when a bonus applies.
  let avecBonus = false; // a bonus step said: the rate kept is then written as its own step
  if (c.bonus_zone) {
    const lus: Motif[] = [];
    const b = lire(c.bonus_zone, date, lus);
    const zone = fiche.localisation.zone;
    const cle =
      zone === "outre_mer"
        ? "outre_mer"
        : zone === "corse"
          ? "corse"
          : fiche.localisation.afr
            ? "afr_metropole"
            : null;
    if (cle) {
      s.motifs.push(...lus);
      const bonus = b.valeur[cle];
      taux = taux.plus(bonus);
      const libelle = LIBELLES_BONUS_ZONE[cle];
      const enPoints = `+ ${points(bonus)} points`;
      s.motifs.push({
        code: `bonus_${cle}`,
        niveau: "info",
        message: `Bonus régional ${libelle} : ${enPoints}.`,
        source: b.source,
      });
      avecBonus = true;
      s.etapes?.push({
        libelle: `Bonus régional (${libelle})`,
        valeur: enPoints,
        source: b.source,
      });
    }
  }
  if (c.bonus_forme) {
    const lus: Motif[] = [];
    const b = lire(c.bonus_forme, date, lus);
    const bonus = e.forme ? b.valeur[e.forme] : undefined;
    if (bonus) s.motifs.push(...lus);
    if (bonus && e.avecEquivalentSubvention && c.bonus_forme_sans_equivalent_subvention) {
      s.motifs.push({
        code: "sans_majoration_equivalent_subvention",
        niveau: "info",
        message: `Aide ${e.forme === "avance_remboursable" ? "remboursable" : `sous forme ${e.forme}`} avec équivalent-subvention brut : pas de majoration de ${points(bonus)} points (elle ne vaut que sans ce calcul) ; l'aide comptée est l'équivalent-subvention.`,
        source: c.bonus_forme_sans_equivalent_subvention.source,
      });
      avecBonus = true;
      s.etapes?.push({
        libelle: `Majoration pour la forme de l'aide (${e.forme}) écartée : équivalent-subvention brut donné`,
        valeur: "+ 0 point",
        source: c.bonus_forme_sans_equivalent_subvention.source,
      });
    } else if (bonus) {
      taux = taux.plus(bonus);
      const enPoints = `+ ${points(bonus)} points`;
      s.motifs.push({
        code: `bonus_${e.forme}`,
        niveau: "info",
        message: `Aide sous forme ${e.forme === "avance_remboursable" ? "d'avance remboursable" : e.forme} : ${enPoints}.`,
        source: b.source,
      });
      avecBonus = true;
      s.etapes?.push({
        libelle: `Majoration pour la forme de l'aide (${e.forme})`,
        valeur: enPoints,
        source: b.source,
      });
    }
  }
  const tmax = lire(c.taux_max, date, s.motifs);
  // Each figure is written once, and its text reused by the motifs and steps that show it; the texts
  // only steps show are written only when steps are.
  let texteTaux = "";
  if (taux.greaterThan(tmax.valeur)) {
    texteTaux = pourcentDesRegles(tmax.valeur);
    s.motifs.push({
      code: "taux_plafonne",
      niveau: "info",
      message: `Taux ramené à ${texteTaux} (${pourcent(taux)} avec les bonus).`,
      source: tmax.source,
    });
    s.etapes?.push({ libelle: "Taux plafonné", valeur: texteTaux, source: tmax.source });
    taux = tmax.valeur;
  } else if (s.etapes && avecBonus) {
    texteTaux = pourcent(taux);
    s.etapes.push({
      libelle: `Taux retenu : taux de base et bonus, dans la limite de ${pourcentDesRegles(tmax.valeur)}`,
      valeur: texteTaux,
      source: tmax.source,
    });
  } else if (s.etapes) texteTaux = pourcentDesRegles(taux); // no bonus step: the base rate, unchanged
  s.taux = taux;

  // 3. The assiette.
  let assiette = depense.montant;
  if (c.assiette === "surcout" && benef.activite_economique) {
    if (depense.cout_reference === undefined) {
      s.motifs.push({
        code: "surcout_a_justifier",
        niveau: "avertissement",
        message:
          "Sans cout_reference, l'assiette est le montant entier : les coûts admissibles sont en général le surcoût par rapport à un investissement de référence, à justifier.",
        source: e.regle.source,
      });
      s.etapes?.push({
        libelle: "Assiette : montant (coût de référence non renseigné)",
        valeur: euros(assiette),
      });
    } else {
      assiette = depense.montant.minus(depense.cout_reference);
      if (assiette.isNegative()) {
        assiette = ZERO;
        s.motifs.push({
          code: "surcout_negatif",
          niveau: "avertissement",
          message: "Le coût de référence dépasse le montant : le surcoût admissible est nul.",
          source: e.regle.source,
        });
      }
      s.etapes?.push({
        libelle: `Assiette : surcoût = ${euros(depense.montant)} − coût de référence ${euros(depense.cout_reference)}`,
        valeur: euros(assiette),
        source: e.regle.source,
      });
    }
  } else {
    s.etapes?.push({ libelle: "Assiette : montant de la dépense", valeur: euros(assiette) });
  }
  const plafondAssiette = categorie !== undefined ? c.plafond_assiette_par_categorie?.[categorie] : undefined;
  if (plafondAssiette) {
    const p = lire(plafondAssiette, date, s.motifs);
    if (assiette.greaterThan(p.valeur)) {
      const texte = euros(p.valeur);
      s.motifs.push({
        code: "assiette_plafonnee",
        niveau: "info",
        message: `Assiette ramenée au plafond de ${texte}.`,
        source: p.source,
      });
      s.etapes?.push({ libelle: "Plafond d'assiette", valeur: texte, source: p.source });
      assiette = p.valeur;
    }
  }
  s.assiette = assiette;

  // 4. The amount: rate × assiette, truncated to the cent, then the per-line cap.
  const intensite = tronquerCentime(taux.times(assiette));
  s.intensite = intensite;
  const texteIntensite = s.etapes ? euros(intensite) : "";
  s.etapes?.push({
    libelle: `Aide maximale = ${texteTaux} × ${euros(assiette)}, tronquée au centime`,
    valeur: texteIntensite,
  });
  let plafond = intensite;
  if (c.plafond) {
    const p = lire(c.plafond, date, s.motifs);
    if (plafond.greaterThan(p.valeur)) {
      const textePlafond = euros(p.valeur);
      s.motifs.push({
        code: "plafond_atteint",
        niveau: "info",
        message: `Aide plafonnée à ${textePlafond} par ${depense.nature === "etude" ? "étude" : "dépense"}.`,
        source: p.source,
      });
      s.etapes?.push({ libelle: "Plafond par dépense", valeur: textePlafond, source: p.source });
    } else {
      s.etapes?.push({
        libelle: `Plafond par dépense de ${euros(p.valeur)} non atteint : aide maximale inchangée`,
        valeur: texteIntensite,
        source: p.source,
      });
    }
    plafond = min(plafond, p.valeur);
  }
  s.plafond = plafond;
  return s;
}

/** A cap per project (PIA: 2 M€) binds the sum over the fiche; each ceiling is cut pro rata of its assiette. */
function appliquerPlafondProjet({ calcul, resultats, date, etapes }: PasseFiche<CalculTaux>): void {
  if (!calcul.plafond_projet) return;
  const siens = resultats.filter((r) => r.eligible && r.plafond !== null);
  const lu = valeurA(calcul.plafond_projet, date);
  const actualite = motifAVerifier(lu, date);
  if (actualite) for (const r of siens) r.motifs.push(actualite);
  const total = sommeDe(siens, (r) => r.plafond!);
  if (total.lessThanOrEqualTo(lu.valeur)) return;
  const assiettes = sommeDe(siens, (r) => r.assiette ?? ZERO);
  for (const r of siens) {
    const part = assiettes.isZero()
      ? lu.valeur.dividedBy(siens.length)
      : lu.valeur.times(r.assiette ?? ZERO).dividedBy(assiettes);
    r.plafond = tronquerCentime(part);
    r.motifs.push({
      code: "plafond_projet",
      niveau: "info",
      message: `Plafond de ${euros(lu.valeur)} par projet atteint (${euros(total)} sur la fiche) : plafond de cette dépense réduit au prorata de son assiette, à ${euros(r.plafond)}.`,
      source: lu.source,
    });
    if (etapes)
      r.etapes.push({
        libelle: `Plafond par projet ${euros(lu.valeur)} réparti au prorata des assiettes`,
        valeur: euros(r.plafond),
        source: lu.source,
      });
  }
}

/** PIA filières: regional track when the vocation is regional and the aid asked is below the threshold. */
function appliquerVolets({ calcul, resultats: siens, fiche, date, etapes }: PasseFiche<CalculTaux>): void {
  const v = calcul.volets;
  if (!v || siens.length === 0) return;
  const lu = valeurA(v.seuil_national, date);
  const actualite = motifAVerifier(lu, date);
  const demande = siens.some((r) => r.demande !== null)
    ? sommeDe(siens, (r) => r.demande ?? ZERO)
    : sommeDe(siens, (r) => r.plafond ?? ZERO);
  for (const r of siens) {
    const depense = fiche.depenses.find((d) => d.id === r.depense) as Record<string, unknown>;
    const regionale = (depense[v.champ_vocation] ?? v.vocation_regionale) === v.vocation_regionale;
    const volet = regionale && demande.lessThan(lu.valeur) ? "regional" : "national";
    r.details.volet = volet;
    if (actualite) r.motifs.push(actualite);
    if (etapes)
      r.etapes.push({
        libelle: `Volet : vocation ${regionale ? "régionale" : "nationale ou multirégionale"}, aide demandée ${euros(demande)} ${demande.lessThan(lu.valeur) ? "<" : "≥"} ${euros(lu.valeur)}`,
        valeur: volet,
        source: lu.source,
      });
    if (regionale && demande.equals(lu.valeur)) {
      r.motifs.push({
        code: "volet_seuil_exact",
        niveau: "avertissement",
        message: `Aide de ${euros(demande)} exactement : le guide ne classe ce montant dans aucun volet ; lecture retenue : volet national.`,
        source: lu.source,
      });
    }
  }
}
