// The room left under each ceiling, as the HTML report draws it: read from the controls (what each
// financer alone may still ask is the core's `marges[]`, shown beside it: test/rapport-html.e2e).
import { describe, expect, test } from "vitest";
import { margesDe } from "../src/cli/rapport/marges.js";
import type { FicheJson } from "../src/cli/rapport/donnees.js";

function fiche(controles: FicheJson["controles"]): FicheJson {
  return {
    id: "F",
    date_evaluation: "2019-06-01",
    beneficiaire: null,
    resultats: [],
    controles,
    motifs: [],
    conforme: false,
    erreurs: [],
    marges: [],
  };
}

// The README's fiche: ademe-investissement asks 350 000 € under its ceiling of 60 % × 800 000 € =
// 480 000 € (Guide TI V5, fiche 8, l.885-938); with the Region's 150 000 €, 500 000 € of public aid on
// the boiler against the cumul ceiling of 480 000 € (note 9, l.2639).
const plafond = {
  controle: "plafond",
  portee: "ademe-investissement / chaudiere",
  conforme: true,
  valeur: "350000.00",
  limite: "480000.00",
  message: "…",
  source: "Guide TI V5, fiche 8, l.885-938",
};
const cumul = { ...plafond, controle: "cumul", portee: "chaudiere", conforme: false, valeur: "500000.00" };
const equilibre = {
  ...plafond,
  controle: "equilibre",
  portee: "F",
  valeur: "1200000.00",
  limite: "1200000.00",
};

describe("margesDe", () => {
  test("read from the ceilings' controls: 130 000 € left under the dispositif, 20 000 € too much in cumul", () => {
    const m = margesDe(fiche([plafond, cumul, equilibre]));
    expect(m.map((x) => [x.financeur, x.depense, x.marge, x.limite_par.controle])).toEqual([
      ["ademe-investissement", "chaudiere", "130000.00", "plafond"],
      [null, "chaudiere", "-20000.00", "cumul"],
    ]);
  });
});
