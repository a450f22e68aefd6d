// Where ti-aides keeps what it can compute again (validated rules): the user's cache folder. The
// compiled code is never taken from here (src/cli/cache-code.cts). TI_AIDES_CACHE: another folder,
// or "0" (non, false, off) to keep nothing.
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

export function dossierCache(): string | undefined {
  const choix = process.env.TI_AIDES_CACHE;
  if (choix !== undefined && /^(0|non|false|off)$/i.test(choix.trim())) return undefined;
  if (choix) return resolve(choix); // a relative folder: from where the command is run, once and for all
  try {
    // The XDG specification: a relative XDG_CACHE_HOME is to be ignored.
    const xdg =
      process.env.XDG_CACHE_HOME && isAbsolute(process.env.XDG_CACHE_HOME)
        ? process.env.XDG_CACHE_HOME
        : undefined;
    const base =
      xdg || (process.platform === "win32" && process.env.LOCALAPPDATA) || join(homedir(), ".cache");
    return join(base, "ti-aides");
  } catch {
    return undefined;
  }
}

/**
 * True when the folder may be trusted with what ti-aides reads back: it is the user's and nobody else
 * may write in it (or it does not exist yet: it will be made so). Otherwise another user could change
 * the computed aid by replacing an entry.
 */
export function dossierPrive(dossier: string): boolean {
  if (!process.getuid) return true; // Windows: no such modes
  try {
    const st = statSync(dossier);
    return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT";
  }
}
