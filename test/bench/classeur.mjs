#!/usr/bin/env node
// Banc d'essai de `ti-aides lot` sur un classeur .xlsx (issue 17), à côté du chemin CSV des mêmes
// lignes. Lancement : node test/bench/classeur.mjs (après npm run build). Options : --lignes N
// (20 000 par défaut), --repetitions N (2 par défaut), --garder (garde les fichiers générés).
//
// Le contrat du banc de lot (generateur.mjs, graine fixe) est écrit en CSV, puis en classeur comme
// Excel l'enregistre (dates en numéros de série au format date, montants en nombres au format euro,
// effectifs en nombres ; la ligne fausse sur cent garde son texte). Puis, alternés (la charge d'une
// machine partagée change d'une seconde à l'autre) : `lot contrat.xlsx -o resultats.xlsx` et
// `lot contrat.csv -o resultats.csv` ; débit (médiane) et mémoire maximale (RSS) de chacun. Les
// processus mesurés n'ont pas NODE_EXTRA_CA_CERTS et gardent leurs caches dans le dossier du banc
// (commun.mjs, mesurerProcessus).
// Dernière ligne : RESULTAT_JSON {…} (lisible par test/bench/run.mjs).
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { generer, GRAINE } from "./generateur.mjs";
import { crochetRss, exigerConstruction, fr, mediane, mesurerProcessus, option } from "./commun.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(RACINE, "bin", "ti-aides.js");
const LIGNES = option("--lignes", 20_000);
const REPETITIONS = Math.max(1, option("--repetitions", 2));
const GARDER = process.argv.includes("--garder");

exigerConstruction(RACINE);

const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const MONTANT = /^[\d\u202f]+,\d{2}\u00a0€$/;

/** The CSV as Excel saves it as a workbook: typed cells, streamed (a million rows would fit). */
async function versClasseur(csv, xlsx) {
  const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useStyles: true });
  const feuille = classeur.addWorksheet("Fiches-actions");
  let entetes;
  for await (const cellules of createReadStream(csv).pipe(parse({ delimiter: ";", bom: true }))) {
    if (!entetes) {
      entetes = cellules;
      feuille.addRow(cellules).commit();
      continue;
    }
    const ligne = feuille.addRow([]);
    cellules.forEach((t, i) => {
      const c = ligne.getCell(i + 1);
      const d = DATE.exec(t);
      if (d) {
        c.value = new Date(Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])));
        c.numFmt = "dd/mm/yyyy";
      } else if (MONTANT.test(t)) {
        c.value = Number(t.replace(/[\u202f\u00a0€]/g, "").replace(",", "."));
        c.numFmt = '#,##0.00 "€"';
      } else if (/^\d+$/.test(t) && entetes[i] !== "SIREN") c.value = Number(t);
      else if (t !== "") c.value = t;
    });
    ligne.commit();
  }
  await classeur.commit();
}

/** Its duration and peak memory, in MB (commun.mjs; the caches in the bench's folder). */
async function mesurer(args, dossier, crochet) {
  const { duree, rssKo } = await mesurerProcessus(args, { racine: RACINE, dossier, crochet });
  return { duree, rssMo: rssKo / 1024 };
}

const dossier = mkdtempSync(join(tmpdir(), "ti-aides-bench-classeur-"));
try {
  const crochet = crochetRss(dossier);
  console.log(
    `Banc d'essai de ti-aides lot sur un classeur (graine ${GRAINE}, ${availableParallelism()} cœur(s), Node ${process.version})`,
  );
  const csv = join(dossier, "contrat.csv");
  const xlsx = join(dossier, "contrat.xlsx");
  let t = performance.now();
  await generer(csv, LIGNES);
  await versClasseur(csv, xlsx);
  const mo = (f) => fr(statSync(f).size / 1048576, 1);
  console.log(
    `Fichiers : ${fr(LIGNES)} lignes, CSV ${mo(csv)} Mo, classeur ${mo(xlsx)} Mo, générés en ${fr((performance.now() - t) / 1000, 1)} s`,
  );

  const mesures = { classeur: [], csv: [] };
  for (let i = 0; i < REPETITIONS; i++) {
    mesures.classeur.push(
      await mesurer([BIN, "lot", xlsx, "-o", join(dossier, "resultats.xlsx"), "--quiet"], dossier, crochet),
    );
    mesures.csv.push(
      await mesurer([BIN, "lot", csv, "-o", join(dossier, "resultats.csv"), "--quiet"], dossier, crochet),
    );
  }
  const bilan = (ms) => ({
    lignes_par_s: Math.round(LIGNES / mediane(ms.map((m) => m.duree))),
    rss_mo: Math.round(Math.max(...ms.map((m) => m.rssMo))),
    secondes: ms.map((m) => Number(m.duree.toFixed(2))),
  });
  const classeur = bilan(mesures.classeur);
  const tableau = bilan(mesures.csv);
  const ligne = (nom, b) =>
    `${nom} : ${fr(b.lignes_par_s)} lignes/s (${b.secondes.map((s) => fr(s, 2)).join(" ; ")} s), mémoire maximale ${fr(b.rss_mo)} Mo`;
  console.log(ligne("ti-aides lot contrat.xlsx -o resultats.xlsx", classeur));
  console.log(ligne("ti-aides lot contrat.csv -o resultats.csv  ", tableau));
  const rapport = classeur.lignes_par_s / tableau.lignes_par_s;
  console.log(
    `Classeur / CSV : débit × ${fr(rapport, 2)}, mémoire × ${fr(classeur.rss_mo / tableau.rss_mo, 1)} (médianes de ${REPETITIONS})`,
  );
  console.log(
    `RESULTAT_JSON ${JSON.stringify({ graine: GRAINE, lignes: LIGNES, repetitions: REPETITIONS, classeur, csv: tableau, rapport_debit: Number(rapport.toFixed(3)) })}`,
  );
} finally {
  if (!GARDER) rmSync(dossier, { recursive: true, force: true });
  else console.log(`Fichiers gardés dans ${dossier}`);
}
