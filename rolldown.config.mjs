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

/** Libraries that `simuler` on a simply written fiche (src/core/document-simple.ts, then the generated
 *  validator) with its rules in the cache never runs: yaml (--format yaml, fiches not simply written,
 *  `proposer`, rules read without the cache) and zod (a fiche the generated validator hands over, rules
 *  read without the cache, `schema`). Each is built as an entry of its own, dist/paquet/<name>.cjs, with
 *  its own cached code, and the project's modules get an object whose exports are getters that load it
 *  at first use (names taken from the installed library at build time): a command that does not need
 *  it neither reads, compiles nor runs it. */
const DIFFEREES = ["yaml", "zod"];
const bibliothequesDifferees = {
  name: "bibliotheques-differees",
  resolveId(id, importer) {
    // The library's own file, next to the chunk that loads it (all chunks are in dist/paquet/).
    if (importer?.startsWith("\0differee:") && DIFFEREES.some((nom) => id === `./${nom}.cjs`))
      return { id, external: "relative" };
    if (
      DIFFEREES.includes(id) &&
      importer &&
      !importer.startsWith("\0") &&
      !/[\\/]node_modules[\\/]/.test(importer)
    )
      return `\0differee:${id}`;
    return null;
  },
  load(id) {
    if (!id.startsWith("\0differee:")) return null;
    const nom = id.slice("\0differee:".length);
    const noms = Object.keys(createRequire(import.meta.url)(nom));
    const acces = noms.map(
      (n) => `${JSON.stringify(n)}: { enumerable: true, get: () => charger()[${JSON.stringify(n)}] }`,
    );
    return `let m; const charger = () => (m ??= require("./${nom}.cjs"));\nmodule.exports = Object.defineProperties({}, { ${acces.join(", ")} });`;
  },
};

export default defineConfig({
  input: { main: "dist/cli/main.js", travailleur: "dist/cli/csv/travailleur.js", yaml: "yaml", zod: "zod" },
  platform: "node",
  plugins: [childProcessDiffere, bibliothequesDifferees],
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
