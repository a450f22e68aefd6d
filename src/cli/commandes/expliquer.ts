// `ti-aides expliquer FICHIER --dispositif ID [--depense ID]`: how each figure of one dispositif
// was reached on a fiche, step by step, with its source; `--format json` gives the trace.
import { evaluerFiche, dispositifsParDefaut } from "../../core/evaluer.js";
import { expliquer, explicationJson, type Explication } from "../../core/explication.js";
import { formaterProbleme } from "../../core/erreurs.js";
import { evaluerSource } from "../../core/fiche-lue.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import type { Regle } from "../../core/schemas/regle.js";
import { VERSION } from "../../core/document-json.js";
import { vouliezVousDire } from "../../core/suggestion.js";
import { sansControles } from "../../core/texte-affichable.js";
import { ErreurUsage, CODE_OK, CODE_SAISIE } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { ECRIVAINS_DOCUMENT, type FormatDocument } from "../ecrivains.js";
import { fichesDuDocument } from "../../core/fiches-du-document.js";
import { lireFichier } from "../entrees.js";
import { reglesDe, verifierDate, verifierFormat, type OptionsGlobales } from "../options.js";
import { rendreExplication } from "../rendu/explication.js";

export interface OptionsExpliquer extends OptionsGlobales {
  dispositif: string;
  depense?: string;
}

export function regleDemandee(ref: Referentiel, id: string): Regle {
  const regle = ref.dispositifs.get(id);
  if (!regle)
    throw new ErreurUsage(
      `--dispositif « ${id} » inconnu${vouliezVousDire(id, [...ref.dispositifs.keys()])} ; la liste : ti-aides regles`,
    );
  return regle;
}

/**
 * The fiche with the dispositif added to expenses that do not ask for it, so that the explanation
 * says why it does or does not apply. Without --depense: the expenses of a nature it finances (all
 * of them if none is).
 */
function avecDispositif(
  fiche: Fiche,
  regle: Regle,
  ref: Referentiel,
  depense: string | undefined,
): { fiche: Fiche; ajoute: string[] } {
  const natures = regle.s_applique_a.natures;
  const cibles =
    depense !== undefined
      ? fiche.depenses.filter((d) => d.id === depense)
      : fiche.depenses.some((d) => !natures || natures.includes(d.nature))
        ? fiche.depenses.filter((d) => !natures || natures.includes(d.nature))
        : fiche.depenses;
  const ajoute: string[] = [];
  const depenses = fiche.depenses.map((d) => {
    if (!cibles.includes(d)) return d;
    const liste = d.dispositifs ?? dispositifsParDefaut(d, ref).map((r) => r.id);
    if (liste.includes(regle.id)) return d;
    ajoute.push(d.id);
    return { ...d, dispositifs: [...liste, regle.id] };
  });
  return { fiche: { ...fiche, depenses }, ajoute };
}

export async function expliquerCommande(fichier: string, o: OptionsExpliquer): Promise<number> {
  const format = verifierFormat(o.format, "expliquer");
  verifierDate(o.date);
  const ref = reglesDe(o);
  const regle = regleDemandee(ref, o.dispositif);
  const sources = fichesDuDocument(lireFichier(fichier));
  const seule = sources.length === 1;

  const explications: { x: Explication; fiche: Fiche }[] = [];
  let erreurs = false;
  for (const source of sources) {
    const ev = evaluerSource(source, ref, { date: o.date, etapes: true });
    if (ev.erreur || !ev.fiche) {
      erreurs = true;
      for (const p of ev.erreur?.problemes ?? []) process.stderr.write(`Erreur : ${formaterProbleme(p)}\n`);
      continue;
    }
    let fiche = ev.fiche;
    if (o.depense !== undefined && !fiche.depenses.some((d) => d.id === o.depense)) {
      if (!seule) continue;
      const ids = fiche.depenses.map((d) => d.id);
      throw new ErreurUsage(
        `--depense « ${o.depense} » : pas de dépense de ce nom dans la fiche ${fiche.id}${vouliezVousDire(o.depense, ids)} ; dépenses : ${ids.join(", ")}`,
      );
    }
    let evaluation = ev.evaluation;
    let ajoute: string[] = [];
    const present = evaluation.resultats.some(
      (r) => r.dispositif === regle.id && (o.depense === undefined || r.depense === o.depense),
    );
    if (!present) {
      if (!seule) continue;
      ({ fiche, ajoute } = avecDispositif(fiche, regle, ref, o.depense));
      evaluation = evaluerFiche(fiche, ref, { date: o.date, etapes: true });
    }
    explications.push({
      x: expliquer(evaluation, regle, {
        depense: o.depense,
        fichierRegle: ref.origines.get(regle.id),
        ajouteAuxDepenses: ajoute,
      }),
      fiche,
    });
  }
  if (explications.length === 0 && !erreurs) {
    throw new ErreurUsage(
      `aucune fiche de ${fichier} n'évalue le dispositif « ${regle.id} »${o.depense ? ` sur la dépense « ${o.depense} »` : ""} : nommez-le dans le champ « dispositifs » d'une dépense, ou expliquez une fiche seule`,
    );
  }

  if (explications.length) {
    if (format === "table") {
      ecrireSortie(
        explications
          .map(sansControles)
          .map(({ x, fiche }) => rendreExplication(x, fiche))
          .join("\n\n") + "\n",
        o.sortie,
      );
    } else {
      const doc = {
        outil: "ti-aides",
        version: VERSION,
        explications: explications.map(({ x }) => explicationJson(x)),
      };
      ecrireSortie(ECRIVAINS_DOCUMENT[format as FormatDocument](doc), o.sortie);
    }
  }
  return erreurs ? CODE_SAISIE : CODE_OK;
}
