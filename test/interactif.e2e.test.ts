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
    await t.choisir("Catégorie de la dépense", "enr");
    await t.repondre("Montant de la dépense", "-5");
    await t.attendre("négatif");
    t.touches("C-u");
    await t.taper("1 200 000 €");
    // The rule's own field (champs: [depense.cout_reference]) and, as it has a bonus by form, the form.
    await t.repondre("Coût d'un investissement de référence", "400000");
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

  test("Ctrl+C leaves cleanly: a French message, exit 2, no file", async () => {
    const dossier = mkdtempSync(join(tmpdir(), "ti-aides-interactif-"));
    const t = (terminal = new Terminal(["simuler"], dossier));
    await t.attendre("Quel dispositif simuler ?");
    t.touches("C-c");
    expect(await t.code()).toBe(2);
    expect(t.ecran()).toContain("Simulation interrompue");
  }, 30_000);
});
