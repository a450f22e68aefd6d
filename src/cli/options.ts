// The global options (docs/interface.md): --format, --sortie/-o, --date, --regles, --no-color, --quiet.
import type { Referentiel } from "../core/regles/referentiel.js";
import { reglesAvecCache } from "./cache-regles.js";
import { ErreurUsage } from "./codes.js";
import { lireDate } from "./csv/cellules.js";
import type { OptionsFinancement } from "./lignes-financement.js";
import { FORMATS_SORTIE, nomsDesFormats, type CommandeAFormats } from "./formats.js";
import { vouliezVousDire } from "../core/suggestion.js";
import { echapperControles } from "../core/texte-affichable.js";

export interface OptionsGlobales {
  format?: string;
  sortie?: string;
  date?: string;
  regles?: string[];
  color?: boolean;
  quiet?: boolean;
}

/** `simuler`'s options, here because both simuler.ts and the guided mode (interactif.ts) read them. */
export interface OptionsSimuler extends OptionsGlobales, OptionsFinancement {
  strict?: boolean;
  dispositif?: string;
  taille?: string;
  effectif?: string;
  chiffreAffaires?: string;
  totalBilan?: string;
  natureBeneficiaire?: string;
  secteur?: string;
  zone?: string;
  afr?: boolean;
  nature?: string;
  categorie?: string;
  montant?: string;
  coutReference?: string;
  forme?: string;
  dateDebut?: string;
  expliquer?: boolean;
}

/** The format asked with --format, checked against the command's line in formats.ts; its default without it. */
export function verifierFormat(format: string | undefined, commande: CommandeAFormats): string {
  const permis = nomsDesFormats(commande);
  const f = format ?? permis[0];
  if (!permis.includes(f)) {
    // A format of another command (yaml for lot) is no typo: no « vouliez-vous dire » then.
    const ailleurs = Object.values(FORMATS_SORTIE).some((fs) => fs.some((x) => x.nom === f));
    throw new ErreurUsage(
      ailleurs
        ? `le format « ${f} » n'est pas écrit par cette commande ; formats permis : ${permis.join(", ")}`
        : `format « ${f} » inconnu pour cette commande${vouliezVousDire(f, permis)} ; formats permis : ${permis.join(", ")}`,
    );
  }
  return f;
}

/** A date option in either form a French user writes (as in a CSV): AAAA-MM-JJ or JJ/MM/AAAA → AAAA-MM-JJ. */
export function lireDateOption(texte: string, option = "--date"): string {
  const lu = lireDate(texte);
  if (!lu.ok)
    throw new ErreurUsage(
      `${option} « ${texte} » : date invalide${/n'existe pas/.test(lu.message) ? ", ce jour n'existe pas dans le calendrier" : ""} ; écrivez AAAA-MM-JJ ou JJ/MM/AAAA (ex. 2019-06-01 ou 01/06/2019)`,
    );
  return lu.valeur as string;
}

/** --date, already read in either form by main.ts before the command runs; checked again here. */
export function verifierDate(date: string | undefined): string | undefined {
  return date === undefined ? undefined : lireDateOption(date);
}

/** The rules, with the regional folders of --regles and TI_AIDES_REGLES (separated by ":"). */
export function reglesDe(o: OptionsGlobales): Referentiel {
  const dossiers = [...(process.env.TI_AIDES_REGLES?.split(":").filter(Boolean) ?? []), ...(o.regles ?? [])];
  const ref = reglesAvecCache(dossiers);
  if (!o.quiet)
    for (const a of ref.avertissements) process.stderr.write(`Avertissement : ${echapperControles(a)}\n`);
  return ref;
}
