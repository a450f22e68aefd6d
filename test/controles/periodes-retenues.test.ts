// The de minimis reference periods are computed once per set of arguments (issue 20, s4-marges): the
// room left asks the same ones at every amount it tries. Each argument is part of what is remembered.
import { describe, expect, test } from "vitest";
import { periodeDeMinimis } from "../../src/core/controles/de-minimis.js";

describe("periods remembered", () => {
  test("the same arguments give the same period, computed once (the same frozen object)", () => {
    const p = periodeDeMinimis("glissante", 3, "2025-03-15");
    // Reg. (EU) 2023/2831, art. 3(2): the three years ending on the grant date.
    expect(p).toEqual({ debut: "2022-03-15", fin: "2025-03-15" });
    expect(periodeDeMinimis("glissante", 3, "2025-03-15")).toBe(p);
    expect(Object.isFrozen(p)).toBe(true);
  });

  test("no argument is forgotten: kind, years, date and start of the fiscal year each change the period", () => {
    // Reg. (EU) 1407/2013, art. 3(2): the fiscal year of the grant and the two previous ones.
    expect(periodeDeMinimis("exercices", 3, "2018-06-01")).toEqual({
      debut: "2016-01-01",
      fin: "2018-12-31",
    });
    // The fiscal year from 1 July: 2017-07-01 → 2018-06-30, and the two before it.
    expect(periodeDeMinimis("exercices", 3, "2018-06-01", "07-01")).toEqual({
      debut: "2015-07-01",
      fin: "2018-06-30",
    });
    expect(periodeDeMinimis("glissante", 3, "2018-06-01")).toEqual({
      debut: "2015-06-01",
      fin: "2018-06-01",
    });
    expect(periodeDeMinimis("glissante", 2, "2018-06-01")).toEqual({
      debut: "2016-06-01",
      fin: "2018-06-01",
    });
    expect(periodeDeMinimis("glissante", 3, "2018-06-02")).toEqual({
      debut: "2015-06-02",
      fin: "2018-06-02",
    });
  });
});
