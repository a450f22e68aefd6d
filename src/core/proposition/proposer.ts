// `ti-aides proposer`: the financing plan that brings the most public aid the rules allow, from the
// financers a fiche names, each within its own `montant_max`, self-financing closing the balance
// (docs/interface.md « proposer »). Pure: no I/O.
//
// How: the controls are the project's own (controles/), never rewritten here. Each control of a plan
// compares two figures that are affine in the amounts of the lines (sums of shares, a rate of a sum),
// so evaluating the fiche at a few plans gives each control as a linear constraint; a small linear
// programme (solveur.ts) finds the lexicographic maximum; the amounts are rounded down to the cent,
// checked with the exact controls (decimal.js), corrected cent by cent when a control fails, then each
// line is raised as far as the exact controls allow. The plan returned is always compliant.
import { arrondirCentime, CENTIME, D, somme, ZERO, type Dec } from "../argent.js";
import { ErreurSaisie } from "../erreurs.js";
import { euros } from "../format.js";
import { NOMS_CONTROLES, SENS_CONTROLES, cleDuControle } from "../controles/index.js";
import { evaluerFiche, type OptionsEvaluation } from "../evaluer.js";
import { normaliserLignes } from "../financements.js";
import type { Controle, EvaluationFiche, Motif, NomControle } from "../modele.js";
import type { Referentiel } from "../regles/referentiel.js";
import { FINANCEURS_PRIVES, FINANCEURS_PUBLICS } from "../schemas/communs.js";
import type { Fiche, Financement } from "../schemas/fiche.js";
import { vouliezVousDire } from "../suggestion.js";
import { maximiserLexicographique, type Contrainte } from "./solveur.js";

/** What stops a line from going one cent higher: a control (its scope and source), or the line's own cap. */
export interface Limite {
  controle: NomControle | "montant_max";
  portee: string;
  source: string | null;
  message: string;
}

export interface LigneProposee {
  financeur: string;
  /** Its position in the fiche's `financements`; null for a financer added by `--financeurs`. */
  origine: number | null;
  montant: Dec;
  /** Left out of the plan: no amount of it can be compliant (`limites` says why). */
  exclue: boolean;
  /** Kept at the fiche's amount (a private line, a loan whose grant equivalent is given). */
  fixe: boolean;
  limites: Limite[];
}

export interface Proposition {
  /** The fiche with the proposed plan (the lines, then the self-financing that closes the balance). */
  fiche: Fiche;
  /** Per proposed financing line of `fiche`: where it comes from in the original fiche (null: new). */
  origines: (number | null)[];
  lignes: LigneProposee[];
  evaluation: EvaluationFiche;
  aidePublique: Dec;
  autofinancement: Dec;
  /** Set when no public aid is possible: why, in one sentence. */
  aucuneAide: string | null;
  motifs: Motif[];
}

export interface OptionsProposition extends OptionsEvaluation {
  /** The public financers to use, in order of priority (default: those the fiche names). */
  financeurs?: string[];
}

/** A fiche-action has a few financers; each one costs an evaluation per probe and a stage of the programme. */
const FINANCEURS_MAX = 100;
const AUTOFINANCEMENT = "autofinancement";
/** Passes raising each line in turn; one more is needed only when a raise frees an earlier line. */
const PASSES_MAX = 10;

interface Candidate {
  base: Financement;
  origine: number | null;
  fixe: boolean;
  max: Dec | null;
  /** equivalent_subvention ÷ montant in the fiche, kept for the proposed amount; null without one. */
  ratio: Dec | null;
}

export function proposerPlan(fiche: Fiche, ref: Referentiel, options: OptionsProposition = {}): Proposition {
  const motifs: Motif[] = [];
  const candidates = choisirLignes(fiche, ref, options.financeurs, motifs);
  // Self-financing closes the plan on every expense: one fresh line (a `dispositif` or a list of
  // expenses written on the fiche's own line would make it count as someone else's aid).
  const autofinancementBase: Financement = { financeur: AUTOFINANCEMENT, montant: ZERO };
  const siennes = (fiche.financements ?? []).filter((f) => f.financeur === AUTOFINANCEMENT);
  if (
    siennes.length > 1 ||
    siennes.some((f) => Object.keys(f).some((k) => !["financeur", "montant"].includes(k)))
  )
    motifs.push({
      code: "autofinancement_recalcule",
      niveau: "info",
      message:
        "L'autofinancement de la fiche est remplacé par une seule ligne, sur toutes les dépenses, qui ferme l'équilibre.",
      source: null,
    });
  const cout = somme(fiche.depenses.map((d) => d.montant));
  const exclues = new Map<number, Limite[]>();

  const actives = () => candidates.map((_, i) => i).filter((i) => !exclues.has(i));
  const variables = () => actives().filter((i) => !candidates[i].fixe);
  const ficheDe = (montants: Map<number, Dec>): { fiche: Fiche; autofinancement: Dec } => {
    const lignes = actives().map((i) => {
      const c = candidates[i];
      const montant = c.fixe ? c.base.montant : (montants.get(i) ?? ZERO);
      return c.ratio
        ? { ...c.base, montant, equivalent_subvention: arrondirCentime(montant.times(c.ratio)) }
        : { ...c.base, montant };
    });
    const autofinancement = cout.minus(somme(lignes.map((l) => l.montant)));
    return {
      fiche: { ...fiche, financements: [...lignes, { ...autofinancementBase, montant: autofinancement }] },
      autofinancement,
    };
  };
  // The probes read the controls' figures and verdicts only: a trial evaluation (no messages, no room left).
  const evaluer = (montants: Map<number, Dec>) =>
    evaluerFiche(ficheDe(montants).fiche, ref, { ...options, essai: true });
  const conforme = (montants: Map<number, Dec>) =>
    !ficheDe(montants).autofinancement.isNegative() && evaluer(montants).conforme === true;

  // 1. Lines no amount can make compliant (a GBER aid after the works started, a de minimis room
  // already used): left out, with the control that says why.
  const zeros = () => new Map(variables().map((i) => [i, ZERO]));
  for (;;) {
    if (ficheDe(zeros()).autofinancement.isNegative())
      throw new ErreurSaisie([
        {
          champ: "financements",
          message: `les financements gardés tels quels (privés, prêts à équivalent-subvention donné) dépassent le coût total de ${euros(cout)} : corrigez-les avant de demander un plan`,
        },
      ]);
    // A full evaluation: the messages of the controls that fail say why a line is left out.
    const echecs = evaluerFiche(ficheDe(zeros()).fiche, ref, options).controles.filter(
      (c) => c.conforme === false,
    );
    if (echecs.length === 0) break;
    const aExclure = lignesEnCause(echecs, fiche, ref, candidates, actives());
    if (aExclure.size === 0) {
      const pourquoi = echecs.map((c) => c.message).join(" ; ");
      throw new ErreurSaisie([
        { champ: "financements", message: `aucun plan conforme possible, même sans aide : ${pourquoi}` },
      ]);
    }
    for (const [i, c] of aExclure) exclues.set(i, [limiteDe(c)]);
  }

  // 2. The controls as linear constraints, the lexicographic maximum, rounded down to the cent.
  const vars = variables();
  let montants = new Map<number, Dec>(vars.map((i) => [i, ZERO]));
  if (vars.length > 0) {
    const programme = programmeLineaire(vars, candidates, ficheDe, evaluer, fiche);
    const x = maximiserLexicographique(programme);
    if (x) montants = new Map(vars.map((i, k) => [i, centimeInferieur(x[k])]));
  }

  // 3. Checked with the exact controls; corrected to the cent when one fails (never a non-compliant plan).
  montants = corriger(montants, vars, evaluer, ficheDe, conforme);

  // 4. The lines paying under one dispositif together (a parity moves them only together), then each
  // line in order, raised as far as the exact controls allow: no line can then be raised by one cent
  // without breaking a control (the solver's tolerance is given back). A line raised later can free an
  // earlier one (a co-financing share counts the others' amounts), so the passes go on until none moves.
  const ensembles = [...new Set(vars.map((i) => candidates[i].base.dispositif))]
    .filter((d) => d !== undefined)
    .map((d) => vars.filter((i) => candidates[i].base.dispositif === d))
    .filter((g) => g.length > 1);
  let stable = false;
  for (let passe = 0; passe < PASSES_MAX && !stable; passe++) {
    stable = true;
    for (const groupe of [...ensembles, ...vars.map((i) => [i])]) {
      const peut = (k: Dec) => {
        const essai = new Map(montants);
        for (const i of groupe) essai.set(i, montants.get(i)!.plus(k));
        return (
          groupe.every((i) => !candidates[i].max || essai.get(i)!.lessThanOrEqualTo(candidates[i].max!)) &&
          conforme(essai)
        );
      };
      const k = plusGrandPas(peut);
      if (k.isZero()) continue;
      stable = false;
      for (const i of groupe) montants.set(i, montants.get(i)!.plus(k));
    }
  }
  if (!stable)
    motifs.push({
      code: "proposition_non_stabilisee",
      niveau: "avertissement",
      message: `Après ${PASSES_MAX} passes, une ligne montait encore : une ligne du plan proposé peut peut-être encore être relevée ; relancez proposer sur le plan proposé.`,
      source: null,
    });

  const { fiche: proposee, autofinancement } = ficheDe(montants);
  const evaluation = evaluerFiche(proposee, ref, options);
  // A control that cannot be evaluated (a cumul with no known intensity) limits nothing: said, never silent.
  for (const c of evaluation.controles.filter((x) => x.conforme === null))
    motifs.push({
      code: "proposition_sans_controle",
      niveau: "avertissement",
      message: `${NOMS_CONTROLES[c.controle]} (« ${c.portee} ») non évaluable : le plan proposé n'est pas limité par ce contrôle. ${c.message}`,
      source: c.source,
    });
  const lignes: LigneProposee[] = candidates.map((c, i) => ({
    financeur: c.base.financeur,
    origine: c.origine,
    montant: exclues.has(i) ? ZERO : c.fixe ? c.base.montant : montants.get(i)!,
    exclue: exclues.has(i),
    fixe: c.fixe,
    limites:
      exclues.get(i) ??
      (c.fixe ? [] : limitesDe(i, montants, candidates, autofinancement, proposee, evaluer, conforme)),
  }));
  const aidePublique = somme(
    lignes
      .filter((l) => !(FINANCEURS_PRIVES as readonly string[]).includes(l.financeur))
      .map((l) => l.montant),
  );
  return {
    fiche: proposee,
    origines: [...actives().map((i) => candidates[i].origine), null],
    lignes,
    evaluation,
    aidePublique,
    autofinancement,
    aucuneAide: aidePublique.isZero() ? pourquoiAucuneAide(lignes) : null,
    motifs,
  };
}

/**
 * The lines of the plan: `--financeurs` in its order (a financer the fiche already names keeps its
 * line: regime, expenses, form, `montant_max`), else the fiche's public lines in their order; the
 * private lines are kept as they are; self-financing is recomputed.
 */
function choisirLignes(
  fiche: Fiche,
  ref: Referentiel,
  financeurs: string[] | undefined,
  motifs: Motif[],
): Candidate[] {
  const existantes = (fiche.financements ?? []).map((f, origine) => ({
    f,
    origine: origine as number | null,
  }));
  const prive = (id: string) => (FINANCEURS_PRIVES as readonly string[]).includes(id);
  let publiques: { f: Financement; origine: number | null }[];
  if (financeurs) {
    const connus = [...ref.dispositifs.keys(), ...FINANCEURS_PUBLICS];
    publiques = financeurs.flatMap((id) => {
      if (!connus.includes(id))
        throw new ErreurSaisie([
          {
            champ: "--financeurs",
            message: `financeur public inconnu « ${id} »${vouliezVousDire(id, connus)} ; un identifiant de dispositif (ti-aides regles) ou : ${FINANCEURS_PUBLICS.join(", ")}`,
          },
        ]);
      const siennes = existantes.filter((e) => e.f.financeur === id);
      return siennes.length
        ? siennes
        : [{ f: { financeur: id, montant: ZERO } as Financement, origine: null }];
    });
    const laissees = existantes.filter((e) => !prive(e.f.financeur) && !financeurs.includes(e.f.financeur));
    if (laissees.length)
      motifs.push({
        code: "financeurs_laisses",
        niveau: "info",
        message: `Lignes de la fiche hors de --financeurs, retirées du plan proposé : ${laissees.map((e) => e.f.financeur).join(", ")}.`,
        source: null,
      });
  } else {
    publiques = existantes.filter((e) => !prive(e.f.financeur));
    if (publiques.length === 0)
      throw new ErreurSaisie([
        {
          champ: "financements",
          message:
            "la fiche ne nomme aucun financeur public : indiquez-les dans « financements » ou avec --financeurs (ex. --financeurs ademe-investissement,region)",
        },
      ]);
  }
  if (publiques.length > FINANCEURS_MAX)
    throw new ErreurSaisie([
      {
        champ: "financements",
        message: `${publiques.length} lignes publiques : proposer en traite au plus ${FINANCEURS_MAX} ; une fiche-action n'a que quelques financeurs, regroupez-les ou choisissez-les avec --financeurs`,
      },
    ]);
  const candidates: Candidate[] = publiques.map(({ f, origine }) => {
    // A loan, an advance or a guarantee whose grant equivalent is given: for another amount on the
    // same terms, the equivalent is taken in proportion (a warning says so); with no amount to take
    // it from, the line is kept as the fiche writes it.
    const esb = f.equivalent_subvention;
    const fixe = esb !== undefined && f.montant.isZero() && !esb.isZero();
    const ratio = esb !== undefined && !f.montant.isZero() ? esb.dividedBy(f.montant) : null;
    if (esb !== undefined)
      motifs.push({
        code: fixe ? "ligne_gardee" : "equivalent_subvention_au_prorata",
        niveau: "avertissement",
        message: fixe
          ? `${f.financeur} : equivalent_subvention de ${euros(esb)} pour un montant nul, ligne gardée telle quelle ; donnez le montant auquel il correspond.`
          : `${f.financeur} : equivalent_subvention recalculé au prorata du montant proposé (${euros(esb)} pour ${euros(f.montant)} dans la fiche) ; à confirmer par le financeur.`,
        source: "Règlement (UE) 651/2014, art. 5 (transparence des aides)",
      });
    return { base: f, origine, fixe, max: f.montant_max ?? null, ratio };
  });
  for (const e of existantes)
    if (e.f.financeur === "prive")
      candidates.push({ base: e.f, origine: e.origine, fixe: true, max: null, ratio: null });
  return candidates;
}

/**
 * The lines a control failing with every variable line at zero is about: after the works started,
 * the GBER lines (effet incitatif); with the de minimis room used, the de minimis lines.
 */
function lignesEnCause(
  echecs: Controle[],
  fiche: Fiche,
  ref: Referentiel,
  candidates: Candidate[],
  actives: number[],
): Map<number, Controle> {
  const lignes = normaliserLignes(
    { ...fiche, financements: candidates.map((c) => c.base) },
    ref,
    new Map(),
    [],
  );
  const enCause = new Map<number, Controle>();
  for (const c of echecs) {
    const regime =
      c.controle === "effet_incitatif" ? "rgec" : c.controle === "de_minimis" ? "de_minimis" : null;
    if (!regime) continue;
    for (const i of actives)
      if (!candidates[i].fixe && lignes[i].aideEtat && lignes[i].regime === regime) enCause.set(i, c);
  }
  return enCause;
}

/** Identifies a control across evaluations of the same fiche. */
const cle = cleDuControle;
const ecart = (c: Controle) => c.valeur!.minus(c.limite!).toNumber();

/**
 * Each control as a linear constraint: valeur − limite = c₀ + Σ aᵢ xᵢ, read from the evaluation at a
 * plan where every line is positive (every control present) and at that plan with one line raised.
 */
function programmeLineaire(
  vars: number[],
  candidates: Candidate[],
  ficheDe: (m: Map<number, Dec>) => { autofinancement: Dec },
  evaluer: (m: Map<number, Dec>) => EvaluationFiche,
  fiche: Fiche,
) {
  // Small enough for self-financing to stay positive; the affine forms hold at any scale.
  const libre = ficheDe(new Map(vars.map((i) => [i, ZERO]))).autofinancement;
  const pas = D.max(libre.dividedBy(2 * (vars.length + 1)).toDecimalPlaces(2, D.ROUND_DOWN), new D(100));
  const base = new Map(vars.map((i) => [i, pas]));
  const mesure = (m: Map<number, Dec>) =>
    new Map(
      evaluer(m)
        .controles.filter((c) => SENS_CONTROLES[c.controle] && c.valeur !== null && c.limite !== null)
        .filter(
          (c) => !(c.controle === "participation_minimale" && fiche.beneficiaire.derogation_participation),
        )
        .map((c) => [cle(c), ecart(c)]),
    );
  const e0 = mesure(base);
  const pentes = vars.map((i) => mesure(new Map(base).set(i, pas.times(2))));
  const p = pas.toNumber();
  const contraintes: Contrainte[] = [];
  for (const [k, v0] of e0) {
    const a = pentes.map((m) => {
      const pente = ((m.get(k) ?? v0) - v0) / p;
      return Math.abs(pente) < 1e-9 ? 0 : pente;
    });
    if (a.every((x) => x === 0)) continue;
    const c0 = v0 - a.reduce((s, x) => s + x * p, 0);
    const sens = SENS_CONTROLES[k.split("|")[0] as NomControle];
    contraintes.push({
      cle: k,
      coefficients: a,
      ...(sens === "≤" ? { max: -c0 } : sens === "≥" ? { min: -c0 } : { min: -c0, max: -c0 }),
    });
  }
  // Self-financing never negative (the variable lines share what the kept lines leave); each
  // financer within its own cap.
  contraintes.push({ cle: "autofinancement", coefficients: vars.map(() => 1), max: libre.toNumber() });
  vars.forEach((i, k) => {
    const max = candidates[i].max;
    if (max)
      contraintes.push({
        cle: `montant_max_${i}`,
        coefficients: vars.map((_, j) => (j === k ? 1 : 0)),
        max: max.toNumber(),
      });
  });
  return { n: vars.length, contraintes };
}

/** Rounded down to the cent, the solver's float noise (…,999999) not counted as a lost cent. */
function centimeInferieur(x: number): Dec {
  return new D(Math.floor(x * 100 + 1e-6)).dividedBy(100);
}

/**
 * A plan rounded from floats may miss a control by a few cents: the lowest-priority line that helps
 * the first failing control is lowered by the gap, until the exact controls all pass (at worst every
 * line at zero, compliant once the lines in cause are left out).
 */
function corriger(
  montants: Map<number, Dec>,
  vars: number[],
  evaluer: (m: Map<number, Dec>) => EvaluationFiche,
  ficheDe: (m: Map<number, Dec>) => { autofinancement: Dec },
  conforme: (m: Map<number, Dec>) => boolean,
): Map<number, Dec> {
  const m = new Map(montants);
  for (let tour = 0; tour < 200; tour++) {
    if (conforme(m)) return m;
    const manque = ficheDe(m).autofinancement;
    const echec = evaluer(m).controles.find((c) => c.conforme === false);
    // Which lines lower the gap: those whose one cent less moves the failing figure the right way.
    const ordre = [...vars].reverse().filter((i) => m.get(i)!.greaterThan(ZERO));
    let baisse: { i: number; de: Dec } | null = null;
    for (const i of ordre) {
      if (manque.isNegative()) {
        baisse = { i, de: D.min(m.get(i)!, manque.negated()) };
        break;
      }
      if (!echec || echec.valeur === null || echec.limite === null) break;
      const essai = new Map(m).set(i, m.get(i)!.minus(CENTIME));
      const apres = evaluer(essai).controles.find((c) => cle(c) === cle(echec));
      const avant = Math.abs(ecart(echec));
      // The gap one cent less closes; the cents it takes to close it all.
      const gain =
        apres && apres.valeur !== null && apres.limite !== null ? avant - Math.abs(ecart(apres)) : avant;
      if (gain > 0) {
        const centimes = Math.max(1, Math.ceil(avant / gain - 1e-6));
        baisse = { i, de: D.min(m.get(i)!, new D(centimes).dividedBy(100)) };
        break;
      }
    }
    if (!baisse) return new Map(vars.map((i) => [i, ZERO]));
    m.set(baisse.i, m.get(baisse.i)!.minus(baisse.de));
  }
  return new Map(vars.map((i) => [i, ZERO]));
}

/** The largest number of cents k such that `peut(k)`, `peut` holding from 0 up to it (0 when one cent fails). */
function plusGrandPas(peut: (k: Dec) => boolean): Dec {
  let bas = 0;
  let haut = 1;
  while (haut <= 1e14 && peut(new D(haut).dividedBy(100))) {
    bas = haut;
    haut *= 2;
  }
  while (haut - bas > 1) {
    const milieu = Math.floor((bas + haut) / 2);
    if (peut(new D(milieu).dividedBy(100))) bas = milieu;
    else haut = milieu;
  }
  return new D(bas).dividedBy(100);
}

/** A control that fails with every line at zero: its own message says why. */
function limiteDe(c: Controle): Limite {
  return { controle: c.controle, portee: c.portee, source: c.source, message: c.message };
}

/** A control one cent more would break: named with its scope and the figure it reaches. */
function limiteAtteinte(c: Controle): Limite {
  const sens = SENS_CONTROLES[c.controle];
  const chiffre =
    c.limite === null
      ? ""
      : sens === "≤"
        ? ` : ${euros(c.limite)} au plus, atteint`
        : sens === "≥"
          ? ` : au moins ${euros(c.limite)} requis`
          : "";
  return {
    controle: c.controle,
    portee: c.portee,
    source: c.source,
    message: `limité par ${NOMS_CONTROLES[c.controle].toLowerCase()} (« ${c.portee} »)${chiffre}`,
  };
}

/** What stops line i at its amount: the controls one cent more breaks (with its parity partners, for parity). */
function limitesDe(
  i: number,
  montants: Map<number, Dec>,
  candidates: Candidate[],
  autofinancement: Dec,
  fiche: Fiche,
  evaluer: (m: Map<number, Dec>) => EvaluationFiche,
  conforme: (m: Map<number, Dec>) => boolean,
): Limite[] {
  const c = candidates[i];
  const montant = montants.get(i)!;
  if (c.max && montant.plus(CENTIME).greaterThan(c.max))
    return [
      {
        controle: "montant_max",
        portee: c.base.financeur,
        source: "montant_max de la ligne dans la fiche",
        message: `limité par son montant_max de ${euros(c.max)}`,
      },
    ];
  if (autofinancement.lessThan(CENTIME))
    return [
      {
        controle: "equilibre",
        portee: fiche.id,
        source: "Plan de financement : ressources = dépenses",
        message: "limité par l'équilibre : plus d'autofinancement à remplacer, le plan couvre tout le coût",
      },
    ];
  const echecs = (m: Map<number, Dec>) => evaluer(m).controles.filter((x) => x.conforme === false);
  const plus = new Map(montants).set(i, montant.plus(CENTIME));
  let trouves = echecs(plus);
  if (trouves.length > 0 && trouves.every((x) => x.controle === "parite")) {
    // Raised with its partners, the pair shows what limits it beyond parity.
    const ensemble = new Map(montants);
    for (const [j, v] of montants)
      if (j === i || memeParite(candidates[j], c)) ensemble.set(j, v.plus(CENTIME));
    const autres = conforme(ensemble) ? [] : echecs(ensemble);
    trouves = [...trouves, ...autres.filter((x) => x.controle !== "parite")];
  }
  return trouves.map(limiteAtteinte);
}

/** Two generic financers paying under the same dispositif (State and Region under PIA filières). */
function memeParite(a: Candidate, b: Candidate): boolean {
  return a.base.dispositif !== undefined && a.base.dispositif === b.base.dispositif;
}

function pourquoiAucuneAide(lignes: LigneProposee[]): string {
  const raisons = lignes
    .filter((l) => !l.fixe)
    .map((l) => `${l.financeur} : ${l.limites.map((x) => x.message).join(" ; ") || "aucune marge"}`);
  return `Aucune aide publique possible sur cette fiche. ${raisons.join(" ")}`;
}
