// One CSV row → the raw data of a fiche (as a YAML file would give it), for the fiche schema to
// validate: identity and beneficiary columns, one expense, one financing line per financer column.
import { lireMontant } from "../../core/argent.js";
import { cheminTexte, type ProblemeSaisie } from "../../core/erreurs.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { FINANCEURS_PRIVES } from "../../core/schemas/communs.js";
import { lireCellule, lireChoix } from "./cellules.js";
import { contientOctetInvalide, lisible, octetsInvalides } from "./encodage.js";
import { ID_DEPENSE, type Colonne, type PlanColonnes } from "./entetes.js";

export interface FicheDeLigne {
  donnees: Record<string, unknown>;
  /** Field path ("depenses[0].montant") → the header of the column it comes from. */
  colonnes: Map<string, string>;
  /** Cells that could not be read (colonne: their header). */
  problemes: ProblemeSaisie[];
}

type Objet = Record<string, unknown>;

/**
 * "depenses[0].montant" for each field column of a plan, by the column's position: computed once per
 * file (every row asks, for each of its cells).
 */
const cheminsParPlan = new WeakMap<PlanColonnes, (string | undefined)[]>();
function cheminsDesChamps(plan: PlanColonnes): (string | undefined)[] {
  let textes = cheminsParPlan.get(plan);
  if (!textes) {
    textes = plan.colonnes.map((c) => (c.cible?.sorte === "champ" ? cheminTexte(c.cible.chemin) : undefined));
    cheminsParPlan.set(plan, textes);
  }
  return textes;
}

/**
 * The field paths of the i-th financing line ("financements[1]", "financements[1].montant"…),
 * written once: every row names them in its map of columns.
 */
const chemins: { ligne: string; montant: string; financeur: string; regime: string; forme: string }[] = [];
function cheminsDuFinancement(i: number) {
  for (let j = chemins.length; j <= i; j++) {
    const ligne = `financements[${j}]`;
    chemins.push({
      ligne,
      montant: `${ligne}.montant`,
      financeur: `${ligne}.financeur`,
      regime: `${ligne}.regime`,
      forme: `${ligne}.forme`,
    });
  }
  return chemins[i];
}

/** Per plan: each financer's regime column, when the file has one (every row with that financer asks). */
const regimesParPlan = new WeakMap<PlanColonnes, Map<string, string>>();
function colonneDuRegime(plan: PlanColonnes, financeur: string): string | undefined {
  let regimes = regimesParPlan.get(plan);
  if (!regimes) {
    regimes = new Map();
    for (const c of plan.colonnes)
      if (c.cible?.sorte === "regime" && !regimes.has(c.cible.financeur))
        regimes.set(c.cible.financeur, c.entete);
    regimesParPlan.set(plan, regimes);
  }
  return regimes.get(financeur);
}

/**
 * The dispositifs a cell names, in its order, filled by push: an array made by an optimised `map` is
 * "holey", one made by the interpreter is not, and the code reading both was compiled anew each time
 * (ficheDeLigne three times on the bench's first 5 000 rows, ~100 ms of compilation each).
 */
function dispositifsDeCellule(texte: string, dispositifs: readonly string[]): string[] {
  const choisis: string[] = [];
  for (const morceau of texte.split(/[,;+]/)) {
    const t = morceau.trim();
    if (t) choisis.push(lireChoix(t, dispositifs));
  }
  return choisis;
}

/** "depenses[0].dispositifs[1]", written once. */
const cheminsDesDispositifs: string[] = [];
function cheminDuDispositif(j: number): string {
  for (let i = cheminsDesDispositifs.length; i <= j; i++)
    cheminsDesDispositifs.push(`depenses[0].dispositifs[${i}]`);
  return cheminsDesDispositifs[j];
}

/** A finding about the whole expense or beneficiary lands on its main column. */
const PARTIES_PRINCIPALES = [
  ["depenses[0]", "depenses[0].montant"],
  ["beneficiaire", "beneficiaire.nom"],
] as const;

function placer(racine: Objet, chemin: readonly (string | number)[], valeur: unknown): void {
  let o: Objet = racine;
  for (let i = 0; i < chemin.length - 1; i++) {
    const k = chemin[i];
    if (o[k] === undefined) o[k] = typeof chemin[i + 1] === "number" ? [] : {};
    o = o[k] as Objet;
  }
  o[chemin[chemin.length - 1]] = valeur;
}

/** The rules' expense categories, that a `categorie` cell may name as a person writes them. */
export function categoriesConnues(ref: Referentiel): string[] {
  return [...new Set([...ref.dispositifs.values()].flatMap((r) => r.s_applique_a.categories ?? []))];
}

/**
 * `dispositifs` and `categories` (categoriesConnues): the ids a cell may name as a person writes
 * them ("ADEME investissement", "Économies d'énergie").
 */
export function ficheDeLigne(
  cellules: readonly string[],
  plan: PlanColonnes,
  dispositifs: readonly string[],
  categories: readonly string[] = [],
): FicheDeLigne {
  const donnees: Objet = { beneficiaire: {}, depenses: [{ id: ID_DEPENSE }] };
  const colonnes = new Map<string, string>();
  const problemes: ProblemeSaisie[] = [];
  const financements: Objet[] = [];
  const modalites: { colonne: Colonne; texte: string }[] = [];
  problemes.push(...octetsIllisibles(cellules, plan));
  const enTrop =
    cellules.length > plan.colonnes.length
      ? cellules.slice(plan.colonnes.length).filter((x) => x.trim() !== "")
      : [];
  if (enTrop.length) {
    problemes.push({
      message: `${enTrop.length} cellule(s) au-delà de la dernière colonne d'en-tête (« ${enTrop[0].slice(0, 40)} »…) : un séparateur en trop décale-t-il la ligne ? Sinon, donnez un en-tête à ces colonnes`,
    });
  }

  const chemins = cheminsDesChamps(plan);
  for (let k = 0; k < plan.colonnes.length; k++) {
    const colonne = plan.colonnes[k];
    const cible = colonne.cible;
    const texte = (cellules[colonne.index] ?? "").trim();
    if (cible === null || texte === "") continue;
    switch (cible.sorte) {
      case "champ": {
        const lu =
          cible.nom === "categorie"
            ? { ok: true as const, valeur: lireChoix(texte, categories) }
            : lireCellule(texte, cible.type);
        if (lu.ok) placer(donnees, cible.chemin, lu.valeur);
        else problemes.push({ colonne: colonne.entete, message: lu.message });
        colonnes.set(chemins[k]!, colonne.entete);
        break;
      }
      case "dispositif": {
        // "ademe-investissement" or several: "ademe-etudes, bdt-ingenierie"; written as a person writes it.
        const choisis = dispositifsDeCellule(texte, dispositifs);
        placer(donnees, ["depenses", 0, "dispositifs"], choisis);
        colonnes.set("depenses[0].dispositifs", colonne.entete);
        for (let j = 0; j < choisis.length; j++) colonnes.set(cheminDuDispositif(j), colonne.entete);
        break;
      }
      case "financeur": {
        // An empty or zero amount: the financer gives nothing, no line.
        if (!/[1-9]/.test(texte)) {
          const m = lireMontant(texte);
          if (m.ok && m.valeur.isZero()) break;
        }
        const chemin = cheminsDuFinancement(financements.length);
        financements.push({ financeur: cible.financeur, montant: texte });
        colonnes.set(chemin.ligne, colonne.entete);
        colonnes.set(chemin.montant, colonne.entete);
        colonnes.set(chemin.financeur, colonne.entete);
        break;
      }
      default:
        modalites.push({ colonne, texte });
    }
  }
  // regime_<financer> and forme_<financer>: on that financer's line, when it has one.
  for (const { colonne, texte } of modalites) {
    const cible = colonne.cible!;
    if (cible.sorte !== "regime" && cible.sorte !== "forme") continue;
    const i = financements.findIndex((f) => f.financeur === cible.financeur);
    if (i < 0) continue;
    const lu = lireCellule(texte, cible.type);
    if (lu.ok) financements[i][cible.sorte] = lu.valeur;
    colonnes.set(cheminsDuFinancement(i)[cible.sorte], colonne.entete);
  }
  if (financements.length) donnees.financements = financements;
  // A line's regime is confirmed in its regime column, even when the file has none yet.
  for (let i = 0; i < financements.length; i++) {
    const financeur = financements[i].financeur as string;
    const champ = cheminsDuFinancement(i).regime;
    if (colonnes.has(champ) || (FINANCEURS_PRIVES as readonly string[]).includes(financeur)) continue;
    colonnes.set(champ, colonneDuRegime(plan, financeur) ?? `regime_${financeur}`);
  }
  for (const [tout, partie] of PARTIES_PRINCIPALES) {
    const entete = colonnes.get(partie);
    if (entete !== undefined) colonnes.set(tout, entete);
  }
  return { donnees, colonnes, problemes };
}

/**
 * Cells holding bytes that are not UTF-8 in a UTF-8 file (pasted from another encoding): the row
 * cannot be read as the user wrote it. They are written back as they were.
 */
function octetsIllisibles(cellules: readonly string[], plan: PlanColonnes): ProblemeSaisie[] {
  if (!cellules.some(contientOctetInvalide)) return [];
  return cellules.flatMap((texte, i) => {
    const octets = octetsInvalides(texte);
    if (octets.length === 0) return [];
    const entete = plan.colonnes[i]?.entete;
    return [
      {
        colonne: entete ? lisible(entete) : `n°${i + 1}`,
        message: `octet ${octets[0]} illisible : le fichier est en UTF-8, mais cette cellule a été écrite dans un autre encodage (copiée d'un autre fichier ?) ; retapez-la dans le tableur, puis enregistrez de nouveau en « CSV UTF-8 »`,
      },
    ];
  });
}

/** "depenses[0].montant" → "depenses[0]" → undefined. */
function parent(champ: string): string | undefined {
  return /^(.+?)(\.[^.[\]]+|\[\d+\])$/.exec(champ)?.[1];
}

/**
 * The column a field path comes from, for a message: its own, else its parent's, else the column
 * that would hold it (its canonical header); never the field path itself.
 */
export function colonneDuChamp(
  champ: string | undefined,
  colonnes: ReadonlyMap<string, string>,
  canoniques: ReadonlyMap<string, string>,
): string | undefined {
  for (let c = champ; c !== undefined; c = parent(c)) {
    const nom = colonnes.get(c) ?? canoniques.get(c);
    if (nom !== undefined) return nom;
  }
  return undefined;
}
