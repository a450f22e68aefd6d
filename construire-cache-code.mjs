// The last step of `npm run build` (after tsc and rolldown): V8's code cache of the command line,
// made with the package and stored next to the code it caches, in dist/paquet/code/
// (src/cli/cache-code.cts). Each kind of command is run on the package's own examples, in a process
// of its own, and what V8 compiled for it is written as its entries. A failure only costs start-up
// time: the build goes on, with a warning.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RACINE = fileURLToPath(new URL(".", import.meta.url));
const ENTREE = join(RACINE, "dist", "paquet", "main.cjs");
const CHARGEUR = join(RACINE, "dist", "cli", "cache-code.cjs");
const FICHE = "fixtures/fiches/chaufferie.yaml";
const CONTRAT = "fixtures/contrat-exemple";
const CSV = "fixtures/csv/contrat-exemple.csv";

/** Entries by command (its first word), and the runs that make them; the examples may be absent. */
const COMMANDES = {
  "--version": [["--version"]],
  autre: [["--help"]],
  simuler: [
    ["simuler", FICHE, "--format", "json"],
    ["simuler", FICHE],
  ],
  verifier: [["verifier", CONTRAT]],
  lot: [["lot", CSV, "--format", "json"]],
  regles: [["regles"], ["regles", "ademe-investissement"]],
};

const cache = mkdtempSync(join(tmpdir(), "ti-aides-construction-")); // the rules cache of these runs, not the user's
try {
  for (const [nom, listes] of Object.entries(COMMANDES)) {
    const commandes = listes.filter((args) =>
      args.every((a) => a.startsWith("-") || /^[a-z-]+$/.test(a) || existsSync(join(RACINE, a))),
    );
    if (commandes.length === 0) continue;
    const script = `require(${JSON.stringify(CHARGEUR)}).enregistrerCache(${JSON.stringify(ENTREE)}, ${JSON.stringify(nom)}, ${JSON.stringify(commandes)})`;
    const r = spawnSync(process.execPath, ["-e", script], {
      cwd: RACINE,
      env: { ...process.env, TI_AIDES_CACHE: cache, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
    if (r.status !== 0)
      process.stderr.write(
        `Avertissement : cache de code de « ${nom} » non construit (code ${r.status}) : ti-aides démarrera plus lentement.\n${r.stderr}\n`,
      );
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
