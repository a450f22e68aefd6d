// The loaded rules: dispositifs by id and the regulatory parameters. Built from file texts,
// validated with zod; a broken file is refused with its file, line and field.
import type { z } from "zod";
import { lireDocument } from "../document.js";
import { ErreurSaisie, type ProblemeSaisie } from "../erreurs.js";
import { schemasRegle, type Regle } from "../schemas/regle.js";
import {
  schemasParametres,
  type CarteAfr,
  type DeMinimis,
  type Libelles,
  type ParticipationMinimale,
  type Reglements,
  type TailleEntreprise,
  type Territoires,
  type Transparence,
} from "../schemas/parametres-reglementaires.js";
import { valider } from "../validation.js";
import { sorteDe } from "../calculs/index.js";
import { FINANCEURS_PRIVES, FINANCEURS_PUBLICS } from "../schemas/communs.js";
import { verifierCoherence } from "./coherence.js";
import { categoriesDe, choixDe } from "../libelles.js";

export interface FichierTexte {
  fichier: string;
  texte: string;
}

export interface Referentiel {
  dispositifs: Map<string, Regle>;
  /** The file each dispositif was read from. */
  origines: Map<string, string>;
  tailleEntreprise: TailleEntreprise;
  deMinimis: DeMinimis;
  transparence: Transparence;
  participationMinimale: ParticipationMinimale;
  territoires: Territoires;
  /** The EU regulations the controls are made under, with their end (second edition). */
  reglements: Reglements;
  /** The words a person may write for a nature, zone or regime (rules/parametres/libelles.yaml). */
  libelles: Libelles;
  /** Where to find the AFR map, said to who does not know (rules/parametres/carte-afr.yaml). */
  carteAfr: CarteAfr;
  /** Said when loading (a regional rule overriding a built-in one). */
  avertissements: string[];
}

/** The regulatory parameter files, by their name in rules/parametres/. */
export const FICHIERS_PARAMETRES = {
  "taille-entreprise": "tailleEntrepriseSchema",
  "de-minimis": "deMinimisSchema",
  transparence: "transparenceSchema",
  "participation-minimale": "participationMinimaleSchema",
  territoires: "territoiresSchema",
  reglements: "reglementsSchema",
  libelles: "libellesSchema",
  "carte-afr": "carteAfrSchema",
} as const;

/** One rule file: its schema, then the checks beyond it (coherence.ts). The only reader of rule files. */
export function lireRegle(f: FichierTexte): Regle {
  const doc = lireDocument(f.texte, f.fichier);
  const regle = valider(schemasRegle().regleSchema, doc);
  const problemes = verifierCoherence(regle, doc);
  if (problemes.length) throw new ErreurSaisie(problemes);
  return regle;
}

function lireParametre<S extends z.ZodType>(
  schema: S,
  f: FichierTexte | undefined,
  nom: string,
): z.output<S> {
  if (!f)
    throw new ErreurSaisie([
      { fichier: `rules/parametres/${nom}.yaml`, message: "fichier de paramètres manquant" },
    ]);
  return valider(schema, lireDocument(f.texte, f.fichier));
}

/**
 * Reads every rule file; collects all the errors before refusing, so a Region fixing its files
 * sees them all at once.
 */
export function construireReferentiel(
  dispositifs: FichierTexte[],
  parametres: Record<string, FichierTexte>,
  regionaux: FichierTexte[] = [],
): Referentiel {
  const problemes: ProblemeSaisie[] = [];
  const essayer = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof ErreurSaisie) problemes.push(...e.problemes);
      else throw e;
      return undefined;
    }
  };
  const regles = new Map<string, Regle>();
  const origines = new Map<string, string>();
  const avertissements: string[] = [];
  for (const f of dispositifs) {
    const r = essayer(() => lireRegle(f));
    if (!r) continue;
    if (regles.has(r.id))
      problemes.push({
        fichier: f.fichier,
        champ: "id",
        message: `identifiant « ${r.id} » déjà défini dans ${origines.get(r.id)}`,
      });
    regles.set(r.id, r);
    origines.set(r.id, f.fichier);
  }
  const vusRegionaux = new Map<string, string>();
  for (const f of regionaux) {
    const r = essayer(() => lireRegle(f));
    if (!r) continue;
    const doublon = vusRegionaux.get(r.id);
    if (doublon) {
      problemes.push({
        fichier: f.fichier,
        champ: "id",
        message: `identifiant « ${r.id} » déjà défini dans ${doublon}`,
      });
      continue;
    }
    vusRegionaux.set(r.id, f.fichier);
    if (regles.has(r.id)) {
      avertissements.push(
        `La règle « ${r.id} » de ${f.fichier} remplace la règle intégrée (${origines.get(r.id)}).`,
      );
    }
    regles.set(r.id, r);
    origines.set(r.id, f.fichier);
  }
  const p = {
    tailleEntreprise: essayer(() =>
      lireParametre(
        schemasParametres().tailleEntrepriseSchema,
        parametres["taille-entreprise"],
        "taille-entreprise",
      ),
    ),
    deMinimis: essayer(() =>
      lireParametre(schemasParametres().deMinimisSchema, parametres["de-minimis"], "de-minimis"),
    ),
    transparence: essayer(() =>
      lireParametre(schemasParametres().transparenceSchema, parametres.transparence, "transparence"),
    ),
    participationMinimale: essayer(() =>
      lireParametre(
        schemasParametres().participationMinimaleSchema,
        parametres["participation-minimale"],
        "participation-minimale",
      ),
    ),
    territoires: essayer(() =>
      lireParametre(schemasParametres().territoiresSchema, parametres.territoires, "territoires"),
    ),
    reglements: essayer(() =>
      lireParametre(schemasParametres().reglementsSchema, parametres.reglements, "reglements"),
    ),
    libelles: essayer(() =>
      lireParametre(schemasParametres().libellesSchema, parametres.libelles, "libelles"),
    ),
    carteAfr: essayer(() =>
      lireParametre(schemasParametres().carteAfrSchema, parametres["carte-afr"], "carte-afr"),
    ),
  };
  if (problemes.length) throw new ErreurSaisie(problemes);
  const ref: Referentiel = {
    dispositifs: regles,
    origines,
    tailleEntreprise: p.tailleEntreprise!,
    deMinimis: p.deMinimis!,
    transparence: p.transparence!,
    participationMinimale: p.participationMinimale!,
    territoires: p.territoires!,
    reglements: p.reglements!,
    libelles: p.libelles!,
    carteAfr: p.carteAfr!,
    avertissements,
  };
  // A label two categories claim (across files, a Region's included) could not be read without doubt.
  const conflits = [...categoriesDe(ref).conflits, ...choixDe(ref).conflits];
  if (conflits.length) throw new ErreurSaisie(conflits);
  return ref;
}

/**
 * What every evaluation reads of the rules in another shape than the files give it, built once per set
 * of rules on first use (issue 20: it was rebuilt for each fiche). Kept beside the Referentiel, not in
 * it: a Referentiel read from the rules cache, or sent to a worker of `lot`, is plain data.
 */
export interface Preparation {
  /** The dispositifs' ids, in the rules' order (suggestions of an unknown id). */
  ids: string[];
  /** What a financing line may name as its financer: a dispositif, or a generic public or private one. */
  financeurs: string[];
  /** The rules whose kind has a fiche-level pass, in the rules' order (evaluer.ts). */
  passeAvantDemandes: Regle[];
  passeApresDemandes: Regle[];
  /** The rules with a cofinancement minimum, with a parity, in the rules' order (controles/). */
  avecCofinancement: Regle[];
  avecParite: Regle[];
}

const preparations = new WeakMap<Referentiel, Preparation>();

export function preparation(ref: Referentiel): Preparation {
  let p = preparations.get(ref);
  if (p) return p;
  const regles = [...ref.dispositifs.values()];
  const ids = regles.map((r) => r.id);
  p = {
    ids,
    financeurs: [...ids, ...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES],
    passeAvantDemandes: regles.filter((r) => sorteDe(r.calcul).passeAvantDemandes),
    passeApresDemandes: regles.filter((r) => sorteDe(r.calcul).passeApresDemandes),
    avecCofinancement: regles.filter((r) => r.controles?.cofinancement_min),
    avecParite: regles.filter((r) => r.controles?.parite),
  };
  preparations.set(ref, p);
  return p;
}
