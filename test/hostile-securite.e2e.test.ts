// Issue 14 : ce qu'un fichier planté, un autre utilisateur ou un disque plein pouvaient faire à
// ti-aides. Chaque cas a été reproduit sur le main d'avant l'issue (exécution de code étranger,
// aide changée, fichier écrasé hors du dossier, entrée détruite, trace de pile…) ; ici, la vraie
// commande, lancée comme par un utilisateur, doit s'en garder.
// Les tests tournent en root (CI aussi) : « un autre utilisateur » est simulé par le propriétaire
// (nobody) et les modes des fichiers ; les cas qui en dépendent le disent.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { RACINE, sansPileDAppel, tiAides } from "./outils/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-securite-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function dossier(): string {
  const d = join(tmp, `d${n++}`);
  mkdirSync(d);
  return d;
}

describe("1. le cache de code ne porte jamais de code étranger", () => {
  test("une entrée forgée sous TI_AIDES_CACHE/code (même longueur de source, son propre en-tête sha256) n'est pas exécutée", () => {
    const cache = dossier();
    const code = join(cache, "code");
    mkdirSync(code, { mode: 0o700 });
    const marque = join(cache, "pirate");
    // Ce que l'attaquant fait : compiler son propre code, de la longueur de main.cjs, et nommer
    // l'entrée comme ti-aides la cherchait (hachage du code, public, et de la version de Node).
    const forge = `
      const { createHash } = require("node:crypto");
      const { readFileSync, writeFileSync } = require("node:fs");
      const Module = require("node:module");
      const { Script } = require("node:vm");
      const [fichier, dossierCode, marque] = process.argv.slice(1);
      const contenu = readFileSync(fichier, "utf8");
      let charge = "require('fs').writeFileSync(" + JSON.stringify(marque) + ", 'pirate');";
      charge += "/*" + " ".repeat(contenu.length - charge.length - 4) + "*/";
      if (charge.length !== contenu.length) throw new Error("longueur");
      const donnees = new Script(Module.wrap(charge), { filename: fichier }).createCachedData();
      const cle = createHash("sha256").update(process.version + "\\0" + process.arch + "\\0").update(contenu).digest("hex");
      const entete = createHash("sha256").update(donnees).digest();
      writeFileSync(dossierCode + "/main---version-" + cle.slice(0, 24) + ".bin", Buffer.concat([entete, donnees]));
    `;
    const f = spawnSync(process.execPath, ["-e", forge, join(RACINE, "dist", "paquet", "main.cjs"), code, marque], { encoding: "utf8" });
    expect(f.status, f.stderr).toBe(0);
    const r = tiAides(["--version"], { env: { TI_AIDES_CACHE: cache } });
    expect(existsSync(marque), "le code de l'entrée forgée a été exécuté").toBe(false);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

const FICHE = "fixtures/fiches/chaufferie.yaml";
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const reference = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: "0" } });

/** A rules cache made by a first run, then its entry altered as another user would: every rate 55 % → 94 %. */
function cacheFalsifie(): { cache: string; entree: string } {
  const cache = dossier();
  const cacheRegles = join(cache, "regles");
  expect(tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cacheRegles } }).code).toBe(0);
  const [nom] = readdirSync(cacheRegles).filter((n) => /^regles-.*\.json$/.test(n));
  const entree = join(cacheRegles, nom);
  const texte = readFileSync(entree, "utf8");
  expect(texte).toContain('"$d":"0.55"');
  writeFileSync(entree, texte.replaceAll('"$d":"0.55"', '"$d":"0.94"'));
  return { cache: cacheRegles, entree };
}

describe("2. le cache des règles ne se laisse pas empoisonner", () => {
  test("l'entrée falsifiée change bien l'aide quand le dossier est sûr (le cas suivant n'est pas vide)", () => {
    const { cache } = cacheFalsifie();
    const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(r.stdout).not.toBe(reference.stdout);
  });

  test.skipIf(!process.getuid)("dans un dossier ouvert en écriture aux autres (chmod o+w), l'entrée falsifiée est ignorée", () => {
    const { cache } = cacheFalsifie();
    chmodSync(cache, 0o777);
    const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
    expect(r.stderr).toBe("");
  });

  // chown demande root : les tests tournent en root, en CI aussi.
  test.skipIf(!ROOT)("dans un dossier d'un autre utilisateur (chown nobody), l'entrée falsifiée est ignorée", () => {
    const { cache } = cacheFalsifie();
    chownSync(cache, NOBODY, NOBODY);
    const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
  });

  test.skipIf(!ROOT)("une entrée d'un autre utilisateur (chown nobody) dans le dossier de l'utilisateur est ignorée et refaite", () => {
    const { cache, entree } = cacheFalsifie();
    chownSync(entree, NOBODY, NOBODY);
    const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
    expect(statSync(entree).uid).toBe(0);
  });

  test("une entrée bien formée mais fausse (bonne clé, pas des règles) est refaite en silence, jamais le code 3", () => {
    const { cache, entree } = cacheFalsifie();
    const stocke = JSON.parse(readFileSync(entree, "utf8"));
    for (const faux of [{}, { dispositifs: { $m: [["x", 1]] } }, null, []]) {
      writeFileSync(entree, JSON.stringify({ ...stocke, referentiel: faux }));
      const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(reference.stdout);
      expect(r.stderr).toBe("");
      expect(JSON.parse(readFileSync(entree, "utf8")).referentiel).not.toEqual(faux); // refaite
    }
  });
});
