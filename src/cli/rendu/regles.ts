// The readable French forms of `ti-aides regles`: the guide's fiches by theme, one rule's figures
// with their dates and sources, the report of `regles verifier`.
import { dateFr } from "../../core/dates.js";
import type { ConditionDecrite, FigureDatee } from "../../core/regles/description.js";
import { sorteDe, sorteNommee } from "../../core/calculs/index.js";
import type { DispositifListe, FicheListee, ListeRegles } from "../../core/regles/liste.js";
import type { FigureAVerifier } from "../../core/regles/a-verifier.js";
import type { Regle } from "../../core/schemas/regle.js";
import { c } from "./couleurs.js";
import { sourceLisible } from "./sources.js";

export const THEMES_FR: Record<string, string> = {
  attirer: "Attirer",
  recruter: "Recruter",
  innover: "Innover",
  simplifier: "Simplifier",
};

/** A rule shipped with ti-aides is read from rules/dispositifs/; any other file is a Region's. */
export function estIntegree(fichier: string): boolean {
  return fichier.startsWith("rules/dispositifs/");
}

function ligneDispositif(d: DispositifListe): string {
  const regional = estIntegree(d.fichier) ? "" : c().yellow(` (règle régionale : ${d.fichier})`);
  const sorte = sorteNommee(d.calcul).sansMontant
    ? "conditions d'éligibilité, sans montant chiffré"
    : "chiffré";
  return `      • ${c().bold(d.id)} — ${d.nom} [${sorte}]${regional}`;
}

export function rendreFicheCatalogue(x: FicheListee): string[] {
  const lignes = [
    `  ${c().bold(`Fiche ${x.fiche}`)} — ${x.titre} ${c().dim(`[${x.source}]`)}`,
    `    Opérateur : ${x.operateur}`,
    `    Offre : ${x.offre}`,
    `    Bénéficiaires : ${x.beneficiaires}`,
    `    Contact : ${x.contact}`,
  ];
  if (x.calcule)
    lignes.push(
      `    ${c().green("Évalué par ti-aides")} (détail : ti-aides regles ID) :`,
      ...x.regles.map(ligneDispositif),
    );
  else
    lignes.push(
      `    ${c().blue("Pour information")} : ti-aides ne chiffre pas cette fiche ; adressez-vous au contact ci-dessus.`,
    );
  return lignes;
}

export function rendreListe(l: ListeRegles): string {
  const lignes: string[] = [];
  for (const theme of Object.keys(THEMES_FR)) {
    const fiches = l.fiches.filter((x) => x.theme === theme);
    if (fiches.length === 0) continue;
    if (lignes.length) lignes.push("");
    lignes.push(c().bold.underline(THEMES_FR[theme]));
    for (const x of fiches) lignes.push(...rendreFicheCatalogue(x), "");
    lignes.pop();
  }
  if (l.regionales.length) {
    if (lignes.length) lignes.push("");
    lignes.push(c().bold.underline("Règles ajoutées (--regles, TI_AIDES_REGLES)"));
    for (const r of l.regionales) {
      lignes.push(
        `  ${c().bold(r.id)} — ${r.nom} ${c().dim(`[${sourceLisible(r.regle.source)}]`)}`,
        `    Fichier : ${r.fichier} ; thème : ${THEMES_FR[r.regle.theme]}`,
        `    Opérateur : ${r.regle.operateur}`,
        `    Offre : ${r.regle.offre}`,
        ...(r.regle.beneficiaires ? [`    Bénéficiaires : ${r.regle.beneficiaires}`] : []),
        ...(r.regle.contact ? [`    Contact : ${r.regle.contact}`] : []),
      );
    }
  }
  const calculees = l.fiches.filter((x) => x.calcule).length;
  if (lignes.length === 0)
    return c().yellow(
      "Aucune fiche ne correspond à ces filtres : essayez sans --beneficiaire, ou avec un autre --theme.",
    );
  lignes.push(
    "",
    `${l.fiches.length} fiche(s) du guide : ${calculees} calculée(s) par ti-aides, ${l.fiches.length - calculees} pour information` +
      (l.regionales.length ? ` ; ${l.regionales.length} règle(s) ajoutée(s)` : "") +
      ". Le détail d'une règle (chiffres, dates, sources) : ti-aides regles ID.",
  );
  return lignes.join("\n");
}

function periode(depuis: string | null, jusquAu: string | null): string {
  if (depuis && jusquAu) return `du ${dateFr(depuis)} au ${dateFr(jusquAu)}`;
  if (depuis) return `depuis le ${dateFr(depuis)}`;
  if (jusquAu) return `jusqu'au ${dateFr(jusquAu)}`;
  return "toujours";
}

export function rendreRegle(
  r: Regle,
  fichier: string,
  figures: FigureDatee[],
  conditions: ConditionDecrite[],
): string {
  const a = r.s_applique_a;
  const sorte = sorteDe(r.calcul);
  const lignes = [
    c().bold.underline(`${r.id} — ${r.nom}`),
    `Opérateur : ${r.operateur}${r.fiche ? ` ; fiche ${r.fiche} du guide` : ""} ; thème : ${THEMES_FR[r.theme]}`,
    `Source : ${sourceLisible(r.source)}`,
    `Fichier : ${fichier}${estIntegree(fichier) ? "" : c().yellow(" (règle régionale)")}`,
    `Offre : ${r.offre}`,
    ...(r.beneficiaires ? [`Bénéficiaires : ${r.beneficiaires}`] : []),
    ...(r.contact ? [`Contact : ${r.contact}`] : []),
    `S'applique aux dépenses : ${a.natures ? `de nature ${a.natures.join(", ")}` : "de toute nature"}${a.categories ? ` ; catégories ${a.categories.join(", ")}` : ""}${a.si_champ ? ` ; ou portant le champ ${a.si_champ}` : ""}`,
    `Régime par défaut : ${r.regime_defaut} ; aide d'État : ${r.aide_etat ? "oui (comptée au cumul et au de minimis selon le régime)" : "non"}`,
    `Calcul : ${r.calcul.type} — ${sorte.description}${sorte.precisions?.(r.calcul).texte ?? ""}`,
    ...(r.champs.length ? [`Champs utiles de la fiche : ${r.champs.join(", ")}`] : []),
    // What a fiche or a CSV cell may write for each category besides its id (casse, accents ignored).
    ...Object.entries(r.libelles ?? {}).map(
      ([id, l]) =>
        `  catégorie ${id} écrite aussi : « ${l.textes.join(" », « ")} »` +
        c().dim(` [${sourceLisible(l.source)}]`),
    ),
    ...(r.valable_a_partir_du
      ? [
          c().yellow(`Valable à partir du ${dateFr(r.valable_a_partir_du.date)}`) +
            c().dim(` [${sourceLisible(r.valable_a_partir_du.source)}]`),
        ]
      : []),
    ...(r.valable_jusqu_au
      ? [
          c().yellow(`Valable jusqu'au ${dateFr(r.valable_jusqu_au.date)} (non éligible après)`) +
            c().dim(` [${sourceLisible(r.valable_jusqu_au.source)}]`),
        ]
      : []),
  ];
  lignes.push("", c().bold("Chiffres (valeurs datées)"));
  if (figures.length === 0)
    lignes.push("  Aucun chiffre : le guide ne chiffre pas cette aide, ti-aides en vérifie l'éligibilité.");
  for (const f of figures) {
    lignes.push(`  • ${f.libelle} : ${c().bold(f.valeur)}`);
    lignes.push(
      c().dim(
        `      ${periode(f.depuis, f.jusqu_au)} — ${sourceLisible(f.source)} (${f.chemin})${f.verifie_le ? ` — vérifié le ${dateFr(f.verifie_le)}` : ""}`,
      ),
    );
    if (f.a_confirmer)
      lignes.push(c().yellow(`      valeur à confirmer au texte${f.note ? ` : ${f.note}` : ""}`));
    else if (f.note) lignes.push(c().dim(`      ${f.note}`));
  }
  if (conditions.length) {
    lignes.push("", c().bold("Conditions"));
    for (const k of conditions) {
      lignes.push(
        `  • ${k.niveau === "erreur" ? "condition" : "recommandation"} ${c().bold(k.code)} : ${k.test}${k.si ? ` (si ${k.si})` : ""}`,
      );
      lignes.push(
        `      sinon : ${k.message.replaceAll("{valeur}", "…").replaceAll("{champ}", k.test.split(" ")[0])}`,
      );
      lignes.push(
        c().dim(
          `      ${periode(k.depuis, k.jusqu_au)} — ${sourceLisible(k.source)}${k.verifie_le ? ` — vérifié le ${dateFr(k.verifie_le)}` : ""}`,
        ),
      );
    }
  }
  return lignes.join("\n");
}

/** `regles --a-verifier`: the figures to check, by dispositif or parameter file, with whom to ask. */
export function rendreAVerifier(figures: FigureAVerifier[], date: string): string {
  if (figures.length === 0)
    return c().green(
      `Aucun chiffre à vérifier au ${dateFr(date)} : chacun a été vérifié il y a moins d'un an.`,
    );
  const lignes = [
    c().bold.underline(`Chiffres à vérifier au ${dateFr(date)} (vérifiés il y a plus d'un an)`),
  ];
  const origines = [...new Set(figures.map((f) => f.origine))];
  for (const o of origines) {
    const siennes = figures.filter((f) => f.origine === o);
    const aupres = siennes[0].aupres_de
      ? `auprès de l'opérateur (${siennes[0].aupres_de})`
      : "au texte en vigueur";
    lignes.push("", `${c().bold(o)} — à confirmer ${aupres}`);
    for (const f of siennes) {
      lignes.push(`  • ${f.libelle} : ${c().bold(f.valeur)}`);
      lignes.push(
        c().dim(
          `      vérifié le ${f.verifie_le ? dateFr(f.verifie_le) : `— (jamais ; en vigueur depuis le ${f.depuis ? dateFr(f.depuis) : "?"})`} — ${sourceLisible(f.source)} (${f.chemin})`,
        ),
      );
    }
  }
  lignes.push(
    "",
    `${figures.length} chiffre(s) à vérifier. Ils restent appliqués, avec l'avertissement « a_verifier » ; une fois confirmés, ajoutez une valeur datée avec sa source et « verifie_le » (voir README, « Des chiffres de 2019 »).`,
  );
  return lignes.join("\n");
}
