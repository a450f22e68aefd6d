// How many times the room left runs the controls (issue 20, s4-marges): each amount tried is checked
// once by the real controls, and an amount already run with every control is not run again.
// Counted by wrapping the controls of the table (the room left calls them through it); a trial is one
// context of figures only (`chiffresSeulement`), so the trials are the distinct such contexts.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CONTROLES } from "../../src/core/controles/index.js";
import type { ContexteControles, Verification } from "../../src/core/controles/contexte.js";
import type { EvaluationFiche, Marge } from "../../src/core/modele.js";
import { readFileSync } from "node:fs";
import { evaluer, evaluerYaml, ficheSimple } from "../outils/regles.js";

const essais = new Set<ContexteControles>();
/** Per control: how many times it ran on a trial. */
const appels = new Map<string, number>();
const originales = new Map<(typeof CONTROLES)[number], Verification>();

beforeEach(() => {
  essais.clear();
  appels.clear();
  for (const k of CONTROLES) {
    const controler = k.controler;
    originales.set(k, controler);
    (k as { controler: Verification }).controler = (c) => {
      if (c.chiffresSeulement) {
        essais.add(c);
        appels.set(k.id, (appels.get(k.id) ?? 0) + 1);
      }
      return controler(c);
    };
  }
});

afterEach(() => {
  for (const [k, controler] of originales) (k as { controler: Verification }).controler = controler;
  originales.clear();
});

function marge(e: EvaluationFiche, financeur: string): Marge {
  return e.marges.find((x) => x.financeur === financeur)!;
}

// A consulting expense of 40 000 € that no dispositif of the guide rates (no cumul ceiling), a Région
// line of 10 000 € under de minimis, no previous aid: the de minimis ceiling of 300 000 € (Reg. (EU)
// 2023/2831, art. 3(2)) is far above the cost, so the line can take the whole cost — 40 000 €, the
// autofinancement (30 000 €) going down to zero (docs/interface.md « Marges »: self-financing absorbs).
const fiche = (previous: number) =>
  ficheSimple(
    { nature: "conseil", montant: 40000 },
    {
      date_demande: "2024-06-01",
      date_debut: "2024-09-01",
      beneficiaire: { siren: "123456782" },
      aides_de_minimis_anterieures: previous ? [{ date: "2022-09-01", montant: previous }] : [],
      financements: [
        { financeur: "region", montant: 10000, regime: "de_minimis" },
        { financeur: "autofinancement", montant: 30000 },
      ],
    },
  );

describe("the trials of the room left", () => {
  test("a line bound by the balance: the most self-financing allows is tried once, not twice", () => {
    const e = evaluer(fiche(0));
    const m = marge(e, "region");
    expect(m.maximum?.toFixed(2)).toBe("40000.00");
    expect(m.marge?.toFixed(2)).toBe("30000.00");
    expect(m.limite_par?.controle).toBe("equilibre");
    // The controls at 40 000 € (every control, for the bounds) already say that nothing breaks there:
    // that answer is the check to the cent. Before: the same amount was run again (2 trials).
    expect(essais.size).toBe(1);
  });

  test("a line bound by a control: the bounds' run, then the maximum and one cent more", () => {
    // Previous aid of 290 000 € on 2022-09-01, within the three years ending on 2024-06-01:
    // 300 000 − 290 000 = 10 000 € at most (art. 3(2)), the Région's own demand.
    const e = evaluer(fiche(290000));
    const m = marge(e, "region");
    expect(m.maximum?.toFixed(2)).toBe("10000.00");
    expect(m.marge?.toFixed(2)).toBe("0.00");
    expect(m.limite_par?.controle).toBe("de_minimis");
    // 40 000 € (every control), then 10 000 € and 10 000,01 € (the check to the cent, never skipped).
    expect(essais.size).toBe(3);
  });

  test("one cent more: the controls after the first that breaks are not run", () => {
    // The README's chaufferie without the Région line: ADEME asks 350 000 €, the autofinancement
    // 850 000 €. Fiche 8: EnR, medium enterprise 55 % (l.914) + 5 points in an AFR zone (l.912) = 60 %
    // of the extra cost (l.927) 1 200 000 − 400 000 = 800 000 € → 480 000 €, both the dispositif's
    // ceiling and the cumul's intensity (note 9, l.2639): the line binds both at once, the plafond
    // first in the controls' order.
    const texte = readFileSync("fixtures/fiches/chaufferie.yaml", "utf8").replace(
      /  - financeur: region\n    montant: 150000\n    regime: rgec\n  - financeur: autofinancement\n    montant: 700000/,
      "  - financeur: autofinancement\n    montant: 850000",
    );
    const m = marge(evaluerYaml(texte), "ademe-investissement");
    expect(m.maximum?.toFixed(2)).toBe("480000.00");
    expect(m.limite_par?.controle).toBe("plafond");
    // 1 200 000 € (every control), 480 000 € (both), 480 000,01 € (the plafond breaks: the cumul is
    // not needed to know it). Before: the cumul ran at every trial (3 times).
    expect(essais.size).toBe(3);
    expect(appels.get("plafond")).toBe(3);
    expect(appels.get("cumul")).toBe(2);
  });
});
