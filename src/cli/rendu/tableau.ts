// The readable French report of evaluated fiches, for a person at a terminal.
import Table from "cli-table3";
import { dateFr } from "../../core/dates.js";
import { D } from "../../core/argent.js";
import { euros, pourcent } from "../../core/format.js";
import type { Controle, EvaluationFiche, Motif, Resultat } from "../../core/modele.js";
import type { Synthese } from "../../core/document-json.js";
import { c } from "./couleurs.js";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import { rendreMarges } from "./marges.js";

function tableau(entetes: string[]): Table.Table {
  return new Table({
    head: entetes.map((h) => c().bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
  });
}

function montant(x: { toFixed(n: number): string } | null): string {
  return x === null ? "—" : euros(x as never);
}

function symbole(m: Motif): string {
  return m.niveau === "erreur"
    ? c().red("✖")
    : m.niveau === "avertissement"
      ? c().yellow("⚠")
      : c().blue("ℹ");
}

function ligneMotif(m: Motif): string {
  return `  ${symbole(m)} ${m.message}${m.source ? c().dim(` [${m.source}]`) : ""}`;
}

function aVerifier(r: Resultat): boolean {
  return r.motifs.some((m) => m.code === "a_verifier");
}

/** The currency warning, said once for all the lines of its dispositif. */
function ligneAVerifier(m: Motif, r: Resultat, resultats: Resultat[]): string {
  const lignes = resultats.filter((x) => x.dispositif === r.dispositif).length;
  return `  ${c().yellow("⚠")} ${c().bold("À vérifier")} : ${m.message}${lignes > 1 ? ` (vaut pour les ${lignes} lignes de ${r.dispositif})` : ""}${m.source ? c().dim(` [${m.source}]`) : ""}`;
}

function verdict(conforme: boolean | null): string {
  if (conforme === true) return c().green("✔ conforme");
  if (conforme === false) return c().red("✖ non conforme");
  return c().yellow("? non évaluable");
}

/**
 * A tax deduction (suramortissement) is no aid: its own table, in words a taxpayer reads — the extra
 * deduction and the estimated tax saving — never "Aide maximale" nor the JSON keys (second edition).
 */
function tableauFiscal(fiscales: Resultat[]): string[] {
  const tis = [
    ...new Set(fiscales.map((r) => r.details.taux_is).filter((x) => x !== null && x !== undefined)),
  ];
  const entete =
    tis.length === 1
      ? `Économie d'impôt estimée (IS ${pourcent(new D(String(tis[0])))})`
      : "Économie d'impôt estimée";
  const t = tableau([
    "Mesure fiscale",
    "Dépense",
    "Éligible",
    "Base",
    "Taux",
    "Déduction supplémentaire",
    entete,
  ]);
  for (const r of fiscales) {
    const economie = r.details.economie_impot;
    const taux =
      tis.length > 1 && r.details.taux_is != null
        ? ` (IS ${pourcent(new D(String(r.details.taux_is)))})`
        : "";
    t.push([
      r.dispositif,
      r.depense,
      r.eligible ? c().green("oui") : c().red("non"),
      montant(r.assiette),
      r.taux === null ? "—" : pourcent(r.taux),
      montant(r.plafond),
      r.eligible && economie != null ? `${euros(new D(String(economie)))}${taux}` : "—",
    ]);
  }
  return [
    c().bold("Mesures fiscales (déduction du résultat imposable, pas une aide ni une ligne de financement)"),
    t.toString(),
  ];
}

export function rendreResultats(resultats: Resultat[]): string[] {
  const lignes: string[] = [];
  if (resultats.length === 0) return [c().yellow("Aucun dispositif évalué.")];
  const aides = resultats.filter((r) => !r.fiscal);
  const fiscales = resultats.filter((r) => r.fiscal);
  const t = tableau([
    "Dispositif",
    "Dépense",
    "Éligible",
    "Assiette",
    "Taux",
    "Aide maximale",
    "Demandé",
    "Dépassement",
  ]);
  for (const r of aides) {
    // A figure checked more than a year ago is marked where it is read (docs/domaine.md §0 « Validité et actualité »).
    const marque = aVerifier(r) ? c().yellow(" ⚠") : "";
    t.push([
      r.dispositif,
      r.depense,
      r.eligible ? c().green("oui") : c().red("non"),
      montant(r.assiette),
      r.taux === null ? "—" : pourcent(r.taux) + marque,
      r.plafond === null ? "—" : montant(r.plafond) + marque,
      montant(r.demande),
      r.depassement === null
        ? "—"
        : r.depassement.isZero()
          ? euros(r.depassement)
          : c().red(euros(r.depassement)),
    ]);
  }
  if (aides.length) lignes.push(t.toString());
  if (fiscales.length) lignes.push(...tableauFiscal(fiscales));
  if (resultats.some((r) => aVerifier(r) && r.plafond !== null)) {
    lignes.push(
      c().yellow(
        "⚠ chiffre vérifié il y a plus d'un an (guide de 2019) : à confirmer auprès de l'opérateur avant de l'inscrire au plan (voir « À vérifier » ci-dessous).",
      ),
    );
  }
  // The `a_verifier` warning once per dispositif, not once per line (docs/domaine.md §0).
  const dejaDits = new Set<string>();
  for (const r of resultats) {
    // A deduction's figures are in its table; its JSON keys are not for a reader.
    const details = r.fiscal ? [] : Object.entries(r.details).filter(([, v]) => v !== null);
    const motifs = r.motifs.filter(
      (m) => m.code !== "a_verifier" || !dejaDits.has(`${r.dispositif}|${m.message}`),
    );
    for (const m of motifs) if (m.code === "a_verifier") dejaDits.add(`${r.dispositif}|${m.message}`);
    if (motifs.length === 0 && details.length === 0) continue;
    lignes.push(c().bold(`${r.dispositif} / ${r.depense}`));
    if (details.length) lignes.push(`  ${details.map(([k, v]) => `${k} : ${v}`).join(", ")}`);
    lignes.push(
      ...motifs.map((m) => (m.code === "a_verifier" ? ligneAVerifier(m, r, resultats) : ligneMotif(m))),
    );
  }
  return lignes;
}

export function rendreControles(controles: Controle[]): string[] {
  if (controles.length === 0) return [];
  const t = tableau(["Contrôle", "Portée", "Résultat", "Valeur", "Limite"]);
  for (const k of controles)
    t.push([NOMS_CONTROLES[k.controle], k.portee, verdict(k.conforme), montant(k.valeur), montant(k.limite)]);
  const lignes = [c().bold("Contrôles du plan de financement"), t.toString()];
  for (const k of controles) {
    const marque =
      k.conforme === false ? c().red("✖") : k.conforme === null ? c().yellow("?") : c().green("✔");
    lignes.push(`  ${marque} ${k.message}${k.source ? c().dim(` [${k.source}]`) : ""}`);
  }
  return lignes;
}

export function rendreFiche(e: EvaluationFiche, titre?: string): string {
  const lignes: string[] = [];
  lignes.push(
    c().bold.underline(`Fiche ${e.id}${titre ? ` — ${titre}` : ""}`) +
      c().dim(` (évaluée au ${dateFr(e.date_evaluation)})`),
  );
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
  lignes.push(...rendreMarges(e.marges));
  lignes.push(
    `Verdict : ${e.controles.length === 0 ? "aucun plan de financement à contrôler" : verdict(e.conforme)}`,
  );
  return lignes.join("\n");
}

export function rendreSynthese(s: Synthese): string {
  return `${s.fiches} fiche(s) : ${c().green(`${s.conformes} conforme(s)`)}, ${s.non_conformes ? c().red(`${s.non_conformes} non conforme(s)`) : "0 non conforme"}, ${s.sans_plan_de_financement ? `${s.sans_plan_de_financement} sans plan de financement, ` : ""}${s.en_erreur ? c().red(`${s.en_erreur} en erreur`) : "0 en erreur"}.`;
}
