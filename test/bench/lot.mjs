#!/usr/bin/env node
// Banc d'essai de `ti-aides lot` (issue 4). Lancement : node test/bench/lot.mjs (après la
// construction : npm run build). Options : --lignes N (100 000 par défaut),
// --lignes-memoire N (1 000 000 par défaut), --repetitions N (3 par défaut), --garder (garde les
// fichiers générés).
//
// En une seule exécution : génère un CSV de contrat « à la française » (graine fixe), mesure le
// débit de `lot` face au simple passage du même fichier par csv-parse puis csv-stringify (le
// rapport des deux : médianes de N exécutions de chacun, alternées, car la charge d'une machine
// partagée change d'une seconde à l'autre), `lot` étant mesuré deux fois : par défaut (fils de
// travail) et à un seul fil (TI_AIDES_TRAVAILLEURS=0), et la mémoire maximale (RSS) de `lot` à N
// lignes et à N' lignes : elle ne doit pas croître avec le nombre de lignes. Les processus mesurés sont
// lancés sans NODE_EXTRA_CA_CERTS, avec leurs caches dans un dossier du banc (TI_AIDES_CACHE), jamais
// celui de l'utilisateur. --comparer RACINE : mesure aussi `lot` (par défaut et à un seul fil) de la
// construction d'un autre dépôt (ex. /work/main, « avant »), en alternance dans la même exécution, et
// vérifie que les deux écrivent le même CSV, octet pour octet. --fils N : mesure aussi `lot` à N fils de
// travail (TI_AIDES_TRAVAILLEURS=N). Chaque mesure donne aussi le temps processeur du processus (tous
// ses fils, utilisateur + système), moins sensible que la durée à la charge d'une machine partagée.
// Dernière ligne : RESULTAT_JSON {…} (lue par test/bench/run.mjs).
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { generer, GRAINE } from "./generateur.mjs";
import { crochetRss, exigerConstruction, fr, mediane, mesurerProcessus, option } from "./commun.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(RACINE, "bin", "ti-aides.js");

// Sous-commande interne : le passage seul, lancé comme processus à part pour être mesuré comme lot.
if (process.argv[2] === "--passage") {
  await pipeline(
    createReadStream(process.argv[3]),
    parse({ delimiter: ";", bom: true, relax_column_count: true }),
    stringify({ delimiter: ";", record_delimiter: "\r\n" }),
    createWriteStream(process.argv[4]),
  );
  process.exit(0);
}

const LIGNES = option("--lignes", 100_000);
const LIGNES_MEMOIRE = option("--lignes-memoire", 1_000_000);
const REPETITIONS = Math.max(1, option("--repetitions", 3));
const GARDER = process.argv.includes("--garder");
const iComparer = process.argv.indexOf("--comparer");
const COMPARER = iComparer > 0 ? process.argv[iComparer + 1] : null;
/** --fils N: `lot` also measured with N worker threads (TI_AIDES_TRAVAILLEURS=N), alternated with the others. */
const FILS = option("--fils", -1);

exigerConstruction(RACINE);

const mesurer = (args, dossier, env = {}) =>
  mesurerProcessus(args, { racine: RACINE, dossier, crochet, env });

const mo = (ko) => ko / 1024;

const dossier = mkdtempSync(join(tmpdir(), "ti-aides-bench-"));
const crochet = crochetRss(dossier);
try {
  console.log(
    `Banc d'essai de ti-aides lot (graine ${GRAINE}, ${availableParallelism()} cœur(s), Node ${process.version})`,
  );
  const entree = join(dossier, "contrat.csv");
  let t = performance.now();
  await generer(entree, LIGNES);
  const taille = statSync(entree).size;
  console.log(
    `Fichier : ${fr(LIGNES)} lignes, ${fr(taille / 1048576, 1)} Mo, généré en ${fr((performance.now() - t) / 1000, 1)} s`,
  );

  const passages = [];
  const lots = [];
  const lotsUnFil = [];
  const lotsFils = [];
  const compares = { lots: [], lotsUnFil: [] };
  const lancerCompare = (env = {}) =>
    mesurer(
      [
        join(COMPARER, "bin", "ti-aides.js"),
        "lot",
        entree,
        "-o",
        join(dossier, "lot-compare.csv"),
        "--quiet",
      ],
      dossier,
      { TI_AIDES_CACHE: join(dossier, "cache-compare"), ...env },
    );
  for (let i = 0; i < REPETITIONS; i++) {
    passages.push(
      await mesurer(
        [fileURLToPath(import.meta.url), "--passage", entree, join(dossier, "passage.csv")],
        dossier,
      ),
    );
    lots.push(await mesurer([BIN, "lot", entree, "-o", join(dossier, "lot.csv"), "--quiet"], dossier));
    lotsUnFil.push(
      await mesurer([BIN, "lot", entree, "-o", join(dossier, "lot.csv"), "--quiet"], dossier, {
        TI_AIDES_TRAVAILLEURS: "0",
      }),
    );
    if (FILS >= 0)
      lotsFils.push(
        await mesurer([BIN, "lot", entree, "-o", join(dossier, "lot.csv"), "--quiet"], dossier, {
          TI_AIDES_TRAVAILLEURS: String(FILS),
        }),
      );
    if (COMPARER) {
      compares.lots.push(await lancerCompare());
      compares.lotsUnFil.push(await lancerCompare({ TI_AIDES_TRAVAILLEURS: "0" }));
      if (
        i === 0 &&
        !readFileSync(join(dossier, "lot.csv")).equals(readFileSync(join(dossier, "lot-compare.csv")))
      )
        throw new Error(`lot n'écrit pas le même CSV que ${COMPARER}`);
    }
  }
  const secondes = (ms) => ms.map((m) => fr(m.duree, 2)).join(" ; ");
  /** Processor time, all threads: what the load of the machine changes least. */
  const processeur = (ms) =>
    `processeur ${ms.map((m) => fr(m.processeur, 2)).join(" ; ")} s, médiane ${fr((mediane(ms.map((m) => m.processeur)) / LIGNES) * 1e6)} µs par ligne`;
  const debitPassage = LIGNES / mediane(passages.map((m) => m.duree));
  console.log(
    `Passage seul csv-parse → csv-stringify : ${fr(debitPassage)} lignes/s (${secondes(passages)} s ; ${processeur(passages)})`,
  );
  const debitLot = LIGNES / mediane(lots.map((m) => m.duree));
  const lot = { rssKo: Math.max(...lots.map((m) => m.rssKo)) };
  const rapport = debitLot / debitPassage;
  console.log(
    `ti-aides lot : ${fr(debitLot)} lignes/s (${secondes(lots)} s ; ${processeur(lots)}), soit ${fr(rapport, 3)} × le passage seul (médianes de ${REPETITIONS} ; objectif ≥ 0,4 : ${rapport >= 0.4 ? "atteint" : "non atteint"})`,
  );
  const debitUnFil = LIGNES / mediane(lotsUnFil.map((m) => m.duree));
  const rapportUnFil = debitUnFil / debitPassage;
  console.log(
    `ti-aides lot à un seul fil (TI_AIDES_TRAVAILLEURS=0) : ${fr(debitUnFil)} lignes/s (${secondes(lotsUnFil)} s ; ${processeur(lotsUnFil)}), soit ${fr(rapportUnFil, 3)} × le passage seul`,
  );
  let fils = null;
  if (FILS >= 0) {
    const debit = LIGNES / mediane(lotsFils.map((m) => m.duree));
    fils = {
      fils: FILS,
      lignes_par_s: Math.round(debit),
      rapport: Number((debit / debitPassage).toFixed(3)),
      processeur_s: Number(mediane(lotsFils.map((m) => m.processeur)).toFixed(2)),
    };
    console.log(
      `ti-aides lot à ${FILS} fil(s) de travail (TI_AIDES_TRAVAILLEURS=${FILS}) : ${fr(debit)} lignes/s (${secondes(lotsFils)} s ; ${processeur(lotsFils)}), soit ${fr(fils.rapport, 3)} × le passage seul`,
    );
  }
  let compare = null;
  if (COMPARER) {
    const debit = LIGNES / mediane(compares.lots.map((m) => m.duree));
    const debitUnFil = LIGNES / mediane(compares.lotsUnFil.map((m) => m.duree));
    compare = {
      racine: COMPARER,
      lot_lignes_par_s: Math.round(debit),
      rapport: Number((debit / debitPassage).toFixed(3)),
      lot_un_fil_lignes_par_s: Math.round(debitUnFil),
      rapport_un_fil: Number((debitUnFil / debitPassage).toFixed(3)),
      rss_mo: Math.round(mo(Math.max(...compares.lots.map((m) => m.rssKo)))),
    };
    console.log(
      `${COMPARER} (même CSV écrit, octet pour octet) : lot ${fr(debit)} lignes/s (${secondes(compares.lots)} s ; ${processeur(compares.lots)}), soit ${fr(compare.rapport, 3)} × le passage ; à un seul fil ${fr(debitUnFil)} lignes/s (${secondes(compares.lotsUnFil)} s ; ${processeur(compares.lotsUnFil)}), ${fr(compare.rapport_un_fil, 3)} × ; ${fr(compare.rss_mo)} Mo`,
    );
  }
  rmSync(join(dossier, "lot-compare.csv"), { force: true });
  rmSync(join(dossier, "passage.csv"), { force: true });
  rmSync(join(dossier, "lot.csv"), { force: true });

  let rssGrand = null;
  if (LIGNES_MEMOIRE > 0) {
    const grande = join(dossier, "grand-contrat.csv");
    t = performance.now();
    await generer(grande, LIGNES_MEMOIRE);
    console.log(
      `Fichier : ${fr(LIGNES_MEMOIRE)} lignes, ${fr(statSync(grande).size / 1048576, 1)} Mo, généré en ${fr((performance.now() - t) / 1000, 1)} s`,
    );
    if (!GARDER) rmSync(entree, { force: true });
    const grand = await mesurer(
      [BIN, "lot", grande, "-o", join(dossier, "grand-lot.csv"), "--quiet"],
      dossier,
    );
    rssGrand = grand.rssKo;
    console.log(
      `ti-aides lot sur ${fr(LIGNES_MEMOIRE)} lignes : ${fr(grand.duree, 1)} s, ${fr(LIGNES_MEMOIRE / grand.duree)} lignes/s`,
    );
    rmSync(join(dossier, "grand-lot.csv"), { force: true });
  }
  const croissance = rssGrand === null ? null : rssGrand / lot.rssKo;
  console.log(
    `Mémoire maximale (RSS) de lot : ${fr(LIGNES)} lignes ${fr(mo(lot.rssKo))} Mo` +
      (rssGrand === null
        ? ""
        : ` ; ${fr(LIGNES_MEMOIRE)} lignes ${fr(mo(rssGrand))} Mo (× ${fr(croissance, 2)} : ${croissance <= 1.5 ? "plate" : "elle croît avec les lignes"})`),
  );
  console.log(
    `RESULTAT_JSON ${JSON.stringify({
      graine: GRAINE,
      lignes: LIGNES,
      passage_lignes_par_s: Math.round(debitPassage),
      lot_lignes_par_s: Math.round(debitLot),
      rapport: Number(rapport.toFixed(3)),
      lot_un_fil_lignes_par_s: Math.round(debitUnFil),
      rapport_un_fil: Number(rapportUnFil.toFixed(3)),
      processeur_s: {
        passage: Number(mediane(passages.map((m) => m.processeur)).toFixed(2)),
        lot: Number(mediane(lots.map((m) => m.processeur)).toFixed(2)),
        lot_un_fil: Number(mediane(lotsUnFil.map((m) => m.processeur)).toFixed(2)),
      },
      ...(fils ? { fils } : {}),
      repetitions: REPETITIONS,
      rss_mo: {
        [LIGNES]: Math.round(mo(lot.rssKo)),
        ...(rssGrand === null ? {} : { [LIGNES_MEMOIRE]: Math.round(mo(rssGrand)) }),
      },
      croissance_memoire: croissance === null ? null : Number(croissance.toFixed(2)),
      ...(compare ? { compare } : {}),
    })}`,
  );
} finally {
  if (!GARDER) rmSync(dossier, { recursive: true, force: true });
  else console.log(`Fichiers gardés dans ${dossier}`);
}
