// The header row of a contract's CSV: which fiche field, financer or regime each column holds.
// Headers match whatever their case, accents, spaces, `-` or `_` ("Date de début" = date_debut);
// an unknown header is kept and passed through, with one warning (a summary beyond a few dozen).
import { ErreurSaisie, type ProblemeSaisie } from "../../core/erreurs.js";
import { schemaDateIso } from "../../core/parametres.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { FINANCEURS_PRIVES, FINANCEURS_PUBLICS } from "../../core/schemas/communs.js";
import { schemasFiche } from "../../core/schemas/fiche.js";
import { cle, distance } from "../../core/suggestion.js";
import { lisible, octetsInvalides } from "./encodage.js";

/** How a cell is read before the fiche schema validates it. */
export type TypeCellule =
  | { sorte: "texte" }
  | { sorte: "booleen" }
  | { sorte: "date" }
  | { sorte: "choix"; valeurs: readonly string[] };

/** What a column holds. `nom` is its canonical header. */
export type Cible =
  | { sorte: "champ"; nom: string; chemin: readonly (string | number)[]; type: TypeCellule }
  | { sorte: "dispositif"; nom: string }
  | { sorte: "financeur"; nom: string; financeur: string }
  | { sorte: "regime" | "forme"; nom: string; financeur: string; type: TypeCellule };

export interface Colonne {
  index: number;
  entete: string;
  /** null: a column ti-aides does not read, passed through untouched. */
  cible: Cible | null;
}

export interface PlanColonnes {
  colonnes: Colonne[];
  /** The dispositifs that have a column of their own (the plan's "dispositifs asked"). */
  dispositifsDemandes: string[];
  /** One per unknown header, the first ones; then one for the others. */
  avertissements: string[];
}

/** The expense a row describes (one per row). */
export const ID_DEPENSE = "depense";

/** The comparison key of a header or a choice (core/suggestion.ts): "Coût de référence (€)" → "cout_reference". */
export { cle };

// ── What a zod field accepts, read from the fiche schema itself (one source of truth) ──

type Def = {
  type?: string;
  innerType?: unknown;
  entries?: Record<string, string>;
  shape?: Record<string, unknown>;
};
function def(s: unknown): Def | undefined {
  return (s as { _zod?: { def?: Def } })?._zod?.def;
}
function deballer(s: unknown): unknown {
  for (
    let d = def(s);
    d && ["optional", "default", "prefault", "nullable"].includes(d.type ?? "");
    d = def(s)
  )
    s = d.innerType;
  return s;
}
function typeDe(schema: unknown): TypeCellule {
  const s = deballer(schema);
  const d = def(s);
  if (s === schemaDateIso()) return { sorte: "date" };
  if (d?.type === "boolean") return { sorte: "booleen" };
  if (d?.type === "enum" && d.entries) return { sorte: "choix", valeurs: Object.values(d.entries) };
  return { sorte: "texte" };
}
function formeDe(schema: unknown): Record<string, unknown> {
  return def(deballer(schema))?.shape ?? {};
}

/** Every column ti-aides reads, by comparison key. */
export function catalogue(ref: Referentiel): Map<string, Cible> {
  const cibles: Cible[] = [];
  const champ = (nom: string, chemin: (string | number)[], schema: unknown) =>
    cibles.push({ sorte: "champ", nom, chemin, type: typeDe(schema) });
  const schemas = schemasFiche();
  const fiche = schemas.fiche.shape;
  for (const k of ["id", "titre", "territoire", "date_demande", "date_debut"] as const)
    champ(k, [k], fiche[k]);
  const benef = schemas.beneficiaire.shape;
  champ("beneficiaire", ["beneficiaire", "nom"], benef.nom);
  champ("nature_beneficiaire", ["beneficiaire", "nature"], benef.nature);
  for (const [k, s] of Object.entries(benef))
    if (!["nom", "nature", "groupe"].includes(k)) champ(k, ["beneficiaire", k], s);
  for (const [k, s] of Object.entries(formeDe(fiche.localisation))) champ(k, ["localisation", k], s);
  cibles.push({ sorte: "dispositif", nom: "dispositif" });
  for (const [k, s] of Object.entries(schemas.depense.shape))
    if (!["id", "dispositifs"].includes(k)) champ(k, ["depenses", 0, k], s);
  const prives: readonly string[] = FINANCEURS_PRIVES;
  for (const f of [...ref.dispositifs.keys(), ...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES]) {
    cibles.push({ sorte: "financeur", nom: f, financeur: f });
    if (prives.includes(f)) continue; // a private line has no regime (docs/domaine.md §2)
    cibles.push({
      sorte: "regime",
      nom: `regime_${f}`,
      financeur: f,
      type: typeDe(schemas.financement.shape.regime),
    });
    cibles.push({
      sorte: "forme",
      nom: `forme_${f}`,
      financeur: f,
      type: typeDe(schemas.financement.shape.forme),
    });
  }
  const parCle = new Map<string, Cible>();
  for (const c of cibles) {
    const k = cle(c.nom);
    // Only a regional rule named like a known column can collide: a user's file to correct.
    if (parCle.has(k))
      throw new ErreurSaisie([
        {
          message: `en-têtes CSV ambigus : « ${parCle.get(k)!.nom} » et « ${c.nom} » se confondent ; renommez la règle régionale qui porte l'un de ces noms`,
        },
      ]);
    parCle.set(k, c);
  }
  return parCle;
}

/** Columns a row cannot do without: the fields the fiche schema requires. */
const OBLIGATOIRES = ["id", "nature", "montant"];

/** Reads the header row; refuses (exit 2) a file whose columns cannot be read without doubt. */
export function analyserEntetes(
  entetes: string[],
  ref: Referentiel,
  fichier: string,
  ligne: number,
): PlanColonnes {
  const connues = catalogue(ref);
  const colonnes: Colonne[] = [];
  const inconnues: string[] = [];
  const problemes: ProblemeSaisie[] = [];
  const vues = new Map<string, Colonne>();
  entetes.forEach((brut, index) => {
    const entete = brut.trim();
    const cible = connues.get(cle(entete)) ?? null;
    const colonne = { index, entete, cible };
    colonnes.push(colonne);
    if (cible === null) {
      if (entete !== "") inconnues.push(entete);
      return;
    }
    const deja = vues.get(cible.nom);
    if (deja) {
      problemes.push({
        fichier,
        ligne,
        message: `les colonnes « ${deja.entete} » (n°${deja.index + 1}) et « ${entete} » (n°${index + 1}) désignent toutes deux « ${cible.nom} » : gardez-en une seule`,
      });
    }
    vues.set(cible.nom, colonne);
  });
  for (const nom of OBLIGATOIRES) {
    if (!vues.has(nom)) {
      problemes.push({
        fichier,
        ligne,
        message: `colonne « ${nom} » absente de la ligne d'en-têtes : chaque fiche-action a un id, la nature et le montant de sa dépense (en-têtes lus : ${
          entetes
            .map((e) => e.trim())
            .filter(Boolean)
            .join(", ") || "aucun"
        })`,
      });
    }
  }
  if (problemes.length) throw new ErreurSaisie(problemes);
  const dispositifsDemandes = colonnes.flatMap((c) =>
    c.cible?.sorte === "financeur" && ref.dispositifs.has(c.cible.financeur) ? [c.cible.financeur] : [],
  );
  return {
    colonnes,
    dispositifsDemandes,
    avertissements: avertirInconnues(inconnues, connues, `${fichier}, ligne ${ligne}`),
  };
}

/** Unknown columns warned about one by one (with a suggestion); beyond, one summary line. */
const INCONNUES_DETAILLEES = 20;

function avertirInconnues(inconnues: string[], connues: Map<string, Cible>, lieu: string): string[] {
  const detaillees = inconnues.slice(0, INCONNUES_DETAILLEES).map((entete) => {
    const octets = octetsInvalides(entete);
    // An accented header typed in another encoding than the file's UTF-8 ("R\xE9gion"): say so.
    const pourquoi = octets.length
      ? ` : octet ${octets[0]} illisible, cet en-tête n'est pas en UTF-8 comme le reste du fichier ; retapez-le dans le tableur`
      : suggestion(entete, connues);
    return `${lieu} : colonne « ${lisible(entete)} » non reconnue : recopiée telle quelle, elle n'est pas lue${pourquoi}`;
  });
  const reste = inconnues.length - detaillees.length;
  if (reste <= 0) return detaillees;
  const exemples = inconnues
    .slice(INCONNUES_DETAILLEES, INCONNUES_DETAILLEES + 3)
    .map((e) => `« ${lisible(e.slice(0, 40))} »`)
    .join(", ");
  return [
    ...detaillees,
    `${lieu} : ${reste} autre(s) colonne(s) non reconnue(s) (${exemples}…) : recopiées telles quelles, elles ne sont pas lues ; vérifiez que la ligne d'en-têtes est bien la première du tableau`,
  ];
}

/**
 * "vouliez-vous dire", only for what looks like a typo of a known header ("Montnat", "Regions"):
 * one letter off for a short one, two or a fourth of the word for a longer one. A header that
 * merely shares letters with a known one ("Commentaire" and "commune") gets no suggestion: it
 * would mislead.
 */
function suggestion(entete: string, connues: Map<string, Cible>): string {
  const k = cle(entete);
  if (k.length < 3 || k.length > 80) return "";
  const seuil = k.length <= 5 ? 1 : Math.max(2, Math.floor(k.length / 4));
  let meilleure: Cible | undefined;
  let d = seuil + 1;
  for (const [c, cible] of connues) {
    if (Math.abs(c.length - k.length) >= d) continue; // at least that many letters apart
    const dc = distance(k, c);
    if (dc < d) {
      d = dc;
      meilleure = cible;
    }
  }
  return meilleure ? ` (vouliez-vous dire « ${meilleure.nom} » ?)` : "";
}
