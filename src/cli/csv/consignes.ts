// What the rules tell a fiche's author, said to a spreadsheet's user: which column to fill and what
// to write in it, rather than the YAML line to add ("regime: rgec").
import type { EvaluationFiche, Motif } from "../../core/modele.js";

/** Field path → the column it is read from (colonneDuChamp). */
export type NommerColonne = (champ: string) => string | undefined;

const REGIME_A_CONFIRMER = /^Financement n°(\d+) \(([^)]+)\) : (régime non précisé, le RGEC est retenu) ; confirmez-le avec .*$/;

/** A motif's message for a CSV user; unchanged when it says nothing of YAML. */
export function messagePourTableur(m: Motif, nommer: NommerColonne): string {
  if (m.code !== "regime_a_confirmer") return m.message;
  const lu = REGIME_A_CONFIRMER.exec(m.message);
  if (!lu) return m.message;
  const i = Number(lu[1]) - 1;
  const financeur = nommer(`financements[${i}]`) ?? lu[2];
  const canonique = `regime_${lu[2]}`;
  const regime = nommer(`financements[${i}].regime`) ?? canonique;
  // No such column in the file yet (ligne-vers-fiche names it by its canonical header): to add.
  const ou = regime === canonique ? `une colonne « Régime ${financeur} » à ajouter au tableau` : `la colonne « ${regime} »`;
  return `Colonne « ${financeur} » : ${lu[3]} ; confirmez-le en écrivant RGEC, de minimis ou hors aide d'État dans ${ou}.`;
}

/** The evaluation with its motifs told to a CSV user (the same object when none speaks YAML: every row asks). */
export function evaluationPourTableur(e: EvaluationFiche, nommer: NommerColonne): EvaluationFiche {
  const aRedire = (ms: Motif[]) => ms.some((m) => m.code === "regime_a_confirmer");
  if (!aRedire(e.motifs) && !e.resultats.some((r) => aRedire(r.motifs))) return e;
  const adapter = (ms: Motif[]) => ms.map((m) => {
    const message = messagePourTableur(m, nommer);
    return message === m.message ? m : { ...m, message };
  });
  return { ...e, motifs: adapter(e.motifs), resultats: e.resultats.map((r) => ({ ...r, motifs: adapter(r.motifs) })) };
}
