// The financing lines of a one-line fiche (`simuler` without a file): `--financement region=150000`,
// repeatable, and what each line may say besides its amount (`--regime-financement region=de_minimis`…),
// so that every control of the financing plan can be tried from the command line.
import type { EvaluationFiche, Motif } from "../core/modele.js";
import type { Referentiel } from "../core/regles/referentiel.js";
import { FINANCEURS_PRIVES, FINANCEURS_PUBLICS } from "../core/schemas/communs.js";
import { ErreurUsage } from "./codes.js";
import { lireChoix } from "./csv/cellules.js";
import { lireDateOption } from "./options.js";

export interface OptionsFinancement {
  financement?: string[];
  regimeFinancement?: string[];
  formeFinancement?: string[];
  equivalentSubvention?: string[];
  dispositifFinancement?: string[];
  aideDeMinimisAnterieure?: string[];
}

/** Each companion option: the field of the line it fills, and an example for its help and messages. */
export const MODALITES = [
  { cle: "regimeFinancement", option: "--regime-financement", champ: "regime", exemple: "region=de_minimis" },
  {
    cle: "formeFinancement",
    option: "--forme-financement",
    champ: "forme",
    exemple: "region=avance_remboursable",
  },
  {
    cle: "equivalentSubvention",
    option: "--equivalent-subvention",
    champ: "equivalent_subvention",
    exemple: "region=20000",
  },
  {
    cle: "dispositifFinancement",
    option: "--dispositif-financement",
    champ: "dispositif",
    exemple: "region=pia-filieres",
  },
] as const;

export function utiliseFinancements(o: OptionsFinancement): boolean {
  return [o.financement, o.aideDeMinimisAnterieure, ...MODALITES.map((m) => o[m.cle])].some(
    (v) => v !== undefined && v.length > 0,
  );
}

/** "region=150000" → ["region", "150000"]; anything else says what to write. */
function paire(texte: string, option: string, exemple: string): [string, string] {
  const i = texte.indexOf("=");
  const gauche = i < 0 ? "" : texte.slice(0, i).trim();
  const droite = i < 0 ? "" : texte.slice(i + 1).trim();
  if (gauche === "" || droite === "")
    throw new ErreurUsage(
      `${option} « ${texte} » : écrivez ${option === "--aide-de-minimis-anterieure" ? "DATE=MONTANT" : "FINANCEUR=VALEUR"}, sans espace autour du « = » ou entre guillemets (ex. ${option} ${exemple})`,
    );
  return [gauche, droite];
}

export interface LignesDesOptions {
  lignes: Record<string, unknown>[];
  /** The de minimis aid already received (`--aide-de-minimis-anterieure DATE=MONTANT`). */
  anterieures: Record<string, unknown>[];
  /** Field path of a line ("financements[0].montant") → the option that gave it, for messages. */
  drapeaux: Map<string, string>;
}

/**
 * The `financements` of the one-line fiche. A financer is named by its id or in words ("Région"); an
 * unknown one is left as written, for the fiche's check to refuse it with the closest ids.
 */
export function lignesDesOptions(o: OptionsFinancement, ref: Referentiel): LignesDesOptions {
  const connus = [...ref.dispositifs.keys(), ...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES];
  const lignes: Record<string, unknown>[] = [];
  const drapeaux = new Map<string, string>();
  const indexDe = new Map<string, number>();
  for (const texte of o.financement ?? []) {
    const [nom, montant] = paire(texte, "--financement", "region=150000");
    const financeur = lireChoix(nom, connus);
    if (indexDe.has(financeur))
      throw new ErreurUsage(
        `--financement : « ${financeur} » est donné deux fois ; une ligne par financeur en ligne de commande (additionnez les montants, ou écrivez une fiche YAML pour plusieurs lignes d'un même financeur)`,
      );
    const i = lignes.length;
    indexDe.set(financeur, i);
    lignes.push({ financeur, montant });
    const option = `--financement ${financeur}=…`;
    for (const champ of ["", ".montant", ".financeur", ".depenses"])
      drapeaux.set(`financements[${i}]${champ}`, option);
  }
  for (const m of MODALITES) {
    for (const texte of o[m.cle] ?? []) {
      const [nom, valeur] = paire(texte, m.option, m.exemple);
      const financeur = lireChoix(nom, connus);
      const i = indexDe.get(financeur);
      if (i === undefined)
        throw new ErreurUsage(
          `${m.option} « ${texte} » : aucune ligne de financement « ${financeur} » ; donnez d'abord son montant (ex. --financement ${financeur}=150000 ${m.option} ${m.exemple.replace(/^[^=]+/, financeur)})`,
        );
      if (lignes[i][m.champ] !== undefined)
        throw new ErreurUsage(`${m.option} : « ${financeur} » est donné deux fois ; gardez-en un`);
      lignes[i][m.champ] = valeur;
      drapeaux.set(`financements[${i}].${m.champ}`, `${m.option} ${financeur}=…`);
    }
  }
  // Earlier de minimis aid: what makes the 3-year sum of the de minimis control tried with a history.
  const anterieures = (o.aideDeMinimisAnterieure ?? []).map((texte, i) => {
    const option = "--aide-de-minimis-anterieure";
    const [date, montant] = paire(texte, option, "2018-03-01=50000");
    drapeaux.set(`aides_de_minimis_anterieures[${i}].montant`, `${option} ${date}=…`);
    return { date: lireDateOption(date, option), montant };
  });
  return { lignes, anterieures, drapeaux };
}

/** The start of works, named as the one who typed options gives it: the option, not the YAML field. */
function debutEnOption(message: string): string {
  return message
    .replace(/« date_debut » non renseignée/g, "début des travaux non donné (--date-debut AAAA-MM-JJ)")
    .replace(/sans date_debut/g, "sans --date-debut");
}

/** "confirmez-le avec « regime: rgec »…" said to the one who typed options: the option to add. */
export function evaluationPourOptions(e: EvaluationFiche): EvaluationFiche {
  const dire = (m: Motif): Motif => {
    const r =
      m.code === "regime_a_confirmer" ? /^(Financement n°\d+ \(([^),]+)\) : [^;]+) ; /.exec(m.message) : null;
    return r
      ? {
          ...m,
          message: `${r[1]} ; confirmez-le avec --regime-financement ${r[2]}=rgec (ou de_minimis, hors_aide_etat).`,
        }
      : { ...m, message: debutEnOption(m.message) };
  };
  return {
    ...e,
    motifs: e.motifs.map(dire),
    resultats: e.resultats.map((x) => ({ ...x, motifs: x.motifs.map(dire) })),
    controles: e.controles.map((k) => ({ ...k, message: debutEnOption(k.message) })),
  };
}
