// docs/interface.md's example fiche as a row of a French spreadsheet (U+202F thousands, NBSP before €):
// ME (120 staff, 30 M€), EnR on an expense of 1 200 000 € with a reference cost of 400 000 €, 350 000 €
// asked of the ADEME and 150 000 € of the Region under the RGEC. The tests of `lot`'s rows share it;
// `colonneMontant` names the amount's column as a test's file does.
export function entetesExemple(colonneMontant = "Montant"): string[] {
  return [
    "id",
    "Bénéficiaire",
    "Effectif",
    "Chiffre d'affaires",
    "Total du bilan",
    "Zone",
    "AFR",
    "Dispositif",
    "Nature",
    "Catégorie",
    colonneMontant,
    "Coût de référence",
    "ADEME investissement",
    "Région",
    "Régime Région",
    "EPCI",
    "Autofinancement",
  ];
}

export const LIGNE_EXEMPLE: readonly string[] = [
  "TI-07",
  "Scierie Exemple SAS",
  "120",
  "30\u202f000\u202f000",
  "20\u202f000\u202f000",
  "Métropole",
  "oui",
  "ADEME investissement",
  "Investissement",
  "EnR",
  "1\u202f200\u202f000,00\u00a0€",
  "400\u202f000,00\u00a0€",
  "350\u202f000,00\u00a0€",
  "150\u202f000,00\u00a0€",
  "RGEC",
  "0,00\u00a0€",
  "700\u202f000,00\u00a0€",
];
