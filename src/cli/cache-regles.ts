// The validated rules, kept between runs. Parsing and validating the rule files (YAML, then zod)
// costs several times the rest of a quick command (docs/performance.md). The result depends only on
// the rule texts and on the code that reads them, so it is stored under a key made of both, in the
// user's cache folder; any doubt (missing, unreadable, other key, not the shape of rules) and the rules
// are read again, and the entry rewritten. The folder is used only when it is the user's and closed to
// others, and an entry only when it is a regular file of the user's (issue 14: another user replacing
// an entry changed the computed aid) whose body still has the hash written with it (a damaged or
// hand-edited entry is rebuilt, not trusted). TI_AIDES_CACHE: another folder, or "0" to read the rules every
// time. The plan of the guide (rules/parametres/guide.yaml, read by every table to make sources
// readable: ~70 ms a run, issue 20) is kept the same way, in entries of its own.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { D } from "../core/argent.js";
import { construireReferentiel, type FichierTexte, type Referentiel } from "../core/regles/referentiel.js";
import { VERSION } from "../core/document-json.js";
import { estUnPlanDuGuide, type PlanDuGuide } from "../core/schemas/plan-du-guide.js";
import {
  lireFichiersRegles,
  lireTextePlanDuGuide,
  planDuGuideDe,
  type FichiersRegles,
} from "../regles-disque.js";
import { lireTexteSur } from "../lecture-sure.js";
import { CODE_INTERNE } from "./codes.js";
import { dossierCache, dossierPrive } from "./dossier-cache.cjs";

/** Bumped when the stored form changes. */
const FORMAT = 2;
/** Entries kept of each kind (one per set of rule folders and version of the code). */
const ENTREES_MAX = 8;
/**
 * The code that turns rule texts into the Referentiel: its files take part in the key. The bundle's
 * folder (dist/paquet/, all of the command line's code), or else the parent of this module's folder
 * (src/ or dist/).
 */
const DOSSIER_CODE = fileURLToPath(new URL(import.meta.url.endsWith(".cjs") ? "./" : "../", import.meta.url));

/** The rules of `chargerRegles(dossiers)`, from the cache when they have not changed. */
export function reglesAvecCache(dossiers: string[]): Referentiel {
  const f = lireFichiersRegles(dossiers);
  return avecCache({
    sorte: "regles",
    textes: [
      ...f.dispositifs,
      ...Object.entries(f.parametres).map(([nom, x]) => ({ ...x, fichier: `${nom}=${x.fichier}` })),
      { fichier: "--regles", texte: "" },
      ...f.regionaux,
    ],
    construire: () => construire(f),
    aLaForme: aLaFormeDeRegles,
  });
}

/** The plan of the guide of `chargerPlanDuGuide()`, from the cache when guide.yaml has not changed. */
export function planDuGuideAvecCache(): PlanDuGuide {
  const f = lireTextePlanDuGuide();
  return avecCache({
    sorte: "guide",
    textes: [f],
    construire: () => planDuGuideDe(f),
    // A validated plan, checked as its schema checks it, without zod (179 sections: cheap): else rebuilt.
    aLaForme: estUnPlanDuGuide,
  });
}

/** What is kept: its kind (the entries' prefix), the texts it is made from, how, and its shape. */
interface Contenu<T> {
  sorte: "regles" | "guide";
  textes: FichierTexte[];
  construire: () => T;
  aLaForme: (x: unknown) => x is T;
}

function avecCache<T>(c: Contenu<T>): T {
  const entree = emplacement(c.sorte, c.textes);
  if (!entree) return c.construire();
  const lu = lire(entree, c.aLaForme);
  if (lu !== undefined) {
    retirerSiEchec(entree.chemin);
    return lu;
  }
  const valeur = c.construire();
  ecrire(entree, valeur);
  return valeur;
}

const entreesLues: string[] = [];

/**
 * An entry can be wrong in a way its shape does not show (another version's, damaged): if the run that
 * used it ends in an internal error (exit 3), it is removed, and the next run reads the rule files again
 * instead of failing the same way at every run.
 */
function retirerSiEchec(chemin: string): void {
  if (entreesLues.length === 0) {
    process.once("exit", (code) => {
      if (code === CODE_INTERNE) for (const e of entreesLues) rmSync(e, { force: true });
    });
  }
  entreesLues.push(chemin);
}

interface Entree {
  dossier: string;
  sorte: string;
  chemin: string;
  cle: string;
}

/** Where this is stored; none when the cache is off or its key cannot be made. */
function emplacement(sorte: string, textes: FichierTexte[]): Entree | undefined {
  try {
    const dossier = dossierCache();
    if (!dossier) return undefined;
    if (!dossierPrive(dossier)) {
      debug(`${dossier} appartient à un autre utilisateur ou est ouvert en écriture aux autres : sans cache`);
      return undefined;
    }
    const cle = cleDe(textes);
    return { dossier, sorte, chemin: join(dossier, `${sorte}-${cle.slice(0, 32)}.json`), cle };
  } catch (e) {
    debug(`clé impossible (${String(e)}) : sans cache`);
    return undefined;
  }
}

function construire(f: FichiersRegles): Referentiel {
  return construireReferentiel(f.dispositifs, f.parametres, f.regionaux);
}

/** Rule texts, the reading code (its files' sizes and dates) and the version: what the result depends on. */
function cleDe(textes: FichierTexte[]): string {
  const h = createHash("sha256");
  h.update(`${FORMAT}\0${VERSION}\0`);
  h.update((code ??= fichiersDe(DOSSIER_CODE).map(dateEtTaille).join("")));
  for (const x of textes) h.update(`${x.fichier}\0${x.texte}\0`);
  return h.digest("hex");
}

/** The code's files, their sizes and dates: read once a process (the rules and the plan of the guide). */
let code: string | undefined;

function dateEtTaille(chemin: string): string {
  const st = statSync(chemin);
  return `${chemin}\0${st.size}\0${st.mtimeMs}\0`;
}

/** The code's files; not the bundle's code/ folder: V8's compiled forms of these same files, ~90 of them. */
function fichiersDe(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory()
        ? e.name === "code"
          ? []
          : fichiersDe(join(dossier, e.name))
        : [join(dossier, e.name)],
    );
}

function lire<T>({ chemin, cle }: Entree, aLaForme: (x: unknown) => x is T): T | undefined {
  let texte: string;
  try {
    // A regular file of the user's, not a link, not a pipe or a device (which would block or never end).
    texte = lireTexteSur(chemin, { sansLien: true, proprietaire: process.getuid?.() });
  } catch {
    return undefined; // not cached yet, or not to be trusted: rebuilt and rewritten
  }
  try {
    // First line: the key and the body's hash; then the body. A damaged or hand-edited body is rebuilt.
    const fin = texte.indexOf("\n");
    if (fin < 0) return undefined;
    const entete = JSON.parse(texte.slice(0, fin)) as {
      format?: unknown;
      cle?: unknown;
      empreinte?: unknown;
    };
    if (entete.format !== FORMAT || entete.cle !== cle) return undefined;
    const corps = texte.slice(fin + 1);
    if (entete.empreinte !== empreinte(corps)) throw new Error("empreinte différente du contenu");
    const valeur = decoder(JSON.parse(corps) as Json);
    if (!aLaForme(valeur)) throw new Error("pas la forme de ce qui a été validé");
    return valeur;
  } catch (e) {
    debug(`entrée illisible ${chemin} (${String(e)}) : fichiers relus`);
    return undefined;
  }
}

/**
 * What the rest of ti-aides relies on in a Referentiel: an entry that is valid JSON of the right key but
 * not this (damaged, or written by another version) is rebuilt instead of failing later (exit 3).
 */
function aLaFormeDeRegles(x: unknown): x is Referentiel {
  const objet = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map);
  if (!objet(x) || !(x.dispositifs instanceof Map) || !(x.origines instanceof Map)) return false;
  for (const [id, r] of x.dispositifs) {
    if (
      !objet(r) ||
      r.id !== id ||
      !objet(r.calcul) ||
      typeof r.calcul.type !== "string" ||
      typeof x.origines.get(id) !== "string"
    )
      return false;
  }
  const parametres = [
    x.tailleEntreprise,
    x.deMinimis,
    x.transparence,
    x.participationMinimale,
    x.territoires,
    x.carteAfr,
  ];
  return (
    x.dispositifs.size > 0 &&
    parametres.every(objet) &&
    Array.isArray(x.avertissements) &&
    x.avertissements.every((a) => typeof a === "string")
  );
}

/** Stores the value; a failure (read-only or full disk…) only means no cache. */
function ecrire({ dossier, sorte, chemin, cle }: Entree, valeur: unknown): void {
  const tmp = `${chemin}.${randomUUID()}.tmp`; // unique across processes and threads
  try {
    mkdirSync(dossier, { recursive: true, mode: 0o700 });
    if (!dossierPrive(dossier)) return; // made by someone else in the meantime
    const corps = JSON.stringify(encoder(valeur));
    writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, cle, empreinte: empreinte(corps) })}\n${corps}`, {
      flag: "wx",
      mode: 0o600,
    });
    renameSync(tmp, chemin); // atomic: a reader never sees half an entry
    elaguer(dossier, sorte);
  } catch (e) {
    debug(`écriture impossible dans ${dossier} (${String(e)}) : sans cache`);
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

function empreinte(corps: string): string {
  return createHash("sha256").update(corps).digest("hex");
}

/** Keeps the ENTREES_MAX most recent entries of this kind. */
function elaguer(dossier: string, sorte: string): void {
  const entrees = readdirSync(dossier)
    .filter((n) => n.startsWith(`${sorte}-`) && /^[a-z]+-[0-9a-f]+\.json$/.test(n))
    .map((n) => ({ n, t: statSync(join(dossier, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { n } of entrees.slice(ENTREES_MAX)) rmSync(join(dossier, n), { force: true });
}

function debug(message: string): void {
  if (process.env.TI_AIDES_DEBUG) process.stderr.write(`[cache des règles] ${message}\n`);
}

type Json = null | boolean | number | string | Json[] | { [cle: string]: Json };

/**
 * JSON that keeps what the Referentiel holds: decimals (as D), Maps, undefined. A tag is an object
 * with one key starting with "$"; a plain object with such a key is itself wrapped ($o).
 */
export function encoder(v: unknown): Json {
  if (v === undefined) return { $u: 1 };
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`nombre non fini ${v}`);
    return v;
  }
  if (v instanceof D) return { $d: v.toString() };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [encoder(k), encoder(x)]) };
  if (Array.isArray(v)) return v.map(encoder);
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const o: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) poser(o, k, encoder(x));
    return Object.keys(o).some((k) => k.startsWith("$")) ? { $o: o } : o;
  }
  throw new Error(`valeur non stockable (${Object.prototype.toString.call(v)})`);
}

export function decoder(j: Json): unknown {
  if (j === null || typeof j !== "object") return j;
  if (Array.isArray(j)) return j.map(decoder);
  const cles = Object.keys(j);
  if (cles.length === 1 && cles[0].startsWith("$")) {
    const x = j[cles[0]];
    switch (cles[0]) {
      case "$u":
        return undefined;
      case "$d":
        return new D(x as string);
      case "$m":
        return new Map((x as [Json, Json][]).map(([k, v]) => [decoder(k), decoder(v)]));
      case "$o":
        return decoderObjet(x as Record<string, Json>);
    }
    throw new Error(`étiquette inconnue ${cles[0]}`);
  }
  return decoderObjet(j);
}

function decoderObjet(j: Record<string, Json>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(j)) poser(o, k, decoder(x));
  return o;
}

/** o[k] = v, where "__proto__" stays an own key, never the object's prototype. */
function poser(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__")
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}
