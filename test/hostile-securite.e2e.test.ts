// Issue 14 : ce qu'un fichier planté, un autre utilisateur ou un disque plein pouvaient faire à
// ti-aides. Chaque cas a été reproduit sur le main d'avant l'issue (exécution de code étranger,
// aide changée, fichier écrasé hors du dossier, entrée détruite, trace de pile…) ; ici, la vraie
// commande, lancée comme par un utilisateur, doit s'en garder.
// Les tests tournent en root (CI aussi) : « un autre utilisateur » est simulé par le propriétaire
// (nobody) et les modes des fichiers ; les cas qui en dépendent le disent.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
