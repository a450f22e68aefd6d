// Reads the rule files from disk: the built-in rules/ of the package, plus a Region's folder.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { lireDocument } from "./core/document.js";
import { ErreurSaisie } from "./core/erreurs.js";
import { schemasCatalogue, type Catalogue } from "./core/schemas/catalogue.js";
import { schemasPlanDuGuide, type PlanDuGuide } from "./core/schemas/plan-du-guide.js";
import { valider } from "./core/validation.js";
import { lireOctetsSurs, texteUtf8 } from "./lecture-sure.js";
import {
  construireReferentiel,
  FICHIERS_PARAMETRES,
  type FichierTexte,
  type Referentiel,
} from "./core/regles/referentiel.js";

/** The rules/ folder shipped with ti-aides. */
export const DOSSIER_REGLES = join(racineDuPaquet(), "rules");

/**
 * ti-aides's own folder: the nearest one above this code that holds rules/. This code runs from src/
 * (tests), from dist/ (the library) or from the command line's bundle in dist/paquet/. Not found
 * (this code bundled elsewhere by a program that uses the library): where it was before, next to
 * dist/; only chargerRegles will then say that rules/ is missing.
 */
function racineDuPaquet(): string {
  const ici = dirname(fileURLToPath(import.meta.url));
  for (let dossier = ici; ; dossier = dirname(dossier)) {
    if (existsSync(join(dossier, "rules", "catalogue.yaml"))) return dossier;
    if (dirname(dossier) === dossier) return dirname(ici);
  }
}

function lireFichier(chemin: string, base: string): FichierTexte {
  const fichier = relative(base, chemin) || chemin;
  return { fichier, texte: lireTexteUtf8(chemin, fichier) };
}

/** A rule file is UTF-8: any other encoding (a Latin-1 overlay) is refused by name, never mangled. */
function lireTexteUtf8(chemin: string, fichier: string): string {
  const texte = texteUtf8(lireOctetsSurs(chemin)); // a regular file only, within the size limit
  if (texte !== undefined) return texte;
  throw new ErreurSaisie([
    { fichier, message: "le fichier n'est pas encodé en UTF-8 (Windows-1252 ?) : enregistrez-le en UTF-8" },
  ]);
}

/** The YAML files of a folder, recursively, in a stable order. */
export function fichiersYaml(dossier: string): string[] {
  const sortie: string[] = [];
  for (const nom of readdirSync(dossier).sort()) {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) sortie.push(...fichiersYaml(chemin));
    else if (/\.ya?ml$/i.test(nom)) sortie.push(chemin);
  }
  return sortie;
}

/** The built-in rules, plus the regional folders given (--regles, TI_AIDES_REGLES). */
export function chargerRegles(dossiersRegionaux: string[] = []): Referentiel {
  const f = lireFichiersRegles(dossiersRegionaux);
  return construireReferentiel(f.dispositifs, f.parametres, f.regionaux);
}

export interface FichiersRegles {
  dispositifs: FichierTexte[];
  parametres: Record<string, FichierTexte>;
  regionaux: FichierTexte[];
}

/** The texts of the rule files, unvalidated (the rules cache of the command line is keyed by them). */
export function lireFichiersRegles(dossiersRegionaux: string[] = []): FichiersRegles {
  const base = join(DOSSIER_REGLES, "..");
  const dispositifs = fichiersYaml(join(DOSSIER_REGLES, "dispositifs")).map((f) => lireFichier(f, base));
  const parametres: Record<string, FichierTexte> = {};
  for (const nom of Object.keys(FICHIERS_PARAMETRES)) {
    const chemin = join(DOSSIER_REGLES, "parametres", `${nom}.yaml`);
    if (existsSync(chemin)) parametres[nom] = lireFichier(chemin, base);
  }
  const regionaux: FichierTexte[] = [];
  for (const dossier of dossiersRegionaux) {
    if (!existsSync(dossier) || !statSync(dossier).isDirectory()) {
      throw new ErreurSaisie([
        {
          fichier: dossier,
          message:
            "dossier de règles introuvable (--regles ou TI_AIDES_REGLES) : indiquez un dossier de fichiers YAML",
        },
      ]);
    }
    regionaux.push(...fichiersYaml(dossier).map((f) => ({ fichier: f, texte: lireTexteUtf8(f, f) })));
  }
  return { dispositifs, parametres, regionaux };
}

/** The guide's 30 operational fiches (rules/catalogue.yaml), for `ti-aides regles`. */
export function chargerCatalogue(): Catalogue {
  const f = lireFichier(join(DOSSIER_REGLES, "catalogue.yaml"), join(DOSSIER_REGLES, ".."));
  return valider(schemasCatalogue().catalogue, lireDocument(f.texte, f.fichier));
}

/** The guide's fiches, annexes and parts by line (rules/parametres/guide.yaml), to cite a source. */
export function chargerPlanDuGuide(): PlanDuGuide {
  return planDuGuideDe(lireTextePlanDuGuide());
}

/** The text of rules/parametres/guide.yaml, unvalidated (the command line's cache is keyed by it). */
export function lireTextePlanDuGuide(): FichierTexte {
  return lireFichier(join(DOSSIER_REGLES, "parametres", "guide.yaml"), join(DOSSIER_REGLES, ".."));
}

export function planDuGuideDe(f: FichierTexte): PlanDuGuide {
  return valider(schemasPlanDuGuide().plan, lireDocument(f.texte, f.fichier));
}
