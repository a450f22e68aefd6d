// ti-aides as a library (src/index.ts): the rule schema stays a full zod object, even though the
// command line builds it only when it reads a rule file; a whole contract is checked without the CLI.
import { expect, test } from "vitest";
import {
  chargerRegles,
  evaluerContrat,
  lireContrat,
  lireDocument,
  regleSchema,
  type FicheSource,
  type ResultatContrat,
} from "../src/index.js";

test("regleSchema exposes its shape and can be extended", () => {
  expect(Object.keys(regleSchema.shape)).toContain("calcul");
  expect(typeof regleSchema.extend).toBe("function");
});

// A contract checked as a library user would, without the command line: documents parsed from their
// text, the rules from disk, the contract evaluated by the core.
test("evaluerContrat: de minimis of the other fiches, a duplicate id left out, a fiche in error kept", () => {
  const ref = chargerRegles();
  /** A consulting mission (400 000 €) no dispositif computes, the Region granting `aide` under de minimis. */
  const texte = (id: string, aide: number, date: string) => `id: ${id}
date_demande: ${date}
beneficiaire: {nature: entreprise, siren: "741000012", effectif: 120, chiffre_affaires: 30000000, total_bilan: 20000000, secteur: industrie}
localisation: {zone: metropole, afr: false}
depenses: [{id: mission, nature: conseil, montant: 400000, taux_max: 1}]
financements:
  - {financeur: region, montant: ${aide}, regime: de_minimis}
  - {financeur: autofinancement, montant: ${400000 - aide}}
`;
  const source = (t: string, fichier: string): FicheSource => ({ doc: lireDocument(t, fichier), chemin: [] });
  const sources = [
    source("id: TI-00\nbeneficiaire: {nature: entreprise}\n", "0.yaml"), // no expenses: in error
    source(texte("TI-01", 120000, "2019-06-01"), "a.yaml"),
    source(texte("TI-02", 120000, "2019-09-01"), "b.yaml"),
    source(texte("TI-01", 120000, "2019-10-01"), "c.yaml"), // TI-01 again: excluded
  ];
  const r: ResultatContrat = evaluerContrat(sources, ref);

  expect(r.fiches.map((f) => f.evaluation.id)).toEqual(["TI-00", "TI-01", "TI-02", "TI-01"]);
  expect(r.comptees).toEqual([false, true, true, false]);
  expect(r.doublons.map((d) => [d.index, d.probleme.fichier, d.probleme.ligne])).toEqual([[3, "c.yaml", 1]]);
  expect(r.doublons[0].probleme.message).toContain("a.yaml, ligne 1");
  expect(r.fiches[0].erreur!.problemes[0].fichier).toBe("0.yaml");

  // Reg. (EU) 1407/2013, art. 3 §2: 200 000 € over three fiscal years. Each of TI-01 and TI-02 sees
  // the other's 120 000 €: 120 000 + 120 000 = 240 000 € > 200 000 € (the duplicate's 120 000 € not
  // counted, else 360 000 €).
  for (const f of r.fiches.slice(1, 3)) {
    const [c] = f.evaluation.controles.filter((x) => x.controle === "de_minimis");
    expect([c.valeur!.toFixed(2), c.limite!.toFixed(2), c.conforme]).toEqual([
      "240000.00",
      "200000.00",
      false,
    ]);
  }
  const [k] = r.bilan.controles.filter((c) => c.controle === "de_minimis");
  expect([k.conforme, k.fiches]).toEqual([false, ["TI-01", "TI-02"]]);
  // Both over by 40 000 €: the control points at the first, TI-01, by its index among ALL the fiches
  // given (1, after the fiche in error), at its de minimis line.
  expect(k.lieu).toEqual({ fiche: 1, champ: ["financements", 0] });
  // Totals over the two counted fiches: 2 × 400 000 = 800 000 € of cost, 2 × 120 000 = 240 000 € from the Region.
  expect(r.bilan.totaux.fiches).toBe(2);
  expect(r.bilan.totaux.cout_total.toFixed(2)).toBe("800000.00");
  expect(r.bilan.totaux.par_financeur.map((f) => [f.financeur, f.montant.toFixed(2)])).toEqual([
    ["region", "240000.00"],
  ]);
});

test("lireContrat then evaluerContrat: a contract file's fiches, checked against its period", () => {
  const ref = chargerRegles();
  const fiche = (id: string, date: string) => `  - id: ${id}
    date_demande: ${date}
    beneficiaire: {nature: entreprise, siren: "741000012", effectif: 120, chiffre_affaires: 30000000, total_bilan: 20000000, secteur: industrie}
    localisation: {zone: metropole, afr: false}
    depenses: [{id: mission, nature: conseil, montant: 10000, taux_max: 1}]
`;
  const texte = `contrat: {id: C-1, territoire: Vallée de l'Arve, periode: {debut: 2019-01-01, fin: 2022-12-31}}
fiches:
${fiche("TI-01", "2022-12-31")}${fiche("TI-02", "2023-01-01")}`;
  const { contrat, fiches } = lireContrat(lireDocument(texte, "contrat.yaml"));
  expect(contrat?.id).toBe("C-1");
  expect(fiches.map((f) => f.chemin)).toEqual([
    ["fiches", 0],
    ["fiches", 1],
  ]);
  const r = evaluerContrat(fiches, ref, { contrat });
  // The period's last day is inside; the day after is outside, at TI-02's date_demande (fiche 1).
  const periode = r.bilan.controles.filter((c) => c.controle === "periode");
  expect(periode.map((c) => [c.portee, c.conforme])).toEqual([
    ["TI-01", true],
    ["TI-02", false],
  ]);
  expect(periode[1].lieu).toEqual({ fiche: 1, champ: ["date_demande"] });
  expect(fiches[1].doc.ligneDe([...fiches[1].chemin, ...periode[1].lieu!.champ])).toBe(9);
});
