// The "Marges" cell of `lot` names the row's expense by its column as each phrase is written
// (phraseMarge with the row's naming), no longer by replacing « depense » in the phrase afterwards:
// the same text, for each kind of limit that names an expense.
import { describe, expect, test } from "vitest";
import { D } from "../src/core/argent.js";
import type { Marge, NomControle } from "../src/core/modele.js";
import { depenseEnColonnes, nomDeLaDepense, type NommerColonne } from "../src/cli/csv/consignes.js";
import { ID_DEPENSE } from "../src/cli/csv/entetes.js";
import { phraseMarge } from "../src/cli/rendu/marges.js";

/** A file whose amount column is « Montant HT ». */
const nommer: NommerColonne = (champ) => (champ === "depenses[0].montant" ? "Montant HT" : undefined);
const depense = (d: string) => (d === ID_DEPENSE ? nomDeLaDepense(nommer) : `« ${d} »`);

/** The Region's line: 150 000 € asked, 130 000 € at most — 20 000 € to take off. */
function marge(controle: NomControle, portee: string): Marge {
  return {
    ligne: 2,
    financeur: "region",
    nom: "Région",
    dispositif: null,
    depense: ID_DEPENSE,
    demande: new D("150000"),
    maximum: new D("130000"),
    marge: new D("-20000"),
    limite_par: { controle, portee, source: null },
  };
}

const nb = (s: string) => s.replace(/(?<=\d) (?=\d{3}\b)/g, "\u00a0").replace(/ €/g, "\u00a0€");

describe("the Marges cell names the row's expense by its column", () => {
  const cas: [NomControle, string, string][] = [
    ["cumul", ID_DEPENSE, "le cumul sur la dépense de la ligne (colonne « Montant HT »)"],
    [
      "plafond",
      `ademe-investissement / ${ID_DEPENSE}`,
      "le plafond de ademe-investissement sur la dépense de la ligne (colonne « Montant HT »)",
    ],
    [
      "cofinancement",
      `bdt-ingenierie / ${ID_DEPENSE}`,
      "le cofinancement exigé par bdt-ingenierie sur la dépense de la ligne (colonne « Montant HT »)",
    ],
    ["de_minimis", "123456782", "le plafond de minimis de l'entreprise unique « 123456782 »"],
  ];
  for (const [controle, portee, limite] of cas)
    test(`${controle}: written with the column, as the replacement used to give`, () => {
      const phrase = phraseMarge(marge(controle, portee), false, depense);
      expect(phrase).toBe(
        nb(
          `Région : 130 000,00 € au plus, limité par ${limite} — demandé 150 000,00 €, à réduire de 20 000,00 €`,
        ),
      );
      // What the cell said before: the phrase with « depense », then replaced (consignes.ts).
      expect(phrase).toBe(depenseEnColonnes(phraseMarge(marge(controle, portee), false), nommer));
    });

  test("elsewhere (tables, reports), the expense keeps its id in quotes", () => {
    expect(phraseMarge(marge("cumul", "chaudiere"), false)).toContain(
      "limité par le cumul sur « chaudiere »",
    );
  });
});
