// `ti-aides simuler` with no file on a terminal: the real command driven in a pseudo-terminal (tmux),
// answering its French questions, then checking the result shown and the fiche saved as YAML.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { tiAides } from "./outils/cli.js";
import { Terminal, TMUX_PRESENT } from "./outils/terminal.js";

if (!TMUX_PRESENT)
  console.warn(
    "tmux absent : les tests du mode interactif de simuler sont sautés (apt-get install tmux pour les lancer).",
  );

let terminal: Terminal | undefined;
afterEach(() => terminal?.fermer());

describe.skipIf(!TMUX_PRESENT)("interactive simuler, in a pseudo-terminal", () => {
  test("asks only what ademe-investissement needs, validates as you type, shows 480 000 € and saves a replayable fiche", async () => {
    const dossier = mkdtempSync(join(tmpdir(), "ti-aides-interactif-"));
    const t = (terminal = new Terminal(["simuler", "--date", "2019-06-01"], dossier));

    await t.choisir("Quel dispositif simuler ?", "(ademe-investissement)");
    await t.choisir("Le bénéficiaire est…", "une entreprise");
    await t.choisir("Comment connaissez-vous la taille", "Par ses chiffres");
    // A typo is refused on the spot, with the reader's French message; the corrected answer goes on.
    await t.repondre("Effectif", "cent vingt");
    await t.attendre("n'est pas un nombre");
    t.touches("C-u");
    await t.taper("120");
    await t.repondre("Chiffre d'affaires annuel", "30 000 000");
    await t.repondre("Total du bilan", "20000000");
    await t.choisir("Où se situe le projet ?", "France métropolitaine continentale");
    await t.choisir("zone d'aide à finalité régionale", "Oui");
    // The rule applies to one nature (investissement): not asked; its categories are a list.
    // The categories in the guide's words (rules' `libelles`), not their ids.
    await t.choisir("Catégorie de la dépense", "Développement des EnR");
    await t.repondre("Montant de la dépense", "-5");
    await t.attendre("négatif");
    t.touches("C-u");
    await t.taper("1 200 000 €");
    // The rule's own field (champs: [depense.cout_reference]) and, as it has a bonus by form, the form.
    await t.repondre("Coût d'un investissement de référence", "400000");
    await t.choisir("Saisir le plan de financement", "Non");
    await t.choisir("Forme de l'aide", "subvention");

    // ME (120 persons, CA 30 M€ ≤ 50 M€), EnR: 55 % + 5 points AFR = 60 % of 1 200 000 − 400 000
    // = 800 000 € → 480 000,00 € (Guide TI V5, fiche 8, l.909-914).
    const ecran = await t.attendre("Enregistrer cette fiche");
    expect(ecran).toContain("480\u00a0000,00\u00a0€");
    expect(ecran).toContain("60\u00a0%");
    expect(ecran).toContain("PE (calculée)".replace("PE", "ME"));
    // Nothing else was asked: no question on the sector, the study provider, the headcount of a site.
    expect(ecran).not.toMatch(
      /Secteur d'activité|prestataire externe|Effectif de l'établissement|Nature de la dépense/,
    );

    await t.choisir("Enregistrer cette fiche", "Oui");
    await t.repondre("Nom du fichier YAML", "ma-simulation.yaml");
    await t.attendre("Fiche enregistrée dans ma-simulation.yaml");
    expect(await t.code()).toBe(0);

    const texte = readFileSync(join(dossier, "ma-simulation.yaml"), "utf8");
    expect(texte).toMatch(/^# Fiche enregistrée par ti-aides/);
    const fiche = parse(texte);
    expect(fiche).toMatchObject({
      date_demande: "2019-06-01",
      beneficiaire: {
        nature: "entreprise",
        effectif: 120,
        chiffre_affaires: 30000000,
        total_bilan: 20000000,
      },
      localisation: { zone: "metropole", afr: true },
      depenses: [
        {
          nature: "investissement",
          categorie: "enr",
          montant: 1200000,
          cout_reference: 400000,
          dispositifs: ["ademe-investissement"],
        },
      ],
    });
    // Replayed from the file, the simulation gives the same figures.
    const r = tiAides(["simuler", join(dossier, "ma-simulation.yaml"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fiches[0].resultats[0]).toMatchObject({
      taux: "0.6000",
      plafond: "480000.00",
    });
  }, 60_000);

  test("lignes de financement et AFR « je ne sais pas » : libellés du guide, la liste qui défile, cumul dépassé, avertissement AFR", async () => {
    const dossier = mkdtempSync(join(tmpdir(), "ti-aides-interactif-"));
    const t = (terminal = new Terminal(["simuler", "--date", "2019-06-01"], dossier));

    // 17 dispositifs, 12 shown: the question says the list scrolls.
    const liste = await t.attendre("Quel dispositif simuler ?");
    expect(liste).toMatch(/Quel dispositif simuler \? \(\d+ choix, 12 visibles : la liste défile avec ↑ ↓\)/);
    await t.choisir("Quel dispositif simuler ?", "(ademe-investissement)");
    await t.choisir("Le bénéficiaire est…", "une entreprise");
    await t.choisir("Comment connaissez-vous la taille", "Je connais sa taille");
    await t.choisir("Taille de l'entreprise", "ME —");
    await t.choisir("Où se situe le projet ?", "France métropolitaine continentale");
    await t.attendre("zone d'aide à finalité régionale");
    await t.choisir("zone d'aide à finalité régionale", "Je ne sais pas");
    const categories = await t.attendre("Catégorie de la dépense");
    // Accented labels of the guide (fiche 8, l.913), not « mise en securite sites pollues ».
    expect(categories).toContain("Mise en sécurité des sites pollués");
    expect(categories).not.toContain("mise en securite");
    await t.choisir("Catégorie de la dépense", "Développement des EnR");
    await t.repondre("Montant de la dépense", "1200000");
    await t.repondre("Coût d'un investissement de référence", "400000");

    await t.choisir("Saisir le plan de financement", "Oui");
    await t.choisir("Financeur de la ligne n°1", "ADEME — investissements");
    await t.repondre("Montant apporté par ADEME", "350 000");
    await t.choisir("Financeur de la ligne n°2", "Région");
    await t.repondre("Montant apporté par Région", "150000");
    await t.choisir("Régime d'aide de Région", "De minimis");
    await t.choisir("Financeur de la ligne n°3", "Autofinancement");
    await t.repondre("Montant apporté par Autofinancement", "700000");
    await t.choisir("Financeur de la ligne n°4", "Le plan est complet");
    await t.choisir("Forme de l'aide", "subvention");

    // ME outside an AFR zone (« je ne sais pas »): 55 % of 1 200 000 − 400 000 = 800 000 € → 440 000 €;
    // in an AFR zone + 5 points: 60 % → 480 000 € (Guide TI V5, fiche 8, l.909-914).
    const ecran = await t.attendre("Enregistrer cette fiche");
    expect(ecran).toContain("440\u00a0000,00\u00a0€");
    expect(ecran).toContain("Zone AFR non précisée");
    expect(ecran).toContain(
      "ademe-investissement : 480\u00a0000,00\u00a0€ au lieu de 440\u00a0000,00\u00a0€",
    );
    expect(ecran).toContain("collectivites-locales.gouv.fr");
    // Public aid 350 000 + 150 000 = 500 000 € > 440 000 €: cumul exceeded by 60 000 € (RGEC art. 8).
    expect(ecran).toContain("500\u00a0000,00\u00a0€ d'aides publiques cumulées");
    expect(ecran).toContain("de 60\u00a0000,00\u00a0€");

    await t.choisir("Enregistrer cette fiche", "Oui");
    await t.repondre("Nom du fichier YAML", "plan.yaml");
    await t.attendre("Fiche enregistrée dans plan.yaml");
    expect(await t.code()).toBe(0);

    const texte = readFileSync(join(dossier, "plan.yaml"), "utf8");
    expect(texte).toMatch(/^# Zone AFR : « je ne sais pas »/m);
    // The map of 2019 read in rules/parametres/carte-afr.yaml, said unverified (written from memory).
    expect(texte).toMatch(
      /^# Zone AFR : .*décret n° 2014-758 du 2 juillet 2014 \(référence à confirmer au texte\) \(carte 2014-2021\)/m,
    );
    expect(parse(texte).financements).toEqual([
      { financeur: "ademe-investissement", montant: 350000 },
      { financeur: "region", montant: 150000, regime: "de_minimis" },
      { financeur: "autofinancement", montant: 700000 },
    ]);
    const r = tiAides(["simuler", join(dossier, "plan.yaml"), "--format", "json"]);
    const cumul = JSON.parse(r.stdout).fiches[0].controles.find(
      (c: { controle: string }) => c.controle === "cumul",
    );
    expect(cumul).toMatchObject({ conforme: false, valeur: "500000.00", limite: "440000.00" });
  }, 90_000);

  // The steps are written only when a renderer asks for them (issue 20): --expliquer asks.
  test("--expliquer shows the reasoning steps of the guided simulation", async () => {
    const dossier = mkdtempSync(join(tmpdir(), "ti-aides-interactif-"));
    const t = (terminal = new Terminal(["simuler", "--date", "2019-06-01", "--expliquer"], dossier));
    await t.choisir("Quel dispositif simuler ?", "(ademe-investissement)");
    await t.choisir("Le bénéficiaire est…", "une entreprise");
    await t.choisir("Comment connaissez-vous la taille", "Par ses chiffres");
    await t.repondre("Effectif", "120");
    await t.repondre("Chiffre d'affaires annuel", "30000000");
    await t.repondre("Total du bilan", "20000000");
    await t.choisir("Où se situe le projet ?", "France métropolitaine continentale");
    await t.choisir("zone d'aide à finalité régionale", "Oui");
    await t.choisir("Catégorie de la dépense", "Développement des EnR");
    await t.repondre("Montant de la dépense", "1200000");
    await t.repondre("Coût d'un investissement de référence", "400000");
    await t.choisir("Saisir le plan de financement", "Non");
    await t.choisir("Forme de l'aide", "subvention");
    // ME, EnR: 55 % + 5 points AFR = 60 % of 1 200 000 − 400 000 = 800 000 € → 480 000,00 €
    // (Guide TI V5, fiche 8, l.909-914), each step said with its figure.
    const ecran = await t.attendre("Enregistrer cette fiche");
    expect(ecran).toContain("Bonus régional (zone AFR de la France continentale)");
    expect(ecran).toContain("Aide maximale = 60\u00a0% × 800\u00a0000,00\u00a0€, tronquée au centime");
    await t.choisir("Enregistrer cette fiche", "Non");
    expect(await t.code()).toBe(0);
  }, 90_000);

  test("Ctrl+C leaves cleanly: a French message, exit 2, no file", async () => {
    const dossier = mkdtempSync(join(tmpdir(), "ti-aides-interactif-"));
    const t = (terminal = new Terminal(["simuler"], dossier));
    await t.attendre("Quel dispositif simuler ?");
    t.touches("C-c");
    expect(await t.code()).toBe(2);
    expect(t.ecran()).toContain("Simulation interrompue");
  }, 30_000);
});
