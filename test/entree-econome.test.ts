// What a row of `lot` costs before its evaluation (issue 20, s6-entree): the same readings, the same
// objects, with less work. Each test keeps what must not change when the work is made cheaper.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { D, lireMontant, lireNombre, MONTANT_MAX } from "../src/core/argent.js";
import { estDateValide } from "../src/core/dates.js";
import { lireChoixEnClair } from "../src/core/libelles.js";
import { analyserEntetes } from "../src/cli/csv/entetes.js";
import { categoriesConnues, ficheDeLigne } from "../src/cli/csv/ligne-vers-fiche.js";
import { REF } from "./outils/regles.js";
import { entetesExemple, LIGNE_EXEMPLE } from "./outils/ligne-exemple.js";

describe("lireMontant: whole amounts built from a number, the same Decimal as from their digits", () => {
  // toStrictEqual compares the Decimal's own fields (sign, exponent, digit groups), not only its text.
  const parLeTexte = (chiffres: string) => new D(chiffres);

  test.each([
    ["0", "0"],
    ["0,00 €", "0"],
    ["7", "7"],
    ["1 000 000", "1000000"],
    ["9 999 999,00 €", "9999999"],
    ["0000012", "12"],
    ["10 000 000", "10000000"],
    ["12 345 678,00", "12345678"],
    ["1\u202f148\u202f300,00\u00a0€", "1148300"],
    ["350,50", "350.5"],
  ])("« %s » → %s", (ecrit, chiffres) => {
    const r = lireMontant(ecrit);
    expect(r.ok && r.valeur).toStrictEqual(parLeTexte(chiffres));
  });

  test("any whole amount up to 10^9, with or without cents written as zeros", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom("", ",00", ".00", ",0", " €", ",00 €"),
        (n, suite) => {
          const r = lireMontant(`${n}${suite}`);
          expect(r.ok && r.valeur).toStrictEqual(parLeTexte(String(n)));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe("lireNombre: a whole number in digits built from a number, the same Decimal", () => {
  /** The rule for a text of digits and points, as it is written (a regular expression, then the text). */
  const regle = (s: string) => (/^\d+(\.\d+)?$/.test(s) ? new D(s) : null);

  test.each([
    "0",
    "00",
    "120",
    "0120",
    "9999999",
    "10000000",
    "18.0",
    "12.50",
    "12.",
    ".5",
    ".0",
    "",
    "1.2.0",
  ])("%j", (s) => {
    const r = lireNombre(s);
    expect(r.ok ? r.valeur : null).toStrictEqual(regle(s));
  });

  test("any text of digits and points", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(..."0123456789."), { maxLength: 10 }), (cs) => {
        const s = cs.join("");
        const r = lireNombre(s);
        expect(r.ok ? r.valeur : null).toStrictEqual(regle(s));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("lireMontant: up to the largest amount, not beyond", () => {
  test.each([
    ["99 999 999 999,99", "99999999999.99"],
    ["999 999 999 999,99", "999999999999.99"],
    ["0 999 999 999 999,99", "999999999999.99"],
  ])("« %s » → %s", (ecrit, chiffres) => {
    const r = lireMontant(ecrit);
    expect(r.ok && r.valeur).toStrictEqual(new D(chiffres));
    expect(r.ok && r.valeur.lessThanOrEqualTo(MONTANT_MAX)).toBe(true);
  });

  test.each(["1 000 000 000 000", "999 999 999 999,991", "01 000 000 000 000,00 €"])(
    "« %s » refused",
    (ecrit) => {
      expect(lireMontant(ecrit).ok).toBe(false);
    },
  );
});

describe("estDateValide: the calendar, read without a regular expression", () => {
  /** The rule as it was written (a regular expression, then the month's days). */
  function regle(s: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const [a, mo, j] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const bissextile = (a % 4 === 0 && a % 100 !== 0) || a % 400 === 0;
    const jours = [31, bissextile ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    return a >= 100 && mo >= 1 && mo <= 12 && j >= 1 && j <= jours;
  }

  test.each([
    ["2019-06-01", true],
    ["2020-02-29", true],
    ["2019-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["0099-01-01", false],
    ["0100-01-01", true],
    ["2019-13-01", false],
    ["2019-00-10", false],
    ["2019-04-31", false],
    ["2019-06-01\n", false],
    ["2019-6-01", false],
    ["2019/06/01", false],
    ["٢٠١٩-٠٦-٠١", false],
  ])("%j → %s", (s, attendu) => {
    expect(estDateValide(s)).toBe(attendu);
    expect(regle(s)).toBe(attendu);
  });

  test("any text of digits and dashes: the same answer as the regular expression", () => {
    const caractere = fc.constantFrom(..."0123456789-/ \n");
    fc.assert(
      fc.property(fc.array(caractere, { minLength: 8, maxLength: 12 }), (cs) => {
        const s = cs.join("");
        expect(estDateValide(s)).toBe(regle(s));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("0050-01-01"), max: new Date("9999-12-31") }), (d) => {
        if (Number.isNaN(d.getTime())) return;
        const s = d.toISOString().slice(0, 10);
        expect(estDateValide(s)).toBe(regle(s));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("choices written in words: a copy only when one is", () => {
  test("nothing in words: the fiche itself, not a copy", () => {
    const fiche = {
      beneficiaire: { nature: "entreprise" },
      localisation: { zone: "metropole" },
      depenses: [{ nature: "investissement" }, { nature: Number.NaN }],
      financements: [{ regime: "rgec" }, { financeur: "region" }],
    };
    expect(lireChoixEnClair(fiche, [], REF)).toBe(fiche);
    const contrat = { fiches: [fiche, fiche] };
    expect(lireChoixEnClair(contrat, ["fiches", 1], REF)).toBe(contrat);
  });

  test("one choice in words: a copy with its id, the data read left as they were", () => {
    const fiche = {
      beneficiaire: { nature: "entreprise", nom: "A" },
      localisation: { zone: "Outre-mer" },
      depenses: [{ nature: "investissement" }],
      financements: [{ regime: "De minimis" }],
    };
    const avant = structuredClone(fiche);
    const lue = lireChoixEnClair(fiche, [], REF);
    expect(lue).toStrictEqual({
      beneficiaire: { nature: "entreprise", nom: "A" },
      localisation: { zone: "outre_mer" },
      depenses: [{ nature: "investissement" }],
      financements: [{ regime: "de_minimis" }],
    });
    expect(fiche).toStrictEqual(avant);
    const contrat = { fiches: [{ id: "x" }, fiche] };
    const lu = lireChoixEnClair(contrat, ["fiches", 1], REF) as { fiches: unknown[] };
    expect(lu).not.toBe(contrat);
    expect(lu.fiches[0]).toBe(contrat.fiches[0]);
    expect(lu.fiches[1]).toStrictEqual(lue);
  });
});

describe("a row → a fiche: several dispositifs in one cell", () => {
  const entetes = entetesExemple();
  const plan = analyserEntetes(entetes, REF, "c.csv", 1);
  const dispositifs = [...REF.dispositifs.keys()];
  const categories = categoriesConnues(REF);
  const i = entetes.indexOf("Dispositif");

  test("written as a person writes them, empty parts left out, each named by the column", () => {
    const ligne = [...LIGNE_EXEMPLE];
    ligne[i] = " ADEME études ; ;BdT ingénierie+ ";
    const { donnees, colonnes } = ficheDeLigne(ligne, plan, dispositifs, categories);
    expect((donnees.depenses as { dispositifs: string[] }[])[0].dispositifs).toStrictEqual([
      "ademe-etudes",
      "bdt-ingenierie",
    ]);
    expect(colonnes.get("depenses[0].dispositifs")).toBe("Dispositif");
    expect(colonnes.get("depenses[0].dispositifs[1]")).toBe("Dispositif");
    expect(colonnes.has("depenses[0].dispositifs[2]")).toBe(false);
  });
});
