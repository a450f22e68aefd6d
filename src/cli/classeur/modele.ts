// The template of `ti-aides modele`: `lot`'s canonical headers (from the CSV catalogue, csv/entetes.ts),
// a comment on each saying what it holds, a drop-down list for every closed choice (the fiche
// schema's enums, the rules' categories and dispositifs, oui/non), and two example rows read from
// fixtures/csv/contrat-exemple.csv with lot's own reader.
import { join, dirname } from "node:path";
import { lireCategorie } from "../../core/libelles.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { FINANCEURS_PRIVES, FINANCEURS_PUBLICS } from "../../core/schemas/communs.js";
import { lireEtValider } from "../../core/fiche-lue.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import { DOSSIER_REGLES } from "../../regles-disque.js";
import { analyserEntetes, catalogue, type Cible } from "../csv/entetes.js";
import { ouvrirCsv } from "../csv/lecture.js";
import { categoriesConnues, ficheDeLigne } from "../csv/ligne-vers-fiche.js";
import { FORMAT_EUROS } from "./ecriture.js";
import { exceljs } from "./exceljs.js";

export const EXEMPLES = join(dirname(DOSSIER_REGLES), "fixtures", "csv", "contrat-exemple.csv");
/** Rows of the template given a drop-down list. */
const LIGNES_A_REMPLIR = 1000;

export type Valeur = string | number | boolean | Date | null;

export interface ColonneModele {
  cible: Cible;
  explication: string;
  /** The closed choice's values, when it has one. */
  choix?: readonly string[];
  montant?: boolean;
}

/** What each identity and expense column holds; a column not named here is explained by its type. */
const EXPLICATIONS: Record<string, string> = {
  id: "Identifiant de la fiche-action, unique dans le contrat (ex. TI-01). Obligatoire.",
  titre: "Intitulé du projet.",
  territoire: "Territoire d'industrie du projet.",
  date_demande:
    "Date de la demande d'aide (JJ/MM/AAAA) : les règles datées sont celles en vigueur à cette date.",
  date_debut:
    "Date de début du projet (JJ/MM/AAAA) : un projet commencé avant la demande n'a pas d'effet incitatif.",
  beneficiaire: "Nom du bénéficiaire.",
  siren:
    "SIREN du bénéficiaire (9 chiffres) : les aides de minimis sont additionnées par entreprise sur tout le contrat.",
  nature_beneficiaire: "Nature du bénéficiaire.",
  activite_economique:
    "oui si le bénéficiaire exerce une activité économique (les règles des aides d'État s'appliquent alors).",
  effectif: "Effectif du bénéficiaire, en unités de travail annuel : sert à calculer sa taille.",
  chiffre_affaires: "Chiffre d'affaires annuel, en euros : sert à calculer la taille.",
  total_bilan: "Total du bilan annuel, en euros : sert à calculer la taille.",
  taille: "Taille déclarée (PE, ME, GE), si elle n'est pas calculée d'après l'effectif et les chiffres.",
  secteur: "Secteur d'activité du bénéficiaire.",
  zone: "Zone du site du projet.",
  afr: "oui si le site est en zone d'aide à finalité régionale (AFR).",
  dispositif:
    "Dispositif(s) à évaluer (ti-aides regles pour la liste) ; plusieurs : séparés par une virgule. Vide : ceux que la dépense permet.",
  nature: "Nature de la dépense. Obligatoire.",
  categorie: "Catégorie de la dépense (identifiant ou libellé du guide ; voir ti-aides regles ID).",
  montant:
    "Montant de la dépense, en euros HT. Obligatoire. D'autres champs de la dépense (duree_mois, prestataire_externe…) peuvent être ajoutés en colonnes, sous leur nom.",
  cout_reference: "Coût d'un investissement de référence, en euros HT : l'assiette est alors le surcoût.",
};

/** Columns of the template: identity, beneficiary, site, the expense's main fields, financers, regimes. */
export function colonnesModele(ref: Referentiel): ColonneModele[] {
  const cibles = [...catalogue(ref).values()];
  const dispositifs = [...ref.dispositifs.keys()];
  const prives: readonly string[] = FINANCEURS_PRIVES;
  const publics: readonly string[] = FINANCEURS_PUBLICS;
  const retenue = (c: Cible): boolean => {
    // The interface's canonical headers (docs/interface.md); other fields may be added by their name.
    if (c.sorte === "champ") return c.nom in EXPLICATIONS;
    if (c.sorte === "dispositif" || c.sorte === "financeur") return true;
    // A regime is asked of the generic public financers; a dispositif's own is in its rules.
    return c.sorte === "regime" && publics.includes(c.financeur);
  };
  return cibles.filter(retenue).map((cible) => {
    const choix =
      cible.sorte === "dispositif"
        ? dispositifs
        : cible.sorte === "champ" && cible.nom === "categorie"
          ? categoriesConnues(ref)
          : "type" in cible && cible.type.sorte === "choix"
            ? cible.type.valeurs
            : "type" in cible && cible.type.sorte === "booleen"
              ? ["oui", "non"]
              : undefined;
    const montant =
      cible.sorte === "financeur" ||
      ["montant", "cout_reference", "chiffre_affaires", "total_bilan"].includes(cible.nom);
    return { cible, choix, montant, explication: expliquer(cible, choix, ref, prives) };
  });
}

function expliquer(
  cible: Cible,
  choix: readonly string[] | undefined,
  ref: Referentiel,
  prives: readonly string[],
): string {
  const liste = choix ? ` Choix : ${choix.join(", ")}.` : "";
  switch (cible.sorte) {
    case "financeur": {
      const regle = ref.dispositifs.get(cible.financeur);
      const qui = regle
        ? `au dispositif « ${regle.nom} »`
        : prives.includes(cible.financeur)
          ? `en ${cible.financeur}`
          : `au financeur ${cible.financeur}`;
      return `Montant demandé ${qui}, en euros HT ; vide ou 0 : rien de demandé. Une colonne par financeur : c'est le plan de financement.`;
    }
    case "regime":
      return `Régime d'aide d'État sous lequel ${cible.financeur} accorde son aide.${liste}`;
    default: {
      const propre = EXPLICATIONS[cible.nom];
      if (propre) return `${propre}${choix && cible.nom !== "dispositif" ? liste : ""}`;
      const type = "type" in cible && cible.type.sorte === "date" ? " Date JJ/MM/AAAA." : "";
      return `Champ « ${cible.nom} » de la fiche (docs/interface.md).${type}${liste}`;
    }
  }
}

/** The two example rows: each template column's value, typed as a spreadsheet holds it. */
export async function exemplesModele(colonnes: ColonneModele[], ref: Referentiel): Promise<Valeur[][]> {
  const csv = ouvrirCsv(EXEMPLES);
  const lignes: { cellules: string[]; ligne: number }[] = [];
  try {
    for await (const e of csv.enregistrements) {
      lignes.push(e);
      if (lignes.length === 3) break;
    }
  } finally {
    csv.fermer();
  }
  const plan = analyserEntetes(lignes[0].cellules, ref, EXEMPLES, lignes[0].ligne);
  return lignes.slice(1).map(({ cellules, ligne }) => {
    const { donnees } = ficheDeLigne(cellules, plan, [...ref.dispositifs.keys()], categoriesConnues(ref));
    const fiche = lireEtValider(
      { doc: { fichier: EXEMPLES, donnees, ligneDe: () => ligne }, chemin: [] },
      ref,
    );
    return colonnes.map((c) => valeurDe(fiche, c.cible, ref));
  });
}

function valeurDe(fiche: Fiche, cible: Cible, ref: Referentiel): Valeur {
  const depense = fiche.depenses[0];
  switch (cible.sorte) {
    case "dispositif":
      return depense.dispositifs?.join(", ") || null;
    case "financeur": {
      const f = fiche.financements?.find((x) => x.financeur === cible.financeur);
      return f ? f.montant.toNumber() : null;
    }
    case "regime":
    case "forme":
      return fiche.financements?.find((x) => x.financeur === cible.financeur)?.[cible.sorte] ?? null;
    case "champ": {
      let v: unknown = fiche;
      for (const k of cible.chemin) v = (v as Record<string | number, unknown> | undefined)?.[k];
      if (v === undefined || v === null) return null;
      if (cible.nom === "categorie") {
        const lu = lireCategorie(String(v), ref);
        return lu.ok ? lu.id : String(v);
      }
      if (cible.type.sorte === "date") return new Date(`${String(v)}T00:00:00Z`);
      if (cible.type.sorte === "booleen") return v ? "oui" : "non";
      if (typeof v === "number" || typeof v === "string") return v;
      if (typeof v === "object" && "toNumber" in v) return (v as { toNumber(): number }).toNumber();
      return String(v);
    }
  }
}

/** The template as an .xlsx workbook. */
export async function modeleXlsx(ref: Referentiel): Promise<Buffer> {
  const colonnes = colonnesModele(ref);
  const exemples = await exemplesModele(colonnes, ref);
  const ExcelJS = exceljs();
  const classeur = new ExcelJS.Workbook();
  classeur.creator = "ti-aides modele";
  const feuille = classeur.addWorksheet("Fiches-actions", { views: [{ state: "frozen", ySplit: 1 }] });
  const listes = classeur.addWorksheet("Listes", { state: "veryHidden" });
  const entetes = feuille.addRow(colonnes.map((c) => c.cible.nom));
  entetes.font = { bold: true };
  colonnes.forEach((c, i) => {
    const colonne = feuille.getColumn(i + 1);
    colonne.width = Math.max(14, c.cible.nom.length + 3);
    entetes.getCell(i + 1).note = c.explication;
    if (c.montant) colonne.numFmt = FORMAT_EUROS;
    if ("type" in c.cible && c.cible.type.sorte === "date") colonne.numFmt = "dd/mm/yyyy";
  });
  for (const valeurs of exemples) feuille.addRow(valeurs);

  // Each list once, in a column of the hidden sheet « Listes », named by the column it serves first.
  const plages = new Map<string, string>();
  colonnes.forEach((c, i) => {
    if (!c.choix) return;
    const cleListe = c.choix.join("\u0000");
    let plage = plages.get(cleListe);
    if (!plage) {
      const n = plages.size + 1;
      const lettre = listes.getColumn(n).letter;
      listes.getCell(1, n).value = c.cible.sorte === "regime" ? "regime" : c.cible.nom;
      c.choix.forEach((v, j) => (listes.getCell(j + 2, n).value = v));
      plage = `Listes!$${lettre}$2:$${lettre}$${c.choix.length + 1}`;
      plages.set(cleListe, plage);
    }
    const lettre = feuille.getColumn(i + 1).letter;
    // A list of several dispositifs ("ademe-etudes, bdt-ingenierie") is allowed: a warning, not a refusal.
    const plusieurs = c.cible.sorte === "dispositif";
    for (let r = 2; r <= LIGNES_A_REMPLIR + 1; r++)
      feuille.getCell(`${lettre}${r}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [plage],
        showErrorMessage: true,
        errorStyle: plusieurs ? "warning" : "stop",
        errorTitle: c.cible.nom,
        error: `Choisissez dans la liste : ${c.choix.slice(0, 12).join(", ")}${c.choix.length > 12 ? "…" : ""}`,
      };
  });
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

/** The template as a CSV (`;`, UTF-8 with BOM, as French Excel opens it): headers and the two examples. */
export async function modeleCsv(ref: Referentiel): Promise<string> {
  const colonnes = colonnesModele(ref);
  const exemples = await exemplesModele(colonnes, ref);
  const { stringify } = await import("csv-stringify/sync");
  const texte = (v: Valeur): string =>
    v === null
      ? ""
      : v instanceof Date
        ? v.toISOString().slice(0, 10).split("-").reverse().join("/")
        : typeof v === "number"
          ? String(v).replace(".", ",")
          : String(v);
  return (
    "\ufeff" +
    stringify([colonnes.map((c) => c.cible.nom), ...exemples.map((l) => l.map(texte))], {
      delimiter: ";",
      record_delimiter: "\r\n",
      escape_formulas: true,
    })
  );
}
