// The readable French report of evaluated fiches, for a person at a terminal: the verdict first
// (compliant or not, and why, one sentence each), the dates the controls use, then the figures.
// Every table fits the width (grille.ts); every line is folded to it without cutting an amount.
import { dateFr } from "../../core/dates.js";
import { D } from "../../core/argent.js";
import { euros, pourcent } from "../../core/format.js";
import type { Controle, EvaluationFiche, Motif, NomControle, Resultat } from "../../core/modele.js";
import type { Synthese } from "../../core/document-json.js";
import { c } from "./couleurs.js";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import { detailsAffiches } from "./details.js";
import { rendreGrille } from "./grille.js";
import { ajuster, largeurSortie } from "./largeur.js";
import { rendreMarges } from "./marges.js";
import { sourceLisible } from "./sources.js";

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

/** « [source] », dimmed, the guide cited by fiche, part and line (sources.ts). */
export function crochetSource(source: string | null | undefined): string {
  return source ? c().dim(` [${sourceLisible(source)}]`) : "";
}

function ligneMotif(m: Motif): string {
  return `  ${symbole(m)} ${m.message}${crochetSource(m.source)}`;
}

function aVerifier(r: Resultat): boolean {
  return r.motifs.some((m) => m.code === "a_verifier");
}

/** The currency warning, said once for all the lines of its dispositif. */
function ligneAVerifier(m: Motif, r: Resultat, resultats: Resultat[]): string {
  const lignes = resultats.filter((x) => x.dispositif === r.dispositif).length;
  return `  ${c().yellow("⚠")} ${c().bold("À vérifier")} : ${m.message}${lignes > 1 ? ` (vaut pour les ${lignes} lignes de ${r.dispositif})` : ""}${crochetSource(m.source)}`;
}

function verdict(conforme: boolean | null): string {
  if (conforme === true) return c().green("✔ conforme");
  if (conforme === false) return c().red("✖ non conforme");
  return c().yellow("? non évaluable");
}

/** A transparency obligation is no breach, and no plain « conforme » either: the aid is to publish. */
function aPublier(k: Controle): boolean {
  return k.controle === "transparence" && k.publication_requise === true;
}

/** The mark of a control in front of its sentence: ✔, ✖, ? or ⚑ (to publish). */
export function marqueControle(k: Controle): string {
  if (aPublier(k)) return c().yellow("⚑");
  return k.conforme === false ? c().red("✖") : k.conforme === null ? c().yellow("?") : c().green("✔");
}

function resultatControle(k: Controle): string {
  return aPublier(k) ? c().yellow("⚑ à publier") : verdict(k.conforme);
}

/** By how much a failed control is over its limit (cumul, ceiling, de minimis…); empty otherwise. */
function ecart(k: Controle): string {
  if (k.conforme !== false || k.valeur === null || k.limite === null) return "";
  return c().red(euros(k.valeur.minus(k.limite)));
}

/**
 * The date each kind of control reads (docs/domaine.md §3 and « Paramètres datés »), said in the
 * header for the controls the fiche has.
 */
const DATES_DES_CONTROLES: Record<NomControle, (date: string) => string> = {
  plafond: () => "", // the dispositifs' figures, said first
  equilibre: () => "",
  cumul: (d) => `cumul : intensités au ${d}`,
  de_minimis: () => "de minimis : date d'octroi de chaque ligne (à défaut, la date de la demande)",
  transparence: () => "transparence : date d'octroi de chaque ligne (à défaut, la date de la demande)",
  effet_incitatif: () => "effet incitatif : date de la demande comparée au début des travaux",
  cofinancement: () => "",
  parite: () => "",
  participation_minimale: (d) => `participation minimale : part exigée au ${d}`,
};

function ligneDates(e: EvaluationFiche): string {
  const d = dateFr(e.date_evaluation);
  const sortes = [...new Set(e.controles.map((k) => k.controle))];
  const dites = [...new Set(sortes.map((s) => DATES_DES_CONTROLES[s](d)).filter(Boolean))];
  return c().dim(
    `Dates : chiffres des dispositifs au ${d} (date de la demande, ou --date)${dites.length ? ` ; ${dites.join(" ; ")}` : ""}.`,
  );
}

/**
 * The first lines of a fiche's report: compliant or not, then one sentence per failed or
 * unevaluable control and per aid to publish. The room left to each financer (how much each may
 * still give, who must reduce) is added under these lines by rendu/marges.ts: `SOUS_LE_VERDICT`.
 */
function lignesVerdict(e: EvaluationFiche): string[] {
  if (e.controles.length === 0) return [`Verdict : aucun plan de financement à contrôler`];
  const echecs = e.controles.filter((k) => k.conforme === false);
  const inconnus = e.controles.filter((k) => k.conforme === null);
  const publier = e.controles.filter(aPublier);
  const n = e.controles.length;
  const resume =
    e.conforme === false
      ? `${echecs.length} contrôle${echecs.length > 1 ? "s" : ""} sur ${n} en échec.`
      : e.conforme === null
        ? `${inconnus.length} contrôle${inconnus.length > 1 ? "s" : ""} sur ${n} sans les données pour conclure.`
        : `les ${n} contrôles du plan de financement sont respectés.`;
  const phrase = (marque: string, k: Controle) =>
    `  ${marque} ${c().bold(NOMS_CONTROLES[k.controle])}${k.message.includes(k.portee) ? "" : ` (${k.portee})`} : ${k.message}`;
  return [
    `Verdict : ${verdict(e.conforme)} — ${resume}`,
    ...echecs.map((k) => phrase(c().red("✖"), k)),
    ...inconnus.map((k) => phrase(c().yellow("?"), k)),
    ...publier.map((k) => phrase(c().yellow("⚑ à publier :"), k)),
    ...SOUS_LE_VERDICT.flatMap((f) => f(e)),
  ];
}

/**
 * Lines added under the verdict, one function per contributor, each line a sentence folded to the
 * width like the others. The room left to each financer — how much each may still give, who must
 * reduce and by how much — goes here: `rendu/marges.ts` exports its function and this list names
 * it. An empty list adds nothing.
 */
export const SOUS_LE_VERDICT: ((e: EvaluationFiche) => string[])[] = [(e) => rendreMarges(e.marges)];

/**
 * A tax deduction (suramortissement) is no aid: its own table, in words a taxpayer reads — the extra
 * deduction and the estimated tax saving — never "Aide maximale" nor the JSON keys (second edition).
 * The rate of the tax comes from the result (the rule's data), never from here.
 */
function tableauFiscal(fiscales: Resultat[], largeur: number): string[] {
  const tis = [
    ...new Set(fiscales.map((r) => r.details.taux_is).filter((x) => x !== null && x !== undefined)),
  ];
  const entete =
    tis.length === 1
      ? `Économie d'impôt estimée (IS ${pourcent(new D(String(tis[0])))})`
      : "Économie d'impôt estimée";
  const lignes = fiscales.map((r) => {
    const economie = r.details.economie_impot;
    const taux =
      tis.length > 1 && r.details.taux_is != null
        ? ` (IS ${pourcent(new D(String(r.details.taux_is)))})`
        : "";
    return [
      r.dispositif,
      r.depense,
      r.eligible ? c().green("oui") : c().red("non"),
      montant(r.assiette),
      r.taux === null ? "—" : pourcent(r.taux),
      montant(r.plafond),
      r.eligible && economie != null ? `${euros(new D(String(economie)))}${taux}` : "—",
    ];
  });
  return [
    c().bold("Mesures fiscales (déduction du résultat imposable, pas une aide ni une ligne de financement)"),
    rendreGrille(
      {
        entetes: [
          "Mesure fiscale",
          "Dépense",
          "Éligible",
          "Base",
          "Taux",
          "Déduction supplémentaire",
          entete,
        ],
        lignes,
        titre: 2,
      },
      largeur,
    ),
  ];
}

export function rendreResultats(
  resultats: Resultat[],
  largeur = largeurSortie(),
  controles: Controle[] = [],
): string[] {
  const lignes: string[] = [];
  if (resultats.length === 0) return [c().yellow("Aucun dispositif évalué.")];
  const aides = resultats.filter((r) => !r.fiscal);
  const fiscales = resultats.filter((r) => r.fiscal);
  const grille = aides.map((r) => {
    // A figure checked more than a year ago is marked where it is read (docs/domaine.md §0 « Validité et actualité »).
    const marque = aVerifier(r) ? c().yellow(" ⚠") : "";
    return [
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
    ];
  });
  if (aides.length)
    lignes.push(
      rendreGrille(
        {
          entetes: [
            "Dispositif",
            "Dépense",
            "Éligible",
            "Assiette",
            "Taux",
            "Aide maximale",
            "Demandé",
            "Au-delà du plafond",
          ],
          lignes: grille,
          titre: 2,
        },
        largeur,
      ),
    );
  // The column above compares each dispositif with its own ceiling; the cumul of every aid on an
  // expense is another control: say so where a reader would think the plan is within its limits.
  if (controles.some((k) => k.controle === "cumul" && k.conforme === false))
    lignes.push(
      c().yellow(
        "⚠ « Au-delà du plafond » compare chaque dispositif à son propre plafond ; le cumul de toutes les aides d'une dépense est dépassé (voir le verdict et les contrôles).",
      ),
    );
  if (fiscales.length) lignes.push(...tableauFiscal(fiscales, largeur));
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
    // A deduction's figures are in its table.
    const details = r.fiscal ? [] : detailsAffiches(r);
    const motifs = r.motifs.filter(
      (m) => m.code !== "a_verifier" || !dejaDits.has(`${r.dispositif}|${m.message}`),
    );
    for (const m of motifs) if (m.code === "a_verifier") dejaDits.add(`${r.dispositif}|${m.message}`);
    if (motifs.length === 0 && details.length === 0) continue;
    lignes.push(c().bold(`${r.dispositif} / ${r.depense}`));
    if (details.length) lignes.push(`  ${details.join(" ; ")}`);
    lignes.push(
      ...motifs.map((m) => (m.code === "a_verifier" ? ligneAVerifier(m, r, resultats) : ligneMotif(m))),
    );
  }
  return lignes;
}

export function rendreControles(controles: Controle[], largeur = largeurSortie()): string[] {
  if (controles.length === 0) return [];
  const avecEcart = controles.some((k) => ecart(k) !== "");
  const grille = controles.map((k) => [
    NOMS_CONTROLES[k.controle],
    k.portee,
    resultatControle(k),
    montant(k.valeur),
    montant(k.limite),
    ...(avecEcart ? [ecart(k)] : []),
  ]);
  const lignes = [
    c().bold("Contrôles du plan de financement"),
    rendreGrille(
      {
        entetes: [
          "Contrôle",
          "Portée",
          "Résultat",
          "Valeur",
          "Limite",
          ...(avecEcart ? ["Dépassement"] : []),
        ],
        lignes: grille,
        titre: 2,
      },
      largeur,
    ),
  ];
  for (const k of controles) {
    lignes.push(`  ${marqueControle(k)} ${k.message}${crochetSource(k.source)}`);
  }
  return lignes;
}

export function rendreFiche(e: EvaluationFiche, titre?: string, largeur = largeurSortie()): string {
  const lignes: string[] = [];
  lignes.push(
    c().bold.underline(`Fiche ${e.id}${titre ? ` — ${titre}` : ""}`) +
      c().dim(` (évaluée au ${dateFr(e.date_evaluation)})`),
  );
  if (e.erreurs.length) {
    lignes.push(c().red("Fiche non évaluable :"), ...e.erreurs.map((x) => `  ${c().red("✖")} ${x}`));
    return ajuster(lignes.join("\n"), largeur);
  }
  lignes.push(...lignesVerdict(e));
  if (e.controles.length) lignes.push(ligneDates(e));
  lignes.push("");
  const b = e.beneficiaire;
  if (b) {
    const taille = b.activite_economique
      ? `${b.taille} (${{ calculee: "calculée", declaree: "déclarée", effectif_seul: "sur l'effectif seul", par_defaut: "par défaut" }[b.taille_source ?? "calculee"]}), catégorie ${b.categorie_entreprise}`
      : "activité non économique (pas de taille)";
    lignes.push(`Bénéficiaire : ${taille}`);
  }
  lignes.push(...rendreResultats(e.resultats, largeur, e.controles));
  if (e.motifs.length) lignes.push(c().bold("À savoir"), ...e.motifs.map(ligneMotif));
  lignes.push(...rendreControles(e.controles, largeur));
  return ajuster(lignes.join("\n"), largeur);
}

export function rendreSynthese(s: Synthese, largeur = largeurSortie()): string {
  return ajuster(
    `${s.fiches} fiche(s) : ${c().green(`${s.conformes} conforme(s)`)}, ${s.non_conformes ? c().red(`${s.non_conformes} non conforme(s)`) : "0 non conforme"}, ${s.sans_plan_de_financement ? `${s.sans_plan_de_financement} sans plan de financement, ` : ""}${s.en_erreur ? c().red(`${s.en_erreur} en erreur`) : "0 en erreur"}.`,
    largeur,
  );
}
