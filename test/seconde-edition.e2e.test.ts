// The second edition of the rules seen from the command line (domaine.md "Second edition"): what a
// user reads in the table and the JSON, run as a user types it (the build in dist/).
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
  test("JSON : les champs d'interface.md restent (details.economie_impot)", () => {
    const r = tiAides(["simuler", "-", "--format", "json"], { entree: ROBOT });
    const f = JSON.parse(r.stdout).fiches[0];
    expect(f.resultats[0]).toMatchObject({ dispositif: "suramortissement", plafond: "40000.00", details: { economie_impot: "11200.00", taux_is: "0.2800" } });
  });
});
