// `lot`'s workbook output, streamed (exceljs's WorkbookWriter: each row is written and freed as it
// comes): the input sheet with every row, column, format and merge in place plus the result columns
// (amounts as numbers in euros, the verdict as text with the first reason in a comment, rows not
// compliant or in error highlighted), then a « Synthèse » sheet and an « Anomalies » sheet. A text
// cell is never run as a formula in a workbook: the input's texts are copied as texts.
import type { Writable } from "node:stream";
import type { Cell, CellValue, Fill, Worksheet } from "exceljs";
import { D, somme, type Dec } from "../../core/argent.js";
import type { Synthese } from "../../core/document-json.js";
import type { PlanColonnes } from "../csv/entetes.js";
import { entetesResultat, ENTRE_ELEMENTS } from "../csv/resultats.js";
import type { LigneTraitee } from "../csv/traitement.js";
import type { ClasseurOuvert } from "./lecture.js";
import type { AnomalieClasseur } from "./resultat.js";
import { exceljs } from "./exceljs.js";

export const FORMAT_EUROS = '#,##0.00 "€"';
const FORMAT_PART = "0.00%";
const remplissage = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
/** Excel's own "Incorrect" and "Neutral" colours. */
const NON_CONFORME = remplissage("FFFFC7CE");
const EN_ERREUR = remplissage("FFFFEB9C");
const ENTETE = remplissage("FFD9E1F2");
const GRAS = { bold: true };

export interface EcrivainClasseur {
  /** Rows evaluated, in order; the input rows between them (blank, above the headers) are copied too. */
  lignes(lignes: LigneTraitee[]): void;
  fin(compte: Synthese): Promise<void>;
}

export async function ecrivainClasseur(
  source: ClasseurOuvert,
  plan: PlanColonnes,
  destination: Writable,
): Promise<EcrivainClasseur> {
  const ExcelJS = exceljs();
  const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: destination,
    useStyles: true,
    useSharedStrings: false,
  });
  const entree = source.feuille;
  const noms = new Set([entree.name]);
  const nomLibre = (nom: string) => {
    let n = nom;
    for (let i = 2; noms.has(n); i++) n = `${nom} ${i}`;
    noms.add(n);
    return n;
  };
  const sortie = classeur.addWorksheet(entree.name, { views: entree.views });
  const synthese = classeur.addWorksheet(nomLibre("Synthèse"));
  const feuilleAnomalies = classeur.addWorksheet(nomLibre("Anomalies"));

  const titres = entetesResultat(plan);
  // The result columns after every column the sheet uses, so no input cell is covered.
  const premiere = Math.max(entree.columnCount, plan.colonnes.length) + 1;
  sortie.columns = [
    ...Array.from({ length: premiere - 1 }, (_, i) => {
      const c = entree.getColumn(i + 1);
      return { width: c.width, hidden: c.hidden, style: c.style };
    }),
    ...titres.map((t) => ({ width: largeurResultat(t) })),
  ];
  const validations = (entree as unknown as { dataValidations?: { model: object } }).dataValidations;
  const validationsSortie = (sortie as unknown as { dataValidations: { model: object } }).dataValidations;
  if (validations) validationsSortie.model = { ...validations.model };
  if (entree.autoFilter) sortie.autoFilter = entree.autoFilter;

  const fusions = new Map<number, string[]>();
  for (const plage of (entree.model as { merges?: string[] }).merges ?? []) {
    const haut = Number(/\d+/.exec(plage)?.[0]);
    fusions.set(haut, [...(fusions.get(haut) ?? []), plage]);
  }

  let prochaine = 1;
  const copier = (r: number) => {
    for (const plage of fusions.get(r) ?? []) sortie.mergeCells(plage);
    const lue = entree.getRow(r);
    const ecrite = sortie.getRow(r);
    if (lue.height) ecrite.height = lue.height;
    if (lue.hidden) ecrite.hidden = true;
    lue.eachCell({ includeEmpty: false }, (c, n) => {
      if (c.isMerged && c.master !== c) return;
      const d = ecrite.getCell(n);
      d.value = copie(c);
      d.style = { ...c.style }; // a copy: the reader shares one style object between cells
      if (c.note) d.note = c.note;
    });
    if (r === source.ligneEntetes)
      titres.forEach((t, i) => {
        const d = ecrite.getCell(premiere + i);
        d.value = t;
        d.font = GRAS;
        d.fill = ENTETE;
      });
    return ecrite;
  };
  const copierJusqua = (r: number) => {
    for (; prochaine < r; prochaine++) copier(prochaine).commit();
  };

  const anomalies: (AnomalieClasseur & { fiche: string; ligne: number })[] = [];
  const totaux = new Totaux();

  return {
    lignes(lignes) {
      for (const l of lignes) {
        copierJusqua(l.ligne);
        const ecrite = copier(l.ligne);
        prochaine = l.ligne + 1;
        const res = l.classeur!;
        const fond =
          l.statut === "non_conforme" ? NON_CONFORME : l.statut === "en_erreur" ? EN_ERREUR : undefined;
        if (fond)
          ecrite.eachCell({ includeEmpty: false }, (c) => {
            if (!aUnFond(c)) c.fill = fond;
          });
        res.valeurs.forEach((v, i) => {
          const d = ecrite.getCell(premiere + i);
          if ("montant" in v) {
            d.value = Number(v.montant);
            d.numFmt = FORMAT_EUROS;
          } else d.value = v.texte || null;
          if (fond) d.fill = fond;
        });
        const lues = source.avertissementsParLigne.get(l.ligne) ?? [];
        const raison = res.raison ?? lues[0];
        if (raison) ecrite.getCell(premiere + titres.indexOf("Conforme")).note = raison;
        // A doubt of the reading is in the output too, not only on standard error.
        if (lues.length) {
          const cellule = ecrite.getCell(premiere + titres.indexOf("Anomalies"));
          const deja = typeof cellule.value === "string" ? [cellule.value] : [];
          cellule.value = [...deja, ...lues.map((m) => `à vérifier : ${m}`)].join(ENTRE_ELEMENTS);
        }
        ecrite.commit();
        const fiche = ficheDe(l, source, plan);
        for (const a of res.anomalies) anomalies.push({ ...a, fiche, ligne: l.ligne });
        for (const m of lues)
          anomalies.push({
            fiche,
            ligne: l.ligne,
            controle: "lecture du classeur",
            portee: "",
            etat: "à vérifier",
            valeur: null,
            limite: null,
            message: m,
            source: null,
          });
        totaux.ajouter(l);
      }
    },
    async fin(compte) {
      copierJusqua(entree.rowCount + 1);
      sortie.commit();
      ecrireSynthese(synthese, source, compte, totaux);
      synthese.commit();
      ecrireAnomalies(feuilleAnomalies, anomalies);
      feuilleAnomalies.commit();
      await classeur.commit();
    },
  };
}

/** A cell's value as written again: a formula with its value (a shared one as its own formula). */
function copie(c: Cell): CellValue {
  const v = c.value;
  if (v !== null && typeof v === "object" && "sharedFormula" in v)
    return { formula: c.formula, result: v.result } as CellValue;
  return v;
}

function aUnFond(c: Cell): boolean {
  const f = c.fill as { type?: string; pattern?: string } | undefined;
  return f !== undefined && f.type === "pattern" && f.pattern !== "none";
}

function largeurResultat(titre: string): number {
  if (titre === "Anomalies" || titre === "Erreurs" || titre === "Dispositifs éligibles") return 60;
  return Math.max(16, titre.length + 2);
}

/** The fiche's id as read from its row (its `id` column), else its row. */
function ficheDe(l: LigneTraitee, source: ClasseurOuvert, plan: PlanColonnes): string {
  const colonne = plan.colonnes.find((c) => c.cible?.sorte === "champ" && c.cible.nom === "id");
  const cellule = colonne ? source.feuille.getRow(l.ligne).getCell(colonne.index + 1) : undefined;
  const texte = cellule ? String(cellule.text ?? "").trim() : "";
  return texte || `ligne ${l.ligne}`;
}

/** The figures of the « Synthèse » sheet, added up with decimal.js as the rows come. */
class Totaux {
  readonly parFinanceur = new Map<string, { public: boolean; fiches: number; montant: Dec }>();
  readonly parDispositif = new Map<string, { fiches: number; plafond: Dec; plafonnes: number }>();
  aidePublique = new D(0);
  couts = new D(0);
  fichesFinancees = 0;

  ajouter(l: LigneTraitee): void {
    const r = l.classeur!;
    for (const f of r.financements) {
      const t = this.parFinanceur.get(f.financeur) ?? { public: f.public, fiches: 0, montant: new D(0) };
      t.fiches++;
      t.montant = t.montant.plus(f.montant);
      this.parFinanceur.set(f.financeur, t);
    }
    for (const e of r.eligibles) {
      const t = this.parDispositif.get(e.dispositif) ?? { fiches: 0, plafond: new D(0), plafonnes: 0 };
      t.fiches++;
      if (e.plafond !== null) {
        t.plafond = t.plafond.plus(e.plafond);
        t.plafonnes++;
      }
      this.parDispositif.set(e.dispositif, t);
    }
    // The share is over the fiches with a financing plan: their aid against their cost.
    if (r.financements.length && r.cout !== null) {
      this.fichesFinancees++;
      this.couts = this.couts.plus(r.cout);
      this.aidePublique = this.aidePublique.plus(
        somme(r.financements.filter((f) => f.public).map((f) => new D(f.montant))),
      );
    }
  }
}

function ecrireSynthese(f: Worksheet, source: ClasseurOuvert, s: Synthese, t: Totaux): void {
  f.columns = [{ width: 42 }, { width: 18 }, { width: 18 }, { width: 22 }];
  const ligne = (valeurs: (string | number | null)[], formats: (string | undefined)[] = [], gras = false) => {
    const r = f.addRow(valeurs);
    formats.forEach((fmt, i) => {
      if (fmt) r.getCell(i + 1).numFmt = fmt;
    });
    if (gras) r.font = GRAS;
    r.commit();
  };
  ligne([`Synthèse du lot : ${source.fichier}, feuille « ${source.feuille.name} »`], [], true);
  ligne([]);
  ligne(["Lignes évaluées", s.fiches]);
  ligne(["Conformes", s.conformes]);
  ligne(["Non conformes", s.non_conformes]);
  ligne(["Sans plan de financement", s.sans_plan_de_financement]);
  ligne(["En erreur", s.en_erreur]);
  ligne([]);
  ligne(["Totaux par financeur", "Aide publique", "Fiches", "Montant demandé"], [], true);
  for (const [financeur, x] of t.parFinanceur)
    ligne([financeur, x.public ? "oui" : "non", x.fiches, x.montant.toNumber()], [, , , FORMAT_EUROS]);
  ligne([]);
  ligne(["Totaux par dispositif éligible", "Fiches éligibles", "Plafond total"], [], true);
  for (const [dispositif, x] of t.parDispositif)
    ligne([dispositif, x.fiches, x.plafonnes ? x.plafond.toNumber() : "sans montant"], [, , FORMAT_EUROS]);
  ligne([]);
  ligne(["Part d'aide publique du contrat (fiches avec plan de financement)"], [], true);
  ligne(["Fiches avec plan de financement", t.fichesFinancees]);
  ligne(["Aide publique demandée", t.aidePublique.toNumber()], [, FORMAT_EUROS]);
  ligne(["Coût des dépenses", t.couts.toNumber()], [, FORMAT_EUROS]);
  ligne(
    [
      "Part d'aide publique",
      t.couts.isZero() ? "sans dépense" : t.aidePublique.dividedBy(t.couts).toDecimalPlaces(4).toNumber(),
    ],
    [, FORMAT_PART],
  );
}

function ecrireAnomalies(f: Worksheet, anomalies: (AnomalieClasseur & { fiche: string; ligne: number })[]) {
  f.columns = [
    { width: 18 },
    { width: 8 },
    { width: 34 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 80 },
    { width: 40 },
  ];
  const tete = f.addRow([
    "Fiche",
    "Ligne",
    "Contrôle",
    "Portée",
    "État",
    "Valeur",
    "Limite",
    "Message",
    "Source",
  ]);
  tete.font = GRAS;
  tete.commit();
  f.autoFilter = "A1:I1";
  for (const a of anomalies) {
    const r = f.addRow([
      a.fiche,
      a.ligne,
      a.controle,
      a.portee,
      a.etat,
      a.valeur === null ? null : Number(a.valeur),
      a.limite === null ? null : Number(a.limite),
      a.message,
      a.source,
    ]);
    r.getCell(6).numFmt = FORMAT_EUROS;
    r.getCell(7).numFmt = FORMAT_EUROS;
    r.commit();
  }
}
