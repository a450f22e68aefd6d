#!/usr/bin/env node
// Banc d'essai de ti-aides (issue 7) : `npm run bench`, après la construction (npm run build).
// En une seule exécution, en rapports :
//   1. le démarrage à froid de `ti-aides --version` et de `ti-aides simuler` sur une fiche, face à
//      `node -e 0` (médiane de N exécutions de chaque, entrelacées pour que la charge de la machine
//      les touche également) ;
//   2. les évaluations par seconde du cœur sur une fiche (dans le processus, depuis dist/index.js), et
//      l'appel complet et l'évaluation seule face à publicodes et à une boucle écrite à la main
//      (test/bench/coeur.mjs) ;
//   3. le débit de `lot` face au passage csv-parse → csv-stringify (test/bench/lot.mjs), puis le coût
//      d'une ligne en temps processeur, à froid et en régime établi (test/bench/lignes.mjs) ;
//   4. la mémoire maximale (RSS) de chacun, et `verifier` sur 1 000 et 5 000 fiches (test/bench/verifier.mjs).
// Tous les processus mesurés sont lancés sans NODE_EXTRA_CA_CERTS (commun.mjs, envMesure), leurs
// caches dans un dossier du banc.
// Options : --n N (15 par défaut), --lignes N et --lignes-memoire N (passées à lot.mjs ; 20 000 et
// 100 000 par défaut ici), --sans-lot, --sans-verifier, --imports (ajoute le coût de chargement de chaque
// bibliothèque seule), --coeur N (lance chaque commande sur le cœur N, par taskset : sur une machine
// virtuelle dont les cœurs n'ont pas la même vitesse, les médianes en sont bien plus stables).
// Dernière ligne : RESULTAT_JSON {…}.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crochetRss, envMesure, exigerConstruction, fr, mediane, option } from "./commun.mjs";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(RACINE, "bin", "ti-aides.js");
const FICHE = "fixtures/fiches/chaufferie.yaml";

const N = option("--n", 15);
const LIGNES = option("--lignes", 20_000);
const LIGNES_MEMOIRE = option("--lignes-memoire", 100_000);

exigerConstruction(RACINE);

const dossier = mkdtempSync(join(tmpdir(), "ti-aides-bench-"));
const RSS = crochetRss(dossier);

const COEUR = process.argv.includes("--coeur") ? String(option("--coeur", 0)) : undefined;

function executer(args, env = {}) {
  const [commande, ...reste] =
    COEUR === undefined ? [process.execPath, ...args] : ["taskset", "-c", COEUR, process.execPath, ...args];
  // The caches (rules, compiled code) in a folder of this run: warmed by the first run of each command,
  // never the user's own.
  const r = spawnSync(commande, reste, {
    cwd: RACINE,
    env: envMesure({ NO_COLOR: "1", TI_AIDES_CACHE: join(dossier, "cache"), ...env }),
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`node ${args.join(" ")} : code ${r.status}\n${r.stderr}`);
}

/**
 * Runs another bench of test/bench/ (on core `coeur` if given), prints its lines, and returns its
 * RESULTAT_JSON, or a message when it failed.
 */
function sousBanc(nom, args, coeur) {
  const banc = join(RACINE, "test", "bench", nom);
  const commande =
    coeur === undefined
      ? [process.execPath, banc, ...args]
      : ["taskset", "-c", coeur, process.execPath, banc, ...args];
  const l = spawnSync(commande[0], commande.slice(1), {
    cwd: RACINE,
    env: envMesure(),
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const lignes = (l.stdout ?? "").trim().split("\n");
  const json = lignes.find((x) => x.startsWith("RESULTAT_JSON "));
  for (const x of lignes.filter((y) => !y.startsWith("RESULTAT_JSON "))) console.log(`   ${x}`);
  if (l.status === 0 && json) return JSON.parse(json.slice("RESULTAT_JSON ".length));
  const echec = `échec de ${nom} (code ${l.status}) : ${(l.stderr ?? "").slice(0, 500)}`;
  console.log(`   ${echec}`);
  return echec;
}

/** Maximum resident memory (Mo) of one run, read by a preloaded exit hook. */
function memoire(args, env = {}) {
  const f = join(dossier, `rss-${process.hrtime.bigint()}.txt`);
  executer(["--require", RSS, ...args], { ...env, BENCH_RSS_FICHIER: f });
  return Number(readFileSync(f, "utf8")) / 1024;
}

const SCENARIOS = [
  { cle: "node", libelle: "node -e 0", args: ["-e", "0"] },
  { cle: "version", libelle: "ti-aides --version", args: [BIN, "--version"] },
  {
    cle: "simuler_json",
    libelle: `ti-aides simuler ${FICHE} --format json`,
    args: [BIN, "simuler", FICHE, "--format", "json"],
  },
  { cle: "simuler_table", libelle: `ti-aides simuler ${FICHE} (tableau)`, args: [BIN, "simuler", FICHE] },
  {
    cle: "simuler_sans_cache",
    libelle: "  … sans cache, ni des règles ni du code (TI_AIDES_CACHE=0)",
    args: [BIN, "simuler", FICHE, "--format", "json"],
    env: { TI_AIDES_CACHE: "0" },
  },
];

const resultat = {
  machine: {
    coeurs: availableParallelism(),
    processeur: cpus()[0]?.model ?? "?",
    memoire_go: Math.round(totalmem() / 2 ** 30),
    systeme: `${platform()} ${release()}`,
    node: process.version,
    charge_debut: loadavg().map((x) => Number(x.toFixed(2))),
    coeur: COEUR ?? null,
  },
};

try {
  console.log(
    `Banc d'essai de ti-aides — ${resultat.machine.coeurs} cœur(s) (${resultat.machine.processeur}), Node ${process.version}, ${resultat.machine.systeme}`,
  );
  console.log(
    `Charge de la machine au début (1, 5, 15 min) : ${resultat.machine.charge_debut.map((x) => fr(x, 2)).join(" ; ")}${resultat.machine.charge_debut[0] > resultat.machine.coeurs / 2 ? " — machine occupée : chiffres à prendre avec prudence" : ""}`,
  );

  console.log(
    `Processus mesurés lancés sans NODE_EXTRA_CA_CERTS${process.env.NODE_EXTRA_CA_CERTS ? " (défini ici, retiré pour eux : Node lit ce fichier à chaque démarrage)" : " (non défini ici)"}, caches (règles, code) dans un dossier du banc`,
  );

  // 1. Cold start. One run of each first: the rules cache is warm, as for a user's second command.
  for (const s of SCENARIOS) executer(s.args, s.env);
  const temps = Object.fromEntries(SCENARIOS.map((s) => [s.cle, []]));
  for (let i = 0; i < N; i++) {
    for (const s of SCENARIOS) {
      const debut = process.hrtime.bigint();
      executer(s.args, s.env);
      temps[s.cle].push(Number(process.hrtime.bigint() - debut) / 1e6);
    }
  }
  const base = mediane(temps.node);
  resultat.demarrage_ms = {};
  resultat.demarrage_rapport = {};
  console.log(
    `\n1. Démarrage à froid (médiane de ${N} exécutions entrelacées, caches chauds : règles et code compilé, dans un dossier du banc)`,
  );
  for (const s of SCENARIOS) {
    const m = mediane(temps[s.cle]);
    resultat.demarrage_ms[s.cle] = Number(m.toFixed(1));
    resultat.demarrage_rapport[s.cle] = Number((m / base).toFixed(2));
    console.log(`   ${s.libelle.padEnd(66)} ${fr(m).padStart(5)} ms   ${fr(m / base, 2)} ×`);
  }
  const r = resultat.demarrage_rapport.simuler_json;
  console.log(
    `   Objectif « simuler à 1,5 × node -e 0 au plus » : ${r <= 1.5 ? "atteint" : `non atteint (${fr(r, 2)} ×)`}`,
  );

  // 1 bis (--imports): what each library costs to load on its own, to see where a start goes.
  if (process.argv.includes("--imports")) {
    const modules = [
      "commander",
      "decimal.js",
      "yaml",
      "zod",
      "chalk",
      "cli-table3",
      "csv-parse",
      "csv-stringify",
      "cli-progress",
      "inquirer",
    ];
    const t = Object.fromEntries(["", ...modules].map((m) => [m, []]));
    for (let i = 0; i < N; i++) {
      for (const m of ["", ...modules]) {
        const debut = process.hrtime.bigint();
        executer(["--input-type=module", "-e", m ? `import ${JSON.stringify(m)}` : "0"]);
        t[m].push(Number(process.hrtime.bigint() - debut) / 1e6);
      }
    }
    const vide = mediane(t[""]);
    resultat.imports_ms = Object.fromEntries(
      modules.map((m) => [m, Number((mediane(t[m]) - vide).toFixed(1))]),
    );
    console.log(
      `\n1 bis. Coût du chargement de chaque bibliothèque seule (médiane de ${N}, au-delà d'un module ESM vide : ${fr(vide)} ms)`,
    );
    for (const m of modules)
      console.log(
        `   ${m.padEnd(14)} + ${fr(resultat.imports_ms[m]).padStart(4)} ms   (+ ${fr(resultat.imports_ms[m] / base, 2)} × node -e 0)`,
      );
  }

  // 2. The core alone, in process: validate + evaluate one fiche, and evaluate alone.
  const coeur = join(dossier, "coeur.mjs");
  writeFileSync(
    coeur,
    `
    import { readFileSync, writeFileSync } from "node:fs";
    import { chargerRegles, lireDocument, lireFiche, validerFiche, evaluerFiche } from ${JSON.stringify(join(RACINE, "dist", "index.js"))};
    const ref = chargerRegles();
    const texte = readFileSync(${JSON.stringify(join(RACINE, FICHE))}, "utf8");
    const fiche = lireFiche(texte, "fiche.yaml");
    function mesurer(f) {
      for (let i = 0; i < 200; i++) f(); // warm-up (JIT)
      let n = 0; const debut = performance.now();
      while (performance.now() - debut < 2000) { for (let i = 0; i < 50; i++) f(); n += 50; }
      return n / ((performance.now() - debut) / 1000);
    }
    const doc = lireDocument(texte, "fiche.yaml");
    const complet = mesurer(() => evaluerFiche(lireFiche(texte, "fiche.yaml"), ref));
    const lecture = mesurer(() => lireDocument(texte, "fiche.yaml"));
    const validation = mesurer(() => validerFiche(doc));
    const seul = mesurer(() => evaluerFiche(fiche, ref));
    writeFileSync(process.env.BENCH_COEUR, JSON.stringify({ complet, lecture, validation, seul }));
  `,
  );
  const sortieCoeur = join(dossier, "coeur.json");
  const rssCoeur = memoire([coeur], { BENCH_COEUR: sortieCoeur });
  const c = JSON.parse(readFileSync(sortieCoeur, "utf8"));
  resultat.coeur_par_s = {
    lecture_validation_evaluation: Math.round(c.complet),
    lecture_yaml: Math.round(c.lecture),
    validation_zod: Math.round(c.validation),
    evaluation_seule: Math.round(c.seul),
  };
  console.log(`\n2. Cœur, dans le processus (dist/index.js), sur ${FICHE}`);
  for (const [libelle, x] of [
    ["lire + valider + évaluer", c.complet],
    ["  dont lire (YAML, lignes)", c.lecture],
    ["  dont valider (zod)", c.validation],
    ["  dont évaluer", c.seul],
  ]) {
    console.log(`   ${libelle.padEnd(26)} ${fr(x).padStart(7)} fiches/s (${fr(1000 / x, 3)} ms chacune)`);
  }

  // 2 bis. The full call and the evaluation alone against publicodes and a hand-written loop.
  console.log("\n2 bis. Le cœur face à publicodes et à la boucle écrite à la main (test/bench/coeur.mjs)");
  resultat.coeur_comparaisons = sousBanc("coeur.mjs", [], COEUR);

  // 3. lot, by its own bench (issue 4), then the cost of one row, cold and steady (lignes.mjs).
  console.log("\n3. ti-aides lot face au passage csv-parse → csv-stringify");
  if (process.argv.includes("--sans-lot")) {
    resultat.lot = "non mesuré (--sans-lot)";
    console.log("   non mesuré (--sans-lot)");
  } else {
    resultat.lot = sousBanc("lot.mjs", [
      "--lignes",
      String(LIGNES),
      "--lignes-memoire",
      String(LIGNES_MEMOIRE),
    ]);
    if (typeof resultat.lot === "object") {
      console.log(
        `   Objectif « lot au moins à 0,4 × le passage » : ${resultat.lot.rapport >= 0.4 ? "atteint" : "non atteint"} (${fr(resultat.lot.rapport, 3)} ×)`,
      );
    }
    console.log(
      `\n3 bis. Coût d'une ligne de lot, dans le processus${COEUR === undefined ? "" : ` (cœur ${COEUR})`}`,
    );
    resultat.ligne_lot = sousBanc("lignes.mjs", ["--lignes", String(LIGNES)], COEUR);
    resultat.classeur = sousBanc("classeur.mjs", ["--lignes", String(LIGNES)]); // issue 17 : .xlsx et CSV
  }

  // 4. Peak memory.
  resultat.memoire_max_mo = {
    node: Math.round(memoire(["-e", "0"])),
    version: Math.round(memoire([BIN, "--version"])),
    simuler_json: Math.round(memoire([BIN, "simuler", FICHE, "--format", "json"])),
    simuler_sans_cache: Math.round(
      memoire([BIN, "simuler", FICHE, "--format", "json"], { TI_AIDES_CACHE: "0" }),
    ),
    coeur_boucle: Math.round(rssCoeur),
    ...(typeof resultat.lot === "object" ? { lot: resultat.lot.rss_mo } : {}),
  };
  const m = resultat.memoire_max_mo;
  console.log("\n4. Mémoire maximale (RSS)");
  console.log(
    `   node -e 0 ${m.node} Mo ; --version ${m.version} Mo ; simuler ${m.simuler_json} Mo (sans cache ${m.simuler_sans_cache} Mo) ; boucle du cœur ${m.coeur_boucle} Mo` +
      (m.lot
        ? ` ; lot ${Object.entries(m.lot)
            .map(([k, v]) => `${fr(Number(k))} lignes ${v} Mo`)
            .join(", ")}`
        : ""),
  );
  console.log("\n5. ti-aides verifier sur un dossier de fiches (test/bench/verifier.mjs)");
  if (process.argv.includes("--sans-verifier")) {
    resultat.verifier = "non mesuré (--sans-verifier)";
    console.log("   non mesuré (--sans-verifier)");
  } else resultat.verifier = sousBanc("verifier.mjs", [], COEUR);
  resultat.machine.charge_fin = loadavg().map((x) => Number(x.toFixed(2)));
  console.log(`\nRESULTAT_JSON ${JSON.stringify(resultat)}`);
} finally {
  rmSync(dossier, { recursive: true, force: true });
}
