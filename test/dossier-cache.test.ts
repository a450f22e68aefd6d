// Where the caches live (src/cli/dossier-cache.cts): TI_AIDES_CACHE, else XDG_CACHE_HOME when it is an
// absolute path (the XDG specification says to ignore a relative one), else ~/.cache.
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, expect, test } from "vitest";
import { dossierCache } from "../src/cli/dossier-cache.cjs";

const avant = { cache: process.env.TI_AIDES_CACHE, xdg: process.env.XDG_CACHE_HOME };
afterEach(() => {
  for (const [cle, v] of [
    ["TI_AIDES_CACHE", avant.cache],
    ["XDG_CACHE_HOME", avant.xdg],
  ] as const) {
    if (v === undefined) delete process.env[cle];
    else process.env[cle] = v;
  }
});

test("TI_AIDES_CACHE: a folder, made absolute from where the command runs; 0, non, off: none", () => {
  process.env.TI_AIDES_CACHE = "cache-local";
  expect(dossierCache()).toBe(resolve("cache-local"));
  for (const non of ["0", "non", "OFF", "false"]) {
    process.env.TI_AIDES_CACHE = non;
    expect(dossierCache()).toBeUndefined();
  }
});

test("XDG_CACHE_HOME is used when absolute, ignored when relative", () => {
  delete process.env.TI_AIDES_CACHE;
  process.env.XDG_CACHE_HOME = "/var/cache/moi";
  expect(dossierCache()).toBe(join("/var/cache/moi", "ti-aides"));
  process.env.XDG_CACHE_HOME = "relatif";
  expect(dossierCache()).toBe(join(homedir(), ".cache", "ti-aides"));
});
