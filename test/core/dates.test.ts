import { expect, test } from "vitest";
import { ajouterAnnees, ajouterMois, estDateValide } from "../../src/core/dates.js";

test("calendar dates", () => {
  expect(estDateValide("2019-02-29")).toBe(false);
  expect(estDateValide("2020-02-29")).toBe(true);
  expect(estDateValide("2019-6-1")).toBe(false);
  // 24 months after an order of 31/08/2019 (Guide note 7, l.2126): 31/08/2021.
  expect(ajouterMois("2019-08-31", 24)).toBe("2021-08-31");
  expect(ajouterMois("2019-01-31", 1)).toBe("2019-02-28");
  expect(ajouterAnnees("2024-02-29", -3)).toBe("2021-02-28");
});

// ajouterMois is plain arithmetic since issue 20 (no Date): it must give, day for day, what the
// calendar of Date gives — month ends, February of leap years (2000 yes, 1900 and 2100 no).
test("ajouterMois agrees with Date's calendar, day by day over 1899–2101", () => {
  const parDate = (s: string, mois: number) => {
    const [a, m, j] = s.split("-").map(Number);
    const fin = new Date(Date.UTC(a, m - 1 + mois + 1, 0)).getUTCDate();
    return new Date(Date.UTC(a, m - 1 + mois, Math.min(j, fin))).toISOString().slice(0, 10);
  };
  const ecarts: string[] = [];
  for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000 * 3) {
    const s = new Date(t).toISOString().slice(0, 10);
    for (const mois of [-36, -12, -1, 1, 11, 12, 24]) {
      if (ajouterMois(s, mois) !== parDate(s, mois)) ecarts.push(`${s} ${mois}`);
    }
  }
  expect(ecarts).toEqual([]);
  expect(ajouterMois("1900-01-29", 1)).toBe("1900-02-28");
  expect(ajouterMois("2000-01-29", 1)).toBe("2000-02-29");
});

// estDateValide is plain arithmetic since issue 20: the same answers as Date's calendar, which reads
// the years 0000–0099 as 1900–1999 (so refuses them), on every day number 00–32 of every month 00–13.
test("estDateValide agrees with Date's calendar", () => {
  const parDate = (s: string) => {
    const [a, mo, j] = s.split("-").map(Number);
    const d = new Date(Date.UTC(a, mo - 1, j));
    return d.getUTCFullYear() === a && d.getUTCMonth() === mo - 1 && d.getUTCDate() === j;
  };
  const ecarts: string[] = [];
  const deux = (n: number) => String(n).padStart(2, "0");
  for (const an of [0, 4, 99, 100, 104, 1600, 1899, 1900, 1999, 2000, 2019, 2024, 2100, 2400, 9999])
    for (let mo = 0; mo <= 13; mo++)
      for (let j = 0; j <= 32; j++) {
        const s = `${String(an).padStart(4, "0")}-${deux(mo)}-${deux(j)}`;
        if (estDateValide(s) !== parDate(s)) ecarts.push(s);
      }
  expect(ecarts).toEqual([]);
  expect(estDateValide("2100-02-29")).toBe(false);
  expect(estDateValide("2400-02-29")).toBe(true);
});
