// The command line as one bundle (`npm run build`, after tsc): dist/paquet/main.cjs and the worker of
// `lot`, dist/paquet/travailleur.cjs, with shared chunks. bin/ti-aides.js runs it through V8's code
// cache (src/cli/cache-code.cts). CommonJS, because only a CommonJS file can be compiled with cached
// data on Node 20; one bundle, because loading ~150 ES modules one by one cost more than the work of a
// quick command (docs/performance.md). The library (dist/index.js) stays the compiled ES modules.
import { createRequire } from "node:module";
import { defineConfig } from "rolldown";

/** commander loads child_process (and with it net, stream…) only to run executable subcommands,
 *  which ti-aides has none of: ~5 ms at every start. It gets the real module on first use instead. */
const childProcessDiffere = {
  name: "child-process-differe",
  resolveId(id, importer) {
    if (id === "node:child_process" && /[\\/]node_modules[\\/]commander[\\/]/.test(importer ?? ""))
      return "\0child-process-differe";
    return null;
  },
  load(id) {
    if (id !== "\0child-process-differe") return null;
    return 'module.exports = new Proxy({}, { get: (_, cle) => process.getBuiltinModule("node:child_process")[cle] });';
  },
};

/** The yaml library runs at first use, not at every start: `simuler` reads a simply written fiche
 *  without it (src/core/document-simple.ts) and its rules from the cache. Its exports are getters that
 *  load it (names taken from the installed yaml at build time). */
const yamlDiffere = {
  name: "yaml-differe",
  resolveId(id, importer) {
    if (id === "yaml" && importer && !importer.startsWith("\0") && !/[\\/]node_modules[\\/]/.test(importer))
      return "\0yaml-differe";
    return null;
  },
  load(id) {
    if (id !== "\0yaml-differe") return null;
    const noms = Object.keys(createRequire(import.meta.url)("yaml"));
    const acces = noms.map(
      (n) => `${JSON.stringify(n)}: { enumerable: true, get: () => charger()[${JSON.stringify(n)}] }`,
    );
    return `let y; const charger = () => (y ??= require("yaml"));\nmodule.exports = Object.defineProperties({}, { ${acces.join(", ")} });`;
  },
};

export default defineConfig({
  input: { main: "dist/cli/main.js", travailleur: "dist/cli/csv/travailleur.js" },
  platform: "node",
  plugins: [childProcessDiffere, yamlDiffere],
  // exceljs (.xlsx files) is required from node_modules when a workbook is read or written: kept out
  // of the bundle (a megabyte no other command needs), and Node then treats it as the dependency it is
  // (its old `new Buffer()` calls warn only outside node_modules).
  external: ["exceljs"],
  output: {
    dir: "dist/paquet",
    format: "cjs",
    minify: true,
    charset: "ascii",
    cleanDir: true,
    entryFileNames: "[name].cjs",
    chunkFileNames: "[name]-[hash].cjs",
  },
});
