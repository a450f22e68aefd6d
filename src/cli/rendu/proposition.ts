// The table of a proposed plan, for a person: what each financer brings and what stops it there.
// It fits the terminal like every table (grille.ts), and its sources are the readable ones.
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import { euros, pourcent } from "../../core/format.js";
import { somme } from "../../core/argent.js";
import type { Limite, Proposition } from "../../core/proposition/proposer.js";
import { c } from "./couleurs.js";
import { rendreGrille } from "./grille.js";
import { ajuster, largeurSortie } from "./largeur.js";
import { sourceLisible } from "./sources.js";

function nomLimite(l: Limite): string {
  return l.controle === "montant_max" ? "montant_max de la ligne" : NOMS_CONTROLES[l.controle];
}

export function rendreProposition(p: Proposition, largeur = largeurSortie()): string {
  const lignesTableau: string[][] = [];
  for (const l of p.lignes) {
    const montant = l.exclue ? "exclu" : euros(l.montant) + (l.fixe ? " (gardé)" : "");
    const limites = l.limites.length ? l.limites : null;
    lignesTableau.push([
      l.financeur,
      montant,
      limites ? limites.map(nomLimite).join(" ; ") : "—",
      limites ? limites.map((x) => x.portee).join(" ; ") : "—",
      limites ? limites.map((x) => (x.source ? sourceLisible(x.source) : "—")).join(" ; ") : "—",
    ]);
  }
  lignesTableau.push(["autofinancement", euros(p.autofinancement), "ferme l'équilibre", "—", "—"]);
  const entetes = ["Financeur", "Montant proposé", "Limité par", "Portée", "Source"];
  const cout = somme(p.fiche.depenses.map((d) => d.montant));
  const lignes = [
    c().bold.underline(`Plan proposé pour la fiche ${p.fiche.id}`),
    rendreGrille({ entetes, lignes: lignesTableau }, largeur),
    `Aide publique : ${euros(p.aidePublique)}${cout.isZero() ? "" : ` (${pourcent(p.aidePublique.dividedBy(cout).toDecimalPlaces(4))} du coût de ${euros(cout)})`} ; autofinancement\u00a0: ${euros(p.autofinancement)}.`,
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
  return ajuster(lignes.join("\n"), largeur) + "\n";
}
