// `ti-aides modele [--format xlsx|csv] -o FICHIER`: an empty table to fill for `lot`, with its
// canonical headers, two example rows and, in a workbook, a comment on each header and a drop-down
// list for each closed choice (src/cli/classeur/modele.ts).
import { CODE_OK, ErreurUsage } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { reglesDe, verifierFormat, type OptionsGlobales } from "../options.js";

export async function modele(o: OptionsGlobales): Promise<number> {
  const format = verifierFormat(o.format ?? formatDuFichier(o.sortie), "modele");
  if (format === "xlsx" && (!o.sortie || o.sortie === "-") && process.stdout.isTTY)
    throw new ErreurUsage(
      "un classeur ne s'affiche pas à l'écran : écrivez-le dans un fichier, ex. ti-aides modele -o contrat.xlsx",
    );
  const ref = reglesDe(o);
  const { modeleCsv, modeleXlsx } = await import("../classeur/modele.js");
  ecrireSortie(format === "csv" ? await modeleCsv(ref) : await modeleXlsx(ref), o.sortie);
  if (o.sortie && o.sortie !== "-" && !o.quiet)
    process.stderr.write(
      `Modèle écrit dans ${o.sortie} : remplissez une ligne par fiche-action (les deux premières sont des exemples à remplacer), puis ti-aides lot ${o.sortie}\n`,
    );
  return CODE_OK;
}

/** -o modele.csv without --format: a CSV. */
function formatDuFichier(sortie: string | undefined): string | undefined {
  return sortie?.toLowerCase().endsWith(".csv") ? "csv" : undefined;
}
