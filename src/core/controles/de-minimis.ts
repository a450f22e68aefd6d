// `de_minimis`: the single undertaking's de minimis aid over the reference period, the new aid
// included, stays within each ceiling it falls under (docs/domaine.md §3). Second edition: the aids under
// the different de minimis regulations are not separate pots — the general ceiling also counts the
// agricultural and fisheries aids, the SIEG ceiling every other one (`compte_aussi` in
// rules/parametres/de-minimis.yaml); one control line per ceiling checked.
import { max, somme, ZERO } from "../argent.js";
import { lire } from "../calculs/commun.js";
import { euros } from "../format.js";
import { ajouterAnnees, ajouterJours, dateFr } from "../dates.js";
import type { Controle, Motif } from "../modele.js";
import type { Lecture } from "../parametres.js";
import type { Referentiel } from "../regles/referentiel.js";
import { REGLEMENTS, type Reglement } from "../schemas/communs.js";
import type { PlafondDeMinimis } from "../schemas/parametres-reglementaires.js";
import type { AideDeMinimis, ContexteControles, DefinitionControle } from "./contexte.js";
import { messageEcrit } from "./messages.js";
import { expire } from "./reglement-expire.js";

interface Periode {
  readonly debut: string;
  readonly fin: string;
}

/**
 * The periods already computed, by their four arguments: each fiche asks the same ones at every amount
 * the room left tries (half of this control's cost in the trials, issue 20). Bounded: emptied when full.
 */
const periodes = new Map<string, Periode>();
const PERIODES_MAX = 10_000;

/** The reference period that ends with the grant date (or its fiscal year). */
export function periodeDeMinimis(
  type: "exercices" | "glissante",
  annees: number,
  dateOctroi: string,
  exerciceDebut = "01-01",
): Periode {
  const cle = `${type}|${annees}|${dateOctroi}|${exerciceDebut}`;
  let p = periodes.get(cle);
  if (p === undefined) {
    if (periodes.size >= PERIODES_MAX) periodes.clear();
    p = Object.freeze(calculerPeriode(type, annees, dateOctroi, exerciceDebut));
    periodes.set(cle, p);
  }
  return p;
}

function calculerPeriode(
  type: "exercices" | "glissante",
  annees: number,
  dateOctroi: string,
  exerciceDebut: string,
): Periode {
  if (type === "glissante") return { debut: ajouterAnnees(dateOctroi, -annees), fin: dateOctroi };
  const an = Number(dateOctroi.slice(0, 4));
  let debutExercice = `${an}-${exerciceDebut}`;
  if (debutExercice > dateOctroi) debutExercice = `${an - 1}-${exerciceDebut}`;
  return {
    debut: ajouterAnnees(debutExercice, -(annees - 1)),
    fin: ajouterJours(ajouterAnnees(debutExercice, 1), -1),
  };
}

const dans = (date: string, p: Periode) => date >= p.debut && date <= p.fin;

export const controleDeMinimis: DefinitionControle = {
  id: "de_minimis",
  nom: "De minimis",
  controler: controlerDeMinimis,
};

export function controlerDeMinimis(c: ContexteControles): Controle[] {
  const nouvelles = c.lignes.filter((l) => l.aideEtat && l.regime === "de_minimis");
  if (nouvelles.length === 0) return [];
  const autresDuPlan: AideDeMinimis[] = nouvelles.map((l) => ({
    date: l.dateOctroi ?? c.date,
    montant: l.aide,
    reglement: l.reglement,
    origine: `financement n°${l.index + 1} (${l.financeur})`,
    ligne: l.index,
  }));
  const anterieures: AideDeMinimis[] = (c.fiche.aides_de_minimis_anterieures ?? []).map((a, i) => ({
    date: a.date,
    montant: a.montant,
    reglement: a.reglement ?? "general",
    origine: `aide antérieure n°${i + 1}${a.libelle ? ` (${a.libelle})` : ""}`,
  }));
  const toutes = [...anterieures, ...c.autresDeMinimis];
  const b = c.fiche.beneficiaire;
  if (!b.entreprise_unique && !b.siren) {
    c.motifs.push({
      code: "entreprise_unique_par_nom",
      niveau: "avertissement",
      message: `Ni SIREN ni entreprise_unique : l'entreprise unique est identifiée par « ${c.benef.entreprise_unique} » ; indiquez le SIREN pour que ses aides de minimis soient bien additionnées.`,
      source: "Règlement (UE) 2023/2831, art. 2, §2 (entreprise unique)",
    });
  }

  // One group per regulation and grant date: the lines granted together are the new aid.
  const groupes = new Map<string, typeof nouvelles>();
  for (const l of nouvelles) {
    if (!l.dateOctroi)
      c.motifs.push({
        code: "date_octroi_inconnue",
        niveau: "avertissement",
        message: `Financement n°${l.index + 1} : ni date_octroi ni date_demande ; la date d'évaluation ${dateFr(c.date)} est prise comme date d'octroi.`,
        source: null,
      });
    const cle = `${l.reglement}|${l.dateOctroi ?? c.date}`;
    groupes.set(cle, [...(groupes.get(cle) ?? []), l]);
  }
  const controles: Controle[] = [];
  for (const [cle, lignes] of groupes) {
    const [reglement, date] = cle.split("|") as [Reglement, string];
    const nouvelle = somme(lignes.map((l) => l.aide));
    const avant = [...toutes, ...autresDuPlan.filter((a) => !lignes.some((l) => l.index === a.ligne))];
    // The parameters of every regulation at the grant date: its ceiling, its period, what it counts.
    const params = parametresA(c.ref, date);
    for (const plafond of plafondsDe(reglement, params, avant)) {
      controles.push(controlerPlafond(c, plafond, params, date, nouvelle, avant));
    }
  }
  return controles;
}

interface Lu {
  lu: Lecture<PlafondDeMinimis>;
  motifs: Motif[];
}

/** A regulation's parameters at the grant date; the warnings of reading them are kept for its control. */
function lecture(ref: Referentiel, r: Reglement, date: string): Lu {
  const motifs: Motif[] = [];
  const lu = lire(ref.deMinimis[r], date, motifs);
  return { lu, motifs: motifs.filter((m) => m.code !== "date_apres_vigueur") };
}

/**
 * Every regulation's parameters at a grant date, read once per set of rules and date: the room left
 * asks them at every amount it tries (issue 20). A pure reading of the rules; its warnings are copied
 * into each evaluation that pushes them (controlerPlafond), never shared. Bounded: emptied when full.
 */
const lectures = new WeakMap<Referentiel, Map<string, Map<Reglement, Lu>>>();
const LECTURES_MAX = 10_000;

function parametresA(ref: Referentiel, date: string): Map<Reglement, Lu> {
  let parDate = lectures.get(ref);
  if (!parDate) lectures.set(ref, (parDate = new Map()));
  let params = parDate.get(date);
  if (!params) {
    if (parDate.size >= LECTURES_MAX) parDate.clear();
    params = new Map(REGLEMENTS.map((r) => [r, lecture(ref, r, date)]));
    parDate.set(date, params);
  }
  return params;
}

/** The regulations a ceiling sums: its own and those it `compte_aussi`. */
function comptees(r: Reglement, params: Map<Reglement, Lu>): Reglement[] {
  return [r, ...(params.get(r)!.lu.valeur.compte_aussi ?? [])];
}

/**
 * The ceilings a new aid under `r` is checked against: its own, then each wider ceiling that counts
 * it, narrowest first — when the undertaking has aid that no ceiling already checked sums with it
 * (otherwise a lower ceiling already binds: no line that says nothing).
 */
function plafondsDe(r: Reglement, params: Map<Reglement, Lu>, avant: AideDeMinimis[]): Reglement[] {
  const couvertes = new Set(comptees(r, params));
  const plafonds: Reglement[] = [r];
  const larges = REGLEMENTS.filter((k) => k !== r && comptees(k, params).includes(r)).sort(
    (a, b) => comptees(a, params).length - comptees(b, params).length,
  );
  for (const k of larges) {
    if (!avant.some((a) => comptees(k, params).includes(a.reglement) && !couvertes.has(a.reglement)))
      continue;
    plafonds.push(k);
    for (const x of comptees(k, params)) couvertes.add(x);
  }
  return plafonds;
}

function controlerPlafond(
  c: ContexteControles,
  k: Reglement,
  params: Map<Reglement, Lu>,
  date: string,
  nouvelle: ReturnType<typeof somme>,
  avant: AideDeMinimis[],
): Controle {
  const { lu, motifs } = params.get(k)!;
  for (const m of motifs) c.motifs.push({ ...m });
  const p = lu.valeur;
  const routier = c.fiche.beneficiaire.secteur === "transport_routier" && p.plafond_transport_routier;
  const limite = routier ? p.plafond_transport_routier! : p.plafond;
  const periode = periodeDeMinimis(p.periode, p.annees.toNumber(), date, c.fiche.beneficiaire.exercice_debut);
  const sommes = comptees(k, params);
  const details = { comptees: sommes.map((r) => params.get(r)!.lu.valeur.reglement_ue) };
  if (lu.hors_periode === "apres") {
    const fin = expire(
      `Règlement (UE) ${p.reglement_ue} (de minimis ${k})`,
      lu.jusqu_au!,
      lu.source,
      date,
      c.motifs,
    );
    return {
      controle: "de_minimis",
      portee: c.benef.entreprise_unique,
      conforme: null,
      valeur: null,
      limite: null,
      reglement: p.reglement_ue,
      details,
      message: !messageEcrit(c, null)
        ? ""
        : `De minimis non évaluable pour une aide octroyée le ${dateFr(date)} : ${fin.libelle} ; vérifiez le plafond du règlement qui lui succède.`,
      source: lu.source,
    };
  }
  // Each previous aid keeps its own period rule; when the ceiling's period reads it differently, the
  // cautious sum counts it, with a warning (docs/domaine.md §3).
  const comptes = avant.filter((a) => {
    if (!sommes.includes(a.reglement)) return false;
    const propre = params.get(a.reglement)!.lu.valeur;
    const sienne = periodeDeMinimis(
      propre.periode,
      propre.annees.toNumber(),
      date,
      c.fiche.beneficiaire.exercice_debut,
    );
    const parSaRegle = dans(a.date, sienne);
    const parLePlafond = dans(a.date, periode);
    if (parSaRegle !== parLePlafond) {
      c.motifs.push({
        code: "de_minimis_periodes_divergentes",
        niveau: "avertissement",
        message: `${a.origine} du ${dateFr(a.date)} (de minimis ${a.reglement}) : dans la période ${parSaRegle ? "de son propre règlement" : `du plafond ${p.reglement_ue}`} mais pas dans l'autre ; comptée (lecture prudente).`,
        source: lu.source,
      });
    }
    if ((parSaRegle || parLePlafond) && a.date === periode.debut && p.periode === "glissante") {
      c.motifs.push({
        code: "de_minimis_jour_limite",
        niveau: "avertissement",
        message: `${a.origine} du ${dateFr(a.date)}, trois ans jour pour jour avant l'octroi : comptée dans la période (lecture prudente).`,
        source: lu.source,
      });
    }
    return parSaRegle || parLePlafond;
  });
  const deja = somme(comptes.map((a) => a.montant));
  const valeur = deja.plus(nouvelle);
  const conforme = valeur.lessThanOrEqualTo(limite);
  const disponible = max(ZERO, limite.minus(deja));
  const autres = sommes.length > 1 ? ` (aides ${sommes.join(", ")} additionnées)` : "";
  return {
    controle: "de_minimis",
    portee: c.benef.entreprise_unique,
    conforme,
    valeur,
    limite,
    reglement: p.reglement_ue,
    periode_debut: periode.debut,
    periode_fin: periode.fin,
    disponible,
    details,
    message: !messageEcrit(c, conforme)
      ? ""
      : conforme
        ? `De minimis (plafond ${k === "general" ? "général" : k}, règlement ${p.reglement_ue}) du ${dateFr(periode.debut)} au ${dateFr(periode.fin)}${autres} : ${euros(deja)} déjà reçus + ${euros(nouvelle)} = ${euros(valeur)}, dans le plafond de ${euros(limite)}${routier ? " (transport routier pour compte d'autrui)" : ""}.`
        : `De minimis (plafond ${k === "general" ? "général" : k}, règlement ${p.reglement_ue}) du ${dateFr(periode.debut)} au ${dateFr(periode.fin)}${autres} : ${euros(deja)} déjà reçus + ${euros(nouvelle)} = ${euros(valeur)} dépassent le plafond de ${euros(limite)} ; il reste ${euros(disponible)} disponibles : réduisez l'aide ou octroyez-la sous un autre régime (RGEC).`,
    source: lu.source,
  };
}
