// `ti-aides regles --a-verifier [--date D]`: every figure in force at D whose last check (`verifie_le`)
// is more than a year old — the guide's figures of 2019 applied in 2026, the EU parameters not read
// again against their text (docs/domaine.md §0 « Validité et actualité »).
import { dateDeVerification, estAVerifier } from "../actualite.js";
import { conditionsEnVigueur } from "../conditions.js";
import { conditionsDeRegle, figuresDatees, figuresDeRegle, type FigureDatee } from "./description.js";
import type { Referentiel } from "./referentiel.js";

export interface FigureAVerifier {
  /** The dispositif's id, or the parameter file (rules/parametres/de-minimis.yaml). */
  origine: string;
  /** Whom to ask: the dispositif's operator; null for a parameter read in a text of law. */
  aupres_de: string | null;
  libelle: string;
  chemin: string;
  valeur: string;
  depuis: string | null;
  verifie_le: string | null;
  source: string;
}

/** Of a parameter's dated values, the one in force at `date` (as `valeurA` picks it). */
function enVigueur(figures: FigureDatee[], date: string): FigureDatee[] {
  const parChemin = new Map<string, FigureDatee[]>();
  for (const f of figures) parChemin.set(f.chemin, [...(parChemin.get(f.chemin) ?? []), f]);
  return [...parChemin.values()].map((vs) => vs.filter((v) => v.depuis <= date).at(-1) ?? vs[0]);
}

const aVerifier = (f: { depuis: string | null; verifie_le: string | null; source: string }, date: string) =>
  estAVerifier(
    dateDeVerification({
      depuis: f.depuis ?? undefined,
      verifie_le: f.verifie_le ?? undefined,
      source: f.source,
    }),
    date,
  );

type Figure = Omit<FigureAVerifier, "origine" | "aupres_de">;

/** The figure as listed: where it comes from, whom to ask, and what it says. */
const figure = (origine: string, aupres_de: string | null, f: Figure): FigureAVerifier => ({
  origine,
  aupres_de,
  libelle: f.libelle,
  chemin: f.chemin,
  valeur: f.valeur,
  depuis: f.depuis,
  verifie_le: f.verifie_le,
  source: f.source,
});

/** The figures to check at `date`, dispositifs first (in id order), then the regulatory parameters. */
export function figuresAVerifier(ref: Referentiel, date: string): FigureAVerifier[] {
  const liste: FigureAVerifier[] = [];
  for (const r of [...ref.dispositifs.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const f of enVigueur(figuresDeRegle(r), date)) {
      if (aVerifier(f, date)) liste.push(figure(r.id, r.operateur, f));
    }
    const enForce = new Set(conditionsEnVigueur(r.conditions, date).conditions.map((c) => c.code));
    for (const c of conditionsDeRegle(r).filter((x) => enForce.has(x.code))) {
      const condition = {
        ...c,
        libelle: `Condition ${c.code}`,
        chemin: `conditions.${c.code}`,
        valeur: c.test,
      };
      if (aVerifier(c, date)) liste.push(figure(r.id, r.operateur, condition));
    }
  }
  const parametres: [string, unknown][] = [
    ["taille-entreprise", ref.tailleEntreprise],
    ["de-minimis", ref.deMinimis],
    ["transparence", ref.transparence],
    ["participation-minimale", ref.participationMinimale],
    ["reglements", ref.reglements],
    ["carte-afr", ref.carteAfr],
  ];
  for (const [nom, contenu] of parametres) {
    for (const f of enVigueur(figuresDatees(contenu, nom, nom), date)) {
      if (aVerifier(f, date)) liste.push(figure(`rules/parametres/${nom}.yaml`, null, f));
    }
  }
  return liste;
}
