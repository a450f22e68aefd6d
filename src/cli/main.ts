// The `ti-aides` command line: commander, French help and messages, exit statuses.
// Each command's module is loaded only when it runs, so a quick command starts fast.
import { Command, CommanderError, Option } from "commander";
import { ErreurSaisie, formaterProbleme } from "../core/erreurs.js";
import { echapperControles } from "../core/texte-affichable.js";
import { VERSION } from "../core/version.js";
import { erreurFichier } from "../lecture-sure.js";
import { ErreurUsage, CODE_INTERNE, CODE_SAISIE } from "./codes.js";
import { aideFormats } from "./formats.js";

const TITRES: Record<string, string> = {
  "Usage:": "Utilisation :",
  "Options:": "Options :",
  "Commands:": "Commandes :",
  "Arguments:": "Arguments :",
  "Global Options:": "Options générales :",
};

function messageCommander(e: CommanderError): string {
  const m = e.message.replace(/^error: /, "");
  const option = /'([^']+)'/.exec(m)?.[1];
  switch (e.code) {
    case "commander.unknownOption":
      return `option inconnue ${option ?? ""} ; voir ti-aides --help`;
    case "commander.unknownCommand":
      return `commande inconnue ${option ?? ""} ; commandes : simuler, lot, verifier, regles, expliquer, schema, modele (ti-aides --help)`;
    case "commander.missingArgument":
      return `argument manquant « ${option ?? "?"} » : donnez-le après la commande (voir son aide : --help)`;
    case "commander.optionMissingArgument":
      return `l'option ${option ?? ""} attend une valeur`;
    case "commander.excessArguments":
      return "trop d'arguments ; voir l'aide de la commande (--help)";
    case "commander.missingMandatoryOptionValue":
      return `option obligatoire manquante ${option ?? ""}`;
    default:
      // Commander's other messages are English (none of its options or choices is used here): French only.
      return "ligne de commande invalide : vérifiez la commande et ses options (ti-aides --help)";
  }
}

export function construireProgramme(): Command {
  const programme = new Command("ti-aides");
  programme
    .description(
      "Calculateur des aides publiques des Territoires d'industrie (guide méthodologique V5) : dispositifs applicables, intensité et montant maximum, contrôles du plan de financement.",
    )
    .usage("[options] [commande]")
    .version(VERSION, "-V, --version", "affiche la version")
    .helpOption("-h, --help", "affiche l'aide")
    .helpCommand("aide [commande]", "affiche l'aide d'une commande")
    .option(
      "--format <format>",
      "format de sortie : ceux de chaque commande sont dans son aide (ex. ti-aides verifier --help)",
    )
    .option("-o, --sortie <fichier>", "écrit le résultat dans ce fichier plutôt qu'à l'écran")
    .option(
      "--date <AAAA-MM-JJ>",
      "date d'évaluation des règles datées (par défaut : date_demande de chaque fiche, sinon aujourd'hui)",
    )
    .option(
      "--regles <dossier>",
      "ajoute ou remplace des règles (dispositifs régionaux) ; répétable",
      (v: string, prec: string[] = []) => [...prec, v],
    )
    .option("--no-color", "sans couleurs (NO_COLOR est aussi respecté)")
    .option("--quiet", "n'affiche pas les avertissements sur la sortie d'erreur")
    .configureHelp({ styleTitle: (t: string) => TITRES[t] ?? t, showGlobalOptions: true })
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined })
    .hook("preAction", async (_programme, commande) => {
      // An output file that is also an input would be destroyed: refused before anything is read.
      const o = commande.optsWithGlobals() as { sortie?: string; regles?: string[] };
      if (!o.sortie || o.sortie === "-") return;
      const { refuserSortieQuiEstUneEntree } = await import("./ecriture.js");
      const lus = ["simuler", "lot", "verifier", "expliquer"].includes(commande.name()) ? commande.args : [];
      refuserSortieQuiEstUneEntree(o.sortie, [
        ...lus,
        ...(o.regles ?? []),
        ...(process.env.TI_AIDES_REGLES?.split(":").filter(Boolean) ?? []),
      ]);
    });

  programme
    .command("simuler")
    .alias("simulate")
    .description(
      "évalue une ou plusieurs fiches (YAML ou JSON, « - » pour l'entrée standard), ou une fiche en une ligne à partir des options",
    )
    .argument("[fichiers...]", "fiches à évaluer")
    .option("--strict", "code de sortie 1 si une fiche n'est pas conforme")
    .option("--dispositif <id>", "dispositif à évaluer (ti-aides regles pour la liste)")
    .option("--taille <PE|ME|GE>", "taille de l'entreprise, si elle est connue")
    .option("--effectif <n>", "effectif (unités de travail annuel)")
    .option("--chiffre-affaires <montant>", "chiffre d'affaires annuel, en euros")
    .option("--total-bilan <montant>", "total du bilan, en euros")
    .option(
      "--nature-beneficiaire <nature>",
      "entreprise, collectivite, association, etablissement_public, consortium",
    )
    .option(
      "--secteur <secteur>",
      "industrie, artisanat, commerce, restauration, agriculture, peche, transport_routier, services, autre",
    )
    .option("--zone <zone>", "metropole, corse, outre_mer")
    .option("--afr", "le site est en zone d'aide à finalité régionale")
    .option("--nature <nature>", "nature de la dépense (déduite du dispositif si possible)")
    .option("--categorie <categorie>", "catégorie de la dépense (ex. enr, diagnostic)")
    .option("--montant <montant>", "montant de la dépense, en euros HT (ex. 1200000 ou « 1 200 000 € »)")
    .option("--cout-reference <montant>", "coût d'un investissement de référence (le surcoût est l'assiette)")
    .addOption(new Option("--forme <forme>", "forme de l'aide : subvention, avance_remboursable, pret…"))
    .option(
      "--expliquer",
      "ajoute le raisonnement pas à pas de chaque chiffre, avec ses sources (comme ti-aides expliquer)",
    )
    .addHelpText("after", `\n${aideFormats("simuler")}`)
    .action(async (fichiers: string[], _o: object, cmd: Command) => {
      const { simuler } = await import("./commandes/simuler.js");
      process.exitCode = await simuler(fichiers, cmd.optsWithGlobals());
    });

  programme
    .command("lot")
    .alias("batch")
    .description(
      "évalue chaque ligne d'un tableau CSV de fiches-actions (une ligne par action, une colonne par financeur) et rend le tableau complété des résultats, en flux",
    )
    .argument("<fichier>", "tableau CSV du contrat (séparateur ; ou , ; UTF-8 ou Windows-1252)")
    .option("--strict", "code de sortie 1 si une ligne n'est pas conforme ou est en erreur")
    .option("--feuille <nom>", "feuille d'un classeur .xlsx à lire (par défaut : la première)")
    .addHelpText(
      "after",
      `\n${aideFormats("lot")}\nExemple : ti-aides lot contrat.csv -o contrat-resultats.csv`,
    )
    .action(async (fichier: string, _o: object, cmd: Command) => {
      const { lot } = await import("./commandes/lot.js");
      process.exitCode = await lot(fichier, cmd.optsWithGlobals());
    });
  programme
    .command("modele")
    .alias("template")
    .description(
      "écrit un tableau à remplir pour ti-aides lot : les en-têtes, un commentaire sur chacun, des listes déroulantes pour les choix fermés et deux lignes d'exemple",
    )
    .addHelpText("after", `\n${aideFormats("modele")}\nExemple : ti-aides modele -o contrat.xlsx`)
    .action(async (_o: object, cmd: Command) => {
      const { modele } = await import("./commandes/modele.js");
      process.exitCode = await modele(cmd.optsWithGlobals());
    });

  programme
    .command("verifier")
    .alias("check")
    .description(
      "valide tout un contrat pour la CI : fiches, dossiers de fiches (récursivement) ou fichier de contrat ; de minimis additionné par entreprise sur toutes les fiches, dates dans la période du contrat, totaux. Code 0 conforme, 1 règle enfreinte, 2 entrée illisible",
    )
    .argument(
      "[chemins...]",
      "fiches (.yaml, .yml, .json), tableaux CSV ou classeurs .xlsx de fiches (format de ti-aides lot), dossiers, fichier de contrat",
    )
    .option("--strict", "les avertissements font aussi échouer la vérification (code 1)")
    .option("--feuille <nom>", "feuille des classeurs .xlsx à lire (par défaut : la première)")
    .addHelpText(
      "after",
      `\n${aideFormats("verifier")}\nExemple : ti-aides verifier contrat/ --format junit -o rapport-junit.xml`,
    )
    .action(async (chemins: string[], _o: object, cmd: Command) => {
      const { verifier } = await import("./commandes/verifier.js");
      process.exitCode = await verifier(chemins, cmd.optsWithGlobals());
    });
  const regles = programme
    .command("regles")
    .alias("rules")
    .usage("[options] [id]")
    .description(
      "liste les 30 fiches du guide (calculées ou pour information) avec opérateur, offre et contact ; ou montre une règle : ses chiffres, leurs dates et leurs sources",
    )
    .argument("[id]", "identifiant d'une règle (ex. ademe-investissement) ou numéro de fiche du guide")
    .option("--theme <theme>", "attirer, recruter, innover ou simplifier")
    .option(
      "--beneficiaire <texte>",
      "un mot du texte des bénéficiaires (ex. collectivité, PME, association)",
    )
    .option("--calcule", "seulement les fiches que ti-aides calcule")
    .option(
      "--a-verifier",
      "liste les chiffres vérifiés il y a plus d'un an à la date (--date, par défaut aujourd'hui) : à confirmer avant de les appliquer",
    )
    .addHelpText(
      "after",
      `\n${aideFormats("regles")}\nExemples : ti-aides regles --theme recruter ; ti-aides regles ademe-investissement ; ti-aides regles --a-verifier --date 2026-12-01 ; ti-aides regles verifier regles-region/ ; ti-aides regles tester cas/ --regles regles-region/`,
    )
    .action(async (id: string | undefined, _o: object, cmd: Command) => {
      const { regles } = await import("./commandes/regles.js");
      process.exitCode = await regles(id, cmd.optsWithGlobals());
    });
  regles
    .command("verifier")
    .alias("check")
    .description(
      "valide les fichiers de règles d'une Région (schéma, identifiants, champs lus) pour sa CI : code 0 valides, 2 refusés avec fichier, ligne et champ",
    )
    .argument("<dossiers...>", "dossiers de fichiers de règles YAML")
    .addHelpText("after", `\n${aideFormats("regles verifier")}`)
    .action(async (dossiers: string[], _o: object, cmd: Command) => {
      const { verifierRegles } = await import("./commandes/regles.js");
      process.exitCode = await verifierRegles(dossiers, cmd.optsWithGlobals());
    });
  regles
    .command("tester")
    .alias("test")
    .description(
      "lance des cas de test de règles (fiches et chiffres attendus, calculés à la main, en YAML) contre les règles et les surcouches (--regles) : code 0 tous réussis, 1 un cas échoue (attendu / obtenu par champ), 2 fichier de cas invalide",
    )
    .argument("<chemins...>", "dossiers ou fichiers de cas de test YAML (format : docs/cas-de-test.md)")
    .addHelpText(
      "after",
      `\n${aideFormats("regles tester")}\nExemple : ti-aides regles tester fixtures/cas-region --regles fixtures/regles-region`,
    )
    .action(async (chemins: string[], _o: object, cmd: Command) => {
      const { testerRegles } = await import("./commandes/regles-tester.js");
      process.exitCode = await testerRegles(chemins, cmd.optsWithGlobals());
    });

  programme
    .command("expliquer")
    .alias("explain")
    .description(
      "montre comment chaque chiffre d'un dispositif est obtenu sur une fiche, pas à pas, avec sa source, puis les contrôles qui le concernent",
    )
    .argument("<fichier>", "la fiche (YAML ou JSON, « - » pour l'entrée standard)")
    .requiredOption("--dispositif <id>", "le dispositif à expliquer (ti-aides regles pour la liste)")
    .option("--depense <id>", "seulement cette dépense de la fiche")
    .addHelpText("after", `\n${aideFormats("expliquer")}`)
    .action(async (fichier: string, _o: object, cmd: Command) => {
      const { expliquerCommande } = await import("./commandes/expliquer.js");
      process.exitCode = await expliquerCommande(fichier, cmd.optsWithGlobals());
    });

  programme
    .command("schema")
    .description(
      "écrit le schéma JSON d'un format de fichier (fiche, contrat, regles) pour que l'éditeur vérifie et complète les YAML",
    )
    .argument("<format>", "fiche, contrat ou regles")
    .addHelpText(
      "after",
      `\n${aideFormats("schema")}\nExemple : ti-aides schema fiche -o schemas/fiche.schema.json, puis en tête de fiche : # yaml-language-server: $schema=../../schemas/fiche.schema.json`,
    )
    .action(async (format: string, _o: object, cmd: Command) => {
      const { schema } = await import("./commandes/schema.js");
      process.exitCode = await schema(format, cmd.optsWithGlobals());
    });

  return programme;
}

export async function main(argv: string[]): Promise<void> {
  const programme = construireProgramme();
  try {
    await programme.parseAsync(argv);
  } catch (e) {
    process.exitCode = signaler(e);
  }
}

/** Prints an error the way a user can act on it; returns the exit status. */
export function signaler(erreur: unknown): number {
  const e = erreurFichier(erreur); // a file system error (ENOENT, ELOOP, EACCES…) is said in French, with its path
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return 0;
    process.stderr.write(`Erreur : ${echapperControles(messageCommander(e))}\n`);
    return CODE_SAISIE;
  }
  if (e instanceof ErreurSaisie) {
    for (const p of e.problemes) process.stderr.write(`Erreur : ${formaterProbleme(p)}\n`);
    return CODE_SAISIE;
  }
  if (e instanceof ErreurUsage) {
    process.stderr.write(`Erreur : ${echapperControles(e.message)}\n`);
    return CODE_SAISIE;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`Erreur interne de ti-aides (à signaler, avec la commande lancée) : ${message}\n`);
  if (process.env.TI_AIDES_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
  return CODE_INTERNE;
}
