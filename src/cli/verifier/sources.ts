// What `verifier` reads: fiche files, folders of them (recursively), a contract file; every input
// that cannot be read is collected with its name, so that a CI run lists them all at once.
import { readdirSync, realpathSync, statSync } from "node:fs";
import { extname, join, relative, isAbsolute } from "node:path";
import type { DocumentSource } from "../../core/document.js";
import { ErreurSaisie, type ProblemeSaisie } from "../../core/erreurs.js";
import { lireContrat } from "../../core/fiches-du-document.js";
import type { Contrat } from "../../core/schemas/contrat.js";
import { exigerFichierOrdinaire } from "../../lecture-sure.js";
import { lireDAvance, type FicheSource } from "../../core/fiche-lue.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { lireFichier } from "../entrees.js";
import { EXTENSIONS_LUES, lecteurDe } from "../lecteurs.js";
import type { FichesCsv, NomColonne } from "./csv.js";

export interface ContratLu {
  contrat: Contrat;
  doc: DocumentSource;
}

export interface SourcesVerification {
  /** The files read, in order (as displayed). */
  fichiers: string[];
  fiches: FicheSource[];
  contrat?: ContratLu;
  /** Inputs that cannot be read: missing paths, unreadable files, invalid contract files. */
  erreurs: ErreurSaisie[];
  /** Said while reading (a CSV's unknown headers). */
  avertissements: ProblemeSaisie[];
  /** The fiches read from CSV rows: field path → the header of its column. */
  colonnes: Map<FicheSource, NomColonne>;
  /** The fiches read from CSV rows whose cells cannot be read: what is wrong, by column. */
  problemes: Map<FicheSource, ProblemeSaisie[]>;
}

/** Reads the fiches of a CSV file or an .xlsx workbook (`lot`'s format). */
export type LecteurCsv = (chemin: string) => Promise<FichesCsv>;

/** A path as a CI shows it: relative to the working folder when inside it, with "/" separators. */
export function cheminAffiche(chemin: string): string {
  const r = isAbsolute(chemin) ? relative(process.cwd(), chemin) : chemin;
  const affiche = isAbsolute(chemin) && (r.startsWith("..") || isAbsolute(r)) ? chemin : r;
  return affiche.split("\\").join("/");
}

/** The fiche files under a folder, sorted, recursively; hidden entries and node_modules skipped. */
function parcourir(
  dossier: string,
  trouves: string[],
  dossiersVus: Set<string>,
  erreurs: ProblemeSaisie[],
): void {
  let reel: string;
  try {
    reel = realpathSync(dossier);
  } catch {
    erreurs.push({
      fichier: cheminAffiche(dossier),
      message: "dossier illisible : vérifiez le chemin et les droits",
    });
    return;
  }
  if (dossiersVus.has(reel)) return; // a symbolic link back to a folder already read
  dossiersVus.add(reel);
  let contenu;
  try {
    contenu = readdirSync(dossier, { withFileTypes: true });
  } catch (e) {
    erreurs.push({
      fichier: cheminAffiche(dossier),
      message: `dossier illisible (${(e as NodeJS.ErrnoException).code ?? "erreur"}) : vérifiez les droits`,
    });
    return;
  }
  for (const e of contenu.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const chemin = join(dossier, e.name);
    let estDossier = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        estDossier = statSync(chemin).isDirectory();
      } catch {
        erreurs.push({
          fichier: cheminAffiche(chemin),
          message: "lien symbolique cassé : sa cible n'existe pas",
        });
        continue;
      }
    }
    if (estDossier) parcourir(chemin, trouves, dossiersVus, erreurs);
    else if (EXTENSIONS_LUES.includes(extname(e.name).toLowerCase())) trouves.push(chemin);
  }
}

/** The files named on the command line, folders expanded; each file once. */
export function fichiersDe(chemins: string[]): { fichiers: string[]; erreurs: ErreurSaisie[] } {
  const fichiers: string[] = [];
  const problemes: ProblemeSaisie[] = [];
  const dossiersVus = new Set<string>();
  for (const chemin of chemins) {
    let st;
    try {
      st = statSync(chemin);
    } catch {
      problemes.push({
        fichier: cheminAffiche(chemin),
        message: "fichier ou dossier introuvable : vérifiez le chemin",
      });
      continue;
    }
    if (!st.isDirectory()) {
      fichiers.push(chemin);
      continue;
    }
    const trouves: string[] = [];
    parcourir(chemin, trouves, dossiersVus, problemes);
    if (trouves.length === 0 && !problemes.some((p) => p.fichier === cheminAffiche(chemin))) {
      problemes.push({
        fichier: cheminAffiche(chemin),
        message: `aucune fiche (${EXTENSIONS_LUES.join(", ")}) dans ce dossier ni ses sous-dossiers`,
      });
    }
    fichiers.push(...trouves);
  }
  const reels = new Set<string>();
  const uniques = fichiers.filter((f) => {
    let r: string;
    try {
      r = realpathSync(f);
    } catch {
      r = f;
    }
    if (reels.has(r)) return false;
    reels.add(r);
    return true;
  });
  return { fichiers: uniques.map(cheminAffiche), erreurs: problemes.map((p) => new ErreurSaisie([p])) };
}

export async function lireSources(
  chemins: string[],
  lireCsv: LecteurCsv,
  ref: Referentiel,
): Promise<SourcesVerification> {
  const { fichiers, erreurs } = fichiersDe(chemins);
  const fiches: FicheSource[] = [];
  const contrats: ContratLu[] = [];
  const avertissements: ProblemeSaisie[] = [];
  const colonnes = new Map<FicheSource, NomColonne>();
  const problemes = new Map<FicheSource, ProblemeSaisie[]>();
  for (const fichier of fichiers) {
    try {
      if (["tableau", "classeur"].includes(lecteurDe(fichier).sorte)) {
        exigerFichierOrdinaire(fichier);
        const lu = await lireCsv(fichier);
        fiches.push(...lu.fiches);
        erreurs.push(...lu.erreurs);
        avertissements.push(...lu.avertissements);
        for (const [f, c] of lu.colonnes) colonnes.set(f, c);
        for (const [f, p] of lu.problemes) problemes.set(f, p);
        continue;
      }
      const doc = lireFichier(fichier);
      const lu = lireContrat(doc);
      // Each fiche read now, and the raw data dropped: kept until the whole contract was read, they
      // outlived V8's young generation, and stayed in memory to the end (issue 20).
      const lues = lu.fiches.map((f) => lireDAvance(f, ref));
      const sansDonnees: DocumentSource = { fichier: doc.fichier, donnees: undefined, ligneDe: doc.ligneDe };
      if (lu.contrat) contrats.push({ contrat: lu.contrat, doc: sansDonnees });
      fiches.push(...lu.fiches.map((f, i) => ({ doc: sansDonnees, chemin: f.chemin, lue: lues[i] })));
    } catch (e) {
      if (!(e instanceof ErreurSaisie)) throw e;
      erreurs.push(e);
    }
  }
  if (contrats.length > 1) {
    erreurs.push(
      new ErreurSaisie(
        contrats.slice(1).map((c) => ({
          fichier: c.doc.fichier,
          ligne: c.doc.ligneDe(["contrat"]),
          champ: "contrat",
          message: `un second contrat (${c.contrat.id}) ; le contrat ${contrats[0].contrat.id} est déjà défini dans ${contrats[0].doc.fichier}, ligne ${contrats[0].doc.ligneDe(["contrat"]) ?? 1} : vérifiez un contrat à la fois`,
        })),
      ),
    );
  }
  if (fiches.length === 0 && erreurs.length === 0) {
    erreurs.push(
      new ErreurSaisie([
        {
          fichier: fichiers.join(", "),
          message:
            "aucune fiche à vérifier : ajoutez les fiches du contrat (un fichier par fiche, ou une liste « fiches: » dans le contrat)",
        },
      ]),
    );
  }
  return { fichiers, fiches, contrat: contrats[0], erreurs, avertissements, colonnes, problemes };
}
