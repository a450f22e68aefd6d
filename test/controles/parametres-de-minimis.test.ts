// The de minimis parameters of every regulation are read once per set of rules and grant date (issue
// 20, s5-marges): the room left asks them at every amount it tries. Their warnings are still given to
// each evaluation as its own objects.
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { Parametre } from "../../src/core/parametres.js";
import { evaluer, ficheSimple, REF } from "../outils/regles.js";

const lectures = vi.hoisted(() => ({ parametres: [] as unknown[] }));

vi.mock("../../src/core/calculs/commun.js", async (original) => {
  const m = await original<typeof import("../../src/core/calculs/commun.js")>();
  return {
    ...m,
    lire: (p: Parametre<unknown>, date: string, motifs: never[]) => {
      lectures.parametres.push(p);
      return m.lire(p, date, motifs);
    },
  };
});

/** How many times a de minimis regulation's parameters were read. */
function lecturesDeMinimis(): number {
  const deMinimis = new Set<unknown>(Object.values(REF.deMinimis));
  return lectures.parametres.filter((p) => deMinimis.has(p)).length;
}

beforeEach(() => {
  lectures.parametres.length = 0;
});

// A consulting expense of 40 000 € that no dispositif rates, a Région line of 10 000 € under de minimis:
// the room left tries the line at several amounts, each with the de minimis control.
const fiche = (date: string) =>
  ficheSimple(
    { nature: "conseil", montant: 40000 },
    {
      date_demande: date,
      beneficiaire: { siren: "123456782" },
      aides_de_minimis_anterieures: [{ date: "2012-09-01", montant: 290000 }],
      financements: [
        { financeur: "region", montant: 10000, regime: "de_minimis" },
        { financeur: "autofinancement", montant: 30000 },
      ],
    },
  );

describe("de minimis parameters read once per grant date", () => {
  test("four regulations, once each, for the evaluation and every amount the room left tries", () => {
    const e = evaluer(fiche("2024-06-01"));
    // Reg. (EU) 2023/2831, art. 3(2): 300 000 € over three years; the previous aid of 2012 is out of
    // them, so the Région line can take the whole cost, 40 000 €.
    expect(e.marges[0].maximum?.toFixed(2)).toBe("40000.00");
    // general, agricole, peche, sieg (rules/parametres/de-minimis.yaml). Before: four at each run of
    // the control, the evaluation's and each trial's.
    expect(lecturesDeMinimis()).toBe(4);
    lectures.parametres.length = 0;
    evaluer(fiche("2024-06-01"));
    expect(lecturesDeMinimis()).toBe(0);
  });

  test("a warning of the reading is each evaluation's own object", () => {
    // Before the first value of the general regulation (« depuis: 2014-01-01 »): each reading warns
    // that the earliest value is applied (date_avant_vigueur).
    const a = evaluer(fiche("2013-06-01"));
    const b = evaluer(fiche("2013-06-01"));
    const deA = a.motifs.filter((m) => m.code === "date_avant_vigueur");
    const deB = b.motifs.filter((m) => m.code === "date_avant_vigueur");
    expect(deA.length).toBeGreaterThan(0);
    expect(deB).toEqual(deA);
    for (const [i, m] of deA.entries()) expect(deB[i]).not.toBe(m);
  });
});
