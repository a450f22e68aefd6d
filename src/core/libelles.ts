// A category written as a person writes it: its id ("enr"), the guide's label ("Développement des
// EnR") or a plain synonym ("Énergies renouvelables"), read from the rules' `libelles` (rules/, with
// their source). Anything else is an input error with the closest choices, never a dispositif
// "inéligible" (docs/interface.md « Lire ce que contient un tableur »).
import { sorteDe } from "./calculs/index.js";
import type { ProblemeSaisie } from "./erreurs.js";
import type { Referentiel } from "./regles/referentiel.js";
import type { Fiche } from "./schemas/fiche.js";
import { cle, distance } from "./suggestion.js";

export interface Categories {
  /** Every category id of the loaded rules, built-in and regional, in the rules' order. */
  ids: string[];
  /** Comparison key (cle) of an id or label → the id. */
  parCle: Map<string, string>;
  /** The labels of each id, for messages. */
  libelles: Map<string, string[]>;
  /** Labels given to two categories: the rules that say so must be corrected. */
  conflits: ProblemeSaisie[];
}

const index = new WeakMap<Referentiel, Categories>();

/** The keys of the texts already read: a column of `lot` repeats a few words on every row. */
const cles = new Map<string, string>();
function cleRetenue(texte: string): string {
  let k = cles.get(texte);
  if (k === undefined) {
    k = cle(texte);
    if (cles.size < 10_000) cles.set(texte, k); // memory stays flat on a file of free texts
  }
  return k;
}

/** The categories of the loaded rules and their labels, built once per set of rules. */
export function categoriesDe(ref: Referentiel): Categories {
  let c = index.get(ref);
  if (c) return c;
  c = { ids: [], parCle: new Map(), libelles: new Map(), conflits: [] };
  const desIds = new Set<string>();
  const ajouter = (texte: string, id: string, fichier: string) => {
    const k = cle(texte);
    const deja = c!.parCle.get(k);
    // A category's own id is read as itself, even when another rule's label says the same words.
    if (desIds.has(k) && texte !== id) return;
    if (deja !== undefined && deja !== id) {
      c!.conflits.push({
        fichier,
        champ: `libelles.${id}`,
        message: `le libellé « ${texte} » désigne déjà la catégorie « ${deja} » : un même texte ne peut désigner qu'une catégorie, retirez-le de l'une des deux`,
      });
    } else c!.parCle.set(k, id);
  };
  for (const [idRegle, r] of ref.dispositifs) {
    const fichier = ref.origines.get(idRegle) ?? idRegle;
    const ids = [
      ...(r.s_applique_a.categories ?? []),
      ...(sorteDe(r.calcul).tableParCategorie?.(r.calcul)?.lignes ?? []),
    ];
    for (const id of ids) {
      if (!c.libelles.has(id)) {
        c.ids.push(id);
        c.libelles.set(id, []);
      }
      ajouter(id, id, fichier);
      desIds.add(cle(id));
    }
  }
  for (const [idRegle, r] of ref.dispositifs) {
    for (const [id, l] of Object.entries(r.libelles ?? {})) {
      for (const texte of l.textes) {
        ajouter(texte, id, ref.origines.get(idRegle) ?? idRegle);
        if (!c.libelles.get(id)?.includes(texte)) c.libelles.get(id)?.push(texte);
      }
    }
  }
  index.set(ref, c);
  return c;
}

export type LectureCategorie = { ok: true; id: string } | { ok: false; message: string };

export function lireCategorie(texte: string, ref: Referentiel): LectureCategorie {
  const c = categoriesDe(ref);
  const id = c.parCle.get(cleRetenue(texte));
  if (id !== undefined) return { ok: true, id };
  const proches = plusProches(texte, c).map((x) => {
    const l = c.libelles.get(x)?.[0];
    return l ? `${x} (« ${l} »)` : x;
  });
  return {
    ok: false,
    message: `catégorie « ${texte.slice(0, 100)} » inconnue des règles : écrivez l'identifiant ou le libellé du guide d'une catégorie${proches.length ? ` ; les plus proches : ${proches.join(", ")}` : ""} (toutes, par dispositif : ti-aides regles ID ; celle d'une règle régionale : ajoutez --regles DOSSIER)`,
  };
}

/** The (at most three) categories nearest to a text: a label containing it first, then by edit distance. */
function plusProches(texte: string, c: Categories): string[] {
  const t = cle(texte);
  if (t === "") return c.ids.slice(0, 3);
  const score = (id: string) =>
    Math.min(
      ...[id, ...(c.libelles.get(id) ?? [])].map((n) => {
        const k = cle(n);
        return k.includes(t) || t.includes(k) ? 0 : distance(t, k) / Math.max(t.length, k.length);
      }),
    );
  const tries = c.ids.map((id, i) => ({ id, i, s: score(id) })).sort((a, b) => a.s - b.s || a.i - b.i);
  // Close ones only (half the letters at most to change), else the three nearest all the same.
  const proches = tries.filter((x) => x.s <= 0.5);
  return (proches.length ? proches : tries).slice(0, 3).map((x) => x.id);
}

/** The fiche with each expense's category as its id, and the unknown categories as input errors. */
export function lireCategories(
  fiche: Fiche,
  ref: Referentiel,
): { fiche: Fiche; problemes: ProblemeSaisie[] } {
  const problemes: ProblemeSaisie[] = [];
  let change = false;
  const depenses = fiche.depenses.map((d, i) => {
    if (d.categorie === undefined) return d;
    const lu = lireCategorie(d.categorie, ref);
    if (!lu.ok) {
      problemes.push({ champ: `depenses[${i}].categorie`, message: lu.message });
      return d;
    }
    if (lu.id === d.categorie) return d;
    change = true;
    return { ...d, categorie: lu.id };
  });
  return { fiche: change ? { ...fiche, depenses } : fiche, problemes };
}

// ── Natures, zones and regimes: the fiche schema's closed choices, read in words before validation ──

type Section = "nature" | "nature_beneficiaire" | "zone" | "regime";
const SECTIONS: Section[] = ["nature", "nature_beneficiaire", "zone", "regime"];

interface Choix {
  parCle: Map<Section, Map<string, string>>;
  conflits: ProblemeSaisie[];
}

const indexChoix = new WeakMap<Referentiel, Choix>();

/** Comparison key → id, per closed choice, from rules/parametres/libelles.yaml (ids always read). */
export function choixDe(ref: Referentiel): Choix {
  let c = indexChoix.get(ref);
  if (c) return c;
  c = { parCle: new Map(), conflits: [] };
  for (const section of SECTIONS) {
    const m = new Map<string, string>();
    for (const [id, l] of Object.entries(ref.libelles[section] ?? {}) as [string, { textes: string[] }][]) {
      for (const texte of [id, ...l.textes]) {
        const deja = m.get(cle(texte));
        if (deja !== undefined && deja !== id) {
          c.conflits.push({
            fichier: "rules/parametres/libelles.yaml",
            champ: `${section}.${id}`,
            message: `le libellé « ${texte} » désigne déjà « ${deja} » : un même texte ne peut désigner qu'un choix, retirez-le de l'un des deux`,
          });
        } else m.set(cle(texte), id);
      }
    }
    c.parCle.set(section, m);
  }
  indexChoix.set(ref, c);
  return c;
}

/**
 * The raw data of a fiche (at `chemin` in its document) with each nature, zone and regime written in
 * words replaced by its id ("Métropole", "Outre-mer", "De minimis", "Investissements"). A text that is
 * no label is left as it is: the fiche schema refuses it with the permitted values.
 */
export function lireChoixEnClair(
  donnees: unknown,
  chemin: readonly PropertyKey[],
  ref: Referentiel,
): unknown {
  const m = choixDe(ref).parCle;
  if (chemin.length === 0) return ficheEnClair(donnees, m);
  // A fiche of a contract file (["fiches", i]): only that one is read anew.
  const [liste, i] = chemin;
  if (
    !estObjet(donnees) ||
    typeof liste !== "string" ||
    typeof i !== "number" ||
    !Array.isArray(donnees[liste])
  )
    return donnees;
  const lue = ficheEnClair(donnees[liste][i], m);
  if (lue === donnees[liste][i]) return donnees;
  const fiches = [...(donnees[liste] as unknown[])];
  fiches[i] = lue;
  return { ...donnees, [liste]: fiches };
}

type ParCle = Choix["parCle"];

function estObjet(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The id of a choice written in words; the value itself when it is none (or already the id). */
function enClair(v: unknown, section: Section, m: ParCle): unknown {
  const id = typeof v === "string" ? m.get(section)!.get(cleRetenue(v)) : undefined;
  return id === undefined ? v : id;
}

/** The choices a fiche may write in words: [object or list of objects, field, section of labels]. */
const CHOIX_DES_OBJETS = [
  ["beneficiaire", "nature", "nature_beneficiaire"],
  ["localisation", "zone", "zone"],
] as const satisfies readonly (readonly [string, string, Section])[];
const CHOIX_DES_LISTES = [
  ["depenses", "nature", "nature"],
  ["financements", "regime", "regime"],
] as const satisfies readonly (readonly [string, string, Section])[];

/**
 * The fiche itself when none of its choices is written in words (the usual case, and every row of
 * `lot`, whose cells are already read: no copy, issue 20); else a copy with their ids.
 */
function ficheEnClair(f: unknown, m: ParCle): unknown {
  if (!estObjet(f) || !aDesChoixEnMots(f, m)) return f;
  const copie: Record<string, unknown> = { ...f };
  for (const [objet, champ, section] of CHOIX_DES_OBJETS) {
    const o = f[objet];
    if (estObjet(o)) copie[objet] = avecChoixEnClair(o, champ, section, m);
  }
  for (const [liste, champ, section] of CHOIX_DES_LISTES) {
    const l = f[liste];
    if (Array.isArray(l))
      copie[liste] = l.map((x: unknown) => (estObjet(x) ? avecChoixEnClair(x, champ, section, m) : x));
  }
  return copie;
}

/** `o` with its field `champ` read by enClair (a copy), or `o` itself without that field. */
function avecChoixEnClair(o: Record<string, unknown>, champ: string, section: Section, m: ParCle): unknown {
  return champ in o ? { ...o, [champ]: enClair(o[champ], section, m) } : o;
}

/** Whether a nature, zone or regime of the fiche is written in words (enClair would change it). */
function aDesChoixEnMots(f: Record<string, unknown>, m: ParCle): boolean {
  for (const [objet, champ, section] of CHOIX_DES_OBJETS)
    if (enMots(f[objet], champ, section, m)) return true;
  for (const [liste, champ, section] of CHOIX_DES_LISTES) {
    const l = f[liste];
    if (Array.isArray(l)) for (const x of l as unknown[]) if (enMots(x, champ, section, m)) return true;
  }
  return false;
}

function enMots(o: unknown, champ: string, section: Section, m: ParCle): boolean {
  if (!estObjet(o) || !(champ in o)) return false;
  const v = o[champ];
  return typeof v === "string" && enClair(v, section, m) !== v;
}
