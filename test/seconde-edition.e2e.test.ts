// The second edition of the rules seen from the command line (docs/domaine.md « Seconde édition »): what a
// user reads in the table and the JSON, run as a user types it (the build in dist/).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tiAides } from "./outils/cli.js";

// A PME industrielle (120 salariés, 30 M€ / 20 M€ : ME, Reg. 651/2014 annexe I) buys a robot of
// 100 000 € ordered on 01/03/2019, acquired on 01/05/2019 (Guide fiche 23, l.2118).
const ROBOT = `id: ROBOT
date_demande: 2019-06-01
beneficiaire: { nature: entreprise, effectif: 120, chiffre_affaires: 30000000, total_bilan: 20000000, secteur: industrie }
localisation: { zone: metropole }
depenses:
  - { id: robot, nature: equipement, categorie: robotique, montant: 100000, date_commande: 2019-03-01, date_acquisition: 2019-05-01 }
`;

describe("point 6 : le suramortissement affiché comme une déduction fiscale", () => {
  test("tableau : « Déduction supplémentaire » et « Économie d'impôt estimée (IS 28 %) », jamais « Aide maximale » ni les clés internes", () => {
    const r = tiAides(["simuler", "-"], { entree: ROBOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Déduction supplémentaire");
    expect(r.stdout).toContain("Économie d'impôt estimée (IS 28\u00a0%)");
    // 40 % × 100 000 = 40 000,00 € (l.2112) ; × 28 % = 11 200,00 € (11,2 %, l.2112).
    expect(r.stdout).toContain("40\u00a0000,00\u00a0€");
    expect(r.stdout).toContain("11\u00a0200,00\u00a0€");
    expect(r.stdout).not.toContain("Aide maximale");
    expect(r.stdout).not.toMatch(/economie_impot|taux_is/);
  });
  test("expliquer : la déduction et l'économie d'impôt, pas une « aide maximale »", () => {
    const r = tiAides(["expliquer", "-", "--dispositif", "suramortissement"], { entree: ROBOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("déduction supplémentaire");
    expect(r.stdout).not.toMatch(/aide maximale|economie_impot|taux_is/i);
  });
  test("JSON : les champs de docs/interface.md restent (details.economie_impot)", () => {
    const r = tiAides(["simuler", "-", "--format", "json"], { entree: ROBOT });
    const f = JSON.parse(r.stdout).fiches[0];
    expect(f.resultats[0]).toMatchObject({
      dispositif: "suramortissement",
      plafond: "40000.00",
      details: { economie_impot: "11200.00", taux_is: "0.2800" },
    });
  });
});

// Point 8 (docs/domaine.md §0 « Validité et actualité »): the guide's figures were checked on its publication, 18/11/2019.
// A fiche dated 01/12/2026 keeps them — ME, EnR, AFR: 55 % (l.914) + 5 points (l.912) = 60 % of
// 1 200 000 − 400 000 = 480 000,00 €; réseau de chaleur: 100 % (l.915) of 300 000 − 100 000 =
// 200 000,00 € — and says, once per dispositif, that they must be confirmed with the operator.
const FICHE_2026 = "fixtures/fiches/chaufferie-2026.yaml";

describe("point 8 : une fiche datée du 01/12/2026 évaluée avec les règles du jour", () => {
  test("tableau : les chiffres de 2019 marqués ⚠, l'avertissement « À vérifier » une seule fois pour le dispositif", () => {
    const r = tiAides(["simuler", FICHE_2026]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("480\u00a0000,00\u00a0€ ⚠");
    expect(r.stdout).toContain("200\u00a0000,00\u00a0€ ⚠");
    const avertissements =
      r.stdout.match(
        /À vérifier : Taux du guide de 2019 appliqué au 01\/12\/2026 : à confirmer auprès de l'opérateur \(ADEME\)/g,
      ) ?? [];
    expect(avertissements).toHaveLength(1);
    expect(r.stdout).toContain("vaut pour les 2 lignes de ademe-investissement");
  });
  test("JSON : chaque résultat porte « a_verifier », avec verifie_le 2019-11-18 et les lignes du guide en source", () => {
    const r = tiAides(["simuler", FICHE_2026, "--format", "json"]);
    const f = JSON.parse(r.stdout).fiches[0];
    expect(f.resultats.map((x: { plafond: string }) => x.plafond)).toEqual(["480000.00", "200000.00"]);
    for (const x of f.resultats) {
      const m = x.motifs.filter((y: { code: string }) => y.code === "a_verifier");
      expect(m).toHaveLength(1);
      expect(m[0]).toMatchObject({ niveau: "avertissement", verifie_le: "2019-11-18" });
      expect(m[0].source).toContain("Guide TI V5, fiche 8");
    }
    expect(f.conforme).toBe(true);
  });
  test("la même fiche en 2019 (--date 2019-06-01) : aucun avertissement « a_verifier »", () => {
    const r = tiAides(["simuler", FICHE_2026, "--format", "json", "--date", "2019-06-01"]);
    expect(r.stdout).not.toContain("a_verifier");
  });
  test("verifier : conforme (code 0), l'avertissement dit une fois pour le dispositif", () => {
    const sans = tiAides(["verifier", FICHE_2026]);
    expect(sans.code).toBe(0);
    expect((sans.stdout.match(/ademe-investissement : Taux du guide de 2019/g) ?? []).length).toBe(1);
  });
  test("--strict compte « a_verifier » comme tout avertissement : seul avertissement d'une fiche, il la fait échouer en 2026, pas en 2019", () => {
    const dossier = mkdtempSync(join(tmpdir(), "ti-aides-a-verifier-"));
    const f = join(dossier, "chaudiere.yaml");
    writeFileSync(
      f,
      `id: SEULE
date_demande: 2026-12-01
beneficiaire: { nature: entreprise, siren: "123456782", effectif: 120, chiffre_affaires: 30000000, total_bilan: 20000000, secteur: industrie }
depenses:
  - { id: chaudiere, dispositifs: [ademe-investissement], nature: investissement, categorie: enr, montant: 1200000, cout_reference: 400000 }
financements:
  - { financeur: ademe-investissement, montant: 90000, regime: hors_aide_etat }
  - { financeur: autofinancement, montant: 1110000 }
`,
    );
    const r2026 = tiAides(["verifier", f, "--strict"]);
    expect(r2026.code).toBe(1);
    expect(r2026.stdout).toContain("Avertissements (bloquants avec --strict) (1)");
    expect(r2026.stdout).toContain("Taux du guide de 2019 appliqué au 01/12/2026");
    expect(tiAides(["verifier", f, "--strict", "--date", "2019-06-01"]).code).toBe(0);
  });
});

describe("point 8 : ti-aides regles --a-verifier [--date D]", () => {
  test("au 01/12/2026 : les chiffres du guide vérifiés le 18/11/2019, par dispositif et opérateur ; code 0", () => {
    const r = tiAides(["regles", "--a-verifier", "--date", "2026-12-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ademe-investissement — à confirmer auprès de l'opérateur (ADEME)");
    expect(r.stdout).toContain(
      "Taux de la catégorie enr : PE 65\u00a0%, ME 55\u00a0%, GE 45\u00a0%, non économique 65\u00a0%",
    );
    // The guide cited as a reader finds it: fiche 8 on page 35 (annexe 1, l.205), its title (l.885),
    // the part « Les modalités d'intervention » (l.905), then the line.
    expect(r.stdout).toContain(
      `vérifié le 18/11/2019 — Guide TI V5, fiche 8 (p. 35) « L'ADEME s'engage en accompagnant les projets d'investissements dans la transition écologique et énergétique », partie « Les modalités d'intervention », l.914`,
    );
    // The EU parameters were read on 29/11/2026: less than a year ago, not listed.
    expect(r.stdout).not.toContain("rules/parametres/de-minimis.yaml");
  });
  test("au 18/11/2020, un an jour pour jour après le guide : aucun chiffre du guide ; au 19/11/2020 : les chiffres du guide", () => {
    // Only the AFR map's decree, written from memory and never checked against the text
    // (rules/parametres/carte-afr.yaml: no verifie_le), is listed: nothing of the guide.
    const doc = JSON.parse(
      tiAides(["regles", "--a-verifier", "--date", "2020-11-18", "--format", "json"]).stdout,
    );
    expect(doc.a_verifier.map((f: { origine: string }) => f.origine)).toEqual([
      "rules/parametres/carte-afr.yaml",
    ]);
    expect(tiAides(["regles", "--a-verifier", "--date", "2020-11-19"]).stdout).toContain(
      "ademe-investissement",
    );
  });
  test("au 01/01/2028 : les paramètres européens relus le 29/11/2026 y sont aussi ; JSON", () => {
    const r = tiAides(["regles", "--a-verifier", "--date", "2028-01-01", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.date).toBe("2028-01-01");
    expect(
      doc.a_verifier.some(
        (f: { origine: string; verifie_le: string }) =>
          f.origine === "rules/parametres/de-minimis.yaml" && f.verifie_le === "2026-11-29",
      ),
    ).toBe(true);
    expect(doc.total).toBe(doc.a_verifier.length);
  });
});
