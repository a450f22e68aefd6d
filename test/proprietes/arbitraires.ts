// Generators of VALID fiches (raw data, as a YAML file gives them) for the property tests.
// The natures and categories come from the loaded rules (REF), so a new dispositif is covered
// without touching this file; the figures are random, within what the fiche schema accepts.
import fc from "fast-check";
import { REF } from "../outils/regles.js";
import {
  FINANCEURS_PRIVES,
  FINANCEURS_PUBLICS,
  FORMES,
  NATURES_BENEFICIAIRE,
  NATURES_DEPENSE,
  NIVEAUX,
  REGIMES,
  SECTEURS,
  TAILLES,
  TYPES_CONTRAT,
  VOCATIONS,
  ZONES,
} from "../../src/core/schemas/communs.js";

/** An amount in cents (≤ 50 M€, beyond every cap of the guide), written "1234.56" or "1234". */
export const centimes = (max = 5_000_000_000) => fc.integer({ min: 0, max });

export function texteMontant(c: number): string {
  const euros = Math.floor(c / 100);
  const reste = c % 100;
  return reste === 0 ? String(euros) : `${euros}.${String(reste).padStart(2, "0")}`;
}

export const montant = (max?: number) => centimes(max).map(texteMontant);

/** A non-negative decimal with at most `decimales` decimals, as text ("0.35"). */
const decimal = (max: number, decimales = 2) =>
  fc.integer({ min: 0, max: max * 10 ** decimales }).map((n) => (n / 10 ** decimales).toFixed(decimales));

/** A fraction between 0 and 1 with up to 4 decimals. */
const fraction = decimal(1, 4);

/** A date "AAAA-MM-JJ" between 2017 and 2026 (the guide's period and the later regulations). */
export const date = fc
  .integer({ min: 0, max: 10 * 365 })
  .map((j) => new Date(Date.UTC(2017, 0, 1) + j * 86_400_000).toISOString().slice(0, 10));

/** (nature, categorie) pairs the rules know: each dispositif's own, plus "any nature" ones. */
export const PAIRES: [string, string | undefined][] = (() => {
  const paires = new Map<string, [string, string | undefined]>();
  for (const r of REF.dispositifs.values()) {
    const natures = r.s_applique_a.natures ?? NATURES_DEPENSE;
    for (const n of natures)
      for (const c of r.s_applique_a.categories ?? [undefined]) paires.set(`${n}/${c}`, [n, c]);
  }
  // An expense no dispositif covers is a valid fiche too.
  paires.set("conseil/-", ["conseil", undefined]);
  paires.set("etude/-", ["etude", undefined]);
  return [...paires.values()];
})();

export const IDS_DISPOSITIFS = [...REF.dispositifs.keys()].sort();

/** The expense fields the rules read (docs/domaine.md §2), each one absent or with a valid value. */
const champsDepense = fc.record(
  {
    prestataire_externe: fc.boolean(),
    duree_mois: fc.integer({ min: 1, max: 48 }),
    date_commande: date,
    date_acquisition: date,
    acompte: montant(200_000_00),
    date_acompte: date,
    salaire_brut_annuel: montant(60_000_00),
    duree_annees: decimal(5, 1),
    etp: decimal(1, 2),
    poste_annuel: montant(40_000_00),
    communication_annuel: montant(30_000_00),
    petit_equipement: montant(25_000_00),
    economie_annuelle_prevue: montant(40_000_00),
    effectif_etablissement: fc.integer({ min: 0, max: 300 }),
    heures: fc.integer({ min: 0, max: 600 }),
    type_contrat: fc.constantFrom(...TYPES_CONTRAT),
    duree_contrat_mois: fc.integer({ min: 1, max: 36 }),
    niveau: fc.constantFrom(...NIVEAUX),
    jours: fc.integer({ min: 0, max: 60 }),
    collectif: fc.boolean(),
    part_capital: fraction,
    rentabilite_prevue: fc.integer({ min: -2000, max: 3000 }).map((n) => (n / 10_000).toFixed(4)),
    ouvert_aux_tiers: fc.boolean(),
    duree_amorcage_annees: fc.integer({ min: 0, max: 8 }),
    droits_vote_filiere: fraction,
    vocation: fc.constantFrom(...VOCATIONS),
    renouvellement: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** One expense of a known nature and category; its montant and cout_reference in cents. */
export const depense = fc
  .record({
    paire: fc.constantFrom(...PAIRES),
    montant: centimes(),
    reference: fc.option(fc.double({ min: 0, max: 1.2, noNaN: true }), { nil: undefined }),
    nommes: fc.option(fc.subarray(IDS_DISPOSITIFS, { minLength: 1, maxLength: 2 }), {
      nil: undefined,
      freq: 4,
    }),
    champs: champsDepense,
  })
  .map(({ paire: [nature, categorie], montant: m, reference, nommes, champs }) => ({
    nature,
    ...(categorie !== undefined ? { categorie } : {}),
    montant: texteMontant(m),
    // A reference cost below or above the amount (above: a zero extra cost, warned).
    ...(reference !== undefined ? { cout_reference: texteMontant(Math.floor(m * reference)) } : {}),
    ...(nommes ? { dispositifs: nommes } : {}),
    ...champs,
  }));

/** A valid SIREN: 8 random digits and the Luhn key. */
export const siren = fc.integer({ min: 0, max: 99_999_999 }).map((n) => {
  const base = String(n).padStart(8, "0");
  for (let k = 0; k <= 9; k++) {
    const s = base + k;
    let total = 0;
    for (let i = 0; i < 9; i++) {
      let c = Number(s[8 - i]);
      if (i % 2 === 1) c = c * 2 > 9 ? c * 2 - 9 : c * 2;
      total += c;
    }
    if (total % 10 === 0) return s;
  }
  throw new Error("inaccessible");
});

/** The beneficiary: any nature, figures around the SME thresholds, size sometimes declared. */
export const beneficiaire = fc
  .record(
    {
      nature: fc.constantFrom(...NATURES_BENEFICIAIRE),
      activite_economique: fc.boolean(),
      effectif: fc.oneof(fc.integer({ min: 0, max: 6000 }), decimal(300, 1)),
      chiffre_affaires: montant(20_000_000_000),
      total_bilan: montant(20_000_000_000),
      taille: fc.constantFrom(...TAILLES),
      detenu_public_25: fc.boolean(),
      secteur: fc.constantFrom(...SECTEURS),
      siren,
      taux_is: fraction,
    },
    { requiredKeys: ["nature"] },
  )
  // An association must say whether its activity is economic (docs/domaine.md §1).
  .map((b) =>
    b.nature === "association" && b.activite_economique === undefined
      ? { ...b, activite_economique: true }
      : b,
  );

export const localisation = fc.record({ zone: fc.constantFrom(...ZONES), afr: fc.boolean() });

const FINANCEURS = [...IDS_DISPOSITIFS, ...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES];

/** A financing line on some of the fiche's expenses (ids d0, d1…). */
function financement(nbDepenses: number) {
  const ids = Array.from({ length: nbDepenses }, (_, i) => `d${i}`);
  return (
    fc
      .record(
        {
          financeur: fc.constantFrom(...FINANCEURS),
          montant: montant(2_000_000_00),
          depenses: fc.subarray(ids, { minLength: 1 }),
          forme: fc.constantFrom(...FORMES),
          regime: fc.constantFrom(...REGIMES),
          date_octroi: date,
          equivalent_subvention: montant(500_000_00),
          dispositif: fc.constantFrom(...IDS_DISPOSITIFS),
        },
        { requiredKeys: ["financeur", "montant"] },
      )
      // `dispositif:` is for a generic financer paying under a scheme (docs/interface.md).
      .map((f) => ((IDS_DISPOSITIFS as string[]).includes(f.financeur) ? { ...f, dispositif: undefined } : f))
      .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)))
  );
}

export interface OptionsFiche {
  /** Number of expenses (default 1 to 3). */
  depenses?: { min: number; max: number };
  /** Whether to add a financing plan (default: sometimes). */
  plan?: boolean;
}

/** A whole valid fiche. */
export function fiche(o: OptionsFiche = {}) {
  const { min, max } = o.depenses ?? { min: 1, max: 3 };
  return fc.integer({ min, max }).chain((n) =>
    fc
      .record({
        date_demande: date,
        date_debut: fc.option(date, { nil: undefined }),
        territoire: fc.option(fc.constantFrom("Ardèche Drôme", "Territoire inconnu"), { nil: undefined }),
        beneficiaire,
        localisation,
        depenses: fc.array(depense, { minLength: n, maxLength: n }),
        financements:
          o.plan === false
            ? fc.constant(undefined)
            : o.plan
              ? fc.array(financement(n), { minLength: 1, maxLength: 5 })
              : fc.option(fc.array(financement(n), { minLength: 1, maxLength: 5 }), { nil: undefined }),
        anterieures: fc.option(
          fc.array(fc.record({ date, montant: montant(300_000_00) }), { maxLength: 3 }),
          { nil: undefined },
        ),
      })
      .map((f) => ({
        id: "FICHE-PROP",
        date_demande: f.date_demande,
        ...(f.date_debut ? { date_debut: f.date_debut } : {}),
        ...(f.territoire ? { territoire: f.territoire } : {}),
        beneficiaire: f.beneficiaire,
        localisation: f.localisation,
        depenses: f.depenses.map((d, i) => ({ id: `d${i}`, ...d })),
        ...(f.financements ? { financements: f.financements } : {}),
        ...(f.anterieures ? { aides_de_minimis_anterieures: f.anterieures } : {}),
      })),
  );
}

export type FicheBrute = Record<string, unknown> & {
  depenses: Record<string, unknown>[];
  financements?: Record<string, unknown>[];
};
