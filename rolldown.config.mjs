// The command line as one bundle (`npm run build`, after tsc): dist/paquet/main.cjs and the worker of
// `lot`, dist/paquet/travailleur.cjs, with shared chunks. bin/ti-aides.js runs it through V8's code
// cache (src/cli/cache-code.cts). CommonJS, because only a CommonJS file can be compiled with cached
// data on Node 20; one bundle, because loading ~150 ES modules one by one cost more than the work of a
// quick command (docs/performance.md). The library (dist/index.js) stays the compiled ES modules.
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
 *  and contracts read without the cache, `schema`). Each is built as an entry of its own,
 *  dist/paquet/<name>.cjs, with its own cached code, and the project's modules get an object whose
 *  exports are getters that load it at first use: a command that does not need it neither reads,
 *  compiles nor runs it. By library: the entry, and the names its getters give. */
const DIFFEREES = {
  yaml: { entree: "yaml", noms: () => Object.keys(createRequire(import.meta.url)("yaml")) },
  zod: { entree: "\0zod-choisi", noms: () => ["z"] },
};
const bibliothequesDifferees = {
  name: "bibliotheques-differees",
  resolveId(id, importer) {
    if (id === "\0zod-choisi") return id;
    // The library's own file, next to the chunk that loads it (all chunks are in dist/paquet/).
    if (importer?.startsWith("\0differee:") && Object.keys(DIFFEREES).some((nom) => id === `./${nom}.cjs`))
      return { id, external: "relative" };
    if (
      Object.hasOwn(DIFFEREES, id) &&
      importer &&
      !importer.startsWith("\0") &&
      !/[\\/]node_modules[\\/]/.test(importer)
    )
      return `\0differee:${id}`;
    return null;
  },
  load(id) {
    if (id === "\0zod-choisi") return zodChoisi();
    if (!id.startsWith("\0differee:")) return null;
    const nom = id.slice("\0differee:".length);
    const acces = DIFFEREES[nom]
      .noms()
      .map((n) => `${JSON.stringify(n)}: { enumerable: true, get: () => charger()[${JSON.stringify(n)}] }`);
    return `let m; const charger = () => (m ??= require("./${nom}.cjs"));\nmodule.exports = Object.defineProperties({}, { ${acces.join(", ")} });`;
  },
};

/** zod's entry: its `z`, with only the members the project's modules use, so that the bundle keeps only
 *  their code (as when zod was imported directly: all of zod is four times as much to read and run).
 *  The members are read in tsc's output (dist/, only values left), where every use of zod must be
 *  `import { z } from "zod"` then `z.member`: anything else stops the build rather than leave a member
 *  out. */
function zodChoisi() {
  const membres = new Set();
  for (const f of readdirSync("dist", { recursive: true })) {
    if (!f.endsWith(".js") || f.startsWith("paquet")) continue;
    const texte = readFileSync(join("dist", f), "utf8");
    if (!texte.includes('"zod"')) continue;
    const reste = texte.replace(/^import \{ z \} from "zod";$/m, "");
    for (const [, m] of reste.matchAll(/(?<![\w$.])z\s*\.\s*([A-Za-z_$][\w$]*)/g)) membres.add(m);
    const autre = /"zod"|(?<![\w$.])z(?![\w$]|\s*\.\s*[A-Za-z_$])/.exec(reste);
    if (autre)
      throw new Error(
        `dist/${f} : zod employé autrement que par « z.membre » (${reste.slice(autre.index, autre.index + 40)})`,
      );
  }
  const liste = [...membres].sort();
  return `import { z as zod } from "zod";\nexport const z = { ${liste.map((m) => `${m}: zod.${m}`).join(", ")} };`;
}

export default defineConfig({
  input: {
    main: "dist/cli/main.js",
    travailleur: "dist/cli/csv/travailleur.js",
    ...Object.fromEntries(Object.entries(DIFFEREES).map(([nom, { entree }]) => [nom, entree])),
  },
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
    exports: "named", // zod.cjs has a default export beside its named ones: require("./zod.cjs").default
    entryFileNames: "[name].cjs",
    chunkFileNames: "[name]-[hash].cjs",
  },
});
