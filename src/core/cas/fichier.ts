// Reads a rule test case file (docs/cas-de-test.md): validates its format, resolves each expected
// result's dispositif, and builds each case's fiche (the file's base merged in) so that the commands'
// own funnel validates and evaluates it, with errors pointing at the case file's lines.
import type { DocumentSource } from "../document.js";
import { cheminTexte, ErreurSaisie, type ProblemeSaisie } from "../erreurs.js";
import type { Forme } from "../schemas/communs.js";
import { problemesZod } from "../validation.js";
import {
  fichierCasSchema,
  type ControleAttendu,
  type FichierCasBrut,
  type ResultatAttendu,
} from "./schema.js";

export interface CasDeTest {
  fichier: string;
  /** Line of the case in its file. */
  ligne: number | undefined;
  nom: string;
  source: string;
  date?: string;
  forme?: Forme;
  /** The fiche as the commands read one: a document and the path of the fiche inside it. */
  fiche: { doc: DocumentSource; chemin: PropertyKey[] };
  resultats: (ResultatAttendu & { dispositif: string })[];
  controles: ControleAttendu[];
}

export interface FichierCas {
  fichier: string;
  cas: CasDeTest[];
}

type Bloc = Record<string, unknown>;

/** Validates a case file's data; every mistake names the file, the line and the field, in French. */
export function validerFichierCas(doc: DocumentSource): FichierCas {
  const lieu = (chemin: readonly PropertyKey[]) => ({
    fichier: doc.fichier,
    ligne: doc.ligneDe(chemin),
    champ: cheminTexte(chemin) || undefined,
  });
  const autre = autreSorteDeFichier(doc.donnees);
  if (autre)
    throw new ErreurSaisie([
      { fichier: doc.fichier, ligne: doc.ligneDe([autre.cle]), message: autre.message },
    ]);
  // Not `valider`: it drops null values, and here `assiette: null` is an expectation.
  const r = fichierCasSchema.safeParse(doc.donnees);
  if (!r.success) throw new ErreurSaisie(problemesZod(r.error, fichierCasSchema, doc.donnees, lieu));
  const lu = r.data;
  const problemes: ProblemeSaisie[] = [];
  const noms = new Set<string>();
  lu.cas.forEach((c, i) => {
    // A case is named in the reports by its name: two with one name could not be told apart.
    if (noms.has(c.nom))
      problemes.push({
        ...lieu(["cas", i, "nom"]),
        message: `nom « ${c.nom} » déjà donné à un autre cas de ce fichier : précisez ce que chacun vérifie`,
      });
    noms.add(c.nom);
    if (!c.resultats?.length && !c.controles?.length) {
      problemes.push({
        ...lieu(["cas", i]),
        message:
          "aucun chiffre attendu : un cas donne au moins une entrée dans « resultats » ou « controles »",
      });
    }
    c.resultats?.forEach((x, j) => {
      if (!x.dispositif && !lu.dispositif) {
        problemes.push({
          ...lieu(["cas", i, "resultats", j]),
          message: "dispositif manquant : indiquez « dispositif » ici ou en tête du fichier",
        });
      }
    });
  });
  if (problemes.length) throw new ErreurSaisie(problemes);

  const fiches = lu.cas.map((c) => ficheDuCas(lu, c.fiche ?? {}));
  const brut = doc.donnees as Bloc;
  const fusionne: DocumentSource = {
    fichier: doc.fichier,
    donnees: { ...brut, cas: (brut.cas as Bloc[]).map((c, i) => ({ ...c, fiche: fiches[i] })) },
    ligneDe: (chemin) => doc.ligneDe(cheminDansLeTexte(doc.donnees, chemin)),
  };
  return {
    fichier: doc.fichier,
    cas: lu.cas.map((c, i) => ({
      fichier: doc.fichier,
      ligne: doc.ligneDe(["cas", i]),
      nom: c.nom,
      source: c.source,
      ...(c.date !== undefined ? { date: c.date } : {}),
      ...(c.forme !== undefined ? { forme: c.forme } : {}),
      fiche: { doc: fusionne, chemin: ["cas", i, "fiche"] },
      resultats: (c.resultats ?? []).map((x) => ({ ...x, dispositif: x.dispositif ?? lu.dispositif! })),
      controles: c.controles ?? [],
    })),
  };
}

/** A rule file or a fiche given where case files are expected (the usual mix-up): said in one line. */
function autreSorteDeFichier(donnees: unknown): { cle: string; message: string } | undefined {
  if (!estBloc(donnees) || "cas" in donnees) return undefined;
  const suite = " ; un fichier de cas de test a une liste « cas » (docs/cas-de-test.md)";
  const regle = ["s_applique_a", "calcul"].find((k) => k in donnees);
  if (regle)
    return {
      cle: regle,
      message: `c'est un fichier de règle, pas de cas de test : donnez son dossier avec --regles${suite}`,
    };
  const fiche = ["beneficiaire", "depenses", "fiches"].find((k) => k in donnees);
  if (fiche)
    return {
      cle: fiche,
      message: `c'est une fiche ou un contrat, pas un fichier de cas de test : placez la fiche dans un cas (champ « fiche »)${suite}`,
    };
  return undefined;
}

/**
 * The case's fiche: `base.fiche` with the case's fields over it (blocks merged field by field, lists
 * replaced, null removes a field), then `base.depense` under each expense; no expense list: one, the base's.
 */
function ficheDuCas(lu: FichierCasBrut, fiche: Bloc): Bloc {
  const f = fusionner(lu.base?.fiche ?? {}, fiche) as Bloc;
  const base = lu.base?.depense;
  if (!base) return f;
  if (f.depenses === undefined) return { ...f, depenses: [base] };
  if (!Array.isArray(f.depenses)) return f; // the fiche's own validation says what is wrong
  return { ...f, depenses: f.depenses.map((d) => (estBloc(d) ? fusionner(base, d) : d)) };
}

function estBloc(v: unknown): v is Bloc {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function fusionner(dessous: unknown, dessus: unknown): unknown {
  if (dessus === undefined) return dessous;
  if (!estBloc(dessous) || !estBloc(dessus)) return dessus;
  const o: Bloc = {};
  for (const [k, v] of [...Object.entries(dessous), ...Object.entries(dessus)]) {
    // A "__proto__" key stays a key (the fiche's validation refuses it), never the object's prototype.
    Object.defineProperty(o, k, {
      value: fusionner(Object.hasOwn(o, k) ? o[k] : undefined, v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return o;
}

/** Where a field of a case's fiche is written: in the case, else in the base it came from. */
function cheminDansLeTexte(donnees: unknown, chemin: readonly PropertyKey[]): readonly PropertyKey[] {
  if (chemin[0] !== "cas" || chemin[2] !== "fiche" || existe(donnees, chemin)) return chemin;
  const reste = chemin.slice(3);
  if (reste[0] === "depenses" && typeof reste[1] === "number" && reste.length > 2) {
    const dansBase = ["base", "depense", ...reste.slice(2)];
    if (existe(donnees, dansBase)) return dansBase;
  }
  const dansBase = ["base", "fiche", ...reste];
  return existe(donnees, dansBase) ? dansBase : chemin;
}

function existe(donnees: unknown, chemin: readonly PropertyKey[]): boolean {
  let v = donnees;
  for (const k of chemin) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, k)) return false;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return true;
}
