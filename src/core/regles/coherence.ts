// Checks of a rule file beyond its schema, made by the one loader of rule files (referentiel.ts) for
// evaluation and `ti-aides regles verifier` alike: every input field it names exists in a fiche (a
// misspelt field would leave the rule "sous réserve" forever), its categories have a row in its rate
// table, its labels name its categories, and its id is not the name of a CSV column.
import type { DocumentSource } from "../document.js";
import { cheminTexte, type ProblemeSaisie } from "../erreurs.js";
import { FINANCEURS_PRIVES, FINANCEURS_PUBLICS } from "../schemas/communs.js";
import { schemasFiche } from "../schemas/fiche.js";
import { sorteDe } from "../calculs/index.js";
import type { Regle } from "../schemas/regle.js";
import { cle, vouliezVousDire } from "../suggestion.js";

/** The fields a rule may read, by object (champs.ts, `lireChamp`). */
export function champsConnus(): Record<string, string[]> {
  const schemas = schemasFiche();
  return {
    depense: Object.keys(schemas.depense.shape),
    beneficiaire: [...Object.keys(schemas.beneficiaire.shape), "categorie_entreprise"],
    fiche: [...Object.keys(schemas.fiche.shape).filter((k) => k !== "$schema"), "territoire_d_industrie"],
    financement: ["forme"],
  };
}

/** Each input field the rule reads (conditions, calculation, `champs`), with where it stands in the file. */
export function champsLus(r: Regle): { champ: string; chemin: PropertyKey[] }[] {
  const liste: { champ: string; chemin: PropertyKey[] }[] = [];
  r.champs.forEach((champ, i) => liste.push({ champ, chemin: ["champs", i] }));
  r.conditions.forEach((c, i) => {
    liste.push({ champ: c.champ, chemin: ["conditions", i, "champ"] });
    if (c.si) liste.push({ champ: c.si.champ, chemin: ["conditions", i, "si", "champ"] });
  });
  if (r.s_applique_a.si_champ)
    liste.push({ champ: `depense.${r.s_applique_a.si_champ}`, chemin: ["s_applique_a", "si_champ"] });
  liste.push(...(sorteDe(r.calcul).champsLus?.(r.calcul) ?? []));
  return liste;
}

export function verifierCoherence(r: Regle, doc: DocumentSource): ProblemeSaisie[] {
  const connus = champsConnus();
  const problemes: ProblemeSaisie[] = [];
  const lieu = (chemin: PropertyKey[]) => ({
    fichier: doc.fichier,
    ligne: doc.ligneDe(chemin),
    champ: cheminTexte(chemin),
  });
  for (const { champ, chemin } of champsLus(r)) {
    const [objet, nom] = champ.split(".");
    const permis = Object.hasOwn(connus, objet) ? connus[objet] : undefined; // "constructor.x" is no object of a fiche
    if (!permis) {
      problemes.push({
        ...lieu(chemin),
        message: `« ${champ} » : un champ s'écrit depense.x, beneficiaire.x, fiche.x ou financement.forme`,
      });
    } else if (nom === undefined || !permis.includes(nom)) {
      problemes.push({
        ...lieu(chemin),
        message: `« ${champ} » n'est pas un champ d'une fiche${vouliezVousDire(nom ?? "", permis)} : la règle ne pourrait jamais le lire (champs de ${objet} : ${permis.join(", ")})`,
      });
    }
  }
  const reserve = colonneDuNom(r.id);
  if (reserve) {
    problemes.push({
      ...lieu(["id"]),
      message: `l'identifiant « ${r.id} » est réservé : c'est le nom de la colonne « ${reserve} » d'un CSV de fiches (lot, verifier), et de ${FINANCEURS.includes(reserve) ? "ce financeur générique" : "ce champ de fiche"} ; donnez à la règle un identifiant propre (ex. « ${r.id}-region-exemple »)`,
    });
  }
  const table = sorteDe(r.calcul).tableParCategorie?.(r.calcul);
  const categories = r.s_applique_a.categories;
  const siennes = [...(categories ?? []), ...(table?.lignes ?? [])];
  for (const id of Object.keys(r.libelles ?? {})) {
    if (!siennes.includes(id)) {
      problemes.push({
        ...lieu(["libelles", id]),
        message: `libellés d'une catégorie « ${id} » que la règle n'a pas${vouliezVousDire(id, siennes)} : ses catégories sont ${siennes.join(", ") || "(aucune)"}`,
      });
    }
  }
  if (table && categories) {
    const lignes = table.lignes;
    for (const [i, cat] of categories.entries()) {
      if (!lignes.includes(cat)) {
        problemes.push({
          ...lieu(["s_applique_a", "categories", i]),
          message: `catégorie « ${cat} » sans ligne dans ${table.chemin}${vouliezVousDire(cat, lignes)} : une dépense de cette catégorie serait refusée (lignes : ${lignes.join(", ")})`,
        });
      }
    }
  }
  return problemes;
}

const FINANCEURS: readonly string[] = [...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES];

/**
 * The CSV column a rule id would be confused with (headers match whatever their case, accents, `-` or
 * `_`: csv/entetes.ts): a fiche field, a generic financer, or a regime_/forme_ column. Such an id would
 * make every `lot` refuse its headers.
 */
function colonneDuNom(id: string): string | undefined {
  const schemas = schemasFiche();
  const fiche = Object.keys(schemas.fiche.shape).filter(
    (k) => k !== "$schema" && k !== "depenses" && k !== "financements" && k !== "localisation",
  );
  const noms = [
    ...fiche,
    "nature_beneficiaire",
    "dispositif",
    "zone",
    "afr",
    ...Object.keys(schemas.beneficiaire.shape),
    ...Object.keys(schemas.depense.shape),
    ...FINANCEURS,
  ];
  const k = cle(id);
  const trouve = noms.find((n) => cle(n) === k);
  if (trouve) return trouve;
  return /^(regime|forme)_/.test(k) ? id : undefined;
}
