// Issue 16: help that is true and usage errors that say what to write, in French sentences:
// « vouliez-vous dire » for commands and options, accented aliases, an example in every help,
// `schema`'s argument that no longer clashes with --format.
import { describe, expect, test } from "vitest";
import { lancer } from "./outils/lancer.js";
import { sansPileDAppel } from "./outils/cli.js";

describe("erreurs d'usage", () => {
  test.each([
    [
      ["simule", "fiche.yaml"],
      "« simule » n'est pas une commande de ti-aides : vouliez-vous dire « ti-aides simuler » ?",
    ],
    [["verfier", "contrat/"], "vouliez-vous dire « ti-aides verifier » ?"],
    [
      ["simuler", "--tail", "ME"],
      "option inconnue --tail pour ti-aides simuler : vouliez-vous dire --taille ?",
    ],
    [["lot", "a.csv", "--stirct"], "vouliez-vous dire --strict ?"],
    // A global option misspelt after the command is suggested too.
    [["simuler", "a.yaml", "--sortei", "x.txt"], "vouliez-vous dire --sortie ?"],
    [
      ["lot"],
      "il manque le tableau des fiches-actions à évaluer (CSV ou classeur .xlsx) : donnez-le après « ti-aides lot » ; par exemple : ti-aides lot contrat.csv",
    ],
    [
      ["expliquer", "fiche.yaml"],
      "il manque l'option obligatoire --dispositif <id> ; par exemple : ti-aides expliquer",
    ],
    [["regles", "verifier"], "il manque le dossier des règles à valider"],
    [["lot", "a.csv", "b.csv"], "trop d'arguments pour ti-aides lot : une valeur qui contient des espaces"],
  ])("%j", async (args, attendu) => {
    const r = await lancer(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Erreur : /);
    expect(r.stderr).toContain(attendu);
    // Nothing of commander's English is left.
    expect(r.stderr).not.toMatch(/missing|unknown|argument manquant|error:/i);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("une commande sans rien de proche : la liste des commandes, sans suggestion", async () => {
    const r = await lancer(["zzzzzz"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("« zzzzzz » n'est pas une commande de ti-aides");
    expect(r.stderr).toContain(
      "n'est pas une commande de ti-aides. Les commandes : simuler, lot, modele, verifier, regles, expliquer, proposer, schema",
    );
    expect(r.stderr).not.toContain("vouliez-vous dire");
  });
});

describe("alias accentués", () => {
  test("« vérifier » et « règles » font ce que font verifier et regles", async () => {
    const [accent, sans] = await Promise.all([
      lancer(["vérifier", "fixtures/contrat-exemple", "--format", "json"]),
      lancer(["verifier", "fixtures/contrat-exemple", "--format", "json"]),
    ]);
    expect(accent.code).toBe(sans.code);
    expect(accent.stdout).toBe(sans.stdout);
    const regles = await lancer(["règles", "ademe-investissement", "--format", "json"]);
    expect(regles.code).toBe(0);
    expect(JSON.parse(regles.stdout)).toMatchObject({ regle: { id: "ademe-investissement" } });
    const sousCommande = await lancer(["règles", "vérifier", "fixtures/regles-region"]);
    expect(sousCommande.code).toBe(0);
  });
});

describe("aide", () => {
  test.each([
    "simuler",
    "lot",
    "verifier",
    "regles",
    "regles verifier",
    "regles tester",
    "expliquer",
    "schema",
  ])(
    "ti-aides %s --help : ses formats et au moins un exemple qui commence par ti-aides",
    async (commande) => {
      const r = await lancer([...commande.split(" "), "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Formats \(--format\) : /m);
      expect(r.stdout).toMatch(new RegExp(`^Exemples? :\\n  ti-aides ${commande} `, "m"));
    },
  );

  test("ti-aides --help : des exemples, et où trouver ceux de chaque commande", async () => {
    const r = await lancer(["--help"]);
    expect(r.stdout).toMatch(/^Exemples :\n {2}ti-aides simuler fixtures\/fiches\/chaufferie\.yaml$/m);
    expect(r.stdout).toContain("ti-aides simuler --help");
  });

  test("simuler --help montre les lignes de financement et un exemple qui les emploie", async () => {
    const r = await lancer(["simuler", "--help"]);
    for (const option of [
      "--financement <financeur=montant>",
      "--regime-financement <financeur=regime>",
      "--forme-financement",
      "--equivalent-subvention",
      "--dispositif-financement",
      "--date-debut",
    ])
      expect(r.stdout).toContain(option);
    expect(r.stdout).toMatch(
      /^ {2}ti-aides simuler .*--financement region=150000 --regime-financement region=de_minimis/m,
    );
    expect(r.stdout).toContain("AAAA-MM-JJ ou JJ/MM/AAAA");
  });
});

describe("schema : l'argument est le type de fichier, --format reste le format de sortie", () => {
  test("ti-aides schema fiche marche comme avant ; l'aide nomme l'argument « type »", async () => {
    const r = await lancer(["schema", "fiche"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toContain("json-schema.org");
    const aide = await lancer(["schema", "--help"]);
    expect(aide.stdout).toContain("Utilisation : ti-aides schema [options] [type]");
    expect(aide.stdout).not.toMatch(/^ {2}format /m);
  });

  test("ti-aides schema --format fiche : dit de donner le type sans option ; sans type : dit lesquels", async () => {
    const confondu = await lancer(["schema", "--format", "fiche"]);
    expect(confondu.code).toBe(2);
    expect(confondu.stderr).toContain("le type de fichier se donne sans option : ti-aides schema fiche");
    const sans = await lancer(["schema"]);
    expect(sans.code).toBe(2);
    expect(sans.stderr).toContain(
      "il manque le type de fichier dont écrire le schéma : fiche, contrat, regles",
    );
  });
});
