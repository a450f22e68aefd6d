// `ti-aides regles tester DOSSIER…`: runs rule test case files (docs/cas-de-test.md) against the rules
// plus the regional overlays (--regles, TI_AIDES_REGLES), so a Region checks its own dispositifs the
// way the project checks the guide's. Exit 0 all pass, 1 a case fails (with a diff), 2 invalid input.
import type { Ecart } from "../../core/cas/comparer.js";
import { ErreurSaisie } from "../../core/erreurs.js";
import { VERSION } from "../../core/document-json.js";
import { executerCas, lireFichiersCas, type BilanCas } from "../cas.js";
import { ErreurUsage, CODE_NON_CONFORME, CODE_OK } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { reglesDe, verifierFormat, type OptionsGlobales } from "../options.js";
import { c } from "../rendu/couleurs.js";
import { ajuster, largeurSortie } from "../rendu/largeur.js";

export async function testerRegles(chemins: string[], o: OptionsGlobales): Promise<number> {
  const format = verifierFormat(o.format, "regles tester");
  if (o.date !== undefined)
    throw new ErreurUsage(
      "--date ne s'applique pas ici : chaque cas porte sa date (champ « date » du cas, sinon date_demande de sa fiche)",
    );
  const fichiers = lireFichiersCas(chemins);
  const ref = reglesDe(o);
  const bilans = fichiers.map((f) => ({
    fichier: f.fichier,
    bilans: f.cas.map((cas) => executerCas(cas, ref)),
  }));
  // A case's fiche these rules cannot read (unknown dispositif without its --regles…) is an input mistake.
  const erreurs = bilans.flatMap((f) => f.bilans.flatMap((b) => b.erreurs ?? []));
  if (erreurs.length) throw new ErreurSaisie(erreurs);
  const tous = bilans.flatMap((f) => f.bilans);
  const echecs = tous.filter((b) => b.ecarts.length > 0).length;
  if (format === "json") {
    const donnees = {
      outil: "ti-aides",
      version: VERSION,
      fichiers: bilans.map((f) => ({ fichier: f.fichier, cas: f.bilans.map(casJson) })),
      total: tous.length,
      reussis: tous.length - echecs,
      echecs,
    };
    ecrireSortie(JSON.stringify(donnees, null, 2) + "\n", o.sortie);
  } else {
    ecrireSortie(rendre(bilans, tous.length, echecs), o.sortie);
  }
  return echecs > 0 ? CODE_NON_CONFORME : CODE_OK;
}

function casJson(b: BilanCas) {
  return {
    nom: b.cas.nom,
    ligne: b.cas.ligne ?? null,
    source: b.cas.source,
    reussi: b.ecarts.length === 0,
    ecarts: b.ecarts,
  };
}

function rendre(fichiers: { fichier: string; bilans: BilanCas[] }[], total: number, echecs: number): string {
  const lignes: string[] = [];
  for (const f of fichiers) {
    lignes.push(c().bold(f.fichier));
    for (const b of f.bilans) {
      if (b.ecarts.length === 0) {
        lignes.push(`  ${c().green("✓")} ${b.cas.nom}`);
        continue;
      }
      lignes.push(
        `  ${c().red("✗")} ${b.cas.nom} (${f.fichier}${b.cas.ligne ? `, ligne ${b.cas.ligne}` : ""} ; source : ${b.cas.source})`,
      );
      lignes.push(...b.ecarts.flatMap(rendreEcart));
    }
  }
  const resume = `${total} cas : ${total - echecs} réussi${total - echecs > 1 ? "s" : ""}, ${echecs} en échec`;
  lignes.push("", echecs ? c().red(resume) : c().green(resume));
  if (echecs)
    lignes.push(
      "Pour chaque cas en échec, le chiffre attendu (calculé à la main depuis sa source) diffère de celui des règles : corrigez la règle, ou le cas si sa source dit autre chose.",
    );
  return ajuster(lignes.join("\n"), largeurSortie()) + "\n";
}

function rendreEcart(e: Ecart): string[] {
  return [
    `      ${e.sujet} · ${e.champ}`,
    `        attendu : ${c().green(e.attendu)}`,
    `        obtenu  : ${c().red(e.obtenu)}`,
  ];
}
