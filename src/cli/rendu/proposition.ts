// The table of a proposed plan, for a person: what each financer brings and what stops it there.
import Table from "cli-table3";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import { euros, pourcent } from "../../core/format.js";
import { somme } from "../../core/argent.js";
import type { Limite, Proposition } from "../../core/proposition/proposer.js";
import { c } from "./couleurs.js";

function nomLimite(l: Limite): string {
  return l.controle === "montant_max" ? "montant_max de la ligne" : NOMS_CONTROLES[l.controle];
}

export function rendreProposition(p: Proposition): string {
  const t = new Table({
    head: ["Financeur", "Montant proposé", "Limité par", "Portée", "Source"].map((h) => c().bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
  });
  for (const l of p.lignes) {
    const montant = l.exclue ? "exclu" : euros(l.montant) + (l.fixe ? " (gardé)" : "");
    const limites = l.limites.length ? l.limites : null;
    t.push([
      l.financeur,
      montant,
      limites ? limites.map(nomLimite).join("\n") : "—",
      limites ? limites.map((x) => x.portee).join("\n") : "—",
      limites ? limites.map((x) => x.source ?? "—").join("\n") : "—",
    ]);
  }
  t.push(["autofinancement", euros(p.autofinancement), "ferme l'équilibre", "—", "—"]);
  const cout = somme(p.fiche.depenses.map((d) => d.montant));
  const lignes = [
    c().bold.underline(`Plan proposé pour la fiche ${p.fiche.id}`),
    t.toString(),
    `Aide publique : ${euros(p.aidePublique)}${cout.isZero() ? "" : ` (${pourcent(p.aidePublique.dividedBy(cout).toDecimalPlaces(4))} du coût de ${euros(cout)})`} ; autofinancement : ${euros(p.autofinancement)}.`,
  ];
  if (p.aucuneAide) lignes.push(c().yellow(p.aucuneAide));
  for (const l of p.lignes)
    if (l.limites.length)
      lignes.push(
        `  ${c().dim("•")} ${l.financeur} : ${l.limites.map((x) => x.message.replace(/\.$/, "")).join(" ; ")}.`,
      );
  for (const m of p.motifs) lignes.push(`  ${c().yellow("⚠")} ${m.message}`);
  lignes.push(
    `Vérification : ${p.evaluation.conforme ? c().green("✔ conforme") : c().red("✖ non conforme")} (ti-aides simuler sur la fiche proposée).`,
  );
  return lignes.join("\n") + "\n";
}
