#!/usr/bin/env node
// Le cœur face à publicodes et face à sa limite écrite à la main (issue 20). Lancement :
// node test/bench/coeur.mjs (après npm run build) ; options : --situations N (2 000), --tours N (7),
// --duree-tour MS (400 : durée de chaque mesure d'une variante dans un tour).
//
// La règle de la fiche 8 (ademe-investissement : taux par catégorie et par taille, bonus régional dont
// l'AFR, plafond à 100 %, assiette = surcoût, aide tronquée au centime) sur N situations générées à
// graine fixe, calculée de quatre façons dans le même processus :
//   - l'appel complet de la bibliothèque : valider la fiche (chemin rapide tiré du schéma zod, zod dès
//     qu'il n'est pas sûr : src/core/validation-rapide.ts) + l'évaluer (résultats, contrôles) ;
//   - l'évaluation seule (la fiche déjà validée) ;
//   - publicodes (devDependency), ses règles écrites depuis rules/dispositifs/ademe-investissement.yaml ;
//   - une boucle écrite à la main en decimal.js (la limite : rien d'autre que le calcul).
// Les quatre rendent la même somme de contrôle (somme des aides maximales, en centimes) : sinon le banc
// échoue. Les variantes sont mesurées en tours entrelacés (A B C D, A B C D…) pour que la charge de la
// machine les touche également ; les rapports sont les médianes des rapports de chaque tour.
// Dernière ligne : RESULTAT_JSON {…}.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Decimal } from "decimal.js";
import Engine from "publicodes";
import { fr, mediane, option } from "./commun.mjs";
import { CATEGORIES, derniere, donneesFiche, REGLE, situations, TAILLES, TAUX } from "./situations.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const SITUATIONS = option("--situations", 2_000);
const TOURS = option("--tours", 7);
const DUREE_TOUR = option("--duree-tour", 400);

const { chargerRegles, validerFiche, evaluerFiche } = await import(join(RACINE, "dist", "index.js"));

// Les chiffres de la règle, lus dans son fichier (situations.mjs) : le banc n'en écrit aucun.
const BONUS_ZONE = derniere(REGLE.calcul.bonus_zone);
const TAUX_MAX = derniere(REGLE.calcul.taux_max);
const document = (donnees) => ({ fichier: "banc.yaml", donnees, ligneDe: () => 1 });

const centimes = (dec) => BigInt(dec.times(100).toFixed(0));

// --- La bibliothèque -------------------------------------------------------------------------------
const ref = chargerRegles();
function aideDe(evaluation) {
  const r = evaluation.resultats.find((x) => x.dispositif === "ademe-investissement");
  return r.plafond;
}

// --- publicodes ------------------------------------------------------------------------------------
const ratio = (x) => Number(x); // publicodes calcule en flottants
function reglesPublicodes() {
  const tauxDeBase = {
    variations: CATEGORIES.map((cat) => {
      const t = TAUX[cat];
      const valeur =
        typeof t === "number"
          ? t
          : { variations: TAILLES.map((ta) => ({ si: `taille = '${ta}'`, alors: ratio(t[ta]) })) };
      return { si: `categorie = '${cat}'`, alors: valeur };
    }),
  };
  return {
    // Des textes donnés par la situation (valeurs par défaut sans importance : chaque situation les fixe).
    taille: { valeur: "'GE'" },
    categorie: { valeur: "'enr'" },
    zone: { valeur: "'metropole'" },
    afr: { valeur: "non" },
    montant: { valeur: 0 },
    "cout reference": { valeur: 0 },
    surcout: { valeur: "montant - cout reference", plancher: 0 },
    "taux de base": tauxDeBase,
    bonus: {
      variations: [
        { si: "zone = 'outre_mer'", alors: ratio(BONUS_ZONE.outre_mer) },
        { si: "zone = 'corse'", alors: ratio(BONUS_ZONE.corse) },
        { si: "afr", alors: ratio(BONUS_ZONE.afr_metropole) },
        { sinon: 0 },
      ],
    },
    taux: { valeur: "taux de base + bonus", plafond: ratio(TAUX_MAX) },
    aide: { valeur: "surcout * taux" },
  };
}

// --- La boucle écrite à la main ----------------------------------------------------------------------
const DH = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const TAUX_D = Object.fromEntries(
  Object.entries(TAUX).map(([cat, t]) => [
    cat,
    typeof t === "number"
      ? Object.fromEntries(TAILLES.map((ta) => [ta, new DH(String(t))]))
      : Object.fromEntries(TAILLES.map((ta) => [ta, new DH(String(t[ta]))])),
  ]),
);
const BONUS_D = Object.fromEntries(Object.entries(BONUS_ZONE).map(([k, v]) => [k, new DH(String(v))]));
const MAX_D = new DH(String(TAUX_MAX));
const ZERO_D = new DH(0);
function aideALaMain(s) {
  let taux = TAUX_D[s.categorie][s.taille];
  const bonus =
    s.zone === "outre_mer"
      ? BONUS_D.outre_mer
      : s.zone === "corse"
        ? BONUS_D.corse
        : s.afr
          ? BONUS_D.afr_metropole
          : null;
  if (bonus) taux = taux.plus(bonus);
  if (taux.greaterThan(MAX_D)) taux = MAX_D;
  let assiette = new DH(s.montant).minus(new DH(s.cout_reference));
  if (assiette.isNegative()) assiette = ZERO_D;
  return taux.times(assiette).toDecimalPlaces(2, DH.ROUND_DOWN);
}

// --- Les variantes, chacune sur toutes les situations, rendant la somme de contrôle ------------------
const S = situations(SITUATIONS);
const fichesValidees = S.map((s) => validerFiche(document(donneesFiche(s))));
const moteur = new Engine(reglesPublicodes());

const VARIANTES = {
  complet: {
    libelle: "appel complet : valider + évaluer + contrôles",
    tour() {
      let somme = 0n;
      for (const s of S)
        somme += centimes(aideDe(evaluerFiche(validerFiche(document(donneesFiche(s))), ref)));
      return somme;
    },
  },
  evaluation: {
    libelle: "évaluation seule (fiche déjà validée), contrôles compris",
    tour() {
      let somme = 0n;
      for (const f of fichesValidees) somme += centimes(aideDe(evaluerFiche(f, ref)));
      return somme;
    },
  },
  publicodes: {
    libelle: "publicodes 1.10.1, même règle",
    tour() {
      let somme = 0n;
      for (const s of S) {
        moteur.setSituation({
          taille: `'${s.taille}'`,
          categorie: `'${s.categorie}'`,
          zone: `'${s.zone}'`,
          afr: s.afr ? "oui" : "non",
          montant: s.montant,
          "cout reference": s.cout_reference,
        });
        // Flottants : l'aide exacte tombe sur un centime (euros entiers × taux à deux décimales).
        somme += BigInt(Math.round(moteur.evaluate("aide").nodeValue * 100));
      }
      return somme;
    },
  },
  main: {
    libelle: "boucle écrite à la main en decimal.js (la limite)",
    tour() {
      let somme = 0n;
      for (const s of S) somme += centimes(aideALaMain(s));
      return somme;
    },
  },
};

// Sommes de contrôle (et mise en route du JIT) : toutes égales, sinon le banc ne mesure pas le même calcul.
const sommes = Object.fromEntries(Object.entries(VARIANTES).map(([k, v]) => [k, v.tour()]));
for (const v of Object.values(VARIANTES)) v.tour();
const differentes = new Set(Object.values(sommes).map(String));
if (differentes.size !== 1) {
  console.error(
    `Sommes de contrôle différentes : ${JSON.stringify(Object.fromEntries(Object.entries(sommes).map(([k, v]) => [k, String(v)])))}`,
  );
  process.exit(1);
}

// Tours entrelacés : chaque variante tourne DUREE_TOUR ms, puis la suivante.
const debits = Object.fromEntries(Object.keys(VARIANTES).map((k) => [k, []]));
for (let t = 0; t < TOURS; t++) {
  for (const [k, v] of Object.entries(VARIANTES)) {
    let n = 0;
    const debut = performance.now();
    while (performance.now() - debut < DUREE_TOUR) {
      v.tour();
      n += S.length;
    }
    debits[k].push(n / ((performance.now() - debut) / 1000));
  }
}
const rapportMedian = (a, b) => mediane(debits[a].map((x, i) => x / debits[b][i]));
const resultat = {
  situations: SITUATIONS,
  tours: TOURS,
  somme_controle_centimes: String(sommes.complet),
  par_s: Object.fromEntries(Object.entries(debits).map(([k, xs]) => [k, Math.round(mediane(xs))])),
  rapports: {
    complet_sur_publicodes: Number(rapportMedian("complet", "publicodes").toFixed(2)),
    complet_sur_main: Number(rapportMedian("complet", "main").toFixed(4)),
    evaluation_sur_publicodes: Number(rapportMedian("evaluation", "publicodes").toFixed(2)),
    evaluation_sur_main: Number(rapportMedian("evaluation", "main").toFixed(4)),
  },
};
console.log(
  `Règle de la fiche 8 (ademe-investissement), ${fr(SITUATIONS)} situations à graine fixe ; somme de contrôle identique pour les quatre : ${fr(Number(sommes.complet) / 100, 2)} €`,
);
console.log(`Médianes de ${TOURS} tours entrelacés de ${DUREE_TOUR} ms par variante :`);
for (const [k, v] of Object.entries(VARIANTES))
  console.log(`   ${v.libelle.padEnd(58)} ${fr(resultat.par_s[k]).padStart(9)} situations/s`);
const r = resultat.rapports;
console.log(
  `   appel complet : ${fr(r.complet_sur_publicodes, 1)} × publicodes (objectif ≥ 30), ${fr(100 * r.complet_sur_main, 1)} % de la limite (objectif ≥ 25 %)`,
);
console.log(
  `   évaluation seule : ${fr(r.evaluation_sur_publicodes, 1)} × publicodes, ${fr(100 * r.evaluation_sur_main, 1)} % de la limite`,
);
console.log(`RESULTAT_JSON ${JSON.stringify(resultat)}`);
