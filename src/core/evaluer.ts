// Evaluates a fiche-action: the beneficiary, each (dispositif, expense) with its reasons, the
// fiche-level caps, the amounts asked, then the controls of the financing plan. Pure: no I/O.
import { ajouter, max, ZERO, type Dec } from "./argent.js";
import { calculer, sorteDe } from "./calculs/index.js";
import { euros } from "./format.js";
import { evaluerConditions } from "./conditions.js";
import { controler, type AideDeMinimis } from "./controles/index.js";
import { regrouperAVerifier } from "./actualite.js";
import type { MessagesEcrits } from "./controles/messages.js";
import { partComptee } from "./controles/plafond.js";
import { aujourdhui, dateFr } from "./dates.js";
import { signalerDateOctroi } from "./date-octroi.js";
import { normaliserLignes, verifierReferences, type Ligne } from "./financements.js";
import { partager } from "./parts.js";
import { calculerMarges, direQuiDoitReduire } from "./marges/index.js";
import { evaluerBeneficiaire } from "./beneficiaire.js";
import { lireCategories } from "./libelles.js";
import { ErreurSaisie } from "./erreurs.js";
import type { BeneficiaireEvalue, EvaluationFiche, Motif, Origine, Resultat } from "./modele.js";
import { preparation, type Referentiel } from "./regles/referentiel.js";
import type { Forme } from "./schemas/communs.js";
import type { Depense, Fiche } from "./schemas/fiche.js";
import type { Regle } from "./schemas/regle.js";
import { vouliezVousDire } from "./suggestion.js";
import { estTerritoireConnu } from "./territoires.js";

export interface OptionsEvaluation {
  /** Evaluation date (--date); default: the fiche's date_demande, else today. */
  date?: string;
  /** De minimis aid of the same undertaking in other fiches of a contract. */
  autresDeMinimis?: AideDeMinimis[];
  /** Form of aid assumed where no financing line says (a quick simulation's --forme). */
  forme?: Forme;
  /**
   * A trial whose controls are read for their figures and verdicts only (the probes of `proposer`):
   * no control messages (chiffresSeulement), no room left.
   */
  essai?: boolean;
  /**
   * Write the reasoning steps (`etapes` of each result and of the beneficiary), for a renderer that
   * shows them (`expliquer`, `simuler --expliquer`, the interactive mode). Without it they are empty
   * lists: no other output reads them, and writing their texts (amounts and rates in French) was
   * most of what an evaluation cost beyond its figures (issue 20, docs/performance.md).
   */
  etapes?: boolean;
  /**
   * "anomalies": write the control messages of the anomalies only (failed, not evaluable, to publish),
   * for a renderer that shows no other (the CSV cells of `lot`); the compliant controls keep every
   * figure, verdict and source, with an empty `message` (controles/messages.ts). Unset (the library's
   * default, every other renderer): every message is written.
   */
  messages?: MessagesEcrits;
}

/** The dispositifs whose rule applies by default to an expense's nature and category (docs/domaine.md §2). */
export function dispositifsParDefaut(depense: Depense, ref: Referentiel): Regle[] {
  const regles: Regle[] = [];
  for (const r of ref.dispositifs.values()) {
    const a = r.s_applique_a;
    if (a.natures && !a.natures.includes(depense.nature)) continue;
    if (
      (a.categories && depense.categorie !== undefined && a.categories.includes(depense.categorie)) ||
      (a.si_champ && (depense as Record<string, unknown>)[a.si_champ] !== undefined)
    )
      regles.push(r);
  }
  return regles;
}

export function evaluerFiche(
  ficheLue: Fiche,
  ref: Referentiel,
  options: OptionsEvaluation = {},
): EvaluationFiche {
  const { fiche, problemes } = lireCategories(ficheLue, ref);
  try {
    verifierReferences(fiche, ref);
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    problemes.unshift(...e.problemes);
  }
  if (problemes.length) throw new ErreurSaisie(problemes);
  const date = options.date ?? fiche.date_demande ?? aujourdhui();
  const motifs: Motif[] = [];
  const avecEtapes = options.etapes === true;
  const benef = evaluerBeneficiaire(fiche, ref, date, avecEtapes);
  verifierTerritoire(fiche, ref, motifs);

  // Which dispositifs on which expense: its list, or those that apply by default; then those a line asks.
  const selection = new Map<string, Map<string, Origine>>();
  const choisis = new Map<string, Set<string>>();
  for (const d of fiche.depenses) {
    const m = new Map<string, Origine>();
    if (d.dispositifs) for (const id of d.dispositifs) m.set(id, "liste");
    else for (const r of dispositifsParDefaut(d, ref)) m.set(r.id, "defaut");
    selection.set(d.id, m);
    if (fiche.financements) choisis.set(d.id, new Set(m.keys())); // read by the lines only
  }
  const lignes = normaliserLignes(fiche, ref, choisis, motifs);
  if (options.date && !options.essai) signalerDateOctroi(fiche, lignes, benef, ref, date, motifs);
  for (const l of lignes) {
    if (!l.dispositif) continue;
    for (const id of l.depenses) {
      const m = selection.get(id)!;
      if (m.get(l.dispositif.id) !== "liste") m.set(l.dispositif.id, "financement");
    }
  }

  const resultats: Resultat[] = [];
  const contexteResultat = { fiche, ref, date, benef, lignes, forme: options.forme, etapes: avecEtapes };
  for (const d of fiche.depenses) {
    const m = selection.get(d.id)!;
    if (m.size === 0) {
      motifs.push({
        code: "aucun_dispositif",
        niveau: "avertissement",
        message: `Dépense « ${d.id} » (${d.nature}${d.categorie ? `, ${d.categorie}` : ""}) : aucun dispositif chiffré du guide ne s'y applique ; précisez « categorie » ou « dispositifs » (voir ti-aides regles).`,
        source: null,
      });
    }
    for (const [id, origine] of m)
      resultats.push(evaluerResultat(ref.dispositifs.get(id)!, d, origine, contexteResultat));
  }

  passesDeFiche("passeAvantDemandes", fiche, resultats, ref, date, avecEtapes);
  const { parts, partsAide } = partager(fiche, lignes, resultats);
  // Without a financing line, nothing is asked.
  if (lignes.length > 0)
    for (const r of resultats) {
      // The aid asked as the `plafond` control counts it: a grant equivalent when given (second edition).
      // Summed as they are read, as `somme` would, not through arrays made by `map`: once this function
      // is optimized, `map` makes holey arrays, and `somme`, compiled on packed ones, was compiled again.
      let demande = ZERO;
      let nominal = ZERO;
      let connues = 0;
      for (const l of lignes) {
        if (l.dispositif?.id !== r.dispositif || l.regime === "fiscal") continue;
        const part = partComptee(l, r.depense, parts, partsAide);
        if (part !== undefined) {
          demande = ajouter(demande, part);
          connues++;
        }
        nominal = ajouter(nominal, parts.get(l.index)?.get(r.depense) ?? ZERO);
      }
      if (connues) {
        r.demande = demande;
        if (r.plafond !== null) r.depassement = max(ZERO, r.demande.minus(r.plafond));
        if (!nominal.equals(r.demande)) {
          r.motifs.push({
            code: "demande_equivalent_subvention",
            niveau: "info",
            message: `Demande comptée pour son équivalent-subvention brut : ${euros(r.demande)} (montant nominal ${euros(nominal)}).`,
            source: "Guide TI V5, annexe 2 ; Règlement (UE) 651/2014, art. 5",
          });
        }
      }
    }
  passesDeFiche("passeApresDemandes", fiche, resultats, ref, date, avecEtapes);
  // Once the passes have capped them: an aid beyond its expense is said.
  for (const r of resultats) {
    const depense = fiche.depenses.find((d) => d.id === r.depense)!;
    const auDela = aideAuDelaDeLaDepense(ref.dispositifs.get(r.dispositif)!, depense, r.plafond);
    if (auDela) r.motifs.push(auDela);
  }
  // The figures checked more than a year ago: one warning per result, their sources gathered.
  for (const r of resultats) {
    const sorte =
      r.taux !== null
        ? "Taux"
        : r.plafond !== null || Object.keys(r.details).length > 0
          ? "Montants"
          : "Conditions";
    r.motifs = regrouperAVerifier(r.motifs, date, ref.dispositifs.get(r.dispositif)!.operateur, sorte);
  }

  const contexte = {
    fiche,
    ref,
    date,
    benef,
    lignes,
    resultats,
    parts,
    partsAide,
    autresDeMinimis: options.autresDeMinimis ?? [],
    motifs,
    chiffresSeulement: options.essai,
    messages: options.messages,
  };
  // Without a financing plan there is nothing to control (docs/interface.md « Sortie JSON »,
  // `synthese`): every control reads the financing lines, and finds none
  // (test/controles/sans-plan.test.ts); running them was a third of such an evaluation (issue 20).
  const controles = fiche.financements ? controler(contexte) : [];
  const marges = options.essai ? [] : calculerMarges(contexte, controles);
  if (!options.essai) direQuiDoitReduire(controles, marges);
  return {
    id: fiche.id,
    date_evaluation: date,
    beneficiaire: benef,
    resultats,
    controles,
    motifs: sansDoublons([...benef.motifs, ...motifs]),
    conforme: !controles.some((c) => c.conforme === false),
    erreurs: [],
    marges,
  };
}

interface ContexteResultat {
  fiche: Fiche;
  ref: Referentiel;
  date: string;
  benef: BeneficiaireEvalue;
  lignes: Ligne[];
  forme: Forme | undefined;
  etapes: boolean;
}

function evaluerResultat(regle: Regle, depense: Depense, origine: Origine, c: ContexteResultat): Resultat {
  const motifs: Motif[] = [];
  // Without a financing plan (often), no line and no form: nothing to gather (issue 20).
  const siennes =
    c.lignes.length === 0
      ? c.lignes
      : c.lignes.filter((l) => l.dispositif?.id === regle.id && l.depenses.includes(depense.id));
  const formes = siennes.length === 0 ? [] : [...new Set(siennes.map((l) => l.forme))];
  // No line: the quick simulation's form; lines of several forms: the subvention rate.
  const forme: Forme | undefined =
    formes.length === 0 ? c.forme : formes.length === 1 ? formes[0] : "subvention";
  if (formes.length > 1) {
    motifs.push({
      code: "formes_mixtes",
      niveau: "avertissement",
      message: `Lignes de formes différentes (${formes.join(", ")}) : le taux de la subvention est retenu.`,
      source: regle.source,
    });
  }
  const natures = regle.s_applique_a.natures;
  if (origine !== "defaut" && natures && !natures.includes(depense.nature)) {
    motifs.push({
      code: "nature_non_couverte",
      niveau: "erreur",
      message: `${regle.id} ne finance pas une dépense de nature « ${depense.nature} » (natures : ${natures.join(", ")}).`,
      source: regle.source,
    });
  }
  const avecEquivalentSubvention = siennes.some((l) => l.forme === forme && l.avecEquivalentSubvention);
  if (avecEquivalentSubvention && siennes.some((l) => l.forme === forme && !l.avecEquivalentSubvention)) {
    motifs.push({
      code: "equivalent_subvention_partiel",
      niveau: "avertissement",
      message: `Lignes ${forme?.replaceAll("_", " ")} avec et sans equivalent_subvention : la lecture prudente (avec équivalent-subvention, sans majoration de forme) est retenue.`,
      source: regle.source,
    });
  }
  const entrees = {
    fiche: c.fiche,
    depense,
    benef: c.benef,
    ref: c.ref,
    forme,
    avecEquivalentSubvention,
    regle,
    date: c.date,
    etapes: c.etapes,
  };
  const conditions = evaluerConditions(regle.conditions, entrees, c.date, c.etapes);
  motifs.push(...conditions.motifs);
  const horsPeriode = motifHorsPeriode(regle, c.date);
  if (horsPeriode) motifs.push(horsPeriode);
  if (
    regle.si_cofinancement_public &&
    c.lignes.some((l) => !l.prive && l.dispositif?.id !== regle.id && l.depenses.includes(depense.id))
  ) {
    motifs.push({
      code: "cofinancement_public",
      niveau: "info",
      message: regle.si_cofinancement_public.message,
      source: regle.si_cofinancement_public.source,
    });
  }
  const s = calculer(regle.calcul, entrees);
  motifs.push(...s.motifs);
  const eligible = s.eligible && !motifs.some((m) => m.niveau === "erreur");
  const etapes = c.etapes ? [...c.benef.etapes, ...conditions.etapes, ...(s.etapes ?? [])] : [];
  if (c.etapes && !eligible && s.plafond !== null) {
    const raison = motifs.find((m) => m.niveau === "erreur");
    etapes.push({
      libelle: `Non éligible${raison ? ` (${raison.message})` : ""} : aide maximale ramenée à zéro`,
      valeur: euros(ZERO),
      source: raison?.source ?? regle.source,
    });
  }
  return {
    dispositif: regle.id,
    depense: depense.id,
    eligible,
    assiette: s.assiette,
    taux: s.taux,
    plafond: eligible || s.plafond === null ? s.plafond : ZERO,
    demande: null,
    depassement: null,
    details: s.details,
    motifs,
    origine,
    ...(sorteDe(regle.calcul).fiscal ? { fiscal: true } : {}),
    intensite: eligible ? s.intensite : null,
    etapes,
  };
}

/**
 * An aid beyond the expense it pays for: a fixed amount of the guide (a forfait per year, per post)
 * does not read the expense's cost, and no control bounds it when no intensity is known. Never said
 * calmly: the figure stays the guide's, the warning says the expense does not carry it.
 */
function aideAuDelaDeLaDepense(regle: Regle, depense: Depense, plafond: Dec | null): Motif | null {
  if (plafond === null || sorteDe(regle.calcul).fiscal || !plafond.greaterThan(depense.montant)) return null;
  return {
    code: "aide_au_dela_de_la_depense",
    niveau: "avertissement",
    message: `Dépense « ${depense.id} » : l'aide maximale de ${regle.id}, ${euros(plafond)}, dépasse le montant de la dépense (${euros(depense.montant)}) ; le dispositif la calcule sans lire ce montant, et une aide ne finance pas plus que sa dépense. Vérifiez le montant de la dépense et les champs du dispositif (ti-aides regles ${regle.id}) ; ne demandez pas plus de ${euros(depense.montant)} sur cette dépense.`,
    source: regle.source,
  };
}

/**
 * Outside the validity its source gives (a call closed, a programme over, a start not reached), a
 * dispositif is not eligible: `hors_periode`, with the dates and the source (docs/domaine.md §0, second
 * edition; it used to be a warning).
 */
function motifHorsPeriode(regle: Regle, date: string): Motif | null {
  const debut = regle.valable_a_partir_du;
  const fin = regle.valable_jusqu_au;
  if (!(debut && date < debut.date) && !(fin && date > fin.date)) return null; // in its period: no text
  const periode =
    debut && fin
      ? `du ${dateFr(debut.date)} au ${dateFr(fin.date)}`
      : debut
        ? `à partir du ${dateFr(debut.date)}`
        : fin
          ? `jusqu'au ${dateFr(fin.date)}`
          : "";
  if (debut && date < debut.date) {
    return {
      code: "hors_periode",
      niveau: "erreur",
      message: `${regle.nom} : valable ${periode} ; évalué au ${dateFr(date)}, avant son ouverture, il n'est pas mobilisable.`,
      source: debut.source,
    };
  }
  if (fin && date > fin.date) {
    return {
      code: "hors_periode",
      niveau: "erreur",
      message: `${regle.nom} : valable ${periode} ; évalué au ${dateFr(date)}, après sa clôture, il n'est plus mobilisable.`,
      source: fin.source,
    };
  }
  return null;
}

/** The fiche-level passes of each rule's kind (a cap per project, per structure, the PIA track). */
function passesDeFiche(
  passe: "passeAvantDemandes" | "passeApresDemandes",
  fiche: Fiche,
  resultats: Resultat[],
  ref: Referentiel,
  date: string,
  etapes: boolean,
): void {
  // Only the rules evaluated on this fiche whose kind has the pass: a pass over no result changes
  // nothing (and the referential holds every dispositif; issue 20).
  // Its results gathered in one loop, without a closure: run twice for every fiche (issue 20).
  for (const regle of preparation(ref)[passe]) {
    let siens: Resultat[] | undefined;
    for (const r of resultats) if (r.dispositif === regle.id) (siens ??= []).push(r);
    if (!siens) continue;
    sorteDe(regle.calcul)[passe]!({ regle, calcul: regle.calcul, resultats: siens, fiche, date, etapes });
  }
}

/** The same warning said once (e.g. a parameter "à confirmer" read for every line). */
function sansDoublons(motifs: Motif[]): Motif[] {
  if (motifs.length < 2) return motifs;
  const vus = new Set<string>();
  return motifs.filter((m) => {
    const cle = `${m.code}|${m.message}`;
    if (vus.has(cle)) return false;
    vus.add(cle);
    return true;
  });
}

function verifierTerritoire(fiche: Fiche, ref: Referentiel, motifs: Motif[]): void {
  const t = fiche.territoire;
  if (t === undefined) return;
  if (estTerritoireConnu(ref, t)) return;
  const noms = ref.territoires.territoires.map((x) => x.nom);
  motifs.push({
    code: "territoire_inconnu",
    niveau: "avertissement",
    message: `Territoire « ${t} » absent de la liste des Territoires d'industrie du guide${vouliezVousDire(t, noms)}.`,
    source: ref.territoires.source,
  });
}
