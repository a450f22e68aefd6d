// What the reader sees (issue 16): every command's table at 60, 80 and 160 columns — no line wider
// than the width, every amount whole —, the verdict first, « à publier », the overrun said, the
// dates each control reads, and `lot` on a terminal (a summary, not raw CSV).
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { RACINE, tiAides } from "./outils/cli.js";
import { Terminal, TMUX_PRESENT } from "./outils/terminal.js";

const CHAUFFERIE = "fixtures/fiches/chaufferie.yaml";
const LARGEURS = [60, 80, 160];

/** The columns a line takes on screen (the no-break spaces of amounts count one each). */
function largeur(ligne: string): number {
  return [...stripVTControlCharacters(ligne)].filter((ch) => !/\p{M}/u.test(ch)).length;
}

/** The first lines of a report with their folded sentences joined again (continuations are indented 4). */
function tete(texte: string, n = 14): string {
  return texte
    .split("\n")
    .slice(0, n)
    .join("\n")
    .replace(/\n {4}(?=\S)/g, " ");
}

/** The amounts of a text as ti-aides writes them: « 480 000,00 € », no-break spaces inside. */
function montants(texte: string): string[] {
  return (texte.match(/-?\d{1,3}(?:\u00a0\d{3})*,\d{2}\u00a0€/g) ?? []).sort();
}

// Each command whose table a person reads, as a user types it.
const COMMANDES: Record<string, string[]> = {
  simuler: ["simuler", CHAUFFERIE],
  "simuler (2026, à publier)": ["simuler", "fixtures/fiches/chaufferie-2026.yaml"],
  "simuler --expliquer": ["simuler", CHAUFFERIE, "--expliquer"],
  "simuler (plusieurs fiches)": ["simuler", CHAUFFERIE, "fixtures/fiches/chaufferie-2026.yaml"],
  expliquer: ["expliquer", CHAUFFERIE, "--dispositif", "ademe-investissement"],
  verifier: ["verifier", "fixtures/contrat-exemple"],
  regles: ["regles"],
  "regles ID": ["regles", "ademe-investissement"],
  "regles --a-verifier": ["regles", "--a-verifier", "--date", "2026-12-01"],
  "regles tester": ["regles", "tester", "fixtures/cas-region", "--regles", "fixtures/regles-region"],
  // The fiche goes to the file; the table of what binds each financer comes to the terminal.
  "proposer -o": ["proposer", CHAUFFERIE, "-o", "/dev/null"],
};

describe("chaque commande tient dans 60, 80 et 160 colonnes, sans couper un montant", () => {
  for (const [nom, args] of Object.entries(COMMANDES)) {
    test(nom, () => {
      // The reference: the same command laid out wide (1 000 columns, nothing folded).
      const large = tiAides(args, { env: { COLUMNS: "1000" } });
      expect(large.stdout.length).toBeGreaterThan(0);
      const attendus = montants(large.stdout);
      for (const n of LARGEURS) {
        const r = tiAides(args, { env: { COLUMNS: String(n) } });
        expect(r.code).toBe(large.code);
        const trop = r.stdout.split("\n").filter((l) => largeur(l) > n);
        expect(trop, `${nom} à ${n} colonnes`).toEqual([]);
        // Every amount of the wide report is there, whole, as many times.
        expect(montants(r.stdout), `${nom} à ${n} colonnes`).toEqual(attendus);
      }
    });
  }

  test("simuler : les montants du JSON sont tous dans le tableau à 60 colonnes", () => {
    const json = JSON.parse(tiAides(["simuler", CHAUFFERIE, "--format", "json"]).stdout);
    const r = tiAides(["simuler", CHAUFFERIE], { env: { COLUMNS: "60" } });
    const fr = (x: string) =>
      `${Number(x.split(".")[0])
        .toLocaleString("fr-FR")
        .replace(/\u202f/g, "\u00a0")},${x.split(".")[1]}\u00a0€`;
    const res = json.fiches[0].resultats[0];
    for (const x of [res.assiette, res.plafond, res.demande]) expect(r.stdout).toContain(fr(x));
    for (const k of json.fiches[0].controles)
      for (const x of [k.valeur, k.limite]) if (x !== null) expect(r.stdout).toContain(fr(x));
  });

  test("hors terminal et sans COLUMNS : 100 colonnes", () => {
    const r = tiAides(["simuler", CHAUFFERIE], { env: { COLUMNS: "" } });
    const lignes = r.stdout.split("\n");
    expect(Math.max(...lignes.map(largeur))).toBeLessThanOrEqual(100);
    // The results table (115 columns wide) does not fit: one block per dispositif.
    expect(r.stdout).toContain("  ademe-investissement / chaudiere\n    Éligible : oui");
  });

  test("JSON, YAML et CSV ne changent pas avec la largeur", () => {
    for (const f of ["json", "yaml"]) {
      const a = tiAides(["simuler", CHAUFFERIE, "--format", f], { env: { COLUMNS: "60" } });
      const b = tiAides(["simuler", CHAUFFERIE, "--format", f], { env: { COLUMNS: "1000" } });
      expect(a.stdout).toBe(b.stdout);
    }
    const a = tiAides(["lot", "fixtures/csv/contrat-exemple.csv"], { env: { COLUMNS: "60" } });
    const b = tiAides(["lot", "fixtures/csv/contrat-exemple.csv"], { env: { COLUMNS: "1000" } });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^\ufeff?id;Titre;/); // not a terminal: the CSV, as scripts read it
  });
});

describe("le verdict d'abord", () => {
  test("l'exemple du README : non conforme, le cumul dépassé de 20 000 € dit dans les premières lignes", () => {
    const r = tiAides(["simuler", CHAUFFERIE], { env: { COLUMNS: "160" } });
    const lignes = r.stdout.split("\n");
    expect(lignes[0]).toContain("Fiche TI-07-CHAUFFERIE");
    // ME, EnR 55 % + 5 points AFR (Guide fiche 8, l.914 and l.912) = 60 % of 1 200 000 − 400 000
    // (surcoût, l.927) = 480 000 €; aids 350 000 (ADEME) + 150 000 (Région) = 500 000 €: over by 20 000 €.
    expect(lignes[1]).toBe("Verdict : ✖ non conforme — 1 contrôle sur 6 en échec.");
    expect(tete(r.stdout).split("\n")[2]).toMatch(
      /^ {2}✖ Cumul des aides : .*500\u00a0000,00\u00a0€.*480\u00a0000,00\u00a0€.* de 20\u00a0000,00\u00a0€/,
    );
    // The results table no longer reads as if the plan were within its limits.
    const entete = lignes.find((l) => l.startsWith("│ Dispositif"))!;
    expect(entete).toContain("Au-delà du plafond");
    expect(entete).not.toContain("Dépassement");
    expect(r.stdout).toContain("le cumul de toutes les aides d'une dépense est dépassé");
    // The controls table says by how much.
    expect(r.stdout).toMatch(
      /│ Cumul des aides +│ chaudiere +│ ✖ non conforme │ 500\u00a0000,00\u00a0€ +│ 480\u00a0000,00\u00a0€ +│ 20\u00a0000,00\u00a0€ +│/,
    );
    // No verdict line left at the end, away from what it concludes.
    expect(lignes.filter((l) => l.startsWith("Verdict")).length).toBe(1);
  });

  test("une obligation de transparence s'affiche « à publier », jamais « conforme »", () => {
    // A demand of 01/12/2026, granted that day: from 01/07/2023 the threshold is 100 000 €
    // (rules/parametres/transparence.yaml, Règlement (UE) 2023/1315): 330 000 € and 200 000 € (ADEME)
    // and 150 000 € (Région) are all to publish.
    for (const n of [80, 160]) {
      const r = tiAides(["simuler", "fixtures/fiches/chaufferie-2026.yaml"], { env: { COLUMNS: String(n) } });
      const debut = tete(r.stdout);
      expect(debut).toMatch(/^Verdict : ✔ conforme/m);
      for (const aide of ["330\u00a0000,00", "200\u00a0000,00"])
        expect(debut).toContain(
          `⚑ à publier : Transparence : ademe-investissement : aide individuelle de ${aide}`,
        );
      expect(debut).toMatch(/⚑ à publier : Transparence : region : aide individuelle de 150\u00a0000,00/);
      if (n === 160) {
        expect(r.stdout).toMatch(/│ Transparence +│ ademe-investissement +│ ⚑ à publier/);
        expect(r.stdout).not.toMatch(/│ Transparence +│[^│]+│ ✔ conforme/);
      } else {
        expect(r.stdout).toContain("Transparence / ademe-investissement\n    Résultat : ⚑ à publier");
        expect(r.stdout).toContain("Transparence / region\n    Résultat : ⚑ à publier");
      }
    }
  });

  test("l'en-tête dit quelle date chaque sorte de contrôle utilise (docs/domaine.md §3)", () => {
    const r = tiAides(["simuler", CHAUFFERIE], { env: { COLUMNS: "1000" } });
    const dates = r.stdout.split("\n").find((l) => l.startsWith("Dates :"));
    expect(dates).toBe(
      "Dates : chiffres des dispositifs au 01/06/2019 (date de la demande, ou --date) ; cumul : intensités au 01/06/2019 ; " +
        "transparence : date d'octroi de chaque ligne (à défaut, la date de la demande) ; effet incitatif : date de la demande comparée au début des travaux.",
    );
  });
});

describe.skipIf(!TMUX_PRESENT)("dans un vrai terminal de 80 colonnes (tmux)", () => {
  let t: Terminal | undefined;
  afterEach(() => t?.fermer());

  test("l'exemple du README : rien ne dépasse, le verdict en tête", async () => {
    t = new Terminal(["simuler", CHAUFFERIE], RACINE, {}, 80);
    expect(await t.code()).toBe(0);
    // ecran() joins the lines the terminal wrapped: a line wider than 80 would show here.
    const lignes = t.ecran().split("\n");
    expect(lignes.filter((l) => largeur(l) > 80)).toEqual([]);
    expect(lignes[1]).toBe("Verdict : ✖ non conforme — 1 contrôle sur 6 en échec.");
    expect(t.ecran()).toContain("    Dépassement : 20\u00a0000,00\u00a0€");
  });

  test("lot sur un terminal sans -o : un résumé des lignes et où trouver le CSV", async () => {
    t = new Terminal(["lot", "fixtures/csv/contrat-exemple.csv"], RACINE, {}, 80);
    expect(await t.code()).toBe(0);
    const e = t.ecran();
    // The summary on standard output fits; the messages of standard error (errors of rows, the
    // closing count) are not laid out by the summary.
    const sortie = e.split("\n").filter((l) => !/^(Erreur|Avertissement|Lot .* en \d|FIN)/.test(l));
    expect(sortie.filter((l) => largeur(l) > 80)).toEqual([]);
    expect(e).toMatch(/Ligne +Verdict +Fiche +Première anomalie/);
    // TI-05: 18 000 € asked of direccte-conseil-rh, whose ceiling is 15 000 € (fixture's row 6).
    expect(e).toMatch(/6 +✖ non conforme +TI-05 +non conforme : direccte-conseil-rh :/);
    expect(e).toMatch(/8 +✖ en erreur +TI-07 +colonne « Montant »/);
    expect(e).toMatch(/4 +✔ conforme +TI-03 +—/);
    expect(e).toContain("-o resultat.csv");
    expect(e).not.toContain("id;Titre;"); // no raw CSV
  });

  test("lot --format csv sur un terminal : le CSV demandé, tel quel", async () => {
    t = new Terminal(["lot", "fixtures/csv/contrat-exemple.csv", "--format", "csv"], RACINE, {}, 80);
    expect(await t.code()).toBe(0);
    expect(t.ecran()).toContain("id;Titre;");
  });
});

if (!TMUX_PRESENT)
  test.skip("tmux absent : les captures à 80 colonnes (README, lot) ne sont pas lancées", () => {});
