// `lot` on a terminal without -o: a readable summary of the rows — line, verdict, fiche, first
// anomaly — rather than raw CSV, then where the full CSV is (-o). Streamed like the other outputs
// (csv/ecrivains.ts). Through a pipe or a redirection, `lot` writes its CSV as before.
import type { Synthese } from "../../core/document-json.js";
import type { Ecrivain } from "../csv/ecrivains.js";
import type { LigneTraitee, Statut } from "../csv/traitement.js";
import { c } from "./couleurs.js";
import { ajuster, largeurAffichee } from "./largeur.js";

/** Beyond this many rows, the summary says how many more the CSV (-o) holds. */
export const LIGNES_RESUMEES = 1000;

const VERDICTS: Record<Statut, () => string> = {
  conforme: () => c().green("✔ conforme"),
  non_conforme: () => c().red("✖ non conforme"),
  sans_plan: () => c().yellow("– sans plan"),
  en_erreur: () => c().red("✖ en erreur"),
};

function colonne(texte: string, largeur: number): string {
  return texte + " ".repeat(Math.max(0, largeur - largeurAffichee(texte)));
}

export function ecrivainResume(fichier: string, largeur: number): Ecrivain {
  const L = { ligne: 7, verdict: 16, fiche: 18 };
  const retrait = L.ligne + L.verdict + L.fiche;
  let ecrites = 0;
  let omises = 0;
  const ligne = (n: string, verdict: string, id: string, anomalie: string) => {
    const tete = colonne(n, L.ligne) + colonne(verdict, L.verdict) + colonne(id, L.fiche - 1) + " ";
    const place = Math.max(20, largeur - Math.max(retrait, largeurAffichee(tete)));
    const pliee = ajuster(anomalie, place).split("\n");
    return [tete + pliee[0], ...pliee.slice(1).map((x) => " ".repeat(retrait) + x.trimStart())]
      .map((x) => ajuster(x, largeur))
      .join("\n");
  };
  return {
    debut: () =>
      ajuster(c().bold(`Lot ${fichier} : résumé des lignes (le CSV complet : -o resultat.csv)`), largeur) +
      "\n" +
      c().bold(ligne("Ligne", "Verdict", "Fiche", "Première anomalie")) +
      "\n",
    lignes: (ls) =>
      ls
        .flatMap((l: LigneTraitee | null) => {
          if (!l) return [];
          if (ecrites >= LIGNES_RESUMEES) {
            omises++;
            return [];
          }
          ecrites++;
          return [
            ligne(String(l.ligne), VERDICTS[l.statut](), l.id, l.premiereAnomalie ?? c().dim("—")) + "\n",
          ];
        })
        .join(""),
    fin: (s: Synthese) =>
      ajuster(
        [
          omises ? c().yellow(`… et ${omises} autre(s) ligne(s), dans le CSV complet.`) : undefined,
          `${s.fiches} ligne(s) : ${s.conformes} conforme(s), ${s.non_conformes} non conforme(s), ${s.sans_plan_de_financement} sans plan de financement, ${s.en_erreur} en erreur.`,
          `Le tableau complet (vos colonnes, puis taille, dispositifs, plafonds, conformité, toutes les anomalies) : ti-aides lot ${fichier} -o resultat.csv ; dans un tube ou une redirection (> resultat.csv), lot écrit ce CSV.`,
        ]
          .filter(Boolean)
          .join("\n"),
        largeur,
      ) + "\n",
  };
}
