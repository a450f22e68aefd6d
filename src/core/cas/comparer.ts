// Compares what the engine gives for a case's fiche with the figures the case expects, field by
// field, in the JSON output's form (amounts with two decimals, rates with four).
import { D, montantJson, tauxJson } from "../argent.js";
import type { Controle, EvaluationFiche, Resultat } from "../modele.js";
import { controleJson, resultatJson } from "../document-json.js";
import type { CasDeTest } from "./fichier.js";
import type { ControleAttendu, ResultatAttendu } from "./schema.js";

/** One difference: which result or control, which field, the expected and the obtained figures. */
export interface Ecart {
  /** "cifre / d1", "contrôle plafond (region)". */
  sujet: string;
  champ: string;
  attendu: string;
  obtenu: string;
}

const AUCUN = "aucun";

export function comparerCas(cas: CasDeTest, e: EvaluationFiche): Ecart[] {
  return [
    ...cas.resultats.flatMap((a) => comparerResultat(a, e.resultats)),
    ...cas.controles.flatMap((a) => comparerControle(a, e.controles)),
  ];
}

function comparerResultat(a: ResultatAttendu & { dispositif: string }, resultats: Resultat[]): Ecart[] {
  const sujet = a.depense ? `${a.dispositif} / ${a.depense}` : a.dispositif;
  const trouves = resultats.filter(
    (r) => r.dispositif === a.dispositif && (a.depense === undefined || r.depense === a.depense),
  );
  if (trouves.length === 0) {
    const presents = resultats.map((r) => `${r.dispositif} / ${r.depense}`).join(", ") || AUCUN;
    return [
      {
        sujet,
        champ: "résultat",
        attendu: "un résultat",
        obtenu: `aucun (résultats de la fiche : ${presents})`,
      },
    ];
  }
  if (trouves.length > 1) {
    return [
      {
        sujet,
        champ: "depense",
        attendu: "une seule dépense (précisez « depense »)",
        obtenu: trouves.map((r) => r.depense).join(", "),
      },
    ];
  }
  const r = trouves[0];
  const j = resultatJson(r);
  const s = `${r.dispositif} / ${r.depense}`;
  const ecarts: Ecart[] = [];
  const comparer = (champ: string, attendu: string | null, obtenu: string | null) => {
    if (attendu !== obtenu)
      ecarts.push({ sujet: s, champ, attendu: attendu ?? AUCUN, obtenu: obtenu ?? AUCUN });
  };
  if (a.eligible !== undefined) comparer("eligible", String(a.eligible), String(j.eligible));
  if (a.assiette !== undefined) comparer("assiette", montant(a.assiette), j.assiette);
  if (a.taux !== undefined) comparer("taux", taux(a.taux), j.taux);
  if (a.plafond !== undefined) comparer("plafond", montant(a.plafond), j.plafond);
  if (a.demande !== undefined) comparer("demande", montant(a.demande), j.demande);
  if (a.depassement !== undefined) comparer("depassement", montant(a.depassement), j.depassement);
  const codes = r.motifs.map((m) => m.code);
  const motifs = (xs: string[]) => `motifs : ${xs.length ? xs.join(", ") : AUCUN}`;
  if (a.codes !== undefined && [...a.codes].sort().join() !== [...codes].sort().join()) {
    ecarts.push({ sujet: s, champ: "codes", attendu: motifs(a.codes), obtenu: motifs(codes) });
  }
  for (const code of a.codes_presents ?? []) {
    if (!codes.includes(code))
      ecarts.push({
        sujet: s,
        champ: "codes_presents",
        attendu: `${code} parmi les motifs`,
        obtenu: motifs(codes),
      });
  }
  for (const code of a.codes_absents ?? []) {
    if (codes.includes(code))
      ecarts.push({
        sujet: s,
        champ: "codes_absents",
        attendu: `pas de ${code} parmi les motifs`,
        obtenu: motifs(codes),
      });
  }
  for (const [k, v] of Object.entries(a.details ?? {})) {
    const obtenu = r.details[k];
    comparer(
      `details.${k}`,
      v === null ? null : String(v),
      obtenu === null || obtenu === undefined ? null : String(obtenu),
    );
  }
  return ecarts;
}

function comparerControle(a: ControleAttendu, controles: Controle[]): Ecart[] {
  const sujet = `contrôle ${a.controle}${a.portee ? ` (${a.portee})` : ""}`;
  const trouves = controles.filter(
    (k) => k.controle === a.controle && (a.portee === undefined || k.portee === a.portee),
  );
  if (trouves.length === 0) {
    const presents = controles.map((k) => `${k.controle} (${k.portee})`).join(", ") || AUCUN;
    return [
      {
        sujet,
        champ: "contrôle",
        attendu: "un contrôle",
        obtenu: `aucun (contrôles de la fiche : ${presents})`,
      },
    ];
  }
  if (trouves.length > 1) {
    return [
      {
        sujet,
        champ: "portee",
        attendu: "un seul contrôle (précisez « portee »)",
        obtenu: trouves.map((k) => k.portee).join(", "),
      },
    ];
  }
  const j = controleJson(trouves[0]);
  const s = `contrôle ${j.controle} (${j.portee})`;
  const ecarts: Ecart[] = [];
  const comparer = (champ: string, attendu: string | null, obtenu: string | null) => {
    if (attendu !== obtenu)
      ecarts.push({ sujet: s, champ, attendu: attendu ?? AUCUN, obtenu: obtenu ?? AUCUN });
  };
  if (a.conforme !== undefined) comparer("conforme", String(a.conforme), String(j.conforme));
  if (a.valeur !== undefined) comparer("valeur", montant(a.valeur), j.valeur);
  if (a.limite !== undefined) comparer("limite", montant(a.limite), j.limite);
  return ecarts;
}

function montant(v: number | string | null): string | null {
  return v === null ? null : montantJson(new D(typeof v === "string" ? v.trim() : v));
}

function taux(v: number | string | null): string | null {
  return v === null ? null : tauxJson(new D(typeof v === "string" ? v.trim() : v));
}
