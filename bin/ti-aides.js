#!/usr/bin/env node
// The ti-aides launcher: runs the command line, built as one bundle in dist/paquet/ (npm ci builds
// it), through V8's code cache (src/cli/cache-code.cts) so that a quick command starts fast.
// CommonJS (bin/package.json), like the bundle: as an ES module, Node starts its ES module loader
// for this file alone, ~8 ms at every command (docs/performance.md).
"use strict";

// A reader that stops early (`ti-aides --help | head -2`) closes the pipe: stop quietly. Any other
// failure to write (a full disk, a failing device) ends with a French line and exit 4 (src/cli/codes.ts):
// never a stack trace, never 1, which would say "not compliant" to a CI.
for (const flux of [process.stdout, process.stderr]) {
  flux.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (flux === process.stdout) {
      const cause =
        e.code === "ENOSPC"
          ? "disque plein"
          : e.code === "EIO"
            ? "erreur d'entrée-sortie"
            : (e.code ?? "erreur");
      process.stderr.write(
        `Erreur : écriture impossible sur la sortie standard (${cause}) : le résultat est incomplet ; libérez de la place, ou écrivez-le ailleurs avec -o FICHIER\n`,
      );
    }
    process.exit(4);
  });
}

let paquet;
try {
  paquet = require.resolve("../dist/paquet/main.cjs");
} catch {
  process.stderr.write(
    "Erreur : ti-aides n'est pas construit (dist/paquet/ manque) : lancez « npm ci » (ou « npm run build ») dans son dossier.\n",
  );
  process.exit(3);
}
const { chargerPaquet } = require("../dist/cli/cache-code.cjs");
const { main } = chargerPaquet(paquet);
// main reports every error itself (French message, exit status); it never rejects.
main(process.argv);
