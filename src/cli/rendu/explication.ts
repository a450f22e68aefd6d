// The readable French form of an explanation: each step numbered with its figure and its source,
// the result it leads to, then the controls that concern the dispositif.
import { dateFr } from "../../core/dates.js";
import { expliquer, margesDuDispositif, type Explication } from "../../core/explication.js";
import { rendreMarges } from "./marges.js";
import { D } from "../../core/argent.js";
import { euros, pourcent } from "../../core/format.js";
import type { Controle, EvaluationFiche, Motif, Resultat } from "../../core/modele.js";
import type { Referentiel } from "../../core/regles/referentiel.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import { c } from "./couleurs.js";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import { detailsAffiches } from "./details.js";
import { ajuster, largeurSortie } from "./largeur.js";
import { sourceLisible } from "./sources.js";
import { crochetSource, marqueControle } from "./tableau.js";

function montant(x: Resultat["plafond"]): string {
  return x === null ? "—" : euros(x);
}

function ligneSource(source: string | null | undefined, retrait: string): string[] {
  return source ? [c().dim(`${retrait}source : ${sourceLisible(source)}`)] : [];
}

function ligneMotif(m: Motif): string {
  const s =
    m.niveau === "erreur" ? c().red("✖") : m.niveau === "avertissement" ? c().yellow("⚠") : c().blue("ℹ");
  return `     ${s} ${m.message}${crochetSource(m.source)}`;
}

function rendreResultat(r: Resultat, fiche: Fiche | undefined, ajoute: boolean): string[] {
  const libelle = fiche?.depenses.find((d) => d.id === r.depense)?.libelle;
  const lignes = [
    c().bold(
      `Dépense « ${r.depense} »${libelle ? ` (${libelle})` : ""} : ${r.eligible ? c().green("éligible") : c().red("non éligible")}`,
    ),
  ];
  if (ajoute)
    lignes.push(
      c().yellow(
        "   La fiche ne demande pas ce dispositif sur cette dépense : il est évalué ici comme si elle le nommait (champ « dispositifs »).",
      ),
    );
  r.etapes.forEach((e, i) => {
    lignes.push(
      `  ${String(i + 1).padStart(2)}. ${e.libelle}${e.valeur !== undefined ? ` : ${c().bold(e.valeur)}` : ""}`,
    );
    lignes.push(...ligneSource(e.source, "      "));
  });
  const chiffres = [
    r.fiscal
      ? `déduction supplémentaire ${c().bold(montant(r.plafond))}`
      : `aide maximale ${c().bold(montant(r.plafond))}`,
    r.fiscal && r.details.economie_impot != null
      ? `économie d'impôt estimée ${euros(new D(String(r.details.economie_impot)))} (IS ${pourcent(new D(String(r.details.taux_is)))})`
      : undefined,
    r.assiette !== null ? `assiette ${euros(r.assiette)}` : undefined,
    r.taux !== null ? `taux ${pourcent(r.taux)}` : undefined,
  ].filter(Boolean);
  lignes.push(
    `  → Résultat : ${!r.eligible && r.plafond === null ? c().red("non éligible, aucune aide (voir les motifs)") : chiffres.join(", ")}`,
  );
  const details = r.fiscal ? [] : detailsAffiches(r);
  if (details.length) lignes.push(`  → Détails : ${details.join(" ; ")}`);
  if (r.demande !== null) {
    lignes.push(
      `  → Demandé au titre du dispositif : ${euros(r.demande)}${r.depassement && !r.depassement.isZero() ? c().red(`, dépassement de ${euros(r.depassement)} : réduisez la demande d'autant`) : ", dans le plafond"}`,
    );
  }
  if (r.motifs.length) lignes.push("  Motifs :", ...r.motifs.map(ligneMotif));
  return lignes;
}

function rendreControle(k: Controle): string[] {
  const marque = marqueControle(k);
  const chiffres =
    k.valeur !== null
      ? ` : ${euros(k.valeur)}${k.limite !== null ? ` pour une limite de ${euros(k.limite)}` : ""}`
      : "";
  return [
    `  ${marque} ${NOMS_CONTROLES[k.controle]} (${k.portee})${chiffres}`,
    `     ${k.message}`,
    ...ligneSource(k.source, "     "),
  ];
}

/** One explanation; `entete: false` when it follows the fiche's own report (simuler --expliquer). */
export function rendreExplication(
  x: Explication,
  fiche?: Fiche,
  o: { entete?: boolean; largeur?: number } = {},
): string {
  const lignes: string[] = [];
  const r = x.regle;
  if (o.entete !== false) {
    lignes.push(
      c().bold.underline(`Fiche ${x.fiche}${fiche?.titre ? ` — ${fiche.titre}` : ""}`) +
        c().dim(` (évaluée au ${dateFr(x.date_evaluation)})`),
    );
  }
  lignes.push(c().bold(`Explication — ${r.id} : ${r.nom}`) + ` (${r.operateur})`);
  lignes.push(
    c().dim(`Règle : ${sourceLisible(r.source)}${x.fichier_regle ? ` — fichier ${x.fichier_regle}` : ""}`),
  );
  if (x.resultats.length === 0)
    lignes.push(c().yellow("Ce dispositif n'est évalué sur aucune dépense de la fiche."));
  for (const res of x.resultats)
    lignes.push("", ...rendreResultat(res, fiche, x.ajoute_aux_depenses.includes(res.depense)));
  if (x.controles.length)
    lignes.push("", c().bold(`Contrôles qui concernent ${r.id}`), ...x.controles.flatMap(rendreControle));
  const marges = margesDuDispositif(x);
  if (marges.length) lignes.push("", ...rendreMarges(marges));
  if (o.entete !== false && x.controles_fiche.length) {
    lignes.push(
      "",
      c().bold("Contrôles de l'ensemble du plan de financement (toutes aides)"),
      ...x.controles_fiche.flatMap(rendreControle),
    );
  }
  if (o.entete !== false && x.evaluation.controles.length) {
    const v = x.evaluation.conforme;
    lignes.push(
      "",
      `Verdict de la fiche (tous contrôles) : ${v === false ? c().red("✖ non conforme") : v === true ? c().green("✔ conforme") : c().yellow("? non évaluable")}`,
    );
  }
  return ajuster(lignes.join("\n"), o.largeur ?? largeurSortie());
}

/** `simuler --expliquer`: the explanation of every dispositif evaluated on a fiche, after its report. */
export function rendreExplicationsDeFiche(e: EvaluationFiche, ref: Referentiel, fiche?: Fiche): string {
  const ids = [...new Set(e.resultats.map((r) => r.dispositif))];
  return ids
    .map((id) =>
      rendreExplication(
        expliquer(e, ref.dispositifs.get(id)!, { fichierRegle: ref.origines.get(id) }),
        fiche,
        { entete: false },
      ),
    )
    .join("\n\n");
}
