// The readable French report of evaluated fiches, for a person at a terminal.
import Table from "cli-table3";
import { dateFr } from "../../core/dates.js";
import { euros, pourcent } from "../../core/format.js";
import type { Controle, EvaluationFiche, Motif, Resultat } from "../../core/modele.js";
import type { Synthese } from "../../core/sortie-json.js";
import { c } from "./couleurs.js";

export const NOMS_CONTROLES: Record<Controle["controle"], string> = {
  plafond: "Plafond du dispositif",
  equilibre: "Équilibre du plan",
  cumul: "Cumul des aides",
  de_minimis: "De minimis",
  transparence: "Transparence",
  effet_incitatif: "Effet incitatif",
  cofinancement: "Cofinancement",
  parite: "Parité État-Région",
  participation_minimale: "Participation minimale",
};

function tableau(entetes: string[]): Table.Table {
  return new Table({ head: entetes.map((h) => c().bold(h)), style: { head: [], border: [] }, wordWrap: true });
}

function montant(x: { toFixed(n: number): string } | null): string {
  return x === null ? "—" : euros(x as never);
}

function symbole(m: Motif): string {
  return m.niveau === "erreur" ? c().red("✖") : m.niveau === "avertissement" ? c().yellow("⚠") : c().blue("ℹ");
}

function ligneMotif(m: Motif): string {
  return `  ${symbole(m)} ${m.message}${m.source ? c().dim(` [${m.source}]`) : ""}`;
}

function verdict(conforme: boolean | null): string {
  if (conforme === true) return c().green("✔ conforme");
  if (conforme === false) return c().red("✖ non conforme");
  return c().yellow("? non évaluable");
}

export function rendreResultats(resultats: Resultat[]): string[] {
  const lignes: string[] = [];
  if (resultats.length === 0) return [c().yellow("Aucun dispositif évalué.")];
  const t = tableau(["Dispositif", "Dépense", "Éligible", "Assiette", "Taux", "Aide maximale", "Demandé", "Dépassement"]);
  for (const r of resultats) {
    t.push([
      r.dispositif,
      r.depense,
      r.eligible ? c().green("oui") : c().red("non"),
      montant(r.assiette),
      r.taux === null ? "—" : pourcent(r.taux),
      montant(r.plafond),
      montant(r.demande),
      r.depassement === null ? "—" : r.depassement.isZero() ? euros(r.depassement) : c().red(euros(r.depassement)),
    ]);
  }
  lignes.push(t.toString());
  for (const r of resultats) {
    const details = Object.entries(r.details).filter(([, v]) => v !== null);
    if (r.motifs.length === 0 && details.length === 0) continue;
    lignes.push(c().bold(`${r.dispositif} / ${r.depense}`));
    if (details.length) lignes.push(`  ${details.map(([k, v]) => `${k} : ${v}`).join(", ")}`);
    lignes.push(...r.motifs.map(ligneMotif));
  }
  return lignes;
}

export function rendreControles(controles: Controle[]): string[] {
  if (controles.length === 0) return [];
  const t = tableau(["Contrôle", "Portée", "Résultat", "Valeur", "Limite"]);
  for (const k of controles) t.push([NOMS_CONTROLES[k.controle], k.portee, verdict(k.conforme), montant(k.valeur), montant(k.limite)]);
  const lignes = [c().bold("Contrôles du plan de financement"), t.toString()];
  for (const k of controles) {
    const marque = k.conforme === false ? c().red("✖") : k.conforme === null ? c().yellow("?") : c().green("✔");
    lignes.push(`  ${marque} ${k.message}${k.source ? c().dim(` [${k.source}]`) : ""}`);
  }
  return lignes;
}

export function rendreFiche(e: EvaluationFiche, titre?: string): string {
  const lignes: string[] = [];
  lignes.push(c().bold.underline(`Fiche ${e.id}${titre ? ` — ${titre}` : ""}`) + c().dim(` (évaluée au ${dateFr(e.date_evaluation)})`));
  if (e.erreurs.length) {
    lignes.push(c().red("Fiche non évaluable :"), ...e.erreurs.map((x) => `  ${c().red("✖")} ${x}`));
    return lignes.join("\n");
  }
  const b = e.beneficiaire;
  if (b) {
    const taille = b.activite_economique
      ? `${b.taille} (${{ calculee: "calculée", declaree: "déclarée", effectif_seul: "sur l'effectif seul", par_defaut: "par défaut" }[b.taille_source ?? "calculee"]}), catégorie ${b.categorie_entreprise}`
      : "activité non économique (pas de taille)";
    lignes.push(`Bénéficiaire : ${taille}`);
  }
  lignes.push(...rendreResultats(e.resultats));
  if (e.motifs.length) lignes.push(c().bold("À savoir"), ...e.motifs.map(ligneMotif));
  lignes.push(...rendreControles(e.controles));
  lignes.push(`Verdict : ${e.controles.length === 0 ? "aucun plan de financement à contrôler" : verdict(e.conforme)}`);
  return lignes.join("\n");
}

export function rendreSynthese(s: Synthese): string {
  return `${s.fiches} fiche(s) : ${c().green(`${s.conformes} conforme(s)`)}, ${s.non_conformes ? c().red(`${s.non_conformes} non conforme(s)`) : "0 non conforme"}, ${s.sans_plan_de_financement ? `${s.sans_plan_de_financement} sans plan de financement, ` : ""}${s.en_erreur ? c().red(`${s.en_erreur} en erreur`) : "0 en erreur"}.`;
}
