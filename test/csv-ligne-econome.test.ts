// What a row of `lot` does beyond evaluating its fiche, made cheaper without changing a byte
// (issue 20, s5-ligne): the CSV cells tell the spreadsheet user only the messages they write, each
// message is told once, and the amounts of most cells are read without regular expressions — by the
// same rule.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluerFiche } from "../src/core/evaluer.js";
import { validerFiche } from "../src/core/fiche.js";
import { D, lireMontant, MONTANT_MAX } from "../src/core/argent.js";
import { analyserEntetes } from "../src/cli/csv/entetes.js";
import { categoriesConnues, colonneDuChamp, ficheDeLigne } from "../src/cli/csv/ligne-vers-fiche.js";
import {
  depenseEnColonnes,
  evaluationPourTableur,
  messagePourTableur,
  type NommerColonne,
} from "../src/cli/csv/consignes.js";
import { anomalies } from "../src/cli/csv/resultats.js";
import { contexteLot, traiterLigne } from "../src/cli/csv/traitement.js";
import type { EvaluationFiche } from "../src/core/modele.js";
import { REF } from "./outils/regles.js";
import { entetesExemple, LIGNE_EXEMPLE } from "./outils/ligne-exemple.js";

const entetes = entetesExemple("Montant (€)");
const plan = analyserEntetes(entetes, REF, "c.csv", 1);
const dispositifs = [...REF.dispositifs.keys()];
const categories = categoriesConnues(REF);
// docs/interface.md's example fiche (test/outils/ligne-exemple.ts), its aid above the ceiling: ME (120 staff,
// 30 M€), EnR 55 % + 5 points AFR = 60 % (Guide fiche 8, l.914 and l.912) of 1 200 000 − 400 000 =
// 800 000 € (l.927): 480 000 € at most, and 350 000 + 150 000 = 500 000 € asked (note 9, l.2639).
const ligne = [...LIGNE_EXEMPLE];

function evaluee(): { e: EvaluationFiche; nommer: NommerColonne } {
  const { donnees, colonnes } = ficheDeLigne(ligne, plan, dispositifs, categories);
  const e = evaluerFiche(validerFiche({ fichier: "c.csv", donnees, ligneDe: () => 2 }), REF);
  const canoniques = contexteLot(
    { plan, fichier: "c.csv", format: "csv", separateurDecimal: "," },
    REF,
  ).nomsDesChamps;
  return { e, nommer: (champ) => colonneDuChamp(champ, colonnes, canoniques) };
}

/** Every message of an evaluation, with the code a motif has. */
function messages(e: EvaluationFiche): [string, string | undefined][] {
  return [
    ...e.controles.map((k): [string, undefined] => [k.message, undefined]),
    ...[...e.motifs, ...e.resultats.flatMap((r) => r.motifs)].map((m): [string, string] => [
      m.message,
      m.code,
    ]),
  ];
}

describe("CSV: only the messages written are told to the spreadsheet user", () => {
  test("anomalies tell each line's message as it is written: the same lines as from the evaluation told whole", () => {
    const { e, nommer } = evaluee();
    const lus: string[] = [];
    const a = anomalies(e, (message, code) => {
      lus.push(message);
      return messagePourTableur(message, code, nommer);
    });
    expect(a).toEqual(anomalies(evaluationPourTableur(e, nommer)));
    // The cumul over the ceiling, named by the file's amount column, never « depense ».
    expect(a[0]).toMatch(
      /^non conforme : La dépense de la ligne \(colonne « Montant \(€\) »\) : 500\u00a0000,00\u00a0€ .* 480\u00a0000,00\u00a0€/,
    );
    expect(a.join("\n")).not.toContain("« depense »");
    // Only the messages written were read: not those of the controls passed.
    expect(lus.length).toBeLessThan(messages(e).length);
    for (const m of lus)
      expect(a.some((x) => x.includes(messagePourTableur(m, undefined, nommer)))).toBe(true);
  });

  test("a row of lot: the same cells as a row told whole, the result cells naming the file's columns", () => {
    const c = contexteLot({ plan, fichier: "c.csv", format: "csv", separateurDecimal: "," }, REF);
    const t = traiterLigne({ cellules: ligne, ligne: 2 }, c);
    const anomaliesEcrites = (t.rendu as string[]).at(-2)!;
    const { e, nommer } = evaluee();
    expect(anomaliesEcrites).toBe(anomalies(evaluationPourTableur(e, nommer)).join(" | "));
    expect(anomaliesEcrites).toContain("La dépense de la ligne (colonne « Montant (€) »)");
  });
});

describe("evaluationPourTableur tells each message once", () => {
  test("as many column look-ups as telling each message once by itself", () => {
    const { e, nommer } = evaluee();
    let attendues = 0;
    const compteur: NommerColonne = (champ) => {
      attendues++;
      return nommer(champ);
    };
    const dits = messages(e).map(([m, code]) => messagePourTableur(m, code, compteur));
    expect(dits.some((d, i) => d !== messages(e)[i][0])).toBe(true); // some message changes
    let faites = 0;
    const t = evaluationPourTableur(e, (champ) => {
      faites++;
      return nommer(champ);
    });
    expect(faites).toBe(attendues);
    expect(messages(t).map(([m]) => m)).toEqual(dits);
  });

  test("the same object when no message changes", () => {
    const { e } = evaluee();
    const sansDepense: EvaluationFiche = {
      ...e,
      controles: e.controles.filter((k) => !k.message.includes("« depense »")),
      motifs: [],
      resultats: e.resultats.map((r) => ({ ...r, motifs: [] })),
    };
    expect(evaluationPourTableur(sansDepense, () => "Montant")).toBe(sansDepense);
  });
});

describe("depenseEnColonnes: each case told as before, a column looked up only when the message needs it", () => {
  /** The file's columns: « Montant (€) » for the amount, « Intensité » for taux_max (or none). */
  const colonnesDe =
    (avecTauxMax: boolean) =>
    (champ: string): string | undefined =>
      ({
        "depenses[0].montant": "Montant (€)",
        ...(avecTauxMax ? { "depenses[0].taux_max": "Intensité" } : {}),
        "depenses[0].categorie": "Catégorie",
      })[champ];
  function dire(message: string, avecTauxMax = true): { dit: string; demandes: string[] } {
    const demandes: string[] = [];
    const nommer = colonnesDe(avecTauxMax);
    const dit = depenseEnColonnes(message, (champ) => {
      demandes.push(champ);
      return nommer(champ);
    });
    return { dit, demandes };
  }

  test("a message of another expense, or of none: itself, no column looked up", () => {
    const message = "Dépense « chaudiere » : 100\u00a0000,00\u00a0€ d'aides publiques.";
    expect(dire(message)).toEqual({ dit: message, demandes: [] });
  });

  test("« Dépense « depense » » and « sur « depense » »: the row's expense, by its amount column", () => {
    // cumul.ts: an aid above the intensity (Dépense « … » : …), a margin limited by the cumul (sur « … »).
    expect(dire("Dépense « depense » : 500\u00a0000,00\u00a0€ d'aides publiques.")).toEqual({
      dit: "La dépense de la ligne (colonne « Montant (€) ») : 500\u00a0000,00\u00a0€ d'aides publiques.",
      demandes: ["depenses[0].montant"],
    });
    expect(dire("Région : 130\u00a0000,00\u00a0€ au plus, limité par le cumul sur « depense »").dit).toBe(
      "Région : 130\u00a0000,00\u00a0€ au plus, limité par le cumul sur la dépense de la ligne (colonne « Montant (€) »)",
    );
  });

  test("« indiquez taux_max sur la dépense »: the intensity's column, or the one to add", () => {
    // cumul.ts, l.71: state aid without any figured dispositif.
    const message =
      "Dépense « depense » : 10\u00a0000,00\u00a0€ d'aides d'État, mais aucun dispositif chiffré n'en donne l'intensité maximale ; indiquez taux_max sur la dépense (l'intensité du régime d'aide appliqué).";
    expect(dire(message).dit).toBe(
      "La dépense de la ligne (colonne « Montant (€) ») : 10\u00a0000,00\u00a0€ d'aides d'État, mais aucun dispositif chiffré n'en donne l'intensité maximale ; indiquez l'intensité du régime d'aide appliqué dans la colonne « Intensité ».",
    );
    expect(dire(message, false).dit).toBe(
      "La dépense de la ligne (colonne « Montant (€) ») : 10\u00a0000,00\u00a0€ d'aides d'État, mais aucun dispositif chiffré n'en donne l'intensité maximale ; indiquez l'intensité du régime d'aide appliqué dans la colonne « taux_max » (ajoutez-la au tableau si elle n'y est pas).",
    );
    expect(dire(message).demandes).toEqual(["depenses[0].montant", "depenses[0].taux_max"]);
  });

  test("« sans intensité maximale (taux_max) »: the intensity's column", () => {
    // cumul.ts, l.77.
    expect(dire("Dépense « depense » : cumul non vérifiable sans intensité maximale (taux_max).").dit).toBe(
      "La dépense de la ligne (colonne « Montant (€) ») : cumul non vérifiable sans intensité maximale (colonne « Intensité »).",
    );
    expect(
      dire("Dépense « depense » : cumul non vérifiable sans intensité maximale (taux_max).", false).dit,
    ).toBe(
      "La dépense de la ligne (colonne « Montant (€) ») : cumul non vérifiable sans intensité maximale (colonne « taux_max »).",
    );
  });

  test("« précisez « categorie » ou « dispositifs » »: the category's column and the dispositif's", () => {
    // evaluer.ts: an expense no figured dispositif applies to.
    const { dit, demandes } = dire(
      "Dépense « depense » (investissement) : aucun dispositif chiffré du guide ne s'y applique ; précisez « categorie » ou « dispositifs » (voir ti-aides regles).",
    );
    expect(dit).toBe(
      "La dépense de la ligne (colonne « Montant (€) ») (investissement) : aucun dispositif chiffré du guide ne s'y applique ; précisez la colonne « Catégorie » ou « dispositif » (voir ti-aides regles).",
    );
    // Not the intensity's column: the message does not ask for it.
    expect(demandes).toEqual(["depenses[0].montant", "depenses[0].categorie"]);
  });
});

describe("a row's columns, by field path", () => {
  test("each financer's line and its regime column, the file's own or the one to add", () => {
    const { colonnes } = ficheDeLigne(ligne, plan, dispositifs, categories);
    // EPCI gives 0,00 €: no line; ADEME then Région, in the order of their columns.
    expect(Object.fromEntries([...colonnes].filter(([k]) => k.startsWith("financements")))).toEqual({
      "financements[0]": "ADEME investissement",
      "financements[0].montant": "ADEME investissement",
      "financements[0].financeur": "ADEME investissement",
      "financements[0].regime": "regime_ademe-investissement",
      "financements[1]": "Région",
      "financements[1].montant": "Région",
      "financements[1].financeur": "Région",
      "financements[1].regime": "Régime Région",
      "financements[2]": "Autofinancement",
      "financements[2].montant": "Autofinancement",
      "financements[2].financeur": "Autofinancement",
    });
    expect(colonnes.get("depenses[0]")).toBe("Montant (€)");
    expect(colonnes.get("beneficiaire")).toBe("Bénéficiaire");
  });
});

/** lireMontant's general rule (the regular expressions, as before the simple amounts' reading). */
function regleGenerale(v: string): string | null {
  let texte = v
    .replace(/[\s\u00a0\u202f\u2009]/g, "")
    .replace(/€$/, "")
    .replace(/eur(os?)?$/i, "");
  if (/^-?\d+,\d+$/.test(texte)) texte = texte.replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(texte) && /[1-9]/.test(texte)) return null;
  if (!/^-?\d+(\.\d+)?$/.test(texte)) return null;
  const d = new D(texte);
  if (d.isNegative() && !d.isZero()) return null;
  if (d.decimalPlaces() > 2 || (/\.\d{3,}$/.test(texte) && !d.isZero())) return null;
  if (d.greaterThan(MONTANT_MAX)) return null;
  return d.toString();
}

describe("lireMontant: the amounts of most cells read without regular expressions, by the same rule", () => {
  test.each([
    ["1\u202f148\u202f300,00\u00a0€", "1148300"],
    ["583 700,00 €", "583700"],
    ["1200000", "1200000"],
    ["12,5", "12.5"],
    ["350.50", "350.5"],
    ["0,00 €", "0"],
    ["  100 ", "100"],
    ["999 999 999 999,99", "999999999999.99"],
  ])("« %s » → %s", (ecrit, valeur) => {
    const r = lireMontant(ecrit);
    expect(r.ok && r.valeur.toString()).toBe(valeur);
  });

  test.each([
    ["1 000 000 000 000", /dépasse 999999999999.99 €/],
    ["350.000", /ambigu/],
    ["12,345", /plus de deux décimales/],
    ["12,", /n'est pas un montant/],
    ["€12", /n'est pas un montant/],
    ["12 € 5", /n'est pas un montant/],
  ])("« %s » : the general rule's message", (ecrit, message) => {
    const r = lireMontant(ecrit);
    expect(r.ok ? "lu" : r.message).toMatch(message);
  });

  test("any text of digits, spaces, separators, signs and letters: the same reading as the general rule", () => {
    const caractere = fc.constantFrom(..."0123456789 \u00a0\u202f\u2009,.€-eurEUR+x\t");
    fc.assert(
      fc.property(fc.array(caractere, { maxLength: 16 }), (cs) => {
        const v = cs.join("");
        const r = lireMontant(v);
        expect(r.ok ? r.valeur.toString() : null).toBe(regleGenerale(v));
      }),
      { numRuns: 20_000 },
    );
  });
});
