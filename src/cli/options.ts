// The global options (docs/interface.md): --format, --sortie/-o, --date, --regles, --no-color, --quiet.
import { estDateValide } from "../core/dates.js";
import type { Referentiel } from "../core/regles/referentiel.js";
import { reglesAvecCache } from "./cache-regles.js";
import { ErreurUsage } from "./codes.js";
import { nomsDesFormats, type CommandeAFormats } from "./formats.js";
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
export interface OptionsSimuler extends OptionsGlobales {
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
  expliquer?: boolean;
}

/** The format asked with --format, checked against the command's line in formats.ts; its default without it. */
export function verifierFormat(format: string | undefined, commande: CommandeAFormats): string {
  const permis = nomsDesFormats(commande);
  const f = format ?? permis[0];
  if (!permis.includes(f))
    throw new ErreurUsage(
      `format « ${f} » inconnu pour cette commande${vouliezVousDire(f, permis)} ; formats permis : ${permis.join(", ")}`,
    );
  return f;
}

export function verifierDate(date: string | undefined): string | undefined {
  if (date !== undefined && !estDateValide(date))
    throw new ErreurUsage(`--date « ${date} » : date invalide, format attendu AAAA-MM-JJ (ex. 2019-06-01)`);
  return date;
}

/** The rules, with the regional folders of --regles and TI_AIDES_REGLES (separated by ":"). */
export function reglesDe(o: OptionsGlobales): Referentiel {
  const dossiers = [...(process.env.TI_AIDES_REGLES?.split(":").filter(Boolean) ?? []), ...(o.regles ?? [])];
  const ref = reglesAvecCache(dossiers);
  if (!o.quiet)
    for (const a of ref.avertissements) process.stderr.write(`Avertissement : ${echapperControles(a)}\n`);
  return ref;
}
