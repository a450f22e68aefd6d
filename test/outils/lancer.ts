// Runs the real `ti-aides` (dist/, as `npm test` builds it) without blocking, so several runs
// overlap on the machine's cores; a run that outlives its timeout is killed and says so.
import { spawn } from "node:child_process";
import { BIN, LARGEUR_DES_TESTS, RACINE } from "./cli.js";

export interface Lancement {
  code: number | null;
  /** Set when the run was killed (timeout). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  dureeMs: number;
  /** True when the timeout killed it: a hang. */
  expire: boolean;
}

export function lancer(
  args: string[],
  options: { entree?: string | Buffer; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<Lancement> {
  const debut = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? RACINE,
      env: { ...process.env, NO_COLOR: "1", COLUMNS: LARGEUR_DES_TESTS, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const sortie: Buffer[] = [];
    const erreurs: Buffer[] = [];
    let expire = false;
    const minuteur = setTimeout(() => {
      expire = true;
      p.kill("SIGKILL");
    }, options.timeoutMs ?? 60_000);
    p.stdout.on("data", (b: Buffer) => sortie.push(b));
    p.stderr.on("data", (b: Buffer) => erreurs.push(b));
    // The command may refuse its input before reading all of it: a closed pipe is not an error here.
    p.stdin.on("error", () => undefined);
    p.on("error", reject);
    p.on("close", (code, signal) => {
      clearTimeout(minuteur);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(sortie).toString("utf8"),
        stderr: Buffer.concat(erreurs).toString("utf8"),
        dureeMs: performance.now() - debut,
        expire,
      });
    });
    p.stdin.end(options.entree ?? "");
  });
}
