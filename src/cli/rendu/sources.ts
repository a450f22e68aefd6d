// Sources a reader can open: « Guide TI V5, fiche 8, l.914 » cites a line of a text extraction no
// user has. Shown instead: the fiche's number, its page in the guide's table of contents and its
// title, the title of the part of the fiche, then the line for those who audit — read from
// rules/parametres/guide.yaml (validated once, then kept in the rules cache). The JSON keeps `source`
// as it is (scripts read it).
import type { PlanDuGuide, SectionGuide } from "../../core/schemas/plan-du-guide.js";
import { planDuGuideAvecCache } from "../cache-regles.js";

let plan: PlanDuGuide | undefined;

/** Where a line of the guide stands: its fiche or annex, and the part of it, if any. */
export function lieuDansLeGuide(
  ligne: number,
  p: PlanDuGuide = (plan ??= planDuGuideAvecCache()),
): { tete?: SectionGuide; partie?: SectionGuide } {
  let tete: SectionGuide | undefined;
  let partie: SectionGuide | undefined;
  for (const s of p.sections) {
    if (s.ligne > ligne) break;
    if (s.fiche !== undefined || s.annexe !== undefined) {
      tete = s;
      partie = undefined;
    } else partie = s;
  }
  return { tete, partie };
}

function nomDeTete(s: SectionGuide): string {
  const page = s.page ? ` (p. ${s.page})` : "";
  return s.fiche !== undefined
    ? `fiche ${s.fiche}${page} « ${s.titre} »`
    : `annexe ${s.annexe}${page} « ${s.titre} »`;
}

// « Guide TI V5, fiche 8, l.914 », « note 9, l.2639 », « Guide TI V5, annexe 2, A/b, l.2617 »,
// « Guide TI V5, l.2629-2631 »: what is cited, then its first line.
const CITATION = /(Guide TI V5, )?(?:(fiche|note|annexe) (\d+)(?:, ([A-Z]\/[a-z]))?, )?l\.(\d+)((?:-\d+)?)/g;

/**
 * The source with each citation of the guide made readable. A citation whose line falls outside
 * the fiche it names (a slip in a rule file) is left as written rather than given a wrong title.
 */
export function sourceLisible(source: string, p?: PlanDuGuide): string {
  let dernier = ""; // a place cited again in the same source is named once
  return source.replace(
    CITATION,
    (
      tout,
      guide: string | undefined,
      sorte: string | undefined,
      numero: string | undefined,
      sous: string | undefined,
      debut: string,
      fin: string,
    ) => {
      if (!guide && !sorte) return tout; // « l.12 » alone: not known to be the guide
      const { tete, partie } = lieuDansLeGuide(Number(debut), p);
      if (!tete) return tout;
      if (sorte === "fiche" && tete.fiche !== Number(numero)) return tout;
      if (sorte === "annexe" && tete.annexe !== Number(numero)) return tout;
      const lieu = [nomDeTete(tete), partie ? `partie « ${partie.titre} »` : undefined]
        .filter(Boolean)
        .join(", ");
      const precis = [sous, sorte === "note" ? `note ${numero}` : undefined, `l.${debut}${fin}`]
        .filter(Boolean)
        .join(", ");
      if (lieu === dernier) return precis;
      dernier = lieu;
      return `${guide ?? ""}${lieu}, ${precis}`;
    },
  );
}
