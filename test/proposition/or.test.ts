// `proposer` (docs/interface.md « proposer »): golden cases worked by hand from the guide and the law.
// Each expected figure is computed in the comments, never read from the program's output.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { lireDocument } from "../../src/core/document.js";
import { validerFiche } from "../../src/core/fiche.js";
import { proposerPlan, type Proposition } from "../../src/core/proposition/proposer.js";
import { ErreurSaisie } from "../../src/core/erreurs.js";
import { REF, ficheSimple } from "../outils/regles.js";
import { RACINE } from "../outils/cli.js";

function proposer(donnees: unknown, financeurs?: string[]): Proposition {
  const fiche = validerFiche({ fichier: "test.yaml", donnees, ligneDe: () => undefined });
  return proposerPlan(fiche, REF, { financeurs });
}

const chaufferie = () =>
  lireDocument(readFileSync(`${RACINE}/fixtures/fiches/chaufferie.yaml`, "utf8"), "chaufferie.yaml")
    .donnees as Record<string, unknown>;

/** "financeur montant" of each proposed line, self-financing last. */
const plan = (p: Proposition) => p.fiche.financements!.map((f) => `${f.financeur} ${f.montant.toFixed(2)}`);
const limites = (p: Proposition, financeur: string) =>
  p.lignes.find((l) => l.financeur === financeur)!.limites.map((l) => `${l.controle} ${l.portee}`);

describe("the README's chaufferie (fixtures/fiches/chaufferie.yaml)", () => {
  // ADEME fiche 8: enr, ME: 55 % (l.914) + 5 points in an AFR zone of mainland France (l.909-912) =
  // 60 %; assiette: the extra cost 1 200 000 − 400 000 = 800 000 (l.927); ceiling 60 % × 800 000 =
  // 480 000,00 €. The cumul on « chaudiere » (note 9, l.2639) caps all State aid at the same 480 000 €.
  // Total cost 1 200 000 €.
  test("ADEME first in the fiche: 480 000 € from ADEME, the Region 0 (the cumul is full), 720 000 € self-financing", () => {
    const p = proposer(chaufferie());
    expect(plan(p)).toEqual(["ademe-investissement 480000.00", "region 0.00", "autofinancement 720000.00"]);
    expect(p.aidePublique.toFixed(2)).toBe("480000.00");
    expect(limites(p, "ademe-investissement")).toEqual([
      "plafond ademe-investissement / chaudiere",
      "cumul chaudiere",
    ]);
    expect(limites(p, "region")).toEqual(["cumul chaudiere"]);
    expect(p.evaluation.conforme).toBe(true);
    expect(p.aucuneAide).toBeNull();
  });

  test("ties broken in the order given: --financeurs region,ademe-investissement gives the 480 000 € to the Region", () => {
    // Same total (480 000 € under the cumul); the Region, a generic financer, has no ceiling of its own.
    const p = proposer(chaufferie(), ["region", "ademe-investissement"]);
    expect(plan(p)).toEqual(["region 480000.00", "ademe-investissement 0.00", "autofinancement 720000.00"]);
  });

  test("the Region first with montant_max 130 000 €: ADEME brings the other 350 000 €", () => {
    // 480 000 − 130 000 = 350 000 € ≤ ADEME's ceiling of 480 000 €.
    const d = chaufferie();
    const lignes = d.financements as Record<string, unknown>[];
    d.financements = [{ ...lignes[1], montant_max: 130000 }, lignes[0], lignes[2]];
    const p = proposer(d);
    expect(plan(p)).toEqual([
      "region 130000.00",
      "ademe-investissement 350000.00",
      "autofinancement 720000.00",
    ]);
    expect(limites(p, "region")).toEqual(["montant_max region"]);
    expect(limites(p, "ademe-investissement")).toEqual(["cumul chaudiere"]);
  });
});

describe("a collectivité's non-economic investment of 1 000 000 € (CGCT art. L1111-10 III)", () => {
  // The owner funds at least 20 % of the public financing, its own share included: all the plan is
  // public here (State, Region, Département and the commune itself), so 20 % × 1 000 000 = 200 000 € of
  // self-financing, and 1 000 000 − 200 000 = 800 000 € at most from the others. No cumul control
  // (non-economic activity, docs/domaine.md §3). montant_max: État 500 000, Région 400 000,
  // Département 300 000 → État 500 000 (its cap), Région 800 000 − 500 000 = 300 000, Département 0.
  const fiche = {
    id: "SALLE",
    date_demande: "2019-06-01",
    beneficiaire: { nom: "Commune d'Exemple", nature: "collectivite" },
    localisation: { zone: "metropole", afr: false },
    depenses: [{ id: "batiment", nature: "investissement", montant: 1000000 }],
    financements: [
      { financeur: "etat", montant: 0, regime: "hors_aide_etat", montant_max: 500000 },
      { financeur: "region", montant: 0, regime: "hors_aide_etat", montant_max: 400000 },
      { financeur: "departement", montant: 0, regime: "hors_aide_etat", montant_max: 300000 },
      { financeur: "autofinancement", montant: 1000000 },
    ],
  };
  test("800 000 € of public aid: État 500 000, Région 300 000, Département 0; the commune 200 000", () => {
    const p = proposer(fiche);
    expect(plan(p)).toEqual([
      "etat 500000.00",
      "region 300000.00",
      "departement 0.00",
      "autofinancement 200000.00",
    ]);
    expect(limites(p, "etat")).toEqual(["montant_max etat"]);
    expect(limites(p, "region")).toEqual(["participation_minimale Commune d'Exemple"]);
    expect(limites(p, "departement")).toEqual(["participation_minimale Commune d'Exemple"]);
    expect(p.evaluation.conforme).toBe(true);
  });
});

describe("a de minimis line limited by previous aid (Reg. (EU) 2023/2831, art. 3 §2)", () => {
  // Granted on 2025-03-01: 300 000 € over the three years ending on that date (from 2022-03-01, first
  // day included); 250 000 € received on 2023-06-01 → 50 000 € of room for the Region (de minimis).
  // The expense has taux_max 50 %: the cumul caps all State aid at 50 % × 200 000 = 100 000 €, so the
  // State (GBER, works after the application) brings the other 100 000 − 50 000 = 50 000 €.
  const fiche = ficheSimple(
    { id: "mission", nature: "conseil", montant: 200000, taux_max: 0.5 },
    {
      date_demande: "2025-03-01",
      date_debut: "2025-04-01",
      beneficiaire: { siren: "123456782" },
      financements: [
        { financeur: "region", montant: 0, regime: "de_minimis" },
        { financeur: "etat", montant: 0, regime: "rgec" },
        { financeur: "autofinancement", montant: 200000 },
      ],
      aides_de_minimis_anterieures: [{ date: "2023-06-01", montant: 250000 }],
    },
  );
  test("Region 50 000 € (de minimis room), State 50 000 € (cumul), self-financing 100 000 €", () => {
    const p = proposer(fiche);
    expect(plan(p)).toEqual(["region 50000.00", "etat 50000.00", "autofinancement 100000.00"]);
    expect(limites(p, "region")).toContain("de_minimis 123456782");
    expect(limites(p, "etat")).toEqual(["cumul mission"]);
  });

  test("no room left (310 000 € already): the de minimis line is left out, and says why", () => {
    const d = structuredClone(fiche) as Record<string, unknown>;
    d.aides_de_minimis_anterieures = [{ date: "2023-06-01", montant: 310000 }];
    const p = proposer(d);
    // The State alone: 100 000 € under the cumul.
    expect(plan(p)).toEqual(["etat 100000.00", "autofinancement 100000.00"]);
    const region = p.lignes.find((l) => l.financeur === "region")!;
    expect(region.exclue).toBe(true);
    expect(region.limites[0].controle).toBe("de_minimis");
  });
});

describe("PIA filières at parity (Guide fiche 21, l.2054)", () => {
  // « financés jusqu'à 50 % des dépenses éligibles […] par l'État et la Région, à parité » (l.2054):
  // 50 % × 3 000 000,06 = 1 500 000,03 € (a ceiling truncated to the cent); at parity, each at most
  // 1 500 000,03 / 2 = 750 000,015 → 750 000,01 € each (1 500 000,02 €); one cent more for either
  // breaks the parity.
  const fiche = ficheSimple(
    {
      id: "outil",
      nature: "investissement",
      categorie: "outil_filiere",
      montant: "3000000.06",
      ouvert_aux_tiers: true,
      duree_amorcage_annees: 5,
      droits_vote_filiere: 0.5,
    },
    {
      date_debut: "2019-09-01",
      financements: [
        { financeur: "etat", montant: 0, dispositif: "pia-filieres", regime: "rgec" },
        { financeur: "region", montant: 0, dispositif: "pia-filieres", regime: "rgec" },
        { financeur: "autofinancement", montant: "3000000.06" },
      ],
    },
  );
  test("750 000,01 € each, self-financing 1 500 000,04 €", () => {
    const p = proposer(fiche);
    expect(plan(p)).toEqual(["etat 750000.01", "region 750000.01", "autofinancement 1500000.04"]);
    expect(limites(p, "etat")).toContain("parite pia-filieres");
    expect(p.evaluation.conforme).toBe(true);
  });

  test("the Region capped at 500 000 €: the State too, by parity", () => {
    const d = structuredClone(fiche) as { financements: Record<string, unknown>[] };
    d.financements[1].montant_max = 500000;
    const p = proposer(d);
    expect(plan(p)).toEqual(["etat 500000.00", "region 500000.00", "autofinancement 2000000.06"]);
    expect(limites(p, "region")).toEqual(["montant_max region"]);
  });
});

describe("no public aid possible", () => {
  test("a GBER aid asked after the works started (GBER art. 6 §2): left out, and said why", () => {
    // date_demande 2019-06-01 after date_debut 2019-05-01: effet incitatif lost for a GBER aid (note 8, l.2637).
    const p = proposer({
      ...chaufferie(),
      date_debut: "2019-05-01",
    });
    expect(p.aidePublique.toFixed(2)).toBe("0.00");
    expect(plan(p)).toEqual(["autofinancement 1200000.00"]);
    expect(p.lignes.every((l) => l.exclue && l.limites[0].controle === "effet_incitatif")).toBe(true);
    expect(p.aucuneAide).toMatch(/Aucune aide publique possible/);
    expect(p.aucuneAide).toMatch(/début des travaux/);
    expect(p.evaluation.conforme).toBe(true);
  });

  test("a fiche naming no public financer, without --financeurs: a user error saying what to do", () => {
    const d = { ...chaufferie(), financements: [{ financeur: "autofinancement", montant: 1200000 }] };
    expect(() => proposer(d)).toThrow(ErreurSaisie);
    expect(() => proposer(d)).toThrow(/--financeurs/);
  });
});

describe("a control that cannot be evaluated limits nothing, and the proposition says so", () => {
  test("an expense no dispositif prices, without taux_max: the cumul is not evaluable, a warning says it", () => {
    // No rate on « mission » (docs/domaine.md §3, cumul): the Region is limited by the balance only.
    const p = proposer(
      ficheSimple(
        { id: "mission", nature: "conseil", montant: 100000 },
        {
          date_debut: "2019-09-01",
          financements: [
            { financeur: "region", montant: 0, regime: "rgec" },
            { financeur: "autofinancement", montant: 100000 },
          ],
        },
      ),
    );
    expect(plan(p)).toEqual(["region 100000.00", "autofinancement 0.00"]);
    expect(limites(p, "region")).toEqual(["equilibre T"]);
    expect(p.motifs.map((m) => m.code)).toContain("proposition_sans_controle");
    expect(p.motifs.find((m) => m.code === "proposition_sans_controle")!.message).toMatch(/taux_max/);
  });
});
