// The summary line of `lot` and its progress bar write their integers without Intl (issue 20,
// s4-marges): the first Intl formatter of a process costs ~113 M instructions (src/core/format.ts,
// `entierFr`). Same text as toLocaleString("fr-FR"): a narrow no-break space between thousands.
import { afterEach, describe, expect, test, vi } from "vitest";
import { resume } from "../src/cli/commandes/lot.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the summary of lot", () => {
  test("12 345 rows in 1 s: « 12 345 lignes/s », without toLocaleString", () => {
    const intl = vi.spyOn(Number.prototype, "toLocaleString");
    const s = {
      fiches: 12345,
      conformes: 12000,
      non_conformes: 300,
      sans_plan_de_financement: 40,
      en_erreur: 5,
    };
    expect(resume("contrat.csv", s, 1000)).toBe(
      "Lot contrat.csv : 12345 ligne(s) — 12000 conforme(s), 300 non conforme(s), 40 sans plan de financement, 5 en erreur — en 1,0 s, 12\u202f345 lignes/s",
    );
    expect(intl).not.toHaveBeenCalled();
  });

  test("1 234 567 rows in 2,5 s: 493 827 lignes/s (1 234 567 ÷ 2,5 = 493 826,8, rounded)", () => {
    const s = {
      fiches: 1234567,
      conformes: 0,
      non_conformes: 0,
      sans_plan_de_financement: 0,
      en_erreur: 1234567,
    };
    expect(resume("c.csv", s, 2500)).toContain("en 2,5 s, 493\u202f827 lignes/s");
    expect((493827).toLocaleString("fr-FR")).toBe("493\u202f827");
  });
});
