// The control messages written only where a renderer reads them (issue 20): the CSV cells of `lot` show
// only the anomalies (failed, not evaluable, to publish), so a CSV row's evaluation asks theirs only
// (`messages: "anomalies"`); every other renderer, and the library, keep reading every message.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";
import type { Dec } from "../../src/core/argent.js";
import type { Controle, EvaluationFiche } from "../../src/core/modele.js";
import { chargerRegles, evaluerFiche, lireDocument, validerFiche } from "../../src/index.js";
import { analyserEntetes } from "../../src/cli/csv/entetes.js";
import { contexteLot, traiterLigne, type FormatLot } from "../../src/cli/csv/traitement.js";
import { anomalies } from "../../src/cli/csv/resultats.js";
import { rendreVerificationGithub } from "../../src/cli/verifier/github.js";
import { rendreVerificationJunit } from "../../src/cli/verifier/junit.js";
import { lireSources } from "../../src/cli/verifier/sources.js";
import { rendreVerificationTexte } from "../../src/cli/verifier/texte.js";
import { verifierSources } from "../../src/cli/verifier/verification.js";
import { evaluer, REF } from "../outils/regles.js";
import { fiche } from "../proprietes/arbitraires.js";

/** Every amount and rate formatted in French while a test runs (format.js wrapped, not changed). */
const formates: string[] = [];
vi.mock("../../src/core/format.js", async (original) => {
  const m = await original<typeof import("../../src/core/format.js")>();
  return {
    ...m,
    euros: (x: Dec) => {
      formates.push(x.toFixed(2));
      return m.euros(x);
    },
    pourcent: (x: Dec) => {
      formates.push(`${x.toString()} (taux)`);
      return m.pourcent(x);
    },
  };
});

/** What the reader must act on: failed, not evaluable, to publish (README, « Traiter un tableau CSV »). */
const anomalie = (k: Controle) => k.conforme !== true || k.publication_requise === true;

/**
 * A text written by hand, with the no-break spaces of euros(): in amounts and before €. (The rate in
 * `cumul`'s message is written with an ordinary space before %, not by pourcent().)
 */
const fr = (s: string) => s.replace(/(?<=\d) (?=\d{3}(?:\D|$))/g, "\u00a0").replace(/ (?=€)/g, "\u00a0");

// rules/parametres/reglements.yaml: the GBER applies until 31/12/2026; after, its controls are not evaluable.
const APRES_RGEC = "2027-03-01";

// fixtures/contrat-exemple/fiches/01-chaleur-fatale.yaml, a case of the guide: a medium-sized enterprise
// (120 staff, 30 M€: Reg. (EU) 651/2014, annex I) recovers waste heat, 600 000 € of investment with a
// reference investment of 200 000 €; ADEME investissement, fiche 8 (l.891, l.914): 55 % for an ME
// outside AFR zones (l.912), base 600 000 − 200 000 = 400 000 € (l.924-928), at most
// 55 % × 400 000 = 220 000 €; 200 000 € asked, 400 000 € self-financed; applied 02/09/2019, works
// from 06/01/2020.
const CHALEUR_FATALE = `id: TI-ARVE-01
date_demande: 2019-09-02
date_debut: 2020-01-06
beneficiaire: {nom: Décolletage du Faucigny SAS, siren: "741000012", nature: entreprise, effectif: 120, chiffre_affaires: 30000000, total_bilan: 20000000, secteur: industrie}
localisation: {zone: metropole, afr: false}
depenses:
  - {id: recuperateur, dispositifs: [ademe-investissement], nature: investissement, categorie: enr, montant: 600000, cout_reference: 200000}
financements:
  - {financeur: ademe-investissement, montant: 200000, forme: subvention, regime: rgec}
  - {financeur: autofinancement, montant: 400000}
`;

describe("control messages written where a renderer reads them", () => {
  const ref = chargerRegles();
  const chaleur = () => validerFiche(lireDocument(CHALEUR_FATALE, "chaleur.yaml"));

  test("the library gives every message, the same text as before (written by hand from the guide's case)", () => {
    const e = evaluerFiche(chaleur(), ref);
    expect(e.controles.map((k) => [k.controle, k.message])).toEqual([
      ["plafond", fr("ademe-investissement : 200 000,00 € demandés, dans le plafond de 220 000,00 €.")],
      // 200 000 + 400 000 of resources = the 600 000 € of cost.
      ["equilibre", fr("Plan équilibré : ressources = coût total = 600 000,00 €.")],
      [
        "cumul",
        fr(
          "Dépense « recuperateur » : 200 000,00 € d'aides publiques cumulées, dans l'intensité maximale de 220 000,00 € (ademe-investissement, 55 % de 400 000,00 €).",
        ),
      ],
      // Guide note 10, l.2641: published from 500 000 € of individual aid.
      [
        "transparence",
        fr("ademe-investissement : aide de 200 000,00 € sous le seuil de publication de 500 000,00 €."),
      ],
      [
        "effet_incitatif",
        fr("Demande du 02/09/2019 antérieure au début des travaux (06/01/2020) : effet incitatif respecté."),
      ],
    ]);
  });

  test("anomalies only: a compliant plan's controls format no amount for their messages", () => {
    formates.length = 0;
    evaluerFiche(chaleur(), ref, { essai: true }); // figures only: no control message at all
    const sansMessages = formates.splice(0);
    const e = evaluerFiche(chaleur(), ref, { messages: "anomalies" });
    expect(formates).toEqual(sansMessages);
    expect(e.controles.map((k) => [k.controle, k.conforme, k.message])).toEqual([
      ["plafond", true, ""],
      ["equilibre", true, ""],
      ["cumul", true, ""],
      ["transparence", true, ""],
      ["effet_incitatif", true, ""],
    ]);
    // Their figures stay: 200 000 € asked against the 220 000 € ceiling, 600 000 € of resources.
    expect(e.controles.map((k) => [k.valeur?.toFixed(2) ?? null, k.limite?.toFixed(2) ?? null])).toEqual([
      ["200000.00", "220000.00"],
      ["600000.00", "600000.00"],
      ["200000.00", "220000.00"],
      ["200000.00", "500000.00"],
      [null, null],
    ]);
  });

  test("anomalies only: the same evaluation, but the messages of compliant controls (generated plans)", () => {
    let anomaliesVues = 0;
    let conformesVus = 0;
    fc.assert(
      fc.property(fiche({ plan: true }), fc.constantFrom(undefined, APRES_RGEC), (f, date) => {
        let complete: EvaluationFiche;
        try {
          complete = evaluer(f, { date });
        } catch {
          return; // an input the schema refuses
        }
        const partielle = evaluer(f, { date, messages: "anomalies" });
        const attendue = {
          ...complete,
          controles: complete.controles.map((k) => (anomalie(k) ? k : { ...k, message: "" })),
        };
        expect(JSON.parse(JSON.stringify(partielle))).toEqual(JSON.parse(JSON.stringify(attendue)));
        // What the CSV cell shows is unchanged.
        expect(anomalies(partielle)).toEqual(anomalies(complete));
        for (const k of complete.controles)
          if (anomalie(k)) anomaliesVues++;
          else conformesVus++;
      }),
      { numRuns: 150 },
    );
    // The generated plans have both kinds of controls.
    expect(anomaliesVues).toBeGreaterThan(20);
    expect(conformesVus).toBeGreaterThan(20);
  });
});

describe("a row of `lot`", () => {
  const ref = chargerRegles();
  // The same case as a spreadsheet row.
  const entetes = [
    "id",
    "Date de demande",
    "Date de début",
    "Bénéficiaire",
    "SIREN",
    "Effectif",
    "Chiffre d'affaires",
    "Total du bilan",
    "Secteur",
    "Zone",
    "AFR",
    "Dispositif",
    "Nature",
    "Catégorie",
    "Montant",
    "Coût de référence",
    "ADEME investissement",
    "Autofinancement",
  ];
  const ligne = [
    "TI-ARVE-01",
    "02/09/2019",
    "06/01/2020",
    "Décolletage du Faucigny SAS",
    "741000012",
    "120",
    "30 000 000",
    "20 000 000",
    "industrie",
    "Métropole",
    "non",
    "ADEME investissement",
    "Investissement",
    "EnR",
    "600 000,00 €",
    "200 000,00 €",
    "200 000,00 €",
    "400 000,00 €",
  ];
  const traiter = (format: FormatLot) => {
    const plan = analyserEntetes(entetes, ref, "contrat.csv", 1);
    const c = contexteLot({ plan, fichier: "contrat.csv", format, separateurDecimal: "," }, ref);
    formates.length = 0;
    const t = traiterLigne({ cellules: ligne, ligne: 2 }, c);
    return { t, formates: formates.splice(0) };
  };

  test("in CSV, a compliant plan's controls format none of their amounts; in JSON Lines, all", () => {
    const csv = traiter("csv");
    const jsonl = traiter("jsonl");
    expect([csv.t.statut, jsonl.t.statut]).toEqual(["conforme", "conforme"]);
    const tries = (xs: string[]) => [...xs].sort();
    // JSON Lines writes every control's message: plafond (200 000 asked, 220 000 ceiling), équilibre
    // (600 000 of cost), cumul (200 000 against 220 000, 55 % of 400 000), transparence (200 000 under
    // the threshold of 500 000 €, Guide note 10, l.2641). No cell is written.
    expect(tries(jsonl.formates)).toEqual(
      tries([
        "200000.00",
        "220000.00",
        "600000.00",
        "200000.00",
        "220000.00",
        "400000.00",
        "200000.00",
        "500000.00",
      ]),
    );
    // The CSV cells show no anomaly: only their own amounts are formatted — the eligible dispositif's
    // 220 000 € and the room left (220 000 € at most, 200 000 € asked, 20 000 € more).
    expect(tries(csv.formates)).toEqual(tries(["220000.00", "220000.00", "200000.00", "20000.00"]));
    const rendu = csv.t.rendu as string[];
    expect(rendu.at(-2)).toBe(""); // Anomalies
  });
});

describe("verifier", () => {
  // Two fiches: the guide's case above, compliant, and a consulting mission of 10 000 € where DIRECCTE
  // conseil RH pays at most 50 % (Guide TI V5, fiche 12, l.1237): 6 000 € asked > 5 000 € fails
  // `plafond`, and `cumul` (State aid 6 000 € > 50 % × 10 000 €, Guide note 9, l.2639).
  const dossier = mkdtempSync(join(tmpdir(), "ti-aides-messages-"));
  writeFileSync(join(dossier, "chaleur.yaml"), CHALEUR_FATALE);
  writeFileSync(
    join(dossier, "rh.yaml"),
    `id: TI-RH
date_demande: 2019-06-01
beneficiaire: {siren: "123456782", effectif: 10, chiffre_affaires: 1000000, total_bilan: 1000000}
depenses: [{id: mission, nature: conseil, categorie: rh, montant: 10000}]
financements:
  - {financeur: direccte-conseil-rh, montant: 6000, regime: de_minimis}
  - {financeur: autofinancement, montant: 4000}
`,
  );
  const verifier = async (messages?: "anomalies") =>
    verifierSources(
      await lireSources([dossier], () => Promise.reject(new Error("pas de CSV ici")), REF),
      REF,
      undefined,
      messages,
    );

  test("table, JUnit and GitHub: the same report, without the compliant controls' messages", async () => {
    const complete = await verifier();
    const partielle = await verifier("anomalies");
    for (const strict of [false, true]) {
      expect(rendreVerificationJunit(partielle, strict)).toBe(rendreVerificationJunit(complete, strict));
      expect(rendreVerificationGithub(partielle, strict)).toBe(rendreVerificationGithub(complete, strict));
      expect(rendreVerificationTexte(partielle, strict)).toBe(rendreVerificationTexte(complete, strict));
    }
    // The failed controls are findings, with their message.
    expect(partielle.constats.filter((k) => k.gravite === "echec").map((k) => k.controle)).toEqual([
      "plafond",
      "cumul",
    ]);
    // The compliant controls' messages are not written (all five of the guide's case, at least).
    const conformes = (v: typeof complete) =>
      v.fiches
        .flatMap((f) => f.evaluation.controles)
        .filter((k) => k.conforme === true && !k.publication_requise);
    expect(conformes(complete).length).toBeGreaterThanOrEqual(5);
    expect(conformes(complete).every((k) => k.message !== "")).toBe(true);
    expect(conformes(partielle).map((k) => k.message)).toEqual(conformes(complete).map(() => ""));
  });
});
