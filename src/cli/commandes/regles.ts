// `ti-aides regles [ID]`: the guide's 30 fiches (computed or informative) with their operator, offer
// and contact, filterable; one rule's figures with their dates and sources. `ti-aides regles
// verifier DOSSIER…`: validates a Region's rule files for its CI.
import { existsSync, statSync } from "node:fs";
import { sorteDe } from "../../core/calculs/index.js";
import { ErreurSaisie, formaterProbleme, type ProblemeSaisie } from "../../core/erreurs.js";
import { conditionsDeRegle, figuresDeRegle } from "../../core/regles/description.js";
import { listerRegles, type FiltresRegles } from "../../core/regles/liste.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { THEMES } from "../../core/schemas/communs.js";
import type { Regle } from "../../core/schemas/regle.js";
import { VERSION } from "../../core/document-json.js";
import { vouliezVousDire } from "../../core/suggestion.js";
import { chargerCatalogue, chargerRegles, fichiersYaml } from "../../regles-disque.js";
import { ErreurUsage, CODE_OK, CODE_SAISIE } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { ECRIVAINS_DOCUMENT, type FormatDocument } from "../ecrivains.js";
import { reglesDe, verifierDate, verifierFormat, type OptionsGlobales } from "../options.js";
import { aujourdhui } from "../../core/dates.js";
import { figuresAVerifier } from "../../core/regles/a-verifier.js";
import { echapperControles, sansControles } from "../../core/texte-affichable.js";
import { c } from "../rendu/couleurs.js";
import { ajuster, largeurSortie } from "../rendu/largeur.js";
import { rendreAVerifier, rendreFicheCatalogue, rendreListe, rendreRegle } from "../rendu/regles.js";

export interface OptionsRegles extends OptionsGlobales {
  theme?: string;
  beneficiaire?: string;
  calcule?: boolean;
  aVerifier?: boolean;
}

function sortir(donnees: unknown, format: string, texte: () => string, fichier: string | undefined): void {
  if (format === "table") ecrireSortie(ajuster(texte(), largeurSortie()) + "\n", fichier);
  else
    ecrireSortie(
      ECRIVAINS_DOCUMENT[format as FormatDocument]({
        outil: "ti-aides",
        version: VERSION,
        ...(donnees as object),
      }),
      fichier,
    );
}

export function regleJson(r: Regle, ref: Referentiel) {
  return {
    id: r.id,
    nom: r.nom,
    operateur: r.operateur,
    fiche: r.fiche ?? null,
    theme: r.theme,
    source: r.source,
    offre: r.offre,
    contact: r.contact ?? null,
    beneficiaires: r.beneficiaires ?? null,
    fichier: ref.origines.get(r.id) ?? null,
    s_applique_a: r.s_applique_a,
    libelles: r.libelles ?? null,
    regime_defaut: r.regime_defaut,
    aide_etat: r.aide_etat,
    valable_jusqu_au: r.valable_jusqu_au ?? null,
    valable_a_partir_du: r.valable_a_partir_du ?? null,
    champs: r.champs,
    calcul: { type: r.calcul.type, ...sorteDe(r.calcul).precisions?.(r.calcul).json },
    figures: figuresDeRegle(r),
    conditions: conditionsDeRegle(r),
  };
}

export async function regles(id: string | undefined, o: OptionsRegles): Promise<number> {
  const format = verifierFormat(o.format, "regles");
  if (o.theme !== undefined && !(THEMES as readonly string[]).includes(o.theme)) {
    throw new ErreurUsage(
      `--theme « ${o.theme} » inconnu${vouliezVousDire(o.theme, THEMES)} ; thèmes du guide : ${THEMES.join(", ")}`,
    );
  }
  if (o.beneficiaire !== undefined && o.beneficiaire.trim() === "")
    throw new ErreurUsage(
      "--beneficiaire attend un mot du texte des bénéficiaires (ex. collectivité, PME, association)",
    );
  const ref = reglesDe(o);
  if (o.aVerifier) {
    if (id !== undefined)
      throw new ErreurUsage(
        "--a-verifier liste les chiffres de toutes les règles : retirez l'identifiant, ou sans --a-verifier pour le détail d'une règle",
      );
    const date = verifierDate(o.date) ?? aujourdhui();
    const figures = figuresAVerifier(ref, date);
    sortir(
      { date, a_verifier: figures, total: figures.length },
      format,
      () => rendreAVerifier(sansControles(figures), date),
      o.sortie,
    );
    return CODE_OK;
  }
  const catalogue = chargerCatalogue();

  if (id === undefined) {
    const filtres: FiltresRegles = { theme: o.theme, beneficiaire: o.beneficiaire, calcule: o.calcule };
    const l = listerRegles(catalogue, ref, filtres);
    const donnees = {
      source: catalogue.source,
      filtres: { theme: o.theme ?? null, beneficiaire: o.beneficiaire ?? null, calcule: o.calcule ?? false },
      fiches: l.fiches,
      regionales: l.regionales.map((r) => regleJson(r.regle, ref)),
    };
    sortir(donnees, format, () => rendreListe(sansControles(l)), o.sortie);
    return CODE_OK;
  }

  const regle = ref.dispositifs.get(id);
  if (regle) {
    const fichier = ref.origines.get(id) ?? "";
    sortir(
      { regle: regleJson(regle, ref) },
      format,
      () =>
        rendreRegle(
          sansControles(regle),
          echapperControles(fichier),
          sansControles(figuresDeRegle(regle)),
          sansControles(conditionsDeRegle(regle)),
        ),
      o.sortie,
    );
    return CODE_OK;
  }
  // A fiche of the guide by its number: "ti-aides regles 8".
  const numero = /^\d+$/.test(id) ? Number(id) : undefined;
  const x = listerRegles(catalogue, ref).fiches.find((f) => f.fiche === numero);
  if (x) {
    sortir({ fiche: x }, format, () => rendreFicheCatalogue(sansControles(x)).join("\n"), o.sortie);
    return CODE_OK;
  }
  throw new ErreurUsage(
    numero !== undefined
      ? `pas de fiche ${id} dans le guide : les fiches vont de 1 à ${catalogue.fiches.length}`
      : `règle « ${id} » inconnue${vouliezVousDire(id, [...ref.dispositifs.keys()])}${proches(id, ref)} ; la liste : ti-aides regles`,
  );
}

/** "ademe" → the ids that contain it, when a user types part of one. */
function proches(id: string, ref: Referentiel): string {
  const ids = [...ref.dispositifs.keys()].filter((x) => x.includes(id.toLowerCase()));
  return ids.length ? ` ; règles dont l'identifiant contient « ${id} » : ${ids.join(", ")}` : "";
}

interface FichierVerifie {
  fichier: string;
  id: string;
  nom: string;
  remplace: string | null;
}

/** Validates a Region's rule folders: schema, ids, fields a fiche can give. Exit 0 when fine, 2 when broken. */
export async function verifierRegles(dossiers: string[], o: OptionsGlobales): Promise<number> {
  const format = verifierFormat(o.format, "regles verifier");
  const problemes: ProblemeSaisie[] = [];
  const fichiers: string[] = [];
  for (const d of dossiers) {
    if (!existsSync(d)) {
      problemes.push({
        fichier: d,
        message: "dossier de règles introuvable : indiquez un dossier de fichiers YAML (.yaml, .yml)",
      });
      continue;
    }
    if (!statSync(d).isDirectory()) {
      problemes.push({
        fichier: d,
        message: "c'est un fichier : indiquez le dossier qui contient les fichiers de règles",
      });
      continue;
    }
    const trouves = fichiersYaml(d);
    if (trouves.length === 0)
      problemes.push({ fichier: d, message: "aucun fichier de règle (.yaml, .yml) dans ce dossier" });
    fichiers.push(...trouves);
  }
  const integrees = chargerRegles();
  let ref: Referentiel | undefined;
  if (problemes.length === 0) {
    // The very loader of evaluation (referentiel.ts): what it refuses, this refuses, and no more.
    try {
      ref = chargerRegles(dossiers);
    } catch (e) {
      if (!(e instanceof ErreurSaisie)) throw e;
      problemes.push(...e.problemes);
    }
  }
  const verifies: FichierVerifie[] = [];
  if (ref) {
    for (const [id, fichier] of ref.origines) {
      if (!fichiers.includes(fichier)) continue;
      verifies.push({
        fichier,
        id,
        nom: ref.dispositifs.get(id)!.nom,
        remplace: integrees.dispositifs.has(id) ? integrees.origines.get(id)! : null,
      });
    }
  }
  const valide = problemes.length === 0;
  if (format === "json") {
    ecrireSortie(
      ECRIVAINS_DOCUMENT.json({
        outil: "ti-aides",
        version: VERSION,
        valide,
        regles: verifies,
        avertissements: ref?.avertissements ?? [],
        problemes,
      }),
      o.sortie,
    );
  } else {
    const lignes: string[] = [];
    for (const v of verifies) {
      lignes.push(
        `${c().green("✔")} ${echapperControles(v.fichier)} : règle « ${echapperControles(v.id)} » (${echapperControles(v.nom)})${v.remplace ? c().yellow(` — remplace la règle intégrée ${v.remplace}`) : ""}`,
      );
    }
    lignes.push(
      valide
        ? c().green(
            `Règles valides : ${verifies.length} fichier(s) vérifié(s) (schéma, identifiants, champs lus dans les fiches).`,
          )
        : c().red(
            `Règles refusées : ${problemes.length} problème(s), détaillés sur la sortie d'erreur (fichier, ligne, champ).`,
          ),
    );
    ecrireSortie(ajuster(lignes.join("\n"), largeurSortie()) + "\n", o.sortie);
  }
  for (const p of problemes) process.stderr.write(`Erreur : ${formaterProbleme(p)}\n`);
  return valide ? CODE_OK : CODE_SAISIE;
}
