// The room left under each ceiling of a fiche, read from the controls that compare an amount with a
// ceiling: the dispositif's ceiling (plafond), the cumul ceiling of an expense (cumul), the de
// minimis ceiling of the undertaking (de_minimis) — drawn as lines on the plan's bar and as gauges.
// What each financer alone may still ask is another figure, the core's `marges[]` (fiche.ts shows
// it beside): a ceiling shared by several lines leaves each of them less than its whole room.
import { D } from "../../core/argent.js";
import type { ControleJson, FicheJson } from "./donnees.js";

/** The room under one ceiling. */
export interface MargeJson {
  /** null: every public aid together (a cumul or de minimis ceiling read from the controls). */
  financeur: string | null;
  depense: string | null;
  demande: string;
  maximum: string;
  /** maximum − demande; negative when the ceiling is passed. */
  marge: string;
  limite_par: { controle: string; portee: string; source: string | null };
}

/** The controls whose `valeur` must stay under their `limite`. */
const PLAFONDS = new Set(["plafond", "cumul", "de_minimis"]);

export function margesDe(f: FicheJson): MargeJson[] {
  return f.controles.flatMap((c) => {
    const m = margeDuControle(c);
    return m ? [m] : [];
  });
}

/** A fiche's control or the contract's (de minimis summed over its fiches). */
type ControleCompare = Pick<ControleJson, "portee" | "valeur" | "limite" | "source"> & { controle: string };

export function margeDuControle(c: ControleCompare): MargeJson | null {
  if (!PLAFONDS.has(c.controle) || c.valeur === null || c.limite === null) return null;
  // plafond: "dispositif / dépense"; cumul: the expense; de_minimis: the undertaking.
  const [dispositif, depense] = c.portee.split(" / ");
  return {
    financeur: c.controle === "plafond" ? dispositif : null,
    depense: c.controle === "plafond" ? (depense ?? null) : c.controle === "cumul" ? c.portee : null,
    demande: c.valeur,
    maximum: c.limite,
    marge: new D(c.limite).minus(c.valeur).toFixed(2),
    limite_par: { controle: c.controle, portee: c.portee, source: c.source },
  };
}
