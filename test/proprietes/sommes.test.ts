// The sums of a financing plan are exact to the cent (docs/domaine.md §0: decimal.js, never floats):
// the pro-rata shares add up to the line, the amounts asked of a dispositif across its expenses add
// up to its lines, the balance control compares exact sums, and a French amount reads as its figure.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { D, lireMontant, repartir, somme } from "../../src/core/argent.js";
import { evaluer, REF } from "../outils/regles.js";
import { centimes, fiche, texteMontant, type FicheBrute } from "./arbitraires.js";

const RUNS = 150;

/** A weight: an amount with up to 2 decimals, often zero (an expense with no assiette). */
const poids = fc.oneof(fc.constant(0), centimes()).map((c) => new D(c).dividedBy(100));

describe("repartir: pro-rata shares", () => {
  test("add up exactly to the total, each within a cent of its exact share, in cents, never negative", () => {
    fc.assert(
      fc.property(centimes(), fc.array(poids, { minLength: 1, maxLength: 12 }), (c, w) => {
        const total = new D(c).dividedBy(100);
        const parts = repartir(total, w);
        expect(parts).toHaveLength(w.length);
        expect(somme(parts).equals(total)).toBe(true);
        const sw = somme(w);
        parts.forEach((p, i) => {
          expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(p.isNegative() && !p.isZero()).toBe(false);
          const exacte = sw.isZero() ? total.dividedBy(w.length) : total.times(w[i]).dividedBy(sw);
          expect(p.minus(exacte).abs().lessThan(new D("0.01"))).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  test("a hand-worked case: 100,00 € in three equal shares is 33,34 + 33,33 + 33,33", () => {
    // 10 000 cents / 3 = 3 333,33…: one cent left over, given to the first of equal remainders.
    expect(repartir(new D(100), [new D(1), new D(1), new D(1)]).map((x) => x.toFixed(2))).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
  });
});

/** Which dispositif a raw line pays under, as docs/interface.md says: its `dispositif`, else its financer. */
function dispositifDe(l: Record<string, unknown>): string {
  return String(l.dispositif ?? l.financeur);
}

/**
 * What a raw line counts against its dispositif (docs/domaine.md §3, second edition: "the aid counted,
 * grant equivalent when given, as for cumul"): a loan, advance or guarantee that is State aid counts
 * at its `equivalent_subvention` when given; any other line at its amount.
 */
function compte(l: Record<string, unknown>): D {
  const regle = REF.dispositifs.get(dispositifDe(l));
  const duFinanceur = REF.dispositifs.get(String(l.financeur));
  const prive = ["prive", "autofinancement"].includes(String(l.financeur));
  const regime =
    l.regime ??
    duFinanceur?.regime_defaut ??
    (regle && regle.regime_defaut !== "fiscal" ? regle.regime_defaut : "rgec");
  const aideEtat =
    !prive &&
    regime !== "hors_aide_etat" &&
    regime !== "fiscal" &&
    (regle?.aide_etat ?? true) &&
    (duFinanceur?.aide_etat ?? true);
  const forme = String(l.forme ?? "subvention");
  const avecEquivalent =
    aideEtat &&
    !["subvention", "fonds_propres", "quasi_fonds_propres"].includes(forme) &&
    l.equivalent_subvention !== undefined;
  return new D(String(avecEquivalent ? l.equivalent_subvention : l.montant));
}

describe("the financing plan of a generated fiche", () => {
  test("the amounts asked of a dispositif across its expenses add up to what its lines count, to the cent", () => {
    fc.assert(
      fc.property(fiche({ plan: true, depenses: { min: 1, max: 4 } }), (f: FicheBrute) => {
        const e = evaluer(f);
        const lignes = f.financements!;
        for (const id of new Set(lignes.map(dispositifDe))) {
          const resultats = e.resultats.filter((r) => r.dispositif === id);
          if (resultats.length === 0) continue; // a generic financer: no dispositif result
          // A tax measure (suramortissement with no regime given) is no financing line (docs/domaine.md §2).
          const siennes = lignes.filter(
            (l) => dispositifDe(l) === id && !(l.financeur === "suramortissement" && l.regime === undefined),
          );
          const attendu = somme(siennes.map(compte));
          const demandes = somme(resultats.map((r) => r.demande ?? new D(0)));
          expect(demandes.toFixed(2), `${id}`).toBe(attendu.toFixed(2));
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("the balance control compares Σ lines with Σ expenses exactly, and is compliant only when equal", () => {
    fc.assert(
      fc.property(fiche({ plan: true }), fc.boolean(), (f: FicheBrute, equilibrer) => {
        // Half the time, an autofinancement line that balances the plan to the cent.
        const cout = somme(f.depenses.map((d) => new D(String(d.montant))));
        let lignes = f.financements!;
        const ressources = somme(lignes.map((l) => new D(String(l.montant))));
        if (equilibrer && cout.greaterThanOrEqualTo(ressources)) {
          lignes = [...lignes, { financeur: "autofinancement", montant: cout.minus(ressources).toFixed(2) }];
        }
        const e = evaluer({ ...f, financements: lignes });
        const [c] = e.controles.filter((x) => x.controle === "equilibre");
        const attendu = somme(lignes.map((l) => new D(String(l.montant))));
        expect(c.valeur!.equals(attendu)).toBe(true);
        expect(c.limite!.equals(cout)).toBe(true);
        expect(c.conforme).toBe(attendu.equals(cout));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("reading amounts", () => {
  /** "1 234 567,89 €" with a (non-breaking) space every three digits, as French spreadsheets write. */
  function enFrancais(c: number, espace: string): string {
    const euros = String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, espace);
    return `${euros},${String(c % 100).padStart(2, "0")} €`;
  }

  test("a French amount reads exactly as its canonical figure", () => {
    fc.assert(
      fc.property(centimes(99_999_999_999_99), fc.constantFrom(" ", "\u00a0", "\u202f"), (c, espace) => {
        const canon = lireMontant(texteMontant(c));
        const fr = lireMontant(enFrancais(c, espace));
        expect(canon.ok && fr.ok).toBe(true);
        if (canon.ok && fr.ok) {
          expect(fr.valeur.equals(canon.valeur)).toBe(true);
          expect(canon.valeur.times(100).toNumber()).toBe(c);
        }
      }),
      { numRuns: 500 },
    );
  });

  test("a third decimal is refused, never rounded silently", () => {
    fc.assert(
      fc.property(centimes(), fc.integer({ min: 1, max: 9 }), (c, millieme) => {
        const texte = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}${millieme}`;
        expect(lireMontant(texte).ok).toBe(false);
        expect(lireMontant(texte.replace(".", ",")).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
