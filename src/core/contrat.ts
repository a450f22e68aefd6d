// The controls of a whole contract, beyond each fiche's own (docs/domaine.md §3, docs/interface.md `verifier`):
// de minimis summed per single undertaking across the fiches, every fiche's dates inside the
// contract's period, and the contract's totals. Pure: no I/O.
import { somme, ZERO, type Dec } from "./argent.js";
import type { AideDeMinimis } from "./controles/contexte.js";
import { aujourdhui, dateFr } from "./dates.js";
import { ErreurSaisie } from "./erreurs.js";
import { libelleLigne, normaliserLignes, verifierReferences } from "./financements.js";
import { euros } from "./format.js";
import type { Controle, EvaluationFiche, Motif } from "./modele.js";
import type { Referentiel } from "./regles/referentiel.js";
import { FINANCEURS_PRIVES } from "./schemas/communs.js";
import type { Contrat } from "./schemas/contrat.js";
import type { Fiche } from "./schemas/fiche.js";
import { normaliser, vouliezVousDire } from "./suggestion.js";

/** Where a finding stands: the fiche (its index in the contract's list) and the field path in it. */
export interface Lieu {
  fiche: number;
  champ: PropertyKey[];
}

/** A fiche's control, at the contract's scale. */
export interface ControleContrat extends Pick<
  Controle,
  "portee" | "conforme" | "valeur" | "limite" | "message" | "source"
> {
  controle: "de_minimis" | "periode";
  /** The ids of the fiches it concerns. */
  fiches: string[];
  lieu?: Lieu;
}

export interface MotifContrat extends Motif {
  lieu?: Lieu;
}

export interface MontantFinanceur {
  financeur: string;
  montant: Dec;
}

export interface TotauxContrat {
  fiches: number;
  cout_total: Dec;
  financements_total: Dec;
  financements_publics: Dec;
  par_financeur: MontantFinanceur[];
  autofinancement: Dec;
  autres_prives: Dec;
  /** Shares of the total cost (fractions); null when the total cost is zero. */
  part_publique: Dec | null;
  part_autofinancement: Dec | null;
  fiches_sans_plan: string[];
}

export interface BilanContrat {
  controles: ControleContrat[];
  motifs: MotifContrat[];
  totaux: TotauxContrat;
}

const SOURCE_DE_MINIMIS =
  "Règlement (UE) 2023/2831, art. 2, §2 et art. 3 (entreprise unique) ; Règlement (UE) 1407/2013, art. 2, §2 et art. 3";
const SOURCE_PERIODE =
  "Période du contrat (contrat.periode) ; Guide TI V5, l.191 (contractualisation 2019-2022)";

/**
 * The single undertakings of the contract: groups of fiche indices. Two fiches are the same
 * undertaking when they share `entreprise_unique` or `siren`; a fiche with neither is tied by its
 * beneficiary's name (accents and case ignored) to every fiche of that name — the cautious reading,
 * which counts more aid together.
 */
export function entreprisesUniques(fiches: Fiche[]): number[][] {
  const parent = fiches.map((_, i) => i);
  const racine = (i: number): number => (parent[i] === i ? i : (parent[i] = racine(parent[i])));
  const unir = (a: number, b: number) => {
    parent[racine(a)] = racine(b);
  };
  const premiers = new Map<string, number>();
  const lier = (cle: string, i: number) => {
    const p = premiers.get(cle);
    if (p === undefined) premiers.set(cle, i);
    else unir(i, p);
  };
  const parNom = new Map<string, number[]>();
  fiches.forEach((f, i) => {
    const b = f.beneficiaire;
    if (b.entreprise_unique) lier(`eu:${b.entreprise_unique.trim()}`, i);
    if (b.siren) lier(`siren:${b.siren}`, i);
    if (b.nom) parNom.set(normaliser(b.nom), [...(parNom.get(normaliser(b.nom)) ?? []), i]);
  });
  fiches.forEach((f, i) => {
    if (parIdentifiantSeul(f) && f.beneficiaire.nom)
      for (const j of parNom.get(normaliser(f.beneficiaire.nom))!) unir(i, j);
  });
  const groupes = new Map<number, number[]>();
  fiches.forEach((_, i) => groupes.set(racine(i), [...(groupes.get(racine(i)) ?? []), i]));
  return [...groupes.values()];
}

/** Neither SIREN nor entreprise_unique: the undertaking is only known by its name. */
function parIdentifiantSeul(f: Fiche): boolean {
  return !f.beneficiaire.entreprise_unique && !f.beneficiaire.siren;
}

/** The de minimis aid a fiche grants in its financing plan (the lines under `regime: de_minimis`). */
export function aidesDeMinimisDe(fiche: Fiche, ref: Referentiel, date?: string): AideDeMinimis[] {
  try {
    verifierReferences(fiche, ref);
  } catch (e) {
    if (e instanceof ErreurSaisie) return []; // the fiche is reported in error on its own
    throw e;
  }
  return normaliserLignes(fiche, ref, new Map(), [])
    .filter((l) => l.aideEtat && l.regime === "de_minimis")
    .map((l) => ({
      // As the fiche's own control dates it: the line's date_octroi, else date_demande, else the evaluation date.
      date: l.dateOctroi ?? date ?? aujourdhui(),
      montant: l.aide,
      reglement: l.reglement,
      origine: `fiche ${fiche.id}, financement n°${l.index + 1} (${libelleLigne(l)})`,
    }));
}

function anterieures(fiche: Fiche): AideDeMinimis[] {
  return (fiche.aides_de_minimis_anterieures ?? []).map((a, i) => ({
    date: a.date,
    montant: a.montant,
    reglement: a.reglement ?? "general",
    origine: `fiche ${fiche.id}, aide antérieure n°${i + 1}${a.libelle ? ` (${a.libelle})` : ""}`,
  }));
}

const cleAide = (a: AideDeMinimis) => `${a.date}|${a.montant.toFixed(2)}|${a.reglement}`;

/**
 * For each fiche, the de minimis aid of the same single undertaking found in the OTHER fiches of
 * the contract, to pass as `autresDeMinimis` to `evaluerFiche`: their de minimis lines, and the
 * previous aid they declare that this fiche does not (the same aid declared in two fiches — same
 * date, amount and regulation — is the undertaking's one aid, counted once).
 */
export function deMinimisDesAutresFiches(
  fiches: Fiche[],
  ref: Referentiel,
  date?: string,
): AideDeMinimis[][] {
  const autres: AideDeMinimis[][] = fiches.map(() => []);
  const lignes = fiches.map((f) => aidesDeMinimisDe(f, ref, date));
  for (const groupe of entreprisesUniques(fiches)) {
    if (groupe.length < 2) continue;
    for (const i of groupe) {
      const siennes = new Map<string, number>();
      for (const a of anterieures(fiches[i])) siennes.set(cleAide(a), (siennes.get(cleAide(a)) ?? 0) + 1);
      const vues = new Map<string, number>(siennes);
      for (const j of groupe) {
        if (j === i) continue;
        autres[i].push(...lignes[j]);
        const parCle = new Map<string, AideDeMinimis[]>();
        for (const a of anterieures(fiches[j]))
          parCle.set(cleAide(a), [...(parCle.get(cleAide(a)) ?? []), a]);
        for (const [cle, aides] of parCle) {
          const deja = vues.get(cle) ?? 0;
          if (aides.length > deja) {
            autres[i].push(...aides.slice(deja));
            vues.set(cle, aides.length);
          }
        }
      }
    }
  }
  return autres;
}

export interface FicheDuContrat {
  fiche: Fiche;
  /** Its evaluation with `autresDeMinimis` from `deMinimisDesAutresFiches`. */
  evaluation: EvaluationFiche;
}

/** The contract-level controls, warnings and totals of evaluated fiches; `contrat` when a contract file gives one. */
export function controlerContrat(
  evaluees: FicheDuContrat[],
  ref: Referentiel,
  contrat?: Contrat,
): BilanContrat {
  const controles: ControleContrat[] = [];
  const motifs: MotifContrat[] = [];
  controles.push(...controlerDeMinimisContrat(evaluees, ref, motifs));
  if (contrat) {
    verifierTerritoires(evaluees, ref, contrat, motifs);
    controles.push(...controlerPeriode(evaluees, contrat));
  }
  evaluees.forEach((e, i) => {
    if (!e.fiche.financements) {
      motifs.push({
        code: "fiche_sans_plan",
        niveau: "avertissement",
        message: `Fiche ${e.fiche.id} : pas de plan de financement (financements) ; ses aides ne peuvent pas être contrôlées.`,
        source: null,
        lieu: { fiche: i, champ: [] },
      });
    }
  });
  return { controles, motifs, totaux: totaux(evaluees.map((e) => e.fiche)) };
}

function liste(ids: string[]): string {
  return ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} et ${ids[ids.length - 1]}`;
}

/** The fiches of a group tied to the others by their beneficiary's name alone (no SIREN, no entreprise_unique). */
function motifParNom(fiches: Fiche[], groupe: number[], parNom: number[]): MotifContrat {
  const ids = (is: number[]) => liste(is.map((i) => fiches[i].id));
  const noms = liste([...new Set(parNom.map((i) => `« ${fiches[i].beneficiaire.nom} »`))]);
  const seuls = new Set(parNom);
  const autres = groupe.filter((j) => !seuls.has(j));
  const message =
    parNom.length === 1
      ? `Fiche ${ids(parNom)} : ni SIREN ni entreprise_unique ; pour le de minimis du contrat, son bénéficiaire est rattaché par son nom ${noms} aux fiches ${ids(autres)} : indiquez son SIREN pour un rattachement sûr.`
      : `Fiches ${ids(parNom)} : ni SIREN ni entreprise_unique ; pour le de minimis du contrat, leurs bénéficiaires sont rattachés par leur nom ${noms}${autres.length ? ` entre eux et aux fiches ${ids(autres)}` : " entre eux"} : indiquez leur SIREN pour un rattachement sûr.`;
  return {
    code: "de_minimis_contrat_par_nom",
    niveau: "avertissement",
    message,
    source: SOURCE_DE_MINIMIS,
    lieu: { fiche: parNom[0], champ: ["beneficiaire"] },
  };
}

/** One control per single undertaking that two fiches or more aid under de minimis. */
function controlerDeMinimisContrat(
  evaluees: FicheDuContrat[],
  ref: Referentiel,
  motifs: MotifContrat[],
): ControleContrat[] {
  const fiches = evaluees.map((e) => e.fiche);
  const controles: ControleContrat[] = [];
  for (const groupe of entreprisesUniques(fiches)) {
    const aidees = groupe.filter((i) => aidesDeMinimisDe(fiches[i], ref).length > 0);
    if (aidees.length === 0) continue;
    // Alone, a fiche known by its name is warned about by its own de_minimis control. Several: one
    // warning for the group, naming each fiche once (one per fiche, each naming the others, grew with
    // the square of their number).
    const parNom = groupe.length > 1 ? groupe.filter((i) => parIdentifiantSeul(fiches[i])) : [];
    if (parNom.length) motifs.push(motifParNom(fiches, groupe, parNom));
    if (aidees.length < 2) continue;
    const ids = aidees.map((i) => fiches[i].id);
    const cle = evaluees[aidees[0]].evaluation.beneficiaire?.entreprise_unique ?? ids[0];
    const parFiche = aidees.flatMap((i) =>
      evaluees[i].evaluation.controles.filter((c) => c.controle === "de_minimis").map((c) => ({ i, c })),
    );
    const echecs = parFiche.filter((x) => x.c.conforme === false);
    const ecart = (c: Controle) => (c.valeur ?? ZERO).minus(c.limite ?? ZERO);
    const pire = [...(echecs.length ? echecs : parFiche)].sort((a, b) =>
      ecart(b.c).comparedTo(ecart(a.c)),
    )[0];
    if (!pire) continue;
    const p = pire.c;
    const periode =
      p.periode_debut && p.periode_fin ? ` du ${dateFr(p.periode_debut)} au ${dateFr(p.periode_fin)}` : "";
    controles.push({
      controle: "de_minimis",
      portee: cle,
      conforme: echecs.length === 0,
      valeur: p.valeur,
      limite: p.limite,
      fiches: ids,
      message:
        echecs.length === 0
          ? `Entreprise unique « ${cle} », aidée en de minimis par les fiches ${liste(ids)} : leurs aides additionnées restent dans le plafond (au plus ${euros(p.valeur ?? ZERO)} pour ${euros(p.limite ?? ZERO)}${periode}).`
          : `Entreprise unique « ${cle} », aidée en de minimis par les fiches ${liste(ids)} : additionnées, ces aides atteignent ${euros(p.valeur ?? ZERO)}${periode} (fiche ${fiches[pire.i].id}, règlement ${p.reglement ?? "de minimis"}) et dépassent le plafond de ${euros(p.limite ?? ZERO)} de ${euros(ecart(p))} ; réduisez l'une de ces aides d'autant ou octroyez-la sous un autre régime (RGEC).`,
      source: p.source ?? SOURCE_DE_MINIMIS,
      lieu: { fiche: pire.i, champ: champDeMinimis(fiches[pire.i], ref) },
    });
  }
  return controles;
}

/** The first financing line under de minimis of a fiche. */
export function champDeMinimis(fiche: Fiche, ref: Referentiel): PropertyKey[] {
  const lignes = normaliserLignes(fiche, ref, new Map(), []);
  const l = lignes.find((x) => x.aideEtat && x.regime === "de_minimis");
  return l ? ["financements", l.index] : ["financements"];
}

/** Every date of every fiche (application, start of works, grant) falls inside the contract's period. */
function controlerPeriode(evaluees: FicheDuContrat[], contrat: Contrat): ControleContrat[] {
  const { debut, fin } = contrat.periode;
  const controles: ControleContrat[] = [];
  const periode = `du ${dateFr(debut)} au ${dateFr(fin)}`;
  evaluees.forEach(({ fiche }, i) => {
    const dates: [PropertyKey[], string, string][] = [];
    if (fiche.date_demande) dates.push([["date_demande"], fiche.date_demande, "date de la demande"]);
    if (fiche.date_debut) dates.push([["date_debut"], fiche.date_debut, "début des travaux"]);
    fiche.financements?.forEach((f, k) => {
      if (f.date_octroi)
        dates.push([
          ["financements", k, "date_octroi"],
          f.date_octroi,
          `octroi du financement n°${k + 1} (${f.financeur})`,
        ]);
    });
    const base = {
      controle: "periode" as const,
      portee: fiche.id,
      valeur: null,
      limite: null,
      source: SOURCE_PERIODE,
      fiches: [fiche.id],
    };
    if (dates.length === 0) {
      controles.push({
        ...base,
        conforme: null,
        message: `Fiche ${fiche.id} : aucune date (date_demande, date_debut, date_octroi) ; sa place dans la période du contrat (${periode}) ne peut pas être vérifiée : indiquez date_demande.`,
        lieu: { fiche: i, champ: [] },
      });
      return;
    }
    const hors = dates.filter(([, d]) => d < debut || d > fin);
    if (hors.length === 0) {
      controles.push({
        ...base,
        conforme: true,
        message: `Fiche ${fiche.id} : toutes ses dates sont dans la période du contrat (${periode}).`,
        lieu: { fiche: i, champ: [] },
      });
      return;
    }
    for (const [champ, d, libelle] of hors) {
      controles.push({
        ...base,
        conforme: false,
        message: `Fiche ${fiche.id} : ${libelle} le ${dateFr(d)}, ${d < debut ? "avant le début" : "après la fin"} de la période du contrat (${periode}) ; corrigez la date ou rattachez la fiche à un autre contrat.`,
        lieu: { fiche: i, champ },
      });
    }
  });
  return controles;
}

function verifierTerritoires(
  evaluees: FicheDuContrat[],
  ref: Referentiel,
  contrat: Contrat,
  motifs: MotifContrat[],
): void {
  const noms = ref.territoires.territoires.map((t) => t.nom);
  if (!noms.some((n) => normaliser(n) === normaliser(contrat.territoire))) {
    motifs.push({
      code: "territoire_inconnu",
      niveau: "avertissement",
      message: `Contrat ${contrat.id} : territoire « ${contrat.territoire} » absent de la liste des Territoires d'industrie du guide${vouliezVousDire(contrat.territoire, noms)}.`,
      source: ref.territoires.source,
    });
  }
  evaluees.forEach(({ fiche }, i) => {
    if (fiche.territoire !== undefined && normaliser(fiche.territoire) !== normaliser(contrat.territoire)) {
      motifs.push({
        code: "territoire_different",
        niveau: "avertissement",
        message: `Fiche ${fiche.id} : territoire « ${fiche.territoire} », mais le contrat ${contrat.id} est celui de « ${contrat.territoire} » ; vérifiez que la fiche appartient à ce contrat.`,
        source: null,
        lieu: { fiche: i, champ: ["territoire"] },
      });
    }
  });
}

/** Total cost, financing by financer (public ones), self-financing and their shares of the cost. */
export function totaux(fiches: Fiche[]): TotauxContrat {
  const prives = FINANCEURS_PRIVES as readonly string[];
  const cout = somme(fiches.flatMap((f) => f.depenses.map((d) => d.montant)));
  const lignes = fiches.flatMap((f) => f.financements ?? []);
  const parFinanceur = new Map<string, Dec>();
  for (const l of lignes)
    if (!prives.includes(l.financeur))
      parFinanceur.set(l.financeur, (parFinanceur.get(l.financeur) ?? ZERO).plus(l.montant));
  const publics = somme(parFinanceur.values());
  const auto = somme(lignes.filter((l) => l.financeur === "autofinancement").map((l) => l.montant));
  const part = (x: Dec) => (cout.isZero() ? null : x.dividedBy(cout));
  return {
    fiches: fiches.length,
    cout_total: cout,
    financements_total: somme(lignes.map((l) => l.montant)),
    financements_publics: publics,
    par_financeur: [...parFinanceur]
      .map(([financeur, montant]) => ({ financeur, montant }))
      .sort((a, b) => b.montant.comparedTo(a.montant) || a.financeur.localeCompare(b.financeur)),
    autofinancement: auto,
    autres_prives: somme(
      lignes
        .filter((l) => prives.includes(l.financeur) && l.financeur !== "autofinancement")
        .map((l) => l.montant),
    ),
    part_publique: part(publics),
    part_autofinancement: part(auto),
    fiches_sans_plan: fiches.filter((f) => !f.financements).map((f) => f.id),
  };
}
