// The financing plan with one public line moved to another amount, the other public lines fixed and
// self-financing absorbing the difference (docs/interface.md « Marges »): a context the controls read.
import { ajouter, arrondirCentime, sommeDe, ZERO, type Dec } from "../argent.js";
import type { ContexteControles } from "../controles/contexte.js";
import { ligneAvec, type ChampParChamp, type Ligne } from "../financements.js";
import { partagerLigne, poidsDeLigne } from "../parts.js";

export interface PlanVarie {
  ligne: Ligne;
  /** The largest amount the line can take before self-financing would go below zero. */
  borneAutofinancement: Dec;
  /** The controls' context with the line at `x` (x ≤ borneAutofinancement). */
  contexte(x: Dec): ContexteControles;
}

/**
 * What a line counts as aid at amount `x`: its amount for a subvention; for a loan or advance given
 * with its grant equivalent, the same share of the amount (its terms unchanged), half-up to the cent.
 */
export function aideA(l: Ligne, x: Dec): Dec {
  return aideSelon(l)(x);
}

/** aideA for one line, what does not depend on the amount decided once (the room left tries several). */
function aideSelon(l: Ligne): (x: Dec) => Dec {
  if (!l.aideEtat) return () => ZERO;
  if (l.aide.equals(l.montant) || l.montant.isZero()) return (x) => x;
  return (x) => arrondirCentime(x.times(l.aide).dividedBy(l.montant));
}

/**
 * The line that absorbs the difference: the first `autofinancement` line, or — when the plan has none —
 * one added on every expense, as the user would add it.
 */
function ligneAbsorbante(c: ContexteControles): Ligne {
  const existante = c.lignes.find((l) => l.financeur === "autofinancement");
  if (existante) return existante;
  return {
    index: c.lignes.length,
    financeur: "autofinancement",
    dispositif: null,
    prive: true,
    regime: null,
    forme: "subvention",
    montant: ZERO,
    aide: ZERO,
    aideEtat: false,
    avecEquivalentSubvention: false,
    depenses: idsDesDepenses(c.fiche.depenses),
    dateOctroi: c.fiche.date_demande ?? null,
    reglement: "general",
  };
}

/**
 * The plan varied line by line: what does not depend on the line (the absorbing line, its weights, the
 * total cost) is computed once for the fiche.
 */
export function variations(c: ContexteControles): (ligne: Ligne) => PlanVarie {
  const absorbante = ligneAbsorbante(c);
  const ajoutee = !c.lignes.includes(absorbante);
  const cout = sommeDe(c.fiche.depenses, (d) => d.montant);
  const poidsAbsorbante = poidsDeLigne(c.fiche, absorbante, c.resultats);
  return (ligne) => varierLigne(c, ligne, { absorbante, ajoutee, cout, poidsAbsorbante });
}

function varierLigne(
  c: ContexteControles,
  ligne: Ligne,
  f: { absorbante: Ligne; ajoutee: boolean; cout: Dec; poidsAbsorbante: Dec[] },
): PlanVarie {
  const { absorbante, ajoutee, cout, poidsAbsorbante } = f;
  let fixes: Dec = ZERO;
  for (const l of c.lignes) if (l !== ligne && l !== absorbante) fixes = ajouter(fixes, l.montant);
  const borneAutofinancement = cout.minus(fixes);
  const poidsLigne = poidsDeLigne(c.fiche, ligne, c.resultats);
  const aide = aideSelon(ligne);
  return {
    ligne,
    borneAutofinancement,
    contexte(x: Dec): ContexteControles {
      const l = ligneAvec(ligne, x, aide(x));
      const a = ligneAvec(absorbante, borneAutofinancement.minus(x), absorbante.aide);
      // Filled by push, as normaliserLignes does: the controls, compiled on packed arrays of lines,
      // were deoptimized by the holey one an optimized `map` makes (docs/performance.md, s6-mise-en-route).
      const lignes: Ligne[] = [];
      for (const k of c.lignes) lignes.push(k === ligne ? l : k === absorbante ? a : k);
      if (ajoutee) lignes.push(a);
      const parts = copie(c.parts);
      const partsAide = copie(c.partsAide);
      const pl = partagerLigne(l, poidsLigne);
      parts.set(l.index, pl.montants);
      partsAide.set(l.index, pl.aides);
      const pa = partagerLigne(a, poidsAbsorbante);
      parts.set(a.index, pa.montants);
      partsAide.set(a.index, pa.aides);
      // The controls write their warnings: those of a trial amount are not the fiche's; nor is their
      // message read (only figures and verdicts). The fields in the order of evaluerFiche's context: one
      // shape for every context the controls read (a spread copy gets another; issue 20).
      const essai: ChampParChamp<ContexteControles> = {
        fiche: c.fiche,
        ref: c.ref,
        date: c.date,
        benef: c.benef,
        lignes,
        resultats: c.resultats,
        parts,
        partsAide,
        autresDeMinimis: c.autresDeMinimis,
        motifs: [],
        chiffresSeulement: true,
        messages: c.messages,
      };
      return essai;
    },
  };
}

/** The ids of the expenses, filled by push (one kind of array for every line). */
function idsDesDepenses(depenses: readonly { id: string }[]): string[] {
  const ids: string[] = [];
  for (const d of depenses) ids.push(d.id);
  return ids;
}

/** A copy of a map, by a loop: half the cost of `new Map(m)` (made twice at every amount tried). */
function copie<K, V>(m: Map<K, V>): Map<K, V> {
  const x = new Map<K, V>();
  for (const [k, v] of m) x.set(k, v);
  return x;
}
