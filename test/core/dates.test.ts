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
