// Lint: the boundaries of the project, not its style (prettier formats). The core is pure: it never
// imports the command line, the disk or the process; the command line is a thin shell around it.
import tseslint from "typescript-eslint";

const IO = [
  "fs",
  "path",
  "child_process",
  "os",
  "process",
  "worker_threads",
  "net",
  "http",
  "https",
  "url",
  "crypto",
  "readline",
  "stream",
  "vm",
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**"] },
  {
    files: ["**/*.ts", "**/*.cts", "**/*.mts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "no-debugger": "error",
      "no-dupe-keys": "error",
      "no-unreachable": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/cli/**", "**/cli"],
              message: "Le cœur n'importe jamais la ligne de commande (src/cli).",
            },
            {
              group: ["**/regles-disque*", "**/lecture-sure*"],
              message: "Le cœur est pur : la lecture des fichiers est hors de src/core.",
            },
            {
              group: [...IO.map((m) => `node:${m}`), ...IO],
              message: "Le cœur est pur : aucune entrée-sortie, aucun accès au processus.",
            },
            {
              group: [
                "chalk",
                "cli-table3",
                "cli-progress",
                "commander",
                "inquirer",
                "@inquirer/*",
                "csv-parse",
                "csv-stringify",
              ],
              message: "Le cœur ne dépend d'aucune bibliothèque de la ligne de commande.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "Le cœur est pur : il ne lit ni l'environnement ni les arguments." },
      ],
    },
  },
);
