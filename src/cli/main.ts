// The `ti-aides` command line: commander, French help and messages, exit statuses.
// Each command's module is loaded only when it runs, so a quick command starts fast.
import { Command, CommanderError, Option } from "commander";
import { ErreurSaisie, formaterProbleme } from "../core/erreurs.js";
import { echapperControles } from "../core/texte-affichable.js";
import { VERSION } from "../core/version.js";
import { erreurFichier } from "../lecture-sure.js";
import { ErreurUsage, CODE_INTERNE, CODE_SAISIE } from "./codes.js";
import { plusProche } from "../core/suggestion.js";
import { aideFormats, type CommandeAFormats } from "./formats.js";

const TITRES: Record<string, string> = {
  "Usage:": "Utilisation :",
  "Options:": "Options :",
  "Commands:": "Commandes :",
  "Arguments:": "Arguments :",
  "Global Options:": "Options générales :",
};

/** Examples of each command (its full name, as in formats.ts), for its help and for its usage errors. */
const EXEMPLES: Record<CommandeAFormats, string[]> = {
  simuler: [
    "ti-aides simuler fixtures/fiches/chaufferie.yaml",
    "ti-aides simuler --dispositif ademe-investissement --taille ME --categorie enr --montant 1200000 --cout-reference 400000 --financement ademe-investissement=350000 --financement region=150000 --regime-financement region=de_minimis --financement autofinancement=700000",
  ],
  lot: [
    "ti-aides lot contrat.csv -o contrat-resultats.csv",
    "ti-aides lot contrat.xlsx -o contrat-resultats.xlsx",
    "ti-aides lot contrat.csv --format jsonl > fiches.jsonl",
  ],
  verifier: ["ti-aides verifier contrat/", "ti-aides verifier contrat/ --format junit -o rapport-junit.xml"],
  regles: [
    "ti-aides regles --theme recruter",
    "ti-aides regles ademe-investissement",
    "ti-aides regles --a-verifier --date 2026-12-01",
  ],
  "regles verifier": ["ti-aides regles verifier regles-region/"],
  "regles tester": ["ti-aides regles tester fixtures/cas-region --regles fixtures/regles-region"],
  expliquer: ["ti-aides expliquer fixtures/fiches/chaufferie.yaml --dispositif ademe-investissement"],
  schema: ["ti-aides schema fiche -o schemas/fiche.schema.json"],
  modele: ["ti-aides modele -o contrat.xlsx", "ti-aides modele --format csv -o contrat.csv"],
  proposer: [
    "ti-aides proposer fixtures/fiches/chaufferie.yaml -o chaufferie-proposee.yaml",
    "ti-aides proposer fixtures/fiches/chaufferie.yaml --financeurs region,ademe-investissement",
  ],
};

/** What a command misses when its required argument is not given, said as a sentence. */
const ARGUMENT_MANQUANT: Partial<Record<CommandeAFormats, string>> = {
  lot: "il manque le tableau des fiches-actions à évaluer (CSV ou classeur .xlsx)",
  expliquer: "il manque la fiche à expliquer (un fichier YAML ou JSON, « - » pour l'entrée standard)",
  "regles verifier": "il manque le dossier des règles à valider",
  "regles tester": "il manque le dossier ou le fichier des cas de test à lancer",
  proposer: "il manque la fiche dont proposer le plan de financement (un fichier YAML ou JSON)",
};

/** "regles verifier" for a subcommand of regles, "lot" for lot: the names of formats.ts. */
function nomComplet(c: Command): CommandeAFormats {
  return (c.parent?.parent ? `${c.parent.name()} ${c.name()}` : c.name()) as CommandeAFormats;
}

function aideExemples(nom: CommandeAFormats): string {
  return `Exemple${EXEMPLES[nom].length > 1 ? "s" : ""} :\n${EXEMPLES[nom].map((e) => `  ${e}`).join("\n")}`;
}

/** The command in which commander found the error (set by exitOverride on each command). */
const commandeDeLErreur = new WeakMap<CommanderError, Command>();

/** The long options a command takes, its own and its parents' (the global ones). */
function optionsLongues(c: Command): string[] {
  const longues: string[] = [];
  for (let x: Command | null = c; x; x = x.parent)
    for (const o of x.options) if (o.long && !o.hidden) longues.push(o.long);
  return longues;
}

/** Commander's English usage errors, said in French sentences that say what to write. */
function messageCommander(e: CommanderError): string {
  const m = e.message.replace(/^error: /, "");
  const cite = /'([^']+)'/.exec(m)?.[1] ?? "";
  const c = commandeDeLErreur.get(e);
  const nom = c && c.parent ? nomComplet(c) : undefined;
  const aide = nom ? `ti-aides ${nom} --help` : "ti-aides --help";
  const exemple = nom ? ` ; par exemple : ${EXEMPLES[nom][0]}` : "";
  switch (e.code) {
    case "commander.unknownOption": {
      const proche = cite.startsWith("--") && c ? plusProche(cite, optionsLongues(c)) : undefined;
      return `option inconnue ${cite}${nom ? ` pour ti-aides ${nom}` : ""}${proche ? ` : vouliez-vous dire ${proche} ?` : ""} (les options : ${aide})`;
    }
    case "commander.unknownCommand": {
      const commandes = c?.commands ?? [];
      const noms = commandes.flatMap((x) => [x.name(), ...x.aliases()]);
      const proche = plusProche(cite, noms);
      const propre = proche && commandes.find((x) => x.name() === proche || x.aliases().includes(proche));
      return `« ${cite} » n'est pas une commande de ti-aides${propre ? ` : vouliez-vous dire « ti-aides ${propre.name()} » ?` : "."} Les commandes : ${commandes.map((x) => x.name()).join(", ")} (ti-aides --help).`;
    }
    case "commander.missingArgument": {
      // A missing argument is always a subcommand's: the program itself takes none.
      const manque = (nom && ARGUMENT_MANQUANT[nom]) ?? `il manque l'argument « ${cite} »`;
      return `${manque} : donnez-le après « ti-aides ${nom ?? "COMMANDE"} »${exemple} (aide : ${aide}).`;
    }
    case "commander.optionMissingArgument":
      return `l'option ${cite} attend une valeur juste après elle (aide : ${aide}).`;
    case "commander.excessArguments":
      return `trop d'arguments pour ti-aides ${nom ?? ""} : une valeur qui contient des espaces (« 1 200 000 € ») s'écrit entre guillemets${exemple} (aide : ${aide}).`;
    case "commander.missingMandatoryOptionValue":
      return `il manque l'option obligatoire ${cite}${exemple} (aide : ${aide}).`;
    default:
      // Commander's other messages are English (none of its options or choices is used here): French only.
      return `ligne de commande invalide : vérifiez la commande et ses options (${aide}).`;
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
      "--date <date>",
      "date d'évaluation des règles datées, AAAA-MM-JJ ou JJ/MM/AAAA (par défaut : date_demande de chaque fiche, sinon aujourd'hui)",
    )
    .option(
      "--regles <dossier>",
      "ajoute ou remplace des règles (dispositifs régionaux) ; répétable",
      cumuler,
    )
    .option("--no-color", "sans couleurs (NO_COLOR est aussi respecté)")
    .option("--quiet", "n'affiche pas les avertissements sur la sortie d'erreur")
    .addHelpText(
      "after",
      `\nExemples :\n  ${EXEMPLES.simuler[0]}\n  ti-aides simuler          (dans un terminal, sans fichier : les questions, une à une)\n  ${EXEMPLES.lot[0]}\n  ${EXEMPLES.verifier[0]}\nL'aide de chaque commande donne ses formats et ses exemples : ti-aides simuler --help. « vérifier » et « règles » s'écrivent aussi avec leurs accents.`,
    )
    .configureHelp({ styleTitle: (t: string) => TITRES[t] ?? t, showGlobalOptions: true })
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined })
    .hook("preAction", async (_programme, commande) => {
      // --date in either form (as in a CSV), read once here for every command: an impossible date is refused.
      const date = (programme.opts() as { date?: string }).date;
      if (date !== undefined) {
        const { lireDateOption } = await import("./options.js");
        programme.setOptionValue("date", lireDateOption(date));
      }
      // An output file that is also an input would be destroyed: refused before anything is read.
      const o = commande.optsWithGlobals() as { sortie?: string; regles?: string[] };
      if (!o.sortie || o.sortie === "-") return;
      const { refuserSortieQuiEstUneEntree } = await import("./ecriture.js");
      const lus = ["simuler", "lot", "verifier", "expliquer", "proposer"].includes(commande.name())
        ? commande.args
        : [];
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
    .option("--date-debut <date>", "date de début des travaux (effet incitatif), AAAA-MM-JJ ou JJ/MM/AAAA")
    .option(
      "--financement <financeur=montant>",
      "une ligne du plan de financement : un dispositif (ademe-investissement), etat, region, departement, epci, commune, feder, autre_public, prive ou autofinancement, et son montant (ex. region=150000) ; répétable",
      cumuler,
    )
    .option(
      "--regime-financement <financeur=regime>",
      "régime de cette ligne : rgec, de_minimis ou hors_aide_etat (ex. region=de_minimis) ; répétable",
      cumuler,
    )
    .option(
      "--forme-financement <financeur=forme>",
      "forme de cette ligne : subvention, avance_remboursable, pret… (ex. region=pret) ; répétable",
      cumuler,
    )
    .option(
      "--equivalent-subvention <financeur=montant>",
      "équivalent-subvention brut d'un prêt, d'une avance ou d'une garantie (ex. region=20000) ; répétable",
      cumuler,
    )
    .option(
      "--dispositif-financement <financeur=dispositif>",
      "dispositif au titre duquel un financeur générique paie (ex. region=pia-filieres) ; répétable",
      cumuler,
    )
    .option(
      "--aide-de-minimis-anterieure <date=montant>",
      "aide de minimis déjà reçue par l'entreprise (ex. 2018-03-01=50000) ; répétable",
      cumuler,
    )
    .option(
      "--expliquer",
      "ajoute le raisonnement pas à pas de chaque chiffre, avec ses sources (comme ti-aides expliquer)",
    )
    .addHelpText("after", `\n${aideFormats("simuler")}\n${aideExemples("simuler")}`)
    .action(async (fichiers: string[], _o: object, cmd: Command) => {
      const { simuler } = await import("./commandes/simuler.js");
      process.exitCode = await simuler(fichiers, cmd.optsWithGlobals());
    });

  programme
    .command("lot")
    .alias("batch")
    .description(
      "évalue chaque ligne d'un tableau CSV ou d'une feuille de classeur .xlsx de fiches-actions (une ligne par action, une colonne par financeur) et rend le tableau complété des résultats, en flux",
    )
    .argument(
      "<fichier>",
      "tableau du contrat : CSV (séparateur ; ou , ; UTF-8 ou Windows-1252) ou classeur .xlsx (--feuille)",
    )
    .option("--strict", "code de sortie 1 si une ligne n'est pas conforme ou est en erreur")
    .option("--feuille <nom>", "feuille d'un classeur .xlsx à lire (par défaut : la première)")
    .addHelpText("after", `\n${aideFormats("lot")}\n${aideExemples("lot")}`)
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
    .addHelpText("after", `\n${aideFormats("modele")}\n${aideExemples("modele")}`)
    .action(async (_o: object, cmd: Command) => {
      const { modele } = await import("./commandes/modele.js");
      process.exitCode = await modele(cmd.optsWithGlobals());
    });

  programme
    .command("verifier")
    .aliases(["check", "vérifier"])
    .description(
      "valide tout un contrat pour la CI : fiches, dossiers de fiches (récursivement) ou fichier de contrat ; de minimis additionné par entreprise sur toutes les fiches, dates dans la période du contrat, totaux. Code 0 conforme, 1 règle enfreinte, 2 entrée illisible",
    )
    .argument(
      "[chemins...]",
      "fiches (.yaml, .yml, .json), tableaux CSV ou classeurs .xlsx de fiches (format de ti-aides lot), dossiers, fichier de contrat",
    )
    .option("--strict", "les avertissements font aussi échouer la vérification (code 1)")
    .option("--feuille <nom>", "feuille des classeurs .xlsx à lire (par défaut : la première)")
    .addHelpText("after", `\n${aideFormats("verifier")}\n${aideExemples("verifier")}`)
    .action(async (chemins: string[], _o: object, cmd: Command) => {
      const { verifier } = await import("./commandes/verifier.js");
      process.exitCode = await verifier(chemins, cmd.optsWithGlobals());
    });
  const regles = programme
    .command("regles")
    .aliases(["rules", "règles"])
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
      `\n${aideFormats("regles")}\n${aideExemples("regles")}\nValider ou tester des règles régionales : ti-aides regles verifier --help, ti-aides regles tester --help`,
    )
    .action(async (id: string | undefined, _o: object, cmd: Command) => {
      const { regles } = await import("./commandes/regles.js");
      process.exitCode = await regles(id, cmd.optsWithGlobals());
    });
  regles
    .command("verifier")
    .aliases(["check", "vérifier"])
    .description(
      "valide les fichiers de règles d'une Région (schéma, identifiants, champs lus) pour sa CI : code 0 valides, 2 refusés avec fichier, ligne et champ",
    )
    .argument("<dossiers...>", "dossiers de fichiers de règles YAML")
    .addHelpText("after", `\n${aideFormats("regles verifier")}\n${aideExemples("regles verifier")}`)
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
    .addHelpText("after", `\n${aideFormats("regles tester")}\n${aideExemples("regles tester")}`)
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
    .addHelpText("after", `\n${aideFormats("expliquer")}\n${aideExemples("expliquer")}`)
    .action(async (fichier: string, _o: object, cmd: Command) => {
      const { expliquerCommande } = await import("./commandes/expliquer.js");
      process.exitCode = await expliquerCommande(fichier, cmd.optsWithGlobals());
    });

  programme
    .command("proposer")
    .alias("propose")
    .description(
      "propose le plan de financement qui apporte le plus d'aide publique que les règles permettent, à partir des financeurs de la fiche (ou --financeurs), l'autofinancement fermant l'équilibre : écrit la fiche proposée et, pour chaque financeur, ce qui le limite",
    )
    .argument("<fiche>", "la fiche (YAML ou JSON, « - » pour l'entrée standard)")
    .option(
      "--financeurs <ids>",
      "financeurs publics à mobiliser, par ordre de priorité (ex. ademe-investissement,region)",
    )
    .addHelpText(
      "after",
      `\n${aideFormats("proposer")}\n${aideExemples("proposer")}\n  puis : ti-aides simuler chaufferie-proposee.yaml`,
    )
    .action(async (fichier: string, _o: object, cmd: Command) => {
      const { proposer } = await import("./commandes/proposer.js");
      process.exitCode = await proposer(fichier, cmd.optsWithGlobals());
    });

  programme
    .command("schema")
    .description(
      "écrit le schéma JSON d'un format de fichier (fiche, contrat, regles) pour que l'éditeur vérifie et complète les YAML",
    )
    // Named `type`, not `format`: --format is the output format (json). Still given in the same place.
    .argument("[type]", "le type de fichier : fiche, contrat ou regles")
    .addHelpText(
      "after",
      `\n${aideFormats("schema")}\n${aideExemples("schema")}\n  puis en tête de fiche : # yaml-language-server: $schema=../../schemas/fiche.schema.json`,
    )
    .action(async (type: string | undefined, _o: object, cmd: Command) => {
      const { schema } = await import("./commandes/schema.js");
      process.exitCode = await schema(type, cmd.optsWithGlobals());
    });

  // Each command tells which one found a usage error, for a message that names it (messageCommander).
  const marquer = (c: Command): void => {
    c.exitOverride((e) => {
      commandeDeLErreur.set(e, c);
      throw e;
    });
    c.commands.forEach(marquer);
  };
  marquer(programme);
  return programme;
}

/** A repeatable option's values, in order. */
function cumuler(v: string, prec: string[] = []): string[] {
  return [...prec, v];
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
