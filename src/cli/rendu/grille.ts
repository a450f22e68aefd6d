// A table that fits the width it is given: the wide layout (cli-table3) when every line fits, else
// a vertical layout, one block per row — its title, then one « En-tête : valeur » line per cell —
// where no amount is cut (the lines are folded at ordinary spaces only, largeur.ts).
import Table from "cli-table3";
import { c } from "./couleurs.js";
import { ajuster, largeurMax } from "./largeur.js";

export interface Grille {
  entetes: string[];
  lignes: string[][];
  /** How many leading cells name the row (its block's title in the vertical layout). */
  titre?: number;
}

export function rendreGrille(g: Grille, largeur: number): string {
  const t = new Table({
    head: g.entetes.map((h) => c().bold(h)),
    style: { head: [], border: [] },
  });
  t.push(...g.lignes);
  const large = t.toString();
  if (largeurMax(large) <= largeur) return large;
  return ajuster(enBlocs(g), largeur);
}

function enBlocs(g: Grille): string {
  const n = g.titre ?? 1;
  return g.lignes
    .map((cellules) => {
      const titre = cellules
        .slice(0, n)
        .filter((x) => x !== "")
        .join(" / ");
      const champs = cellules
        .slice(n)
        .map((v, i) => `    ${g.entetes[n + i]} : ${v}`)
        // An empty or « — » cell says nothing in a block: left out.
        .filter((_, i) => cellules[n + i] !== "" && cellules[n + i] !== "—");
      return [`  ${c().bold(titre)}`, ...champs].join("\n");
    })
    .join("\n");
}
