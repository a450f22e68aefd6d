// `de_minimis`: the single undertaking's de minimis aid over the reference period, the new aid
// included, stays within the ceiling of the regulation in force at the grant date (domaine.md §3).
import { max, somme, ZERO } from "../argent.js";
import { lire } from "../calculs/commun.js";
import { euros } from "../format.js";
import { ajouterAnnees, ajouterJours, dateFr } from "../dates.js";
import type { Controle } from "../modele.js";
import type { Reglement } from "../schemas/communs.js";
import type { AideDeMinimis, ContexteControles } from "./contexte.js";

/** The reference period that ends with the grant date (or its fiscal year). */
export function periodeDeMinimis(type: "exercices" | "glissante", annees: number, dateOctroi: string, exerciceDebut = "01-01"): { debut: string; fin: string } {
  if (type === "glissante") return { debut: ajouterAnnees(dateOctroi, -annees), fin: dateOctroi };
  const an = Number(dateOctroi.slice(0, 4));
  let debutExercice = `${an}-${exerciceDebut}`;
  if (debutExercice > dateOctroi) debutExercice = `${an - 1}-${exerciceDebut}`;
  return { debut: ajouterAnnees(debutExercice, -(annees - 1)), fin: ajouterJours(ajouterAnnees(debutExercice, 1), -1) };
}

export function controlerDeMinimis(c: ContexteControles): Controle[] {
  const nouvelles = c.lignes.filter((l) => l.aideEtat && l.regime === "de_minimis");
  if (nouvelles.length === 0) return [];
  const autresDuPlan: AideDeMinimis[] = nouvelles.map((l) => ({ date: l.dateOctroi ?? c.date, montant: l.aide, reglement: l.reglement, origine: `financement n°${l.index + 1} (${l.financeur})`, ligne: l.index }));
  const anterieures: AideDeMinimis[] = (c.fiche.aides_de_minimis_anterieures ?? []).map((a, i) => ({
    date: a.date, montant: a.montant, reglement: a.reglement ?? "general", origine: `aide antérieure n°${i + 1}${a.libelle ? ` (${a.libelle})` : ""}`,
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

  // One control per regulation and grant date: the lines granted together are the new aid.
  const groupes = new Map<string, typeof nouvelles>();
  for (const l of nouvelles) {
    if (!l.dateOctroi) c.motifs.push({ code: "date_octroi_inconnue", niveau: "avertissement", message: `Financement n°${l.index + 1} : ni date_octroi ni date_demande ; la date d'évaluation ${dateFr(c.date)} est prise comme date d'octroi.`, source: null });
    const cle = `${l.reglement}|${l.dateOctroi ?? c.date}`;
    groupes.set(cle, [...(groupes.get(cle) ?? []), l]);
  }
  const controles: Controle[] = [];
  for (const [cle, lignes] of groupes) {
    const [reglement, date] = cle.split("|") as [Reglement, string];
    const lu = lire(c.ref.deMinimis[reglement], date, c.motifs);
    const p = lu.valeur;
    const routier = c.fiche.beneficiaire.secteur === "transport_routier" && p.plafond_transport_routier;
    const limite = routier ? p.plafond_transport_routier! : p.plafond;
    const periode = periodeDeMinimis(p.periode, p.annees.toNumber(), date, c.fiche.beneficiaire.exercice_debut);
    const nouvelle = somme(lignes.map((l) => l.aide));
    const avant = [...toutes, ...autresDuPlan.filter((a) => !lignes.some((l) => l.index === a.ligne))].filter(
      (a) => a.reglement === reglement && a.date >= periode.debut && a.date <= periode.fin,
    );
    for (const a of avant) {
      if (p.periode === "glissante" && a.date === periode.debut) {
        c.motifs.push({
          code: "de_minimis_jour_limite",
          niveau: "avertissement",
          message: `${a.origine} du ${dateFr(a.date)}, trois ans jour pour jour avant l'octroi : comptée dans la période (lecture prudente).`,
          source: lu.source,
        });
      }
    }
    const deja = somme(avant.map((a) => a.montant));
    const valeur = deja.plus(nouvelle);
    const conforme = valeur.lessThanOrEqualTo(limite);
    const disponible = max(ZERO, limite.minus(deja));
    controles.push({
      controle: "de_minimis",
      portee: c.benef.entreprise_unique,
      conforme,
      valeur,
      limite,
      reglement: p.reglement_ue,
      periode_debut: periode.debut,
      periode_fin: periode.fin,
      disponible,
      message: conforme
        ? `De minimis (règlement ${p.reglement_ue}) du ${dateFr(periode.debut)} au ${dateFr(periode.fin)} : ${euros(deja)} déjà reçus + ${euros(nouvelle)} = ${euros(valeur)}, dans le plafond de ${euros(limite)}${routier ? " (transport routier pour compte d'autrui)" : ""}.`
        : `De minimis (règlement ${p.reglement_ue}) du ${dateFr(periode.debut)} au ${dateFr(periode.fin)} : ${euros(deja)} déjà reçus + ${euros(nouvelle)} = ${euros(valeur)} dépassent le plafond de ${euros(limite)} ; il reste ${euros(disponible)} disponibles : réduisez l'aide ou octroyez-la sous un autre régime (RGEC).`,
      source: lu.source,
    });
  }
  return controles;
}
