// The fiches of a contract's CSV (one row per fiche-action, `lot`'s format), read with `lot`'s own
// reader (src/cli/csv/): each row becomes a fiche like a YAML file, placed at its spreadsheet row;
// a row with unreadable cells is still a fiche (in error, with its id); errors name the row's
// column rather than the field path.
import { cheminTexte, ErreurSaisie, type ProblemeSaisie } from "../../core/erreurs.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { analyserEntetes, catalogue, type PlanColonnes } from "../csv/entetes.js";
import { ouvrirCsv } from "../csv/lecture.js";
import { lecteurDe } from "../lecteurs.js";
import { categoriesConnues, colonneDuChamp, ficheDeLigne } from "../csv/ligne-vers-fiche.js";
import type { FicheSource } from "../../core/fiche-lue.js";

export type NomColonne = (champ: string) => string | undefined;

export interface FichesCsv {
  fiches: FicheSource[];
  /** Per fiche: field path ("depenses[0].montant") → the header of its column (or its canonical name). */
  colonnes: Map<FicheSource, NomColonne>;
  /** Per fiche: the cells of its row that cannot be read (colonne: their header). */
  problemes: Map<FicheSource, ProblemeSaisie[]>;
  /** The file itself, when it cannot be read. */
  erreurs: ErreurSaisie[];
  /** Unknown headers (kept, not read). */
  avertissements: ProblemeSaisie[];
}

/** `feuille`: the sheet of a workbook to read (default: the first). */
export async function lireFichesCsv(fichier: string, ref: Referentiel, feuille?: string): Promise<FichesCsv> {
  const r: FichesCsv = {
    fiches: [],
    colonnes: new Map(),
    problemes: new Map(),
    erreurs: [],
    avertissements: [],
  };
  const canoniques = new Map<string, string>();
  for (const c of catalogue(ref).values())
    if (c.sorte === "champ") canoniques.set(cheminTexte(c.chemin), c.nom);
  const dispositifs = [...ref.dispositifs.keys()];
  const categories = categoriesConnues(ref);
  let csv;
  try {
    csv =
      lecteurDe(fichier).sorte === "classeur"
        ? await (await import("../classeur/lecture.js")).ouvrirClasseur(fichier, feuille)
        : ouvrirCsv(fichier);
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    r.erreurs.push(e);
    return r;
  }
  r.avertissements.push(...csv.avertissements.map((message) => ({ message })));
  let plan: PlanColonnes | undefined;
  try {
    for await (const { cellules, ligne } of csv.enregistrements) {
      if (cellules.every((x) => x.trim() === "")) continue; // a spreadsheet's empty rows
      if (!plan) {
        plan = analyserEntetes(cellules, ref, fichier, ligne);
        r.avertissements.push(...plan.avertissements.map((message) => ({ message })));
        continue;
      }
      const { donnees, colonnes, problemes } = ficheDeLigne(cellules, plan, dispositifs, categories);
      const source: FicheSource = { doc: { fichier, donnees, ligneDe: () => ligne }, chemin: [] };
      r.fiches.push(source);
      r.colonnes.set(source, (champ) => colonneDuChamp(champ, colonnes, canoniques));
      if (problemes.length)
        r.problemes.set(
          source,
          problemes.map((p) => ({ fichier, ligne, ...p })),
        );
    }
    if (!plan)
      r.erreurs.push(
        new ErreurSaisie([
          {
            fichier,
            message:
              "aucune ligne d'en-têtes : une ligne id, nature, montant… puis une ligne par fiche-action sont attendues",
          },
        ]),
      );
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    r.erreurs.push(e);
  } finally {
    csv.fermer();
  }
  return r;
}
