// Golden tests: ademe-investissement (Guide TI V5, fiche 8, l.885-938). The figures of this fiche are
// rule test cases in YAML, test/cas/ademe-investissement.yaml (docs/cas-de-test.md); what stays here
// is what that format does not say: "no code starting with bonus_", an input error, "this dispositif
// and no other".
// ficheSimple's beneficiary: 120 staff, 30 M€ / 20 M€ → ME (Reg. (EU) 651/2014, Annex I).
import { describe, expect, test } from "vitest";
import { codes, evaluer, ficheSimple, resultat } from "../outils/regles.js";
import { chiffres, entreprise } from "./commun.js";

const PE = entreprise({ effectif: 30, chiffre_affaires: 5000000, total_bilan: 5000000 });

function ademe(depense: Record<string, unknown>, autre: Record<string, unknown> = {}) {
  const e = evaluer(ficheSimple({ nature: "investissement", ...depense }, autre));
  const r = resultat(e, "ademe-investissement");
  return { ...chiffres(r), codes: codes(r), r, e };
}

describe("taux du tableau et bonus régionaux", () => {
  test("PE, EnR, métropole hors AFR : 65 %, pas de bonus", () => {
    // 65 % (PE, l.914) × (1 000 000 − 250 000) = 487 500,00 €
    const a = ademe({ categorie: "enr", montant: 1000000, cout_reference: 250000 }, { beneficiaire: PE });
    expect(a).toMatchObject({ assiette: "750000.00", taux: "0.6500", plafond: "487500.00" });
    expect(a.codes.filter((c) => c.startsWith("bonus_"))).toEqual([]);
  });
});

describe("autres règles de la fiche 8", () => {
  test("une catégorie qu'aucune règle ne connaît : erreur de saisie avec les plus proches, jamais « non éligible »", () => {
    expect(() =>
      ademe({ categorie: "batiment", montant: 100000, dispositifs: ["ademe-investissement"] }),
    ).toThrow(/catégorie « batiment » inconnue des règles/);
  });
  // Une ME (120 salariés, 30 M€) : EnR 55 % (l.914), réseaux de chaleur 100 % (l.915), économies d'énergie 40 % (l.916),
  // mise en sécurité des sites pollués 100 % (l.913).
  test.each([
    ["Développement des EnR", "0.5500"],
    ["Énergies renouvelables", "0.5500"],
    ["Réseaux de chaleur", "1.0000"],
    ["Réalisation d'économies d'énergie", "0.4000"],
    ["Mise en sécurité des sites pollués", "1.0000"],
  ])("le libellé du guide « %s » est lu : ademe-investissement s'applique, au taux %s", (libelle, taux) => {
    const a = ademe({ categorie: libelle, montant: 100000 });
    expect(a.e.resultats.map((r) => r.dispositif)).toEqual(["ademe-investissement"]);
    expect(a).toMatchObject({ eligible: true, taux });
  });
});
