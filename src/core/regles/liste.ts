// `ti-aides regles`: the guide's 30 fiches joined to the loaded rules — those computed and those
// that only inform — plus the rules a Region adds, with the filters of the command.
import type { Catalogue, FicheCatalogue } from "../schemas/catalogue.js";
import type { Regle } from "../schemas/regle.js";
import { normaliser } from "../suggestion.js";
import type { Referentiel } from "./referentiel.js";

export interface FiltresRegles {
  theme?: string;
  /** Words of the beneficiaries' text ("collectivité", "PME"), accents and case ignored. */
  beneficiaire?: string;
  /** Only the fiches (and rules) ti-aides computes. */
  calcule?: boolean;
}

export interface DispositifListe {
  id: string;
  nom: string;
  /** The file it was read from. */
  fichier: string;
  /** Its kind of calculation (eligibilite: ti-aides checks the conditions, the guide gives no figure). */
  calcul: Regle["calcul"]["type"];
}

export interface FicheListee extends FicheCatalogue {
  source: string;
  calcule: boolean;
  regles: DispositifListe[];
}

export interface ListeRegles {
  fiches: FicheListee[];
  /** Rules of a regional folder that are none of the guide's (--regles). */
  regionales: (DispositifListe & { regle: Regle })[];
}

function dispositif(ref: Referentiel, id: string): DispositifListe | undefined {
  const r = ref.dispositifs.get(id);
  return r ? { id, nom: r.nom, fichier: ref.origines.get(id) ?? "", calcul: r.calcul.type } : undefined;
}

function contient(texte: string | undefined, mots: string): boolean {
  return texte !== undefined && normaliser(texte).includes(normaliser(mots));
}

export function listerRegles(catalogue: Catalogue, ref: Referentiel, f: FiltresRegles = {}): ListeRegles {
  const duGuide = new Set(catalogue.fiches.flatMap((x) => x.dispositifs));
  const fiches: FicheListee[] = catalogue.fiches
    .map((x) => {
      const regles = x.dispositifs
        .map((id) => dispositif(ref, id))
        .filter((d): d is DispositifListe => d !== undefined);
      return {
        ...x,
        source: `Guide TI V5, fiche ${x.fiche}, l.${x.lignes}`,
        calcule: regles.length > 0,
        regles,
      };
    })
    .filter((x) => f.theme === undefined || x.theme === f.theme)
    .filter((x) => !f.calcule || x.calcule)
    .filter((x) => {
      if (f.beneficiaire === undefined) return true;
      const textes = [x.beneficiaires, ...x.dispositifs.map((id) => ref.dispositifs.get(id)?.beneficiaires)];
      return textes.some((t) => contient(t, f.beneficiaire!));
    });
  const regionales = [...ref.dispositifs.values()]
    .filter((r) => !duGuide.has(r.id))
    .filter((r) => f.theme === undefined || r.theme === f.theme)
    .filter((r) => f.beneficiaire === undefined || contient(r.beneficiaires ?? r.offre, f.beneficiaire))
    .map((r) => ({ ...dispositif(ref, r.id)!, regle: r }));
  return { fiches, regionales };
}
