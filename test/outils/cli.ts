// Runs the real `ti-aides` command as a user types it (the build in dist/, as `npm test` makes it).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const RACINE = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/ti-aides.js", import.meta.url));

/**
 * The width the tables are laid out for in the tests (COLUMNS, outside a terminal): wide, so a test
 * that reads a sentence finds it on one line. The folding to 60, 80 or 160 columns is tested by
 * test/largeur.e2e.test.ts, which gives its own COLUMNS.
 */
export const LARGEUR_DES_TESTS = "1000";

export interface Execution {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tiAides(
  args: string[],
  options: { entree?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Execution {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? RACINE,
    input: options.entree ?? "",
    env: { ...process.env, NO_COLOR: "1", COLUMNS: LARGEUR_DES_TESTS, ...options.env },
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace ever reaches a user. */
export function sansPileDAppel(texte: string): boolean {
  return !/\n\s+at .+:\d+:\d+\)?/.test(texte) && !/node:internal/.test(texte);
}
