// The code cache of the launcher (src/cli/cache-code.cts): made at build time next to the bundle, only
// read at run time (a planted entry: test/hostile-securite.e2e.test.ts); the command line, run through
// it, says exactly what it says without it, and damaged compiled files never change a result nor stop
// a run. And the launcher without a build says what to do.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { BIN, RACINE, sansPileDAppel, tiAides } from "./outils/cli.js";

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

const PAQUET = join(RACINE, "dist", "paquet");

/** The compiled files of a folder's code/, with their dates. */
function compiles(dossier: string): Map<string, number> {
  try {
    return new Map(
      readdirSync(join(dossier, "code")).map((n) => [n, statSync(join(dossier, "code", n)).mtimeMs]),
    );
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

  test("the build made the compiled files next to the bundle, one set per command; a run says the same as without cache", () => {
    const noms = readdirSync(join(PAQUET, "code"));
    expect(noms.some((n) => n.startsWith("main---version-") && n.endsWith(".bin"))).toBe(true);
    expect(noms.some((n) => n.startsWith("main-simuler-") && n.endsWith(".bin"))).toBe(true);
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: dossierTemporaire() } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(sansCache.stdout);
  });

  test("a run writes no code anywhere: neither in the cache folder nor next to the bundle", () => {
    const cache = dossierTemporaire();
    const avant = compiles(PAQUET);
    for (const args of [SIMULER, ["--version"], ["regles"]])
      expect(tiAides(args, { env: { TI_AIDES_CACHE: cache } }).code).toBe(0);
    expect(existsSync(join(cache, "code"))).toBe(false);
    expect(compiles(PAQUET)).toEqual(avant);
  });

  test("damaged or altered compiled files (altered data crash Node 20 if given to V8) are refused, the run goes on", () => {
    const copie = copieDuPaquet();
    const code = join(copie, "dist", "paquet", "code");
    for (const n of readdirSync(code)) {
      const f = join(code, n);
      if (n.startsWith("main-")) {
        writeFileSync(f, "pas du code compilé");
        continue;
      }
      const octets = readFileSync(f);
      for (let i = 64; i < octets.length; i += 97) octets[i] ^= 0x5a; // header kept, data altered
      writeFileSync(f, octets);
    }
    const r = spawnSync(process.execPath, [join(copie, "bin", "ti-aides.js"), ...SIMULER], {
      cwd: RACINE,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", TI_AIDES_CACHE: dossierTemporaire() },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(sansCache.stdout);
  });

  test("a file of the bundle changed after the build, even to a text of the same length whose characters keep the same low bytes, runs as changed: its compiled form is not used", () => {
    const copie = copieDuPaquet();
    const paquet = join(copie, "dist", "paquet");
    const fichier = readdirSync(paquet).find(
      (n) => n.endsWith(".cjs") && readFileSync(join(paquet, n), "latin1").includes("return`1.0.0`"),
    );
    expect(fichier).toBeDefined();
    const chemin = join(paquet, fichier!);
    // U+0131 (ı) is 0x31 ("1") in its low byte: same length for V8, which checks only that, and the same
    // bytes for a hash of the text read as Latin-1; the bundle is ASCII, so such a file is not trusted.
    writeFileSync(chemin, readFileSync(chemin, "utf8").replace("return`1.0.0`", "return`\u0131.0.0`"));
    const r = spawnSync(process.execPath, [join(copie, "bin", "ti-aides.js"), "--version"], {
      cwd: RACINE,
      encoding: "utf8",
      env: { ...process.env, TI_AIDES_CACHE: dossierTemporaire() },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("\u0131.0.0\n");
  });

  test("TI_AIDES_CACHE=0 writes nothing in the user's cache folder", () => {
    const maison = dossierTemporaire();
    const r = tiAides(SIMULER, { env: { TI_AIDES_CACHE: "0", XDG_CACHE_HOME: maison, HOME: maison } });
    expect(r.code).toBe(0);
    expect(readdirSync(maison)).toEqual([]);
  });
});

/** A copy of the built package (launcher, bundle and its compiled files, rules), to alter freely. */
function copieDuPaquet(): string {
  const copie = dossierTemporaire();
  for (const chemin of [
    "bin",
    join("dist", "paquet"),
    join("dist", "cli", "cache-code.cjs"),
    join("dist", "cli", "dossier-cache.cjs"),
    "rules",
  ]) {
    cpSync(join(RACINE, chemin), join(copie, chemin), { recursive: true });
  }
  return copie;
}

describe("the launcher", () => {
  test("without the bundle (not built), it says what to run, in French, without a stack trace", () => {
    const dossier = dossierTemporaire();
    mkdirSync(join(dossier, "bin"));
    copyFileSync(BIN, join(dossier, "bin", "ti-aides.js"));
    writeFileSync(join(dossier, "package.json"), '{"type":"module"}');
    const r = spawnSync(process.execPath, [join(dossier, "bin", "ti-aides.js"), "--version"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/ti-aides n'est pas construit .* lancez « npm ci »/);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });
});
