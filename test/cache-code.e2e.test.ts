// The code cache of the launcher (src/cli/cache-code.cts): the command line, run through it, says
// exactly what it says without it; it writes its compiled files once, reads them afterwards, and a
// damaged, unwritable or switched-off cache never changes a result nor stops a run. And the launcher
// without a build says what to do.
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { BIN, sansPileDAppel, tiAides } from "./outils/cli.js";

const SIMULER = ["simuler", "fixtures/fiches/chaufferie.yaml", "--format", "json"];
const aNettoyer: string[] = [];
afterEach(() => {
  for (const d of aNettoyer.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dossierTemporaire(): string {
  const d = mkdtempSync(join(tmpdir(), "ti-aides-cache-code-"));
  aNettoyer.push(d);
  return d;
}

/** The compiled files in a cache folder, with their dates. */
function compiles(cache: string): Map<string, number> {
  try {
    return new Map(readdirSync(join(cache, "code")).map((n) => [n, statSync(join(cache, "code", n)).mtimeMs]));
  } catch {
    return new Map();
  }
}

const sansCache = tiAides(SIMULER, { env: { TI_AIDES_CACHE: "0" } });

describe("the launcher's code cache", () => {
  test("the reference run, without any cache, succeeds", () => {
    expect(sansCache.code).toBe(0);
    expect(JSON.parse(sansCache.stdout).fiches[0].id).toBe("TI-07-CHAUFFERIE");
  });

  test("first run writes the compiled files, the next one reads them; both say the same as without cache", () => {
    const cache = dossierTemporaire();
    const premier = tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    expect(premier.code).toBe(0);
    expect(premier.stdout).toBe(sansCache.stdout);
    const apresPremier = compiles(cache);
    expect([...apresPremier.keys()].some((n) => n.startsWith("main-") && n.endsWith(".bin"))).toBe(true);

    const second = tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(sansCache.stdout);
    expect(compiles(cache)).toEqual(apresPremier); // nothing rewritten: every file was accepted
  });

  test("damaged compiled files are refused, the run goes on and they are written again", () => {
    const cache = dossierTemporaire();
    tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    const noms = [...compiles(cache).keys()];
    expect(noms.length).toBeGreaterThan(0);
    for (const n of noms) writeFileSync(join(cache, "code", n), "pas du code compilé");
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(sansCache.stdout);
    for (const n of noms) expect(readFileSync(join(cache, "code", n), "utf8")).not.toBe("pas du code compilé");
  });

  test("altered bytes inside the compiled data (which crash Node 20 if given to V8) are caught by the entry's hash", () => {
    const cache = dossierTemporaire();
    tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    const noms = [...compiles(cache).keys()];
    for (const n of noms) {
      const f = join(cache, "code", n);
      const octets = readFileSync(f);
      for (let i = 64; i < octets.length; i += 97) octets[i] ^= 0x5a; // header kept, data altered
      writeFileSync(f, octets);
    }
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(sansCache.stdout);
    for (const n of noms) {
      const octets = readFileSync(join(cache, "code", n));
      expect(createHash("sha256").update(octets.subarray(32)).digest().equals(octets.subarray(0, 32))).toBe(true); // written again
    }
  });

  test.skipIf(!process.getuid)("a code folder others may write in is not used: their code would run", () => {
    const cache = dossierTemporaire();
    mkdirSync(join(cache, "code"));
    chmodSync(join(cache, "code"), 0o777);
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(sansCache.stdout);
    expect(compiles(cache).size).toBe(0);
  });

  test("each command has its own entries: --version run first does not decide what simuler finds", () => {
    const cache = dossierTemporaire();
    tiAides(["--version"], { env: { TI_AIDES_CACHE: cache } });
    tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } });
    const noms = [...compiles(cache).keys()];
    expect(noms.some((n) => n.startsWith("main---version-"))).toBe(true);
    expect(noms.some((n) => n.startsWith("main-simuler-"))).toBe(true);
  });

  test("a cache folder that cannot be made changes nothing for the user", () => {
    const fichier = join(dossierTemporaire(), "un-fichier");
    writeFileSync(fichier, "");
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: join(fichier, "dessous") } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(sansCache.stdout);
    expect(r.stderr).toBe("");
  });

  test("TI_AIDES_CACHE=0 writes nothing in the user's cache folder", () => {
    const maison = dossierTemporaire();
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: "0", XDG_CACHE_HOME: maison, HOME: maison } });
    expect(r.code).toBe(0);
    expect(readdirSync(maison)).toEqual([]);
  });

  test("the folder is pruned to the 200 most recently used files, and old temporary files removed", () => {
    const cache = dossierTemporaire();
    tiAides(["--version"], { env: { TI_AIDES_CACHE: cache } });
    // 206 files of older builds and a temporary file of a killed run, dated a year ago.
    const ancien = new Date(Date.now() - 365 * 86_400_000);
    for (const nom of [...Array.from({ length: 206 }, (_, i) => `ancien-${i}.bin`), "main-x.bin.abc.tmp"]) {
      const f = join(cache, "code", nom);
      writeFileSync(f, "");
      utimesSync(f, ancien, ancien);
    }
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: cache } }); // compiles files --version did not load
    expect(r.code).toBe(0);
    const restants = [...compiles(cache).keys()];
    expect(restants.length).toBe(200);
    expect(restants.filter((n) => !n.startsWith("ancien-")).length).toBeGreaterThan(1); // this build's files stay
    expect(restants.some((n) => n.endsWith(".tmp"))).toBe(false);
  });
});

describe("the launcher", () => {
  test("without the bundle (not built), it says what to run, in French, without a stack trace", () => {
    const dossier = dossierTemporaire();
    mkdirSync(join(dossier, "bin"));
    copyFileSync(BIN, join(dossier, "bin", "ti-aides.js"));
    writeFileSync(join(dossier, "package.json"), '{"type":"module"}');
    const r = spawnSync(process.execPath, [join(dossier, "bin", "ti-aides.js"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/ti-aides n'est pas construit .* lancez « npm ci »/);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });
});
