// The `contrat` block that `verifier --format json` adds to docs/interface.md's document: the contract,
// its totals, its own controls and warnings. Amounts as strings with two decimals, rates with four.
import { montantJson, tauxJson } from "./argent.js";
import type { BilanContrat } from "./contrat.js";
import type { Contrat } from "./schemas/contrat.js";

export interface SourceJson {
  fiche: string;
  fichier: string;
  ligne: number | null;
}

export function contratJson(
  bilan: BilanContrat,
  o: { contrat?: Contrat; conforme: boolean | null; sources: SourceJson[]; erreurs: string[] },
) {
  const t = bilan.totaux;
  return {
    id: o.contrat?.id ?? null,
    titre: o.contrat?.titre ?? null,
    territoire: o.contrat?.territoire ?? null,
    periode: o.contrat ? { debut: o.contrat.periode.debut, fin: o.contrat.periode.fin } : null,
    conforme: o.conforme,
    totaux: {
      fiches: t.fiches,
      cout_total: montantJson(t.cout_total),
      financements_total: montantJson(t.financements_total),
      financements_publics: montantJson(t.financements_publics),
      par_financeur: t.par_financeur.map((f) => ({
        financeur: f.financeur,
        montant: montantJson(f.montant),
      })),
      autofinancement: montantJson(t.autofinancement),
      autres_prives: montantJson(t.autres_prives),
      part_publique: tauxJson(t.part_publique),
      part_autofinancement: tauxJson(t.part_autofinancement),
      fiches_sans_plan: t.fiches_sans_plan,
    },
    controles: bilan.controles.map((c) => ({
      controle: c.controle,
      portee: c.portee,
      conforme: c.conforme,
      valeur: montantJson(c.valeur),
      limite: montantJson(c.limite),
      fiches: c.fiches,
      message: c.message,
      source: c.source,
    })),
    motifs: bilan.motifs.map((m) => ({
      code: m.code,
      niveau: m.niveau,
      message: m.message,
      source: m.source,
    })),
    sources: o.sources,
    erreurs: o.erreurs,
  };
}
