// The room left as a user sees it (docs/interface.md « Marges »): the table of `simuler`, its JSON,
// `expliquer` and `verifier`, on the README's example. Figures worked by hand in cas-d-or.test.ts
// (Guide fiche 8, l.912-914 and l.927; note 9, l.2639): Région 130 000 at most, ADEME 330 000.
import { describe, expect, test } from "vitest";
import { tiAides } from "../outils/cli.js";

const EXEMPLE = "fixtures/fiches/chaufferie.yaml";
const nbsp = (s: string) => s.replace(/(?<=\d) (?=\d{3}|€)/g, "\u00a0");

describe("room left on the README's chaufferie", () => {
  test("simuler: one line per public financer under the controls, with what binds it", () => {
    const r = tiAides(["simuler", EXEMPLE, "--no-color"]);
    expect(r.stdout).toContain("Marges des financeurs publics");
    expect(r.stdout).toContain(
      nbsp(
        "Région : 130 000,00 € au plus, limité par le cumul sur « chaudiere » — demandé 150 000,00 €, à réduire de 20 000,00 €",
      ),
    );
    expect(r.stdout).toContain(nbsp("ADEME (ademe-investissement) : 330 000,00 € au plus"));
    // The failing cumul says who must reduce, and by how much.
    expect(r.stdout).toContain(nbsp("Qui doit réduire : ADEME (ademe-investissement) de 20 000,00 €"));
  });

  test("simuler --format json: marges[] of each fiche", () => {
    const r = tiAides(["simuler", EXEMPLE, "--format", "json"]);
    const marges = JSON.parse(r.stdout).fiches[0].marges;
    expect(marges).toEqual([
      {
        ligne: 1,
        financeur: "ademe-investissement",
        dispositif: null,
        depense: "chaudiere",
        demande: "350000.00",
        maximum: "330000.00",
        marge: "-20000.00",
        limite_par: {
          controle: "cumul",
          portee: "chaudiere",
          source: "Guide TI V5, note 9, l.2639 ; Règlement (UE) 651/2014, art. 8",
        },
      },
      {
        ligne: 2,
        financeur: "region",
        dispositif: null,
        depense: null,
        demande: "150000.00",
        maximum: "130000.00",
        marge: "-20000.00",
        limite_par: {
          controle: "cumul",
          portee: "chaudiere",
          source: "Guide TI V5, note 9, l.2639 ; Règlement (UE) 651/2014, art. 8",
        },
      },
    ]);
  });

  test("expliquer: the room left of the lines paying under the dispositif explained", () => {
    const texte = tiAides(["expliquer", EXEMPLE, "--dispositif", "ademe-investissement", "--no-color"]);
    expect(texte.stdout).toContain(nbsp("ADEME (ademe-investissement) : 330 000,00 € au plus"));
    expect(texte.stdout).not.toContain("Région : 130");
    const json = JSON.parse(
      tiAides(["expliquer", EXEMPLE, "--dispositif", "ademe-investissement", "--format", "json"]).stdout,
    );
    const x = json.explications?.[0] ?? json;
    expect(x.marges.map((m: { maximum: string }) => m.maximum)).toEqual(["330000.00"]);
  });

  test("verifier --format json: marges[] in each fiche", () => {
    const r = tiAides(["verifier", EXEMPLE, "--format", "json"]);
    const doc = JSON.parse(r.stdout);
    expect(
      doc.fiches[0].marges.map((m: { financeur: string; maximum: string }) => [m.financeur, m.maximum]),
    ).toEqual([
      ["ademe-investissement", "330000.00"],
      ["region", "130000.00"],
    ]);
  });
});
