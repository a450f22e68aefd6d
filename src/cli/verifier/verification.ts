// A whole verification: the contract evaluated by the core (evaluerContrat), told to a CSV user by
// column, and every finding placed in its file, line and field or column.
import { champDeMinimis, type BilanContrat } from "../../core/contrat.js";
import { cheminTexte, ErreurSaisie, formaterProbleme, type ProblemeSaisie } from "../../core/erreurs.js";
import { evaluerContrat } from "../../core/evaluer-contrat.js";
import { idBrut, type FicheEvaluee, type FicheSource } from "../../core/fiche-lue.js";
import type { Controle } from "../../core/modele.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import { ficheEnErreur } from "../../core/document-json.js";
import { evaluationPourTableur, nomDeLaDepense } from "../csv/consignes.js";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import type { MessagesEcrits } from "../../core/controles/messages.js";
import type { ContratLu, SourcesVerification } from "./sources.js";

/** erreur: an input cannot be used (exit 2); echec: a rule is broken (exit 1); avertissement: to check. */
export type Gravite = "erreur" | "echec" | "avertissement";

/** One finding, where it stands, as every output format shows it. */
export interface Constat {
  gravite: Gravite;
  /** Index of the fiche in `Verification.fiches`; undefined for the contract or an unreadable input. */
  fiche?: number;
  /** What it is about: a control's French name, "Saisie", "Période du contrat"… */
  sujet: string;
  /** The control's id (JUnit failure type), when it is one. */
  controle?: string;
  message: string;
  fichier?: string;
  ligne?: number;
  champ?: string;
  /** For a fiche read from a CSV row: the column, said instead of the field path. */
  colonne?: string;
}

export interface FicheVerifiee extends FicheEvaluee {
  fichier: string;
  ligne?: number;
  /** Read from a CSV row: its messages name columns, and the fiche's id beside the row number. */
  tableur: boolean;
  /** A CSV row's one expense as a person names it: by the column of its amount (csv/consignes.ts). */
  nomDepense?: string;
}

export interface Verification {
  fichiers: string[];
  contrat?: ContratLu;
  fiches: FicheVerifiee[];
  /** Controls and totals over the fiches that could be evaluated. */
  bilan: BilanContrat;
  constats: Constat[];
  /** Per fiche (same order as `fiches`): its findings, and its verdict. */
  parFiche: Constat[][];
  verdicts: VerdictFiche[];
}

/** An input error on a fiche outweighs its evaluation. */
export type VerdictFiche = "conforme" | "non_conforme" | "erreur";

export const NOM_PERIODE = "Période du contrat";

/**
 * `messages: "anomalies"`: for an output that shows, of each fiche's controls, only the failed ones
 * (the findings: table, JUnit, GitHub); the JSON document and the HTML report show them all.
 */
export function verifierSources(
  sources: SourcesVerification,
  ref: Referentiel,
  date?: string,
  messages?: MessagesEcrits,
): Verification {
  const illisibles = new Set(sources.problemes.keys());
  const resultat = evaluerContrat(sources.fiches, ref, {
    date,
    contrat: sources.contrat?.contrat,
    illisibles,
    etapes: false, // no output of verifier (nor of lot --format html) shows them
    messages,
  });
  const { bilan, doublons } = resultat;
  // A fiche from a CSV row: its fields are named by their column ("Montant"), not their path.
  const colonneDe = (s: FicheSource, champ: string | undefined) =>
    champ === undefined ? undefined : sources.colonnes.get(s)?.(champ);
  const fiches: FicheVerifiee[] = resultat.fiches.map((evaluee) => {
    const s = evaluee.source;
    // A CSV row's motifs say which column to fill, not which YAML line to add.
    const colonnes = sources.colonnes.get(s);
    const ev = colonnes
      ? { ...evaluee, evaluation: evaluationPourTableur(evaluee.evaluation, colonnes) }
      : evaluee;
    // A CSV row in error: its messages name the column too, be the mistake in a cell or in the schema.
    const lues = sources.problemes.get(s) ?? (colonnes && ev.erreur ? [] : undefined);
    const { evaluation, fiche, erreur } = lues
      ? avecCellulesIllisibles(ev, lues, (champ) => colonneDe(s, champ), date)
      : ev;
    // Written out rather than spread: spread, each of these objects got a hidden class of its own
    // (~0,3 Ko per fiche that verifier keeps to the end; issue 20).
    return {
      evaluation,
      fiche,
      source: s,
      erreur,
      fichier: s.doc.fichier,
      ligne: s.doc.ligneDe(s.chemin),
      tableur: sources.colonnes.has(s),
      nomDepense: colonnes ? nomDeLaDepense(colonnes) : undefined,
    };
  });

  const constats: Constat[] = [];
  const estCsv = (i: number | undefined) => i !== undefined && fiches[i].tableur;
  const nommer = (i: number | undefined, champ: string | undefined): Pick<Constat, "champ" | "colonne"> =>
    estCsv(i) ? { colonne: colonneDe(fiches[i!].source, champ) } : { champ };
  const place = (
    i: number | undefined,
    champ: PropertyKey[],
  ): Pick<Constat, "fichier" | "ligne" | "champ" | "colonne"> => {
    if (i === undefined) return {};
    const s = fiches[i].source;
    const chemin = [...s.chemin, ...champ];
    return {
      fichier: s.doc.fichier,
      ligne: s.doc.ligneDe(chemin),
      ...nommer(i, chemin.length ? cheminTexte(chemin) : undefined),
    };
  };
  const deProbleme = (p: ProblemeSaisie, fiche?: number): Constat => ({
    gravite: "erreur",
    fiche,
    sujet: "Saisie",
    message: p.message,
    fichier: p.fichier,
    ligne: p.ligne,
    ...(p.colonne ? { colonne: p.colonne } : nommer(fiche, p.champ)),
  });

  for (const e of sources.erreurs) for (const p of e.problemes) constats.push(deProbleme(p));
  for (const p of sources.avertissements)
    constats.push({
      gravite: "avertissement",
      sujet: "Avertissement",
      message: p.message,
      fichier: p.fichier,
      ligne: p.ligne,
      champ: p.champ,
    });
  for (const { index, probleme } of doublons) constats.push(deProbleme(probleme, index));

  fiches.forEach((f, i) => {
    if (f.erreur) {
      for (const p of f.erreur.problemes) constats.push(deProbleme(p, i));
      return;
    }
    const e = f.evaluation;
    for (const c of e.controles) {
      if (c.conforme !== false) continue; // a control that could not be evaluated comes with its warning
      constats.push({
        gravite: "echec",
        fiche: i,
        sujet: NOMS_CONTROLES[c.controle],
        controle: c.controle,
        message: c.message,
        ...place(i, champDuControle(c, f.fiche!, ref)),
      });
    }
    const vus = new Set<string>();
    const avertir = (message: string, champ: PropertyKey[]) => {
      if (vus.has(message)) return;
      vus.add(message);
      constats.push({
        gravite: "avertissement",
        fiche: i,
        sujet: "Avertissement",
        message,
        ...place(i, champ),
      });
    };
    for (const m of e.motifs) if (m.niveau !== "info") avertir(m.message, []);
    for (const r of e.resultats) {
      if (r.origine === "defaut") continue; // applies by default: it informs, nobody asked for it
      const k = f.fiche!.depenses.findIndex((d) => d.id === r.depense);
      // The currency warning is said once per dispositif, not once per expense (docs/domaine.md §0).
      for (const m of r.motifs)
        if (m.niveau !== "info")
          avertir(
            m.code === "a_verifier"
              ? `${r.dispositif} : ${m.message}`
              : `${r.dispositif} / ${r.depense} : ${m.message}`,
            ["depenses", k],
          );
    }
  });

  for (const c of bilan.controles) {
    if (c.conforme === true) continue;
    const i = c.lieu?.fiche;
    constats.push({
      gravite: c.conforme === false ? "echec" : "avertissement",
      fiche: c.controle === "periode" ? i : undefined,
      sujet: c.controle === "periode" ? NOM_PERIODE : `${NOMS_CONTROLES.de_minimis} (contrat)`,
      controle: c.controle,
      message: c.message,
      ...place(i, c.lieu?.champ ?? []),
    });
  }
  for (const m of bilan.motifs) {
    const i = m.lieu?.fiche;
    constats.push({
      gravite: "avertissement",
      fiche: i,
      sujet: "Avertissement",
      message: m.message,
      ...(i === undefined ? placeContrat(sources.contrat) : place(i, m.lieu!.champ)),
    });
  }
  const parFiche: Constat[][] = fiches.map(() => []);
  for (const k of constats) if (k.fiche !== undefined) parFiche[k.fiche].push(k);
  parFiche.forEach((ks, i) => (parFiche[i] = ks.slice())); // kept to the end: without the room a push leaves (17 places)
  const verdicts = parFiche.map((ks): VerdictFiche =>
    ks.some((k) => k.gravite === "erreur")
      ? "erreur"
      : ks.some((k) => k.gravite === "echec")
        ? "non_conforme"
        : "conforme",
  );
  return {
    fichiers: sources.fichiers,
    contrat: sources.contrat,
    fiches,
    bilan,
    constats,
    parFiche,
    verdicts,
  };
}

/** A CSV row with unreadable cells: in error, the cells first, then what the schema says of the other columns. */
function avecCellulesIllisibles(
  ev: FicheEvaluee,
  lues: ProblemeSaisie[],
  colonneDe: (champ: string | undefined) => string | undefined,
  date?: string,
): FicheEvaluee {
  const colonnes = new Set(lues.map((p) => p.colonne));
  const autres = (ev.erreur?.problemes ?? []).filter((p) => !colonnes.has(colonneDe(p.champ)));
  const problemes = [...lues, ...autres];
  const id = idBrut(ev.source) ?? ev.evaluation.id;
  return {
    evaluation: ficheEnErreur(
      id,
      date ?? ev.evaluation.date_evaluation,
      problemes.map((p) =>
        formaterProbleme({ ...p, colonne: p.colonne ?? colonneDe(p.champ), champ: undefined }),
      ),
    ),
    source: ev.source,
    erreur: new ErreurSaisie(problemes),
  };
}

function placeContrat(c: ContratLu | undefined): Pick<Constat, "fichier" | "ligne" | "champ"> {
  return c ? { fichier: c.doc.fichier, ligne: c.doc.ligneDe(["contrat"]), champ: "contrat" } : {};
}

/** The field of the fiche a failed control points at, so that a CI annotation lands on its line. */
export function champDuControle(c: Controle, fiche: Fiche, ref: Referentiel): PropertyKey[] {
  const financement = (id: string): PropertyKey[] => {
    const k = fiche.financements?.findIndex((f) => f.financeur === id || f.dispositif === id) ?? -1;
    return k >= 0 ? ["financements", k] : ["financements"];
  };
  switch (c.controle) {
    case "plafond":
    case "cofinancement":
    case "parite":
    case "transparence":
      return financement(c.portee.split(" / ")[0]);
    case "cumul": {
      const k = fiche.depenses.findIndex((d) => d.id === c.portee);
      return k >= 0 ? ["depenses", k] : ["depenses"];
    }
    case "de_minimis":
      return champDeMinimis(fiche, ref);
    case "effet_incitatif":
      return ["date_debut"];
    default:
      return ["financements"];
  }
}

export interface Decompte {
  fiches: number;
  conformes: number;
  nonConformes: number;
  /** Compliant for lack of anything to check: no financing plan (not counted among `conformes`). */
  sansPlan: number;
  enErreur: number;
  echecsContrat: number;
  erreurs: number;
  echecs: number;
  avertissements: number;
}

/** A fiche read and evaluated without a financing plan: no control to pass. */
export function estSansPlan(v: Verification, i: number): boolean {
  const f = v.fiches[i];
  return f.fiche !== undefined && !f.erreur && f.evaluation.controles.length === 0;
}

export function decompter(v: Verification): Decompte {
  const verdicts = v.verdicts;
  const sansPlan = verdicts.filter((x, i) => x === "conforme" && estSansPlan(v, i)).length;
  return {
    fiches: v.fiches.length,
    conformes: verdicts.filter((x) => x === "conforme").length - sansPlan,
    sansPlan,
    nonConformes: verdicts.filter((x) => x === "non_conforme").length,
    enErreur: verdicts.filter((x) => x === "erreur").length,
    echecsContrat: v.bilan.controles.filter((c) => c.conforme === false).length,
    erreurs: v.constats.filter((c) => c.gravite === "erreur").length,
    echecs: v.constats.filter((c) => c.gravite === "echec").length,
    avertissements: v.constats.filter((c) => c.gravite === "avertissement").length,
  };
}

/** The contract's compliance: null when an input could not be read, false when a rule is broken. */
export function conformiteContrat(v: Verification): boolean | null {
  const d = decompter(v);
  if (d.erreurs > 0) return null;
  return d.echecs === 0;
}
