// The boundaries of eslint.config.mjs hold: the core (src/core) is pure — it imports neither the
// command line nor the disk nor the process — whatever a later change writes there. Each case lints a
// file as if it stood in src/core, so that the configuration itself is what is tested.
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";
import { RACINE } from "./outils/cli.js";

const eslint = new ESLint({ cwd: RACINE });

async function reglesEnfreintes(code: string, fichier = "src/core/essai.ts"): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: `${RACINE}/${fichier}` });
  return r.messages.map((m) => m.ruleId ?? m.message);
}

describe("le cœur est pur (eslint.config.mjs)", () => {
  test("importer la ligne de commande depuis le cœur est refusé", async () => {
    expect(
      await reglesEnfreintes('import { c } from "../cli/rendu/couleurs.js";\nexport const x = c;\n'),
    ).toContain("no-restricted-imports");
  });
  test("lire le disque ou le processus depuis le cœur est refusé", async () => {
    expect(
      await reglesEnfreintes('import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'),
    ).toContain("no-restricted-imports");
    expect(
      await reglesEnfreintes(
        'import { chargerRegles } from "../regles-disque.js";\nexport const x = chargerRegles;\n',
      ),
    ).toContain("no-restricted-imports");
    expect(await reglesEnfreintes("export const x = process.env.HOME;\n")).toContain("no-restricted-globals");
  });
  test("la même chose est permise dans la ligne de commande", async () => {
    expect(
      await reglesEnfreintes(
        'import { readFileSync } from "node:fs";\nexport const x = [readFileSync, process.env.HOME];\n',
        "src/cli/essai.ts",
      ),
    ).toEqual([]);
  });
  test("le cœur peut importer le cœur et ses bibliothèques (decimal.js, zod, yaml)", async () => {
    expect(
      await reglesEnfreintes(
        'import { z } from "zod";\nimport { D } from "./argent.js";\nexport const x = [z, D];\n',
      ),
    ).toEqual([]);
  });
});
