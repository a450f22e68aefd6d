// `ti-aides lot FICHIER.csv`: evaluates every row of a contract's CSV of fiches-actions, streaming,
// and gives the table back with result columns (or JSON Lines, or JSON). A bad row never stops the
// batch; exit 0 when done, 1 with --strict if a row is not compliant or in error, 2 if the file
// cannot be read at all.
import { PassThrough, Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ErreurSaisie, formaterProbleme } from "../../core/erreurs.js";
import { entierFr } from "../../core/format.js";
import { echapperControles } from "../../core/texte-affichable.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import type { Synthese } from "../../core/document-json.js";
import { ErreurUsage, CODE_NON_CONFORME, CODE_OK } from "../codes.js";
import { ecrivain } from "../csv/ecrivains.js";
import { encodeur } from "../csv/encodage.js";
import { analyserEntetes, type PlanColonnes } from "../csv/entetes.js";
import { evaluateur, nombreDeTravailleurs, type Evaluateur } from "../csv/evaluateurs.js";
import { ouvrirCsv, type CsvOuvert } from "../csv/lecture.js";
import { progression, TAILLE_BARRE } from "../csv/progression.js";
import type { Enregistrement, FormatLot, LigneTraitee, ParametresLot } from "../csv/traitement.js";
import { exigerFichierOrdinaire } from "../../lecture-sure.js";
import { ecrireSortie, ouvrirSortieProgressive, type SortieProgressive } from "../ecriture.js";
import { largeurSortie } from "../rendu/largeur.js";
import { ecrireRapportHtml } from "../ecrivains.js";
import { documentVerification, probleme } from "../verifier/document.js";
import { decompter, verifierSources } from "../verifier/verification.js";
import { reglesDe, verifierDate, verifierFormat, type OptionsGlobales } from "../options.js";
import { lecteurDe } from "../lecteurs.js";
import type { ClasseurOuvert } from "../classeur/lecture.js";
import { pourErreurStandard } from "../rendu/largeur.js";

/**
 * A workbook's size is counted in rows; the worker threads are decided on a CSV's bytes: a row of a
 * contract's CSV weighs about 300 bytes (test/bench/classeur.mjs: 0,6 Mo for 2 000 rows).
 */
const OCTETS_PAR_LIGNE_CSV = 300;

export interface OptionsLot extends OptionsGlobales {
  strict?: boolean;
  /** The sheet of an .xlsx workbook to read (default: the first). */
  feuille?: string;
}

/** Rows evaluated together (one message to a worker thread, one write). */
const TAILLE_PAQUET = 250;
/** Rows in error detailed on standard error; the others are in the output's error column. */
const ERREURS_AFFICHEES = 100;

export async function lot(fichier: string, o: OptionsLot): Promise<number> {
  const lecteur = lecteurDe(fichier);
  // .ods, .xls, .tsv: what to do instead (lecteurs.ts).
  if (lecteur.sorte === "refus") throw new ErreurSaisie([{ fichier, message: lecteur.message }]);
  const estClasseur = lecteur.sorte === "classeur";
  const format = verifierFormat(o.format ?? formatParDefaut(estClasseur, o.sortie), "lot") as
    FormatLot | "html";
  verifierDate(o.date);
  if (fichier === "-")
    throw new ErreurUsage(
      "lot lit un fichier CSV, pas l'entrée standard : enregistrez le tableau dans un fichier, puis ti-aides lot contrat.csv",
    );
  if (format === "xlsx" && !estClasseur)
    throw new ErreurUsage(
      "--format xlsx complète un classeur : donnez le classeur .xlsx du contrat (ou, pour un CSV, --format csv)",
    );
  if (format === "xlsx" && (!o.sortie || o.sortie === "-") && process.stdout.isTTY)
    throw new ErreurUsage(
      "un classeur ne s'affiche pas à l'écran : écrivez-le dans un fichier, ex. ti-aides lot contrat.xlsx -o resultats.xlsx",
    );
  const ref = reglesDe(o);
  if (format === "html") return lotHtml(fichier, ref, o);
  const depart = performance.now();

  exigerFichierOrdinaire(fichier); // a named pipe would block the reading for ever
  const classeur = estClasseur
    ? await (await import("../classeur/lecture.js")).ouvrirClasseur(fichier, o.feuille)
    : undefined;
  const csv: CsvOuvert | ClasseurOuvert = classeur ?? ouvrirCsv(fichier);
  const { entetes, plan } = await lireEntetes(csv, ref).catch((e) => {
    csv.fermer();
    throw e;
  });
  if (!o.quiet)
    for (const a of [...csv.avertissements, ...plan.avertissements])
      process.stderr.write(`${pourErreurStandard(`Avertissement : ${echapperControles(a)}`)}
`);

  // On a terminal, with no format nor file asked: a readable summary, not raw CSV (rendu/lot.ts).
  const resumeTerminal = o.format === undefined && !o.sortie && process.stdout.isTTY === true;
  const parametres: ParametresLot = {
    plan,
    fichier,
    format,
    date: o.date,
    separateurDecimal: csv.dialecte.separateur === "," ? "." : ",",
    resume: resumeTerminal,
  };
  const moteur = evaluateur(
    nombreDeTravailleurs(classeur ? classeur.taille * OCTETS_PAR_LIGNE_CSV : csv.taille),
    parametres,
    ref,
    o.regles,
  );
  try {
    return await evaluerLot({ o, parametres, csv, classeur, entetes, moteur, depart });
  } finally {
    // On every way out: a worker left running keeps the process alive (an output file that could
    // not be opened left `lot` hanging for ever).
    await moteur.fermer();
  }
}

/** What `lot` has once the file's header is read and its rows' evaluator started. */
interface LotOuvert {
  o: OptionsLot;
  /** The file, its column plan, the output format, whether a terminal summary is written. */
  parametres: ParametresLot;
  csv: CsvOuvert | ClasseurOuvert;
  classeur: ClasseurOuvert | undefined;
  entetes: string[];
  moteur: Evaluateur;
  /** performance.now() at the start, for the summary's duration. */
  depart: number;
}

/** `lot` once its header is read: the rows evaluated by `moteur`, written as they come. */
async function evaluerLot({
  o,
  parametres,
  csv,
  classeur,
  entetes,
  moteur,
  depart,
}: LotOuvert): Promise<number> {
  const { fichier, plan, format } = parametres;
  const resumeTerminal = parametres.resume === true;
  const barre = progression(
    csv.taille,
    process.stderr.isTTY === true && !o.quiet && csv.taille >= TAILLE_BARRE,
  );
  const ecrire = resumeTerminal
    ? (await import("../rendu/lot.js")).ecrivainResume(fichier, largeurSortie())
    : ecrivain(format, csv.dialecte, plan, entetes);
  const compte: Synthese = {
    fiches: 0,
    conformes: 0,
    non_conformes: 0,
    sans_plan_de_financement: 0,
    en_erreur: 0,
  };
  let erreursNonAffichees = 0;

  const compter = (paquet: (Enregistrement | null)[], traitees: LigneTraitee[]) => {
    let i = 0;
    const lignes = paquet.map((e) => {
      if (!e) return null;
      const l = traitees[i++];
      l.cellules = e.cellules; // kept here rather than sent to a worker and back
      return l;
    });
    for (const l of traitees) {
      compte.fiches++;
      if (l.statut === "conforme") compte.conformes++;
      else if (l.statut === "non_conforme") compte.non_conformes++;
      else if (l.statut === "sans_plan") compte.sans_plan_de_financement++;
      else if (compte.en_erreur++ < ERREURS_AFFICHEES)
        for (const p of l.problemes) barre.ecrire(`Erreur : ${formaterProbleme(p)}`);
      else erreursNonAffichees++;
    }
    barre.avancer(csv.octetsLus(), compte.fiches);
    return lignes;
  };

  /** The rows evaluated, batch by batch, in order (null: a blank row of the input). */
  async function* traitees(): AsyncGenerator<(LigneTraitee | null)[]> {
    // Batches under way, their results awaited in order (several at once with worker threads).
    const enCours: { paquet: (Enregistrement | null)[]; resultat: Promise<LigneTraitee[]> }[] = [];
    for await (const paquet of paquets(csv.enregistrements)) {
      const resultat = moteur.traiter(paquet.filter((e): e is Enregistrement => e !== null));
      resultat.catch(() => undefined); // awaited below; a batch left behind by a failure must not crash the process
      enCours.push({ paquet, resultat });
      while (enCours.length >= moteur.enParallele) {
        const p = enCours.shift()!;
        yield compter(p.paquet, await p.resultat);
      }
    }
    for (const p of enCours) yield compter(p.paquet, await p.resultat);
  }

  async function* morceaux(): AsyncGenerator<string> {
    yield ecrire.debut();
    for await (const lignes of traitees()) yield ecrire.lignes(lignes);
    yield ecrire.fin(compte);
  }

  const fichierSortie = o.sortie && o.sortie !== "-" ? ouvrirSortieProgressive(o.sortie) : undefined;
  const destination: Writable = fichierSortie?.flux ?? process.stdout;
  const transcodeur =
    format === "csv" && !resumeTerminal
      ? encodeur(csv.encodage)
      : encodeur({ encodage: "utf-8", bom: false });
  // Interrupted (Ctrl+C): no temporary file left behind.
  const interrompre = () => {
    barre.arreter();
    fichierSortie?.abandonner();
    process.exit(130);
  };
  process.once("SIGINT", interrompre);
  try {
    if (classeur && format === "xlsx") await ecrireClasseur(classeur, plan, traitees(), compte, destination);
    else
      await pipeline(Readable.from(morceaux()), transcodeur, destination, {
        end: fichierSortie !== undefined,
      });
    fichierSortie?.valider();
  } catch (e) {
    csv.fermer();
    fichierSortie?.abandonner();
    if ((e as NodeJS.ErrnoException).code === "EPIPE") return CODE_OK; // the reader went away (| head)
    throw erreurDeSortie(e, fichierSortie);
  } finally {
    process.off("SIGINT", interrompre);
    barre.arreter();
  }

  if (erreursNonAffichees)
    process.stderr.write(
      `${pourErreurStandard(`Erreur : … et ${erreursNonAffichees} autre(s) ligne(s) en erreur : voir ${format === "csv" ? "la colonne « Erreurs »" : "« erreurs »"} de la sortie`)}\n`,
    );
  process.stderr.write(
    `${pourErreurStandard(echapperControles(`${resume(fichier, compte, performance.now() - depart)}${o.sortie && o.sortie !== "-" ? ` ; résultat dans ${o.sortie}` : ""}`))}\n`,
  );
  return o.strict && compte.non_conformes + compte.en_erreur > 0 ? CODE_NON_CONFORME : CODE_OK;
}

/** An .xlsx input gives an .xlsx output, unless -o names a file of another of lot's formats. */
function formatParDefaut(estClasseur: boolean, sortie: string | undefined): string | undefined {
  if (!estClasseur) return undefined;
  const extension = /\.([^./\\]+)$/.exec(sortie ?? "")?.[1].toLowerCase();
  return extension && ["csv", "jsonl", "json"].includes(extension) ? extension : "xlsx";
}

/** The workbook output: written by exceljs into a pass-through, piped to the file or standard output. */
async function ecrireClasseur(
  classeur: ClasseurOuvert,
  plan: PlanColonnes,
  lignes: AsyncIterable<(LigneTraitee | null)[]>,
  compte: Synthese,
  destination: Writable,
): Promise<void> {
  const { ecrivainClasseur } = await import("../classeur/ecriture.js");
  const flux = new PassThrough();
  const ecriture = pipeline(flux, destination, { end: destination !== process.stdout });
  const ecrire = await ecrivainClasseur(classeur, plan, flux);
  try {
    for await (const paquet of lignes) ecrire.lignes(paquet.filter((l): l is LigneTraitee => l !== null));
    await ecrire.fin(compte);
  } catch (e) {
    flux.destroy(e as Error);
    await ecriture.catch(() => undefined);
    throw e;
  }
  await ecriture;
}

/**
 * `lot --format html`: the report is one page drawn at the end, and shows the batch as a contract
 * (totals, de minimis per undertaking): the rows are read and evaluated as `verifier` reads a CSV
 * or a workbook.
 * A file that cannot be read at all is an error (exit 2); a bad row is in the report.
 */
async function lotHtml(fichier: string, ref: Referentiel, o: OptionsLot): Promise<number> {
  const { lireFichesCsv } = await import("../verifier/csv.js");
  const csv = await lireFichesCsv(fichier, ref, o.feuille);
  if (csv.erreurs.length) throw csv.erreurs[0];
  const v = verifierSources({ fichiers: [fichier], ...csv, contrat: undefined }, ref, o.date);
  for (const k of v.constats)
    if (k.gravite === "erreur")
      process.stderr.write(`${pourErreurStandard(`Erreur : ${formaterProbleme(probleme(v, k))}`)}\n`);
  ecrireSortie(
    await ecrireRapportHtml(documentVerification(v), v.fiches, `ti-aides lot ${fichier}`, ref),
    o.sortie,
  );
  const d = decompter(v);
  return o.strict && d.nonConformes + d.enErreur > 0 ? CODE_NON_CONFORME : CODE_OK;
}

/** The header row: the first that is not blank. */
async function lireEntetes(
  csv: CsvOuvert | ClasseurOuvert,
  ref: Referentiel,
): Promise<{ entetes: string[]; plan: PlanColonnes }> {
  // next() rather than for await: leaving a for await would close the records for the rows.
  for (let r = await csv.enregistrements.next(); !r.done; r = await csv.enregistrements.next()) {
    if (!estVide(r.value))
      return {
        entetes: r.value.cellules,
        plan: analyserEntetes(r.value.cellules, ref, csv.fichier, r.value.ligne),
      };
  }
  throw new ErreurSaisie([
    {
      fichier: csv.fichier,
      message: "aucune ligne d'en-têtes : la première ligne nomme les colonnes (id, nature, montant…)",
    },
  ]);
}

/**
 * The rows in batches. A blank row (every cell empty) is not a fiche: kept as null where more rows
 * follow, dropped at the end of the file (the empty rows a spreadsheet leaves after a table).
 */
async function* paquets(
  enregistrements: AsyncIterable<Enregistrement>,
): AsyncGenerator<(Enregistrement | null)[]> {
  let paquet: (Enregistrement | null)[] = [];
  let blanches = 0;
  for await (const e of enregistrements) {
    if (estVide(e)) {
      blanches++;
      continue;
    }
    for (; blanches > 0; blanches--) paquet.push(null);
    paquet.push(e);
    if (paquet.length >= TAILLE_PAQUET) {
      yield paquet;
      paquet = [];
    }
  }
  if (paquet.length) yield paquet;
}

function estVide(e: Enregistrement): boolean {
  return e.cellules.every((c) => c.trim() === "");
}

function erreurDeSortie(e: unknown, f: SortieProgressive | undefined): unknown {
  if (e instanceof ErreurSaisie || !f) return e;
  const code = (e as NodeJS.ErrnoException).syscall;
  return code === "open" || code === "write" ? f.erreur(e) : e;
}

/** The summary line on standard error; integers written without Intl (its first use costs a scan of ICU). */
export function resume(fichier: string, s: Synthese, ms: number): string {
  const secondes = ms / 1000;
  const vitesse =
    secondes >= 1 && s.fiches > 0 ? `, ${entierFr(Math.round(s.fiches / secondes))} lignes/s` : "";
  return `Lot ${fichier} : ${s.fiches} ligne(s) — ${s.conformes} conforme(s), ${s.non_conformes} non conforme(s), ${s.sans_plan_de_financement} sans plan de financement, ${s.en_erreur} en erreur — en ${secondes.toFixed(1).replace(".", ",")} s${vitesse}`;
}
