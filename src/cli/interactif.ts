// `ti-aides simuler` with no file on a terminal: French questions, only those the chosen dispositif
// needs (its `champs`, the fields its conditions and calculation read), choices where the values
// are a list, validation as you type; then the result, and the fiche saved as YAML to replay it.
// Loaded only on this path: inquirer never slows down the other commands.
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { z } from "zod";
import { stringify } from "yaml";
import { lireMontant } from "../core/argent.js";
import { aujourdhui, dateFr } from "../core/dates.js";
import { formaterProbleme } from "../core/erreurs.js";
import { sorteDe } from "../core/calculs/index.js";
import { evaluerSource, type FicheSource } from "../core/fiche-lue.js";
import { valeurA } from "../core/parametres.js";
import type { OptionsEvaluation } from "../core/evaluer.js";
import { euros } from "../core/format.js";
import type { EvaluationFiche, Motif } from "../core/modele.js";
import { categoriesDe as categoriesDuReferentiel } from "../core/libelles.js";
import { champsLus } from "../core/regles/coherence.js";
import type { Referentiel } from "../core/regles/referentiel.js";
import {
  FINANCEURS_PRIVES,
  FINANCEURS_PUBLICS,
  FORMES,
  NATURES_BENEFICIAIRE,
  NOMS_FINANCEURS,
  REGIMES,
  NATURES_DEPENSE,
  TAILLES,
  ZONES,
  schemasCommuns,
  type Forme,
} from "../core/schemas/communs.js";
import { schemasFiche } from "../core/schemas/fiche.js";
import type { Regle } from "../core/schemas/regle.js";
import { documentJson } from "../core/document-json.js";
import { normaliser, vouliezVousDire } from "../core/suggestion.js";
import { CODE_NON_CONFORME, CODE_OK, CODE_SAISIE } from "./codes.js";
import type { OptionsSimuler } from "./options.js";
import { ecrireSortie } from "./ecriture.js";
import { ECRIVAINS_DOCUMENT, type FormatDocument } from "./ecrivains.js";
import { verifierFormat } from "./options.js";
import { rendreExplicationsDeFiche } from "./rendu/explication.js";
import { rendreFiche } from "./rendu/tableau.js";

type Inquirer = (typeof import("inquirer"))["default"];
type Valeur = string | number | boolean;
interface Choix<T> {
  name: string;
  value: T;
  description?: string;
}

/** The key hints of a list, in French. */
const ACTIONS: Record<string, string> = { navigate: "parcourir", select: "valider" };
const THEME_LISTE = {
  style: {
    keysHelpTip: (touches: [string, string][]) =>
      touches.map(([k, a]) => `${k} ${ACTIONS[a] ?? a}`).join(" • "),
  },
};

/** The lines of a list shown at once. */
const LIGNES_VISIBLES = 12;

/** The questions, one at a time (inquirer 12). */
class Questions {
  constructor(private readonly q: Inquirer) {}

  async choisir<T>(message: string, choices: Choix<T>[], defaut?: T): Promise<T> {
    // A longer list scrolls: said, or the choices below the 12th look absent.
    const defile =
      choices.length > LIGNES_VISIBLES
        ? ` (${choices.length} choix, ${LIGNES_VISIBLES} visibles : la liste défile avec ↑ ↓)`
        : "";
    const r = await this.q.prompt([
      {
        type: "select",
        name: "r",
        message: message + defile,
        choices,
        default: defaut,
        pageSize: LIGNES_VISIBLES,
        loop: false,
        theme: THEME_LISTE,
      },
    ] as never);
    return (r as { r: T }).r;
  }

  async saisir(message: string, valider: (texte: string) => true | string, defaut?: string): Promise<string> {
    const r = await this.q.prompt([
      { type: "input", name: "r", message, default: defaut, validate: (t: string) => valider(t.trim()) },
    ] as never);
    return String((r as { r: string }).r).trim();
  }

  /** Oui / non as a list: inquirer's confirm only knows y/n. */
  async confirmer(message: string, defaut: boolean): Promise<boolean> {
    return this.choisir(
      message,
      [
        { name: "Oui", value: true },
        { name: "Non", value: false },
      ],
      defaut,
    );
  }
}

const NATURES_BENEFICIAIRE_FR: Record<string, string> = {
  entreprise: "une entreprise",
  collectivite: "une collectivité",
  association: "une association",
  etablissement_public: "un établissement public",
  consortium: "un consortium",
};
const TAILLES_FR: Record<string, string> = {
  PE: "PE — petite entreprise (moins de 50 personnes, CA ou bilan ≤ 10 M€)",
  ME: "ME — moyenne entreprise (moins de 250 personnes, CA ≤ 50 M€ ou bilan ≤ 43 M€)",
  GE: "GE — grande entreprise",
};
const ZONES_FR: Record<string, string> = {
  metropole: "France métropolitaine continentale",
  corse: "Corse",
  outre_mer: "Outre-mer (DOM-COM)",
};

/**
 * The French words of the closed choices that rules/parametres/libelles.yaml does not name (it holds
 * what a user may write; here, how a choice is shown). Any other id is shown with spaces for « _ ».
 */
const MOTS_FR: Record<string, string> = {
  peche: "pêche",
  transport_routier: "transport routier",
  regionale: "régionale",
  multiregionale: "multirégionale",
  pret: "prêt",
  avance_remboursable: "avance remboursable",
  quasi_fonds_propres: "quasi-fonds propres",
  cdd: "CDD",
  cdi: "CDI",
};

/** « EPCI (intercommunalité) »: the name, with what a newcomer may need said. */
const nomAvecPrecision = (f: { nom: string; precision?: string }) =>
  f.precision ? `${f.nom} (${f.precision})` : f.nom;

const REGIMES_FR: Record<string, string> = {
  rgec: "RGEC — règlement général d'exemption par catégorie",
  de_minimis: "De minimis",
  hors_aide_etat: "Hors aide d'État",
};

/** How an id is shown: its first label in the data (the guide's words) when there is one. */
function libelle(id: string, libelles?: readonly string[]): string {
  return libelles?.[0] ?? MOTS_FR[id] ?? id.replaceAll("_", " ");
}

/** The question for each field a rule may read; the field's name when none is written here. */
const QUESTIONS: Record<string, string> = {
  "depense.cout_reference":
    "Coût d'un investissement de référence, moins performant (le surcoût est l'assiette), en euros HT",
  "depense.taux_max": "Intensité maximale du régime d'aide appliqué (fraction, ex. 0,4 ou « 40 % »)",
  "depense.duree_mois": "Durée de l'étude, en mois",
  "depense.prestataire_externe": "L'étude est-elle réalisée par un prestataire externe et indépendant ?",
  "depense.date_commande": "Date de la commande du bien (AAAA-MM-JJ)",
  "depense.date_acquisition": "Date d'acquisition du bien (AAAA-MM-JJ)",
  "depense.acompte": "Acompte versé à la commande, en euros",
  "depense.date_acompte": "Date du versement de l'acompte (AAAA-MM-JJ)",
  "depense.salaire_brut_annuel": "Salaire brut annuel, en euros",
  "depense.duree_annees": "Durée, en années",
  "depense.etp": "Temps consacré, en équivalent temps plein (ex. 0,8)",
  "depense.poste_annuel": "Coût annuel du poste, en euros",
  "depense.communication_annuel": "Frais annuels de communication et d'animation, en euros",
  "depense.petit_equipement": "Petit équipement (une fois), en euros",
  "depense.economie_annuelle_prevue": "Économie annuelle prévue, en euros",
  "depense.effectif_etablissement": "Effectif de l'établissement (salariés)",
  "depense.heures": "Durée de la formation, en heures",
  "depense.type_contrat": "Type de contrat proposé",
  "depense.duree_contrat_mois": "Durée du contrat, en mois",
  "depense.niveau": "Niveau de diplôme",
  "depense.jours": "Nombre de jours de prestation",
  "depense.collectif": "La prestation est-elle collective ?",
  "depense.part_capital": "Part du capital détenue par l'investisseur (fraction, ex. 0,3 ou « 30 % »)",
  "depense.rentabilite_prevue": "Rentabilité prévue (fraction, ex. 0,05 ou « 5 % »)",
  "depense.ouvert_aux_tiers": "Les outils financés sont-ils ouverts aux tiers ?",
  "depense.duree_amorcage_annees": "Durée de la phase d'amorçage, en années",
  "depense.droits_vote_filiere": "Part des droits de vote détenue par les acteurs de la filière (fraction)",
  "depense.vocation": "Vocation du projet",
  "depense.renouvellement": "S'agit-il d'un renouvellement ?",
  "beneficiaire.secteur": "Secteur d'activité du bénéficiaire",
  "beneficiaire.taux_is": "Taux d'impôt sur les sociétés du bénéficiaire (fraction, ex. 0,28)",
  "beneficiaire.nature": "Nature du bénéficiaire",
  "beneficiaire.detenu_public_25":
    "Le bénéficiaire est-il détenu à 25 % ou plus par des organismes publics ?",
  "fiche.date_debut": "Date de début des travaux (AAAA-MM-JJ)",
  "fiche.territoire": "Territoire d'industrie du projet",
};

/** Fields asked by the common questions (beneficiary, location, expense): not asked twice. */
const DEJA_DEMANDES = new Set([
  "beneficiaire.nature",
  "beneficiaire.taille",
  "beneficiaire.categorie_entreprise",
  "beneficiaire.activite_economique",
  "beneficiaire.effectif",
  "beneficiaire.chiffre_affaires",
  "beneficiaire.total_bilan",
  "depense.nature",
  "depense.categorie",
  "depense.montant",
  "depense.dispositifs",
  "financement.forme",
]);

const JE_NE_SAIS_PAS = "Je ne sais pas (le résultat sera « sous réserve »)";

function definition(s: unknown): { type?: string; innerType?: unknown; entries?: Record<string, string> } {
  return (s as { _zod: { def: { type?: string; innerType?: unknown; entries?: Record<string, string> } } })
    ._zod.def;
}

/** The zod schema of a fiche field named as in the rule files, without its optional/default wrapper. */
function schemaDuChamp(champ: string): z.ZodType | undefined {
  const [objet, nom] = champ.split(".");
  const schemas = schemasFiche();
  const formes: Record<string, Record<string, z.ZodType>> = {
    depense: schemas.depense.shape,
    beneficiaire: schemas.beneficiaire.shape,
    fiche: schemas.fiche.shape,
  };
  let s: unknown = formes[objet]?.[nom];
  while (s && ["optional", "default"].includes(definition(s).type ?? "")) s = definition(s).innerType;
  return s as z.ZodType | undefined;
}

/** The first message of a zod refusal, as the fiche reader says it. */
function messageRefus(s: z.ZodType, texte: string): true | string {
  const r = s.safeParse(texte);
  return r.success ? true : (r.error.issues[0]?.message ?? "valeur refusée");
}

/** A figure as it will be written in the YAML file: a number when it reads back exactly, else text. */
function nombreOuTexte(lu: { toString(): string }): Valeur {
  const n = Number(lu.toString());
  return Number.isSafeInteger(n) ? n : lu.toString();
}

function ouiNon(): Choix<boolean | undefined>[] {
  return [
    { name: "Oui", value: true },
    { name: "Non", value: false },
    { name: JE_NE_SAIS_PAS, value: undefined },
  ];
}

/** One question for a field a rule reads, typed by the fiche schema; undefined when left empty. */
async function demanderChamp(q: Questions, champ: string, ref: Referentiel): Promise<Valeur | undefined> {
  const message = QUESTIONS[champ] ?? `Valeur de « ${champ.split(".")[1]} »`;
  if (champ === "fiche.territoire" || champ === "fiche.territoire_d_industrie") {
    const noms = ref.territoires.territoires.map((t) => t.nom);
    const t = await q.saisir(`${QUESTIONS["fiche.territoire"]} (nom, vide si vous ne savez pas)`, (x) => {
      if (x === "" || noms.some((n) => normaliser(n) === normaliser(x))) return true;
      return `« ${x} » n'est pas dans la liste des Territoires d'industrie du guide${vouliezVousDire(x, noms)}`;
    });
    return t === "" ? undefined : noms.find((n) => normaliser(n) === normaliser(t));
  }
  const s = schemaDuChamp(champ);
  const def = s ? definition(s) : {};
  if (def.type === "enum" && def.entries) {
    const valeurs = Object.values(def.entries);
    return q.choisir<Valeur | undefined>(message, [
      ...valeurs.map((v) => ({ name: libelle(v), value: v })),
      { name: JE_NE_SAIS_PAS, value: undefined },
    ]);
  }
  if (def.type === "boolean") return q.choisir(message, ouiNon());
  const texte = await q.saisir(`${message} (vide si vous ne savez pas)`, (x) =>
    x === "" || !s ? true : messageRefus(s, x),
  );
  if (texte === "" || !s) return texte === "" ? undefined : texte;
  const lu = (s as z.ZodType).parse(texte) as unknown;
  return lu && typeof lu === "object" && "toFixed" in lu
    ? nombreOuTexte(lu as { toString(): string })
    : (lu as Valeur);
}

function validerMontant(obligatoire: boolean) {
  return (x: string): true | string => {
    if (x === "") return obligatoire ? "un montant est attendu (ex. 1200000 ou « 1 200 000 € »)" : true;
    const r = lireMontant(x);
    return r.ok ? true : r.message;
  };
}

/** The dispositifs, in the order of the guide's fiches, regional ones last. */
function choixDispositifs(ref: Referentiel): Choix<string>[] {
  return [...ref.dispositifs.values()]
    .sort((a, b) => (a.fiche ?? 1000) - (b.fiche ?? 1000) || a.id.localeCompare(b.id))
    .map((r) => ({ name: `${r.nom} (${r.id})`, value: r.id, description: r.offre }));
}

/** The fields the rule reads that the common questions do not cover, in the rule's order. */
function champsAPoser(regle: Regle): string[] {
  const champs = champsLus(regle).flatMap((x) => x.champ.split("|"));
  return [...new Set(champs)].filter((c) => !DEJA_DEMANDES.has(c));
}

function categoriesDe(regle: Regle): string[] | undefined {
  return regle.s_applique_a.categories ?? sorteDe(regle.calcul).tableParCategorie?.(regle.calcul)?.lignes;
}

async function questionner(
  q: Questions,
  ref: Referentiel,
  o: OptionsSimuler,
): Promise<{ donnees: Record<string, unknown>; regle: Regle; forme?: Forme; afrInconnue: boolean }> {
  const id = await q.choisir("Quel dispositif simuler ?", choixDispositifs(ref));
  const regle = ref.dispositifs.get(id)!;

  // The beneficiary: its nature, then its size (only where there is an economic activity).
  const beneficiaire: Record<string, unknown> = {};
  const nature = await q.choisir(
    "Le bénéficiaire est…",
    NATURES_BENEFICIAIRE.map((n) => ({ name: NATURES_BENEFICIAIRE_FR[n], value: n })),
  );
  beneficiaire.nature = nature;
  let economique = nature === "entreprise" || nature === "consortium";
  if (!economique) {
    // Said in the fiche either way: an association must say it (docs/domaine.md §1).
    economique = await q.confirmer(
      "Exerce-t-il une activité économique (offre des biens ou services sur un marché) ?",
      false,
    );
    beneficiaire.activite_economique = economique;
  }
  if (economique) {
    const mode = await q.choisir("Comment connaissez-vous la taille de l'entreprise ?", [
      {
        name: "Par ses chiffres : effectif, chiffre d'affaires, total du bilan (recommandé)",
        value: "chiffres",
      },
      { name: "Je connais sa taille : PE, ME ou GE", value: "taille" },
      {
        name: "Je ne sais pas (la grande entreprise, aux taux les plus bas, est retenue par prudence)",
        value: "inconnue",
      },
    ]);
    if (mode === "taille") {
      beneficiaire.taille = await q.choisir(
        "Taille de l'entreprise",
        TAILLES.map((t) => ({ name: TAILLES_FR[t], value: t })),
      );
    } else if (mode === "chiffres") {
      const effectif = await q.saisir("Effectif (unités de travail annuel, ex. 120)", (x) =>
        x === ""
          ? "l'effectif est attendu (ex. 120)"
          : messageRefus(schemaDuChamp("beneficiaire.effectif")!, x),
      );
      beneficiaire.effectif = nombreOuTexte(
        schemaDuChamp("beneficiaire.effectif")!.parse(effectif) as { toString(): string },
      );
      for (const [champ, libelle] of [
        ["chiffre_affaires", "Chiffre d'affaires annuel"],
        ["total_bilan", "Total du bilan"],
      ] as const) {
        const t = await q.saisir(`${libelle}, en euros (vide si vous ne savez pas)`, validerMontant(false));
        if (t !== "") beneficiaire[champ] = nombreOuTexte(schemasCommuns().montant.parse(t));
      }
    }
  }

  // The location.
  const zone = await q.choisir(
    "Où se situe le projet ?",
    ZONES.map((z) => ({ name: ZONES_FR[z], value: z })),
  );
  // Few users know whether their commune is an AFR zone: « je ne sais pas » is an answer, said in the result.
  const afrRepondue =
    zone === "metropole"
      ? await q.choisir(
          "Le site est-il en zone d'aide à finalité régionale (AFR) ?",
          [
            { name: "Oui", value: true },
            { name: "Non", value: false },
            {
              name: "Je ne sais pas (le résultat le dira, avec où trouver la carte)",
              value: undefined,
              description: carteAfr(ref, o.date ?? aujourdhui()),
            },
          ] as Choix<boolean | undefined>[],
          false,
        )
      : false;
  const afr = afrRepondue ?? false;

  // The expense: its nature and category when the rule leaves a choice, its amount.
  const depense: Record<string, unknown> = { id: "depense" };
  const natures = regle.s_applique_a.natures ?? [...NATURES_DEPENSE];
  depense.nature =
    natures.length === 1
      ? natures[0]
      : await q.choisir(
          "Nature de la dépense",
          natures.map((n) => ({ name: libelle(n, ref.libelles.nature?.[n]?.textes), value: n })),
        );
  const categories = categoriesDe(regle);
  const libellesCategories = categoriesDuReferentiel(ref).libelles;
  if (categories && categories.length > 0) {
    depense.categorie =
      categories.length === 1
        ? categories[0]
        : await q.choisir(
            "Catégorie de la dépense",
            categories.map((c) => ({ name: libelle(c, libellesCategories.get(c)), value: c })),
          );
  }
  const m = await q.saisir(
    "Montant de la dépense, en euros HT (ex. 1200000 ou « 1 200 000 € »)",
    validerMontant(true),
  );
  depense.montant = nombreOuTexte(schemasCommuns().montant.parse(m));
  depense.dispositifs = [regle.id];

  // Only what this rule reads.
  const fiche: Record<string, unknown> = {};
  for (const champ of champsAPoser(regle)) {
    const v = await demanderChamp(q, champ, ref);
    if (v === undefined) continue;
    const [objet, nom] = champ.split(".");
    const cible = objet === "depense" ? depense : objet === "beneficiaire" ? beneficiaire : fiche;
    cible[nom === "territoire_d_industrie" ? "territoire" : nom] = v;
  }
  const financements = await demanderFinancements(q, regle);
  let forme = o.forme as Forme | undefined;
  if (forme === undefined && sorteDe(regle.calcul).dependDeLaForme?.(regle.calcul)) {
    forme = await q.choisir(
      "Forme de l'aide",
      FORMES.map((f) => ({ name: libelle(f), value: f })),
      "subvention",
    );
  }

  const donnees = {
    id: `simulation-${regle.id}`,
    titre: `Simulation : ${regle.nom}`,
    ...("territoire" in fiche ? { territoire: fiche.territoire } : {}),
    date_demande: o.date ?? aujourdhui(),
    ...Object.fromEntries(Object.entries(fiche).filter(([k]) => k !== "territoire")),
    beneficiaire,
    localisation: { zone, afr },
    depenses: [depense],
    ...(financements.length ? { financements } : {}),
  };
  return {
    donnees,
    regle,
    forme: forme === "subvention" ? undefined : forme,
    afrInconnue: afrRepondue === undefined,
  };
}

/**
 * Where to find whether a commune is in an AFR zone: the decree whose annex is the map at that date,
 * dated and sourced in rules/parametres/carte-afr.yaml (not verified against the text: said so).
 */
function carteAfr(ref: Referentiel, date: string): string {
  const v = valeurA(ref.carteAfr.decrets, date);
  const periode =
    v.hors_periode === "apres"
      ? `carte ${v.valeur.periode}, jusqu'au ${dateFr(v.jusqu_au!)} : vérifiez celle qui l'a suivie`
      : `carte ${v.valeur.periode}`;
  const aConfirmer = v.a_confirmer ? " (référence à confirmer au texte)" : "";
  return `La liste des communes en zone AFR est l'annexe du décret ${v.valeur.decret}${aConfirmer} (${periode}), ${ref.carteAfr.ou_la_trouver}.`;
}

/** The financing plan, line by line, when the user wants the controls (cumul, de minimis, transparency…). */
async function demanderFinancements(q: Questions, regle: Regle): Promise<Record<string, unknown>[]> {
  const lignes: Record<string, unknown>[] = [];
  if (
    !(await q.confirmer(
      "Saisir le plan de financement (qui finance combien) ? Il permet les contrôles : cumul, de minimis, transparence, équilibre…",
      false,
    ))
  )
    return lignes;
  const financeurs: Choix<string>[] = [
    ...(regle.regime_defaut === "fiscal" ? [] : [{ name: regle.nom, value: regle.id }]),
    ...[...FINANCEURS_PUBLICS, ...FINANCEURS_PRIVES].map((f) => ({
      name: nomAvecPrecision(NOMS_FINANCEURS[f]),
      value: f,
    })),
  ];
  for (;;) {
    const restants = financeurs.filter((f) => !lignes.some((l) => l.financeur === f.value));
    const financeur = await q.choisir(`Financeur de la ligne n°${lignes.length + 1}`, [
      ...(lignes.length ? [{ name: "Le plan est complet", value: "" }] : []),
      ...restants,
    ]);
    if (financeur === "") return lignes;
    const nom = financeurs.find((f) => f.value === financeur)!.name;
    const m = await q.saisir(`Montant apporté par ${nom}, en euros`, validerMontant(true));
    const ligne: Record<string, unknown> = {
      financeur,
      montant: nombreOuTexte(schemasCommuns().montant.parse(m)),
    };
    // A generic public financer has no regime of its own: asked, « je ne sais pas » leaves the warning of the rules.
    if ((FINANCEURS_PUBLICS as readonly string[]).includes(financeur)) {
      const regime = await q.choisir<string | undefined>(`Régime d'aide de ${nom}`, [
        ...REGIMES.map((r) => ({ name: REGIMES_FR[r], value: r })),
        { name: "Je ne sais pas (le RGEC est retenu, avec un avertissement)", value: undefined },
      ]);
      if (regime !== undefined) ligne.regime = regime;
    }
    lignes.push(ligne);
    if (restants.length === 1) return lignes;
  }
}

/**
 * « Je ne sais pas » to the AFR question: evaluated outside an AFR zone, and said, with what an AFR zone
 * would change (each ceiling that differs, computed, not written here) and where to find the map.
 */
function avertirAfrInconnue(
  e: EvaluationFiche,
  source: FicheSource,
  ref: Referentiel,
  options: OptionsEvaluation,
): EvaluationFiche {
  const donnees = source.doc.donnees as { localisation: object };
  const enAfr = evaluerSource(
    {
      ...source,
      doc: { ...source.doc, donnees: { ...donnees, localisation: { ...donnees.localisation, afr: true } } },
    },
    ref,
    options,
  ).evaluation;
  const ecarts = e.resultats.flatMap((r, i) => {
    const autre = enAfr.resultats[i]?.plafond;
    return r.plafond && autre && !autre.eq(r.plafond)
      ? [`${r.dispositif} : ${euros(autre)} au lieu de ${euros(r.plafond)}`]
      : [];
  });
  const motif: Motif = {
    code: "afr_inconnue",
    niveau: "avertissement",
    message: `Zone AFR non précisée (« je ne sais pas ») : le site est supposé hors zone AFR. ${
      ecarts.length
        ? `En zone AFR, l'aide maximale serait plus haute (${ecarts.join(" ; ")}).`
        : "En zone AFR, les aides maximales calculées ici seraient les mêmes."
    } ${carteAfr(ref, e.date_evaluation)}`,
    source: ref.carteAfr.avertissement.source,
  };
  return { ...e, motifs: [...e.motifs, motif] };
}

/** Asks for a file name until one can be written (an existing file only with consent). */
async function demanderFichier(q: Questions, defaut: string): Promise<string> {
  for (;;) {
    const nom = await q.saisir(
      "Nom du fichier YAML",
      (x) => {
        if (x === "") return "un nom de fichier est attendu (ex. simulation.yaml)";
        if (!/\.ya?ml$/i.test(x)) return "le nom doit finir par .yaml ou .yml";
        if (existsSync(x) && statSync(x).isDirectory()) return "c'est un dossier : donnez un nom de fichier";
        if (!existsSync(dirname(x) || ".")) return `le dossier ${dirname(x)} n'existe pas`;
        return true;
      },
      defaut,
    );
    if (!existsSync(nom) || (await q.confirmer(`${nom} existe déjà : le remplacer ?`, false))) return nom;
  }
}

export async function simulerInteractif(o: OptionsSimuler, ref: Referentiel): Promise<number> {
  const format = verifierFormat(o.format, "simuler");
  const { default: inquirer } = await import("inquirer");
  const q = new Questions(inquirer);
  process.stdout.write(
    "Simulation guidée : quelques questions sur le dispositif, le bénéficiaire et la dépense (Ctrl+C pour abandonner).\n",
  );
  try {
    const { donnees, regle, forme, afrInconnue } = await questionner(q, ref, o);
    const source = { doc: { fichier: "(simulation guidée)", donnees, ligneDe: () => undefined }, chemin: [] };
    const options = { date: o.date, forme, etapes: o.expliquer };
    const e = evaluerSource(source, ref, options);
    if (e.erreur) {
      for (const p of e.erreur.problemes) process.stderr.write(`Erreur : ${formaterProbleme(p)}\n`);
      return CODE_SAISIE;
    }
    if (afrInconnue) e.evaluation = avertirAfrInconnue(e.evaluation, source, ref, options);
    if (format === "table") {
      const texte =
        rendreFiche(e.evaluation, e.fiche?.titre) +
        (o.expliquer ? `\n\n${rendreExplicationsDeFiche(e.evaluation, ref, e.fiche)}` : "");
      ecrireSortie(`\n${texte}\n`, o.sortie);
    } else {
      const doc = documentJson([e.evaluation], { etapes: o.expliquer });
      ecrireSortie(ECRIVAINS_DOCUMENT[format as FormatDocument](doc), o.sortie);
    }

    if (await q.confirmer("Enregistrer cette fiche en YAML pour rejouer ou partager la simulation ?", true)) {
      const fichier = await demanderFichier(q, `simulation-${regle.id}.yaml`);
      const rejouer = `ti-aides simuler ${fichier}${forme ? ` --forme ${forme}` : ""}`;
      const entete =
        `# Fiche enregistrée par ti-aides (simulation guidée) le ${dateFr(aujourdhui())}.\n# Rejouer la simulation : ${rejouer}\n` +
        (afrInconnue
          ? `# Zone AFR : « je ne sais pas » à la simulation ; afr: false est supposé. À vérifier : ${carteAfr(ref, e.evaluation.date_evaluation)}\n`
          : "");
      ecrireSortie(entete + stringify(donnees, { lineWidth: 0 }), fichier);
      process.stdout.write(`Fiche enregistrée dans ${fichier}. Rejouez la simulation avec : ${rejouer}\n`);
    }
    if (o.strict && e.evaluation.conforme === false) return CODE_NON_CONFORME;
    return CODE_OK;
  } catch (err) {
    if (err instanceof Error && err.name === "ExitPromptError") {
      process.stderr.write("Simulation interrompue : aucune fiche n'a été enregistrée.\n");
      return CODE_SAISIE;
    }
    throw err;
  }
}
