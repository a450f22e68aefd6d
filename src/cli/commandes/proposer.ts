// `ti-aides proposer FICHE [--financeurs ID,…] [-o FICHE_PROPOSEE.yaml]`: the financing plan that
// brings the most public aid the rules allow (src/core/proposition/), written as a fiche that
// `simuler` and `verifier` read; the table of what each financer brings and what binds it goes to
// the terminal (standard error when the fiche itself goes to standard output).
import { Document, isMap } from "yaml";
import { ErreurSaisie } from "../../core/erreurs.js";
import { lireEtValider, localiser } from "../../core/fiche-lue.js";
import { fichesDuDocument } from "../../core/fiches-du-document.js";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import { dateFr, aujourdhui } from "../../core/dates.js";
import { proposerPlan, type LigneProposee, type Proposition } from "../../core/proposition/proposer.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import { FINANCEURS_PUBLICS } from "../../core/schemas/communs.js";
import { vouliezVousDire } from "../../core/suggestion.js";
import { sansControles } from "../../core/texte-affichable.js";
import { ErreurUsage, CODE_OK } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { lireFichier } from "../entrees.js";
import { reglesDe, verifierDate, verifierFormat, type OptionsGlobales } from "../options.js";

export interface OptionsProposer extends OptionsGlobales {
  financeurs?: string;
}

/** `--financeurs etat,region` → ["etat", "region"], each a known public financer. */
function lireFinanceurs(texte: string | undefined, ref: Referentiel): string[] | undefined {
  if (texte === undefined) return undefined;
  const ids = texte
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new ErreurUsage(
      "--financeurs est vide : donnez des identifiants séparés par des virgules (ex. ademe-investissement,region)",
    );
  const connus = [...ref.dispositifs.keys(), ...FINANCEURS_PUBLICS];
  for (const id of ids)
    if (!connus.includes(id))
      throw new ErreurUsage(
        `--financeurs : financeur public inconnu « ${id} »${vouliezVousDire(id, connus)} ; un identifiant de dispositif (ti-aides regles) ou : ${FINANCEURS_PUBLICS.join(", ")} (l'autofinancement ferme le plan de lui-même)`,
      );
  const doublon = ids.find((id, i) => ids.indexOf(id) !== i);
  if (doublon) throw new ErreurUsage(`--financeurs : « ${doublon} » est nommé deux fois`);
  return ids;
}

export async function proposer(fichier: string, o: OptionsProposer): Promise<number> {
  const format = verifierFormat(o.format, "proposer");
  verifierDate(o.date);
  const ref = reglesDe(o);
  const financeurs = lireFinanceurs(o.financeurs, ref);
  const doc = lireFichier(fichier);
  const sources = fichesDuDocument(doc);
  if (sources.length !== 1 || sources[0].chemin.length > 0)
    throw new ErreurUsage(
      `${fichier} : proposer prend une fiche, pas un contrat ; proposez un plan pour chaque fiche à part`,
    );
  const source = sources[0];
  let proposition: Proposition;
  try {
    const fiche = lireEtValider(source, ref);
    proposition = proposerPlan(fiche, ref, { date: o.date, financeurs });
  } catch (e) {
    if (!(e instanceof ErreurSaisie)) throw e;
    throw localiser(e, source);
  }

  const brute = ficheBrute(source.doc.donnees as Record<string, unknown>, proposition);
  const texte =
    format === "json" ? JSON.stringify(brute, null, 2) + "\n" : yamlCommente(brute, proposition, o.date);
  ecrireSortie(texte, o.sortie);
  // The table for a person: on standard error when the fiche takes standard output.
  const { rendreProposition } = await import("../rendu/proposition.js");
  const tableau = rendreProposition(sansControles(proposition));
  if (!o.sortie || o.sortie === "-") process.stderr.write(tableau);
  else process.stdout.write(tableau);
  return CODE_OK;
}

/** The fiche as the user wrote it, its financing lines replaced by the proposed ones. */
function ficheBrute(donnees: Record<string, unknown>, p: Proposition): Record<string, unknown> {
  const lignesBrutes = (donnees.financements as Record<string, unknown>[] | undefined) ?? [];
  const financements = p.fiche.financements!.map((f, k) => {
    const origine = p.origines[k];
    const base = origine === null ? { financeur: f.financeur } : { ...lignesBrutes[origine] };
    const esb = f.equivalent_subvention;
    return {
      ...base,
      montant: Number(f.montant.toFixed(2)),
      ...(esb !== undefined && "equivalent_subvention" in base
        ? { equivalent_subvention: Number(esb.toFixed(2)) }
        : {}),
    };
  });
  return { ...donnees, financements };
}

function yamlCommente(brute: Record<string, unknown>, p: Proposition, date: string | undefined): string {
  const doc = new Document(brute);
  doc.commentBefore = ` Plan de financement proposé par ti-aides proposer (évalué au ${dateFr(date ?? p.evaluation.date_evaluation ?? aujourdhui())}) :\n le plus d'aide publique que les règles permettent, vérifié par les contrôles de ti-aides simuler.`;
  const parLigne = new Map<number, LigneProposee>();
  p.lignes.forEach((l) => {
    const k = p.fiche.financements!.findIndex(
      (f, j) => f.financeur === l.financeur && p.origines[j] === l.origine && !l.exclue,
    );
    if (k >= 0) parLigne.set(k, l);
  });
  const seq = doc.get("financements");
  if (isMap(seq) || !seq || typeof seq !== "object" || !("items" in seq)) return doc.toString();
  (seq.items as unknown[]).forEach((noeud, k) => {
    const l = parLigne.get(k);
    const commentaire =
      k === p.fiche.financements!.length - 1
        ? " ferme l'équilibre"
        : l && l.limites.length
          ? ` limité par : ${l.limites.map((x) => `${x.controle === "montant_max" ? "montant_max" : NOMS_CONTROLES[x.controle].toLowerCase()} (${x.portee})`).join(", ")}`
          : null;
    if (commentaire && noeud && typeof noeud === "object")
      (noeud as { commentBefore?: string }).commentBefore = commentaire;
  });
  return doc.toString();
}
