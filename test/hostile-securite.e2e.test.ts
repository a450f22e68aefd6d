// Issue 14 : ce qu'un fichier planté, un autre utilisateur ou un disque plein pouvaient faire à
// ti-aides. Chaque cas a été reproduit sur le main d'avant l'issue (exécution de code étranger,
// aide changée, fichier écrasé hors du dossier, entrée détruite, trace de pile…) ; ici, la vraie
// commande, lancée comme par un utilisateur, doit s'en garder.
// Les tests tournent en root (CI aussi) : « un autre utilisateur » est simulé par le propriétaire
// (nobody) et les modes des fichiers ; les cas qui en dépendent le disent.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  openSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { once } from "node:events";
import { basename, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { RACINE, sansPileDAppel, tiAides } from "./outils/cli.js";
import { lancer, type Lancement } from "./outils/lancer.js";

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
    const f = spawnSync(
      process.execPath,
      ["-e", forge, join(RACINE, "dist", "paquet", "main.cjs"), code, marque],
      { encoding: "utf8" },
    );
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

/** The stored form of a rules cache entry: a header line (key, hash of the body), then the body. */
function lireEntree(entree: string): { entete: Record<string, unknown>; corps: string } {
  const texte = readFileSync(entree, "utf8");
  const fin = texte.indexOf("\n");
  return { entete: JSON.parse(texte.slice(0, fin)), corps: texte.slice(fin + 1) };
}

/** Rewrites an entry's body; `avecEmpreinte`: its hash recomputed, as someone who knows the format would. */
function ecrireEntree(entree: string, corps: string, avecEmpreinte: boolean): void {
  const { entete } = lireEntree(entree);
  const empreinte = avecEmpreinte ? createHash("sha256").update(corps).digest("hex") : entete.empreinte;
  writeFileSync(entree, `${JSON.stringify({ ...entete, empreinte })}\n${corps}`);
}

/** A rules cache made by a first run, then its entry altered as another user would: every rate 55 % → 94 %. */
function cacheFalsifie(avecEmpreinte = true): { cache: string; entree: string } {
  const cache = dossier();
  const cacheRegles = join(cache, "regles");
  expect(tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cacheRegles } }).code).toBe(
    0,
  );
  const [nom] = readdirSync(cacheRegles).filter((n) => /^regles-.*\.json$/.test(n));
  const entree = join(cacheRegles, nom);
  const { corps } = lireEntree(entree);
  expect(corps).toContain('"$d":"0.55"');
  ecrireEntree(entree, corps.replaceAll('"$d":"0.55"', '"$d":"0.94"'), avecEmpreinte);
  return { cache: cacheRegles, entree };
}

describe("2. le cache des règles ne se laisse pas empoisonner", () => {
  test("une entrée modifiée sans recalculer son empreinte (abîmée, ou retouchée à la main) est refaite en silence", () => {
    const { cache, entree } = cacheFalsifie(false);
    const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
    expect(r.stderr).toBe("");
    expect(lireEntree(entree).corps).toContain('"$d":"0.55"'); // refaite
  });

  test("l'entrée falsifiée avec son empreinte change bien l'aide quand le dossier est sûr (les cas suivants ne sont pas vides)", () => {
    const { cache } = cacheFalsifie();
    const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(r.stdout).not.toBe(reference.stdout);
  });

  test.skipIf(!process.getuid)(
    "dans un dossier ouvert en écriture aux autres (chmod o+w), l'entrée falsifiée est ignorée",
    () => {
      const { cache } = cacheFalsifie();
      chmodSync(cache, 0o777);
      const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(reference.stdout);
      expect(r.stderr).toBe("");
    },
  );

  // chown demande root : les tests tournent en root, en CI aussi.
  test.skipIf(!ROOT)(
    "dans un dossier d'un autre utilisateur (chown nobody), l'entrée falsifiée est ignorée",
    () => {
      const { cache } = cacheFalsifie();
      chownSync(cache, NOBODY, NOBODY);
      const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(reference.stdout);
    },
  );

  test.skipIf(!ROOT)(
    "une entrée d'un autre utilisateur (chown nobody) dans le dossier de l'utilisateur est ignorée et refaite",
    () => {
      const { cache, entree } = cacheFalsifie();
      chownSync(entree, NOBODY, NOBODY);
      const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(reference.stdout);
      expect(statSync(entree).uid).toBe(0);
    },
  );

  test("une entrée bien formée mais fausse (bonne clé, pas des règles) est refaite en silence, jamais le code 3", () => {
    const { cache, entree } = cacheFalsifie();
    for (const faux of [{}, { dispositifs: { $m: [["x", 1]] } }, null, []]) {
      ecrireEntree(entree, JSON.stringify(faux), true);
      const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(reference.stdout);
      expect(r.stderr).toBe("");
      expect(JSON.parse(lireEntree(entree).corps)).not.toEqual(faux); // refaite
    }
  });

  /** Every rule of the entry stripped of its rates and ceilings: the shape of rules, wrong deep inside. */
  function sansTaux(entree: string): string {
    const referentiel = JSON.parse(lireEntree(entree).corps);
    for (const [, r] of referentiel.dispositifs.$m) {
      const regle = r.$o ?? r;
      regle.calcul = { type: regle.calcul.type };
    }
    return JSON.stringify(referentiel);
  }

  test("une entrée fausse en profondeur, sans son empreinte, est refaite en silence, jamais le code 3", () => {
    const { cache, entree } = cacheFalsifie();
    ecrireEntree(entree, sansTaux(entree), false);
    const r = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
  });

  test("une entrée fausse en profondeur avec son empreinte recalculée (seul l'utilisateur le peut) ne fait échouer qu'une exécution : elle est retirée, puis refaite", () => {
    const { cache, entree } = cacheFalsifie();
    ecrireEntree(entree, sansTaux(entree), true);
    const premiere = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(premiere.code).toBe(3);
    expect(existsSync(entree)).toBe(false);
    const seconde = tiAides(["simuler", FICHE, "--format", "json"], { env: { TI_AIDES_CACHE: cache } });
    expect(seconde.code, seconde.stderr).toBe(0);
    expect(seconde.stdout).toBe(reference.stdout);
  });
});

/** Refusé proprement : code 2, une ligne « Erreur : <chemin> : … » en français, sans trace de pile ni attente sans fin. */
function refuse(r: Lancement, chemin: string, message: RegExp): void {
  expect(r.expire, "la commande ne s'est pas terminée").toBe(false);
  expect(sansPileDAppel(r.stderr), r.stderr).toBe(true);
  expect(r.stderr).not.toMatch(/Erreur interne|ELOOP|ENOENT|EACCES/);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(`Erreur : ${chemin} : `);
  expect(r.stderr).toMatch(message);
}

function fifo(chemin: string): string {
  const r = spawnSync("mkfifo", [chemin]);
  expect(r.status).toBe(0);
  return chemin;
}

const REGLE_REGION = readFileSync(
  "fixtures/regles-region/region-exemple-investissement-industriel.yaml",
  "utf8",
);

// Linux (mkfifo, /dev/zero), comme la CI.
describe.skipIf(process.platform === "win32")(
  "6. surcouches de règles, dossiers et caches : fichiers ordinaires seulement, erreurs en français",
  () => {
    const simulerAvec = (regles: string, env: Record<string, string> = {}) =>
      lancer(["simuler", FICHE, "--regles", regles], {
        env: { TI_AIDES_CACHE: "0", ...env },
        timeoutMs: 20_000,
      });

    test("une boucle de liens symboliques dans --regles", async () => {
      const d = dossier();
      writeFileSync(join(d, "bonne.yaml"), REGLE_REGION);
      symlinkSync("boucle.yaml", join(d, "boucle.yaml"));
      refuse(await simulerAvec(d), join(d, "boucle.yaml"), /boucle de liens symboliques/);
    });

    test("un lien cassé dans TI_AIDES_REGLES", async () => {
      const d = dossier();
      symlinkSync(join(d, "absente.yaml"), join(d, "casse.yaml"));
      const r = await lancer(["simuler", FICHE], {
        env: { TI_AIDES_CACHE: "0", TI_AIDES_REGLES: d },
        timeoutMs: 20_000,
      });
      refuse(r, join(d, "casse.yaml"), /introuvable \(ou lien symbolique cassé\)/);
    });

    test("une FIFO nommée x.yaml dans --regles ne bloque pas", async () => {
      const d = dossier();
      fifo(join(d, "x.yaml"));
      refuse(await simulerAvec(d), join(d, "x.yaml"), /pas un fichier ordinaire/);
    });

    test("une FIFO dans un dossier de verifier ne bloque pas", async () => {
      const d = dossier();
      writeFileSync(join(d, "fiche.yaml"), readFileSync(FICHE));
      fifo(join(d, "tube.yaml"));
      refuse(
        await lancer(["verifier", d], { env: { TI_AIDES_CACHE: "0" }, timeoutMs: 20_000 }),
        join(d, "tube.yaml"),
        /pas un fichier ordinaire/,
      );
    });

    test("une FIFO .csv, donnée à lot ou trouvée par verifier, ne bloque pas", async () => {
      const d = dossier();
      const tube = fifo(join(d, "tube.csv"));
      refuse(
        await lancer(["lot", tube], { env: { TI_AIDES_CACHE: "0" }, timeoutMs: 20_000 }),
        tube,
        /pas un fichier ordinaire/,
      );
      writeFileSync(join(d, "fiche.yaml"), readFileSync(FICHE));
      refuse(
        await lancer(["verifier", d], { env: { TI_AIDES_CACHE: "0" }, timeoutMs: 20_000 }),
        tube,
        /pas un fichier ordinaire/,
      );
    });

    test("un périphérique donné comme fiche (/dev/zero) est refusé d'emblée", async () => {
      refuse(
        await lancer(["simuler", "/dev/zero"], { env: { TI_AIDES_CACHE: "0" }, timeoutMs: 20_000 }),
        "/dev/zero",
        /pas un fichier ordinaire/,
      );
    });

    // Root lit tout : la commande est lancée en nobody pour qu'un fichier en mode 000 lui soit illisible.
    test.skipIf(!ROOT)("un fichier de règles illisible (lancé en nobody)", () => {
      const d = dossier();
      chmodSync(tmp, 0o755);
      chmodSync(d, 0o755);
      writeFileSync(join(d, "secret.yaml"), REGLE_REGION, { mode: 0o000 });
      const r = spawnSync(
        process.execPath,
        [join(RACINE, "bin", "ti-aides.js"), "simuler", FICHE, "--regles", d],
        {
          cwd: RACINE,
          uid: NOBODY,
          gid: NOBODY,
          encoding: "utf8",
          env: { ...process.env, TI_AIDES_CACHE: "0", NO_COLOR: "1" },
          timeout: 20_000,
        },
      );
      refuse(
        {
          code: r.status,
          signal: r.signal,
          stdout: r.stdout,
          stderr: r.stderr,
          dureeMs: 0,
          expire: r.signal !== null,
        },
        join(d, "secret.yaml"),
        /accès refusé/,
      );
    });

    test("une entrée du cache des règles qui est une FIFO, ou un lien vers /dev/zero, est ignorée et refaite", async () => {
      for (const planter of [(f: string) => fifo(f), (f: string) => symlinkSync("/dev/zero", f)]) {
        const { cache, entree } = cacheFalsifie();
        rmSync(entree);
        planter(entree);
        const r = await lancer(["simuler", FICHE, "--format", "json"], {
          env: { TI_AIDES_CACHE: cache },
          timeoutMs: 20_000,
        });
        expect(r.expire, "bloqué sur l'entrée du cache").toBe(false);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe(reference.stdout);
        expect(lstatSync(entree).isFile()).toBe(true); // refaite
      }
    });
  },
);

describe("3. le fichier temporaire de -o n'est ni prévisible ni suivi comme lien", () => {
  test.skipIf(!existsSync("/proc/sys/kernel/pid_max"))(
    "des liens plantés à tous les noms <sortie>.<pid>.tmp plausibles n'écrasent rien hors du dossier",
    () => {
      const d = dossier();
      const ailleurs = join(dossier(), "precieux.txt");
      writeFileSync(ailleurs, "à garder");
      const sortie = join(d, "rapport.json");
      // L'ancien nom était `${sortie}.${pid}.tmp` : un pid à venir se devine ; tous sont plantés ici.
      const max = Number(readFileSync("/proc/sys/kernel/pid_max", "utf8"));
      const dernier = spawnSync("sh", ["-c", "echo $$"], { encoding: "utf8" });
      const depart = Number(dernier.stdout);
      for (let pid = depart; pid < Math.min(depart + 400, max); pid++)
        symlinkSync(ailleurs, `${sortie}.${pid}.tmp`);
      const r = tiAides(["simuler", FICHE, "--format", "json", "-o", sortie], {
        env: { TI_AIDES_CACHE: "0" },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(ailleurs, "utf8")).toBe("à garder");
      expect(JSON.parse(readFileSync(sortie, "utf8")).fiches[0].id).toBe("TI-07-CHAUFFERIE");
      expect(
        readdirSync(d).filter((n) => n.endsWith(".tmp") && !lstatSync(join(d, n)).isSymbolicLink()),
      ).toEqual([]);
    },
  );
});

describe("4. -o égal à une entrée est refusé (code 2) sans la détruire", () => {
  const cas: [string, (d: string) => { args: string[]; entree: string }][] = [
    [
      "simuler f.yaml -o f.yaml",
      (d) => ({ args: ["simuler", join(d, "f.yaml"), "-o", join(d, "f.yaml")], entree: join(d, "f.yaml") }),
    ],
    [
      "simuler f.yaml -o ./d/../d/f.yaml (autre chemin)",
      (d) => ({
        args: ["simuler", join(d, "f.yaml"), "-o", join(d, "..", basename(d), "f.yaml")],
        entree: join(d, "f.yaml"),
      }),
    ],
    [
      "simuler f.yaml -o lien-vers-f.yaml",
      (d) => {
        symlinkSync(join(d, "f.yaml"), join(d, "lien.yaml"));
        return {
          args: ["simuler", join(d, "f.yaml"), "-o", join(d, "lien.yaml")],
          entree: join(d, "f.yaml"),
        };
      },
    ],
    [
      "simuler f.yaml -o lien-dur",
      (d) => {
        linkSync(join(d, "f.yaml"), join(d, "dur.json"));
        return { args: ["simuler", join(d, "f.yaml"), "-o", join(d, "dur.json")], entree: join(d, "f.yaml") };
      },
    ],
    [
      "lot c.csv -o c.csv",
      (d) => ({ args: ["lot", join(d, "c.csv"), "-o", join(d, "c.csv")], entree: join(d, "c.csv") }),
    ],
    [
      "verifier f.yaml --format junit -o f.yaml",
      (d) => ({
        args: ["verifier", join(d, "f.yaml"), "--format", "junit", "-o", join(d, "f.yaml")],
        entree: join(d, "f.yaml"),
      }),
    ],
    [
      "verifier d/ -o d/f.yaml (fichier du dossier lu)",
      (d) => ({ args: ["verifier", d, "-o", join(d, "f.yaml")], entree: join(d, "f.yaml") }),
    ],
  ];
  test.each(cas)("%s", (_nom, preparer) => {
    const d = dossier();
    writeFileSync(join(d, "f.yaml"), readFileSync(FICHE));
    writeFileSync(join(d, "c.csv"), readFileSync("fixtures/csv/contrat-exemple.csv"));
    const { args, entree } = preparer(d);
    const avant = readFileSync(entree);
    const r = tiAides(args, { env: { TI_AIDES_CACHE: "0" } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^Erreur : la sortie -o .* est aussi un fichier .*lu .*: elle l'écraserait/m);
    expect(readFileSync(entree)).toEqual(avant);
  });
});

describe.skipIf(!existsSync("/dev/full"))(
  "5. une sortie standard ou d'erreur qu'on ne peut pas écrire (disque plein) : code 4, une ligne en français",
  () => {
    const plein = (args: string[], stdio: "stdout" | "stderr") => {
      const fd = openSync("/dev/full", "w");
      try {
        const r = spawnSync(process.execPath, [join(RACINE, "bin", "ti-aides.js"), ...args], {
          cwd: RACINE,
          encoding: "utf8",
          env: { ...process.env, TI_AIDES_CACHE: "0", NO_COLOR: "1" },
          stdio: ["ignore", stdio === "stdout" ? fd : "pipe", stdio === "stderr" ? fd : "pipe"],
          timeout: 60_000,
        });
        return { code: r.status, stderr: r.stderr ?? "" };
      } finally {
        closeSync(fd);
      }
    };
    test.each([
      ["simuler", ["simuler", FICHE]],
      ["simuler --format json", ["simuler", FICHE, "--format", "json"]],
      ["lot", ["lot", "fixtures/csv/contrat-exemple.csv"]],
      ["verifier --format github", ["verifier", "fixtures/contrat-exemple", "--format", "github"]],
      ["--help", ["--help"]],
    ])("%s > /dev/full", (_nom, args) => {
      const r = plein(args, "stdout");
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/^Erreur : écriture impossible sur la sortie standard \(disque plein\)/m);
      expect(sansPileDAppel(r.stderr)).toBe(true);
    });
    test("simuler fichier-absent 2> /dev/full", () => {
      expect(plein(["simuler", "absent.yaml"], "stderr").code).toBe(4);
    });
  },
);

describe("9. pertes plus petites : signaux, mode, liens", () => {
  test("le mode d'une sortie existante est gardé (0600 reste 0600)", () => {
    const sortie = join(dossier(), "r.json");
    writeFileSync(sortie, "ancien", { mode: 0o600 });
    chmodSync(sortie, 0o600);
    const r = tiAides(["simuler", FICHE, "--format", "json", "-o", sortie], { env: { TI_AIDES_CACHE: "0" } });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(sortie).mode & 0o777).toBe(0o600);
    const csv = join(dossier(), "r.csv");
    writeFileSync(csv, "ancien");
    chmodSync(csv, 0o640);
    expect(
      tiAides(["lot", "fixtures/csv/contrat-exemple.csv", "-o", csv], { env: { TI_AIDES_CACHE: "0" } }).code,
    ).toBe(0);
    expect(statSync(csv).mode & 0o777).toBe(0o640);
  });

  test("une sortie -o qui est un lien symbolique : écrite à travers, le lien reste", () => {
    const d = dossier();
    const vrai = join(d, "vrai.json");
    writeFileSync(vrai, "ancien");
    symlinkSync(vrai, join(d, "lien.json"));
    const r = tiAides(["simuler", FICHE, "--format", "json", "-o", join(d, "lien.json")], {
      env: { TI_AIDES_CACHE: "0" },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(d, "lien.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(vrai, "utf8")).fiches[0].id).toBe("TI-07-CHAUFFERIE");
  });

  // Une fois en sept suites complètes sous charge, SIGINT a laissé le temporaire : le signal arrivait
  // entre la création du fichier et la pose des gestionnaires (désormais posés avant ; voir
  // test/ecriture-signaux.test.ts, qui le vérifie sans dépendre du hasard).
  test.each(["SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT"] as const)(
    "%s pendant lot -o ne laisse pas de fichier temporaire",
    { timeout: 60_000 },
    async (signal) => {
      const d = dossier();
      const csv = join(d, "gros.csv");
      const lignes = readFileSync("fixtures/csv/contrat-exemple.csv", "utf8").trimEnd().split("\n");
      const corps = lignes.slice(1).map((l) => l.replace(/^([^;,]*)/, "$1-N"));
      // Des milliers de lignes : le lot est encore en cours quand le signal arrive.
      writeFileSync(
        csv,
        [
          lignes[0],
          ...Array.from({ length: 4000 }, (_, i) => corps.map((l) => l.replace("-N", `-${i}`)).join("\n")),
        ].join("\n") + "\n",
      );
      const sortie = join(d, "sortie.csv");
      const p = spawn(process.execPath, [join(RACINE, "bin", "ti-aides.js"), "lot", csv, "-o", sortie], {
        cwd: RACINE,
        env: { ...process.env, TI_AIDES_CACHE: "0", NO_COLOR: "1" },
        stdio: "ignore",
      });
      // Attendre que le fichier temporaire existe : le lot écrit.
      for (let i = 0; i < 600 && !readdirSync(d).some((n) => n.endsWith(".tmp")); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(
        readdirSync(d).some((n) => n.endsWith(".tmp")),
        "le lot n'a pas commencé à écrire",
      ).toBe(true);
      p.kill(signal);
      await once(p, "close");
      expect(readdirSync(d).filter((n) => n.endsWith(".tmp"))).toEqual([]);
      expect(existsSync(sortie)).toBe(false);
    },
  );
});

describe("8. caractères de contrôle des textes de l'utilisateur : échappés, jamais envoyés bruts au terminal ni au journal de CI", () => {
  // NUL, couleur rouge, titre de fenêtre (OSC 0 … BEL), retour chariot, inversion bidirectionnelle.
  const TITRE = 'titre: "Chaufferie\\0 \\e[31mROUGE\\e[0m \\e]0;fenetre piratee\\a \\rECRASE \\u202Eenvers"';
  const BRUTS = /[\x00\x07\x1b\r\u202e]/;

  function ficheHostile(): string {
    const d = dossier();
    const f = join(d, "titre.yaml");
    const texte = readFileSync(FICHE, "utf8");
    expect(texte).toMatch(/^titre: .*$/m);
    writeFileSync(f, texte.replace(/^titre: .*$/m, TITRE));
    return f;
  }

  test("simuler (tableau) et verifier (rapport) : le titre est affiché échappé", () => {
    const f = ficheHostile();
    for (const args of [
      ["simuler", f],
      ["verifier", f, "--format", "table"],
    ]) {
      const r = tiAides(args, { env: { TI_AIDES_CACHE: "0" } });
      expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
      expect(r.stdout + r.stderr).not.toMatch(BRUTS);
      if (args[0] === "simuler") expect(r.stdout).toContain("Chaufferie\\x00 \\x1B[31mROUGE");
    }
  });

  test("regles : le nom d'une règle d'une surcouche régionale est affiché échappé", () => {
    const d = dossier();
    const source = join(RACINE, "fixtures/regles-region/region-exemple-investissement-industriel.yaml");
    const texte = readFileSync(source, "utf8");
    expect(texte).toMatch(/^nom: .*$/m);
    writeFileSync(
      join(d, "regle.yaml"),
      texte.replace(/^nom: .*$/m, 'nom: "Aide \\e]0;fenetre piratee\\a \\e[31mROUGE"'),
    );
    for (const args of [
      ["regles", "region-exemple-investissement-industriel"],
      ["regles"],
      ["regles", "verifier", d],
    ]) {
      const r = tiAides([...args, "--regles", d], { env: { TI_AIDES_CACHE: "0" } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(BRUTS);
      if (args.length === 2) expect(r.stdout).toContain("Aide \\x1B]0;fenetre piratee\\x07");
    }
  });

  test("les messages d'erreur sur la sortie d'erreur : un nom de fichier avec séquences et saut de ligne tient sur une ligne échappée", () => {
    const d = dossier();
    const f = join(d, "a\x1b]0;titre\x07\nErreur : faux.yaml");
    writeFileSync(f, "pas: [une fiche");
    const r = tiAides(["simuler", f], { env: { TI_AIDES_CACHE: "0" } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(BRUTS);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("Erreur : "))).toHaveLength(1);
  });

  test("--format github : un nom de fichier avec un saut de ligne ne forge aucune annotation, ni sur stdout ni sur stderr", () => {
    const d = dossier();
    writeFileSync(join(d, "bonne.yaml"), readFileSync(FICHE));
    const f = join(d, "x.yaml\n::error file=forge.yaml,line=1::annotation forgee\n.yaml");
    writeFileSync(f, "pas: [une fiche");
    const r = tiAides(["verifier", d, "--format", "github"], { env: { TI_AIDES_CACHE: "0" } });
    expect(r.code, r.stderr).toBe(2);
    for (const ligne of (r.stdout + "\n" + r.stderr).split("\n"))
      expect(ligne.startsWith("::error file=forge.yaml")).toBe(false);
    // Chaque annotation de stdout nomme un vrai fichier, échappé comme GitHub le spécifie (%0A pour un saut de ligne).
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.some((l) => l.includes("x.yaml%0A%3A%3Aerror file=forge.yaml"))).toBe(true);
    expect(r.stdout + r.stderr).not.toMatch(BRUTS);
  });
});

describe("7. des limites d'entrée tenues en temps et en mémoire", () => {
  /** Un contrat de `n` fiches (la fiche d'exemple, identifiants distincts). */
  function contrat(n: number): string {
    const fiche = readFileSync(FICHE, "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"));
    const bloc = fiche.map((l, i) => (i === 0 ? "  - " : "    ") + l).join("\n");
    const parties = [
      "contrat:\n  id: TI-X\n  titre: X\n  territoire: Ardèche Drôme\n  periode:\n    debut: 2019-01-01\n    fin: 2022-12-31\nfiches:",
    ];
    for (let i = 0; i < n; i++) parties.push(bloc.replace(/^ {2}- id: .*$/m, `  - id: TI-${i}`));
    return parties.join("\n") + "\n";
  }

  test("un contrat de 20 Mo (l'ancienne limite ; il tournait 158 s et mourait en code 3) est refusé d'emblée", async () => {
    const f = join(dossier(), "contrat-20-mo.yaml");
    writeFileSync(f, contrat(21_500));
    expect(statSync(f).size).toBeGreaterThan(19 * 1024 * 1024);
    const r = await lancer(["verifier", f, "--format", "json"], {
      env: { TI_AIDES_CACHE: "0" },
      timeoutMs: 30_000,
    });
    refuse(r, f, /fichier trop volumineux \(plus de 5 Mo\)/);
    expect(r.dureeMs).toBeLessThan(15_000);
  }, 60_000);

  test("300 000 valeurs courtes (600 Ko, sous la limite de taille) sont refusées avant d'être lues", async () => {
    const f = join(dossier(), "liste.yaml");
    writeFileSync(f, `${readFileSync(FICHE, "utf8")}inconnu: [${Array(300_000).fill("1").join(",")}]\n`);
    refuse(
      await lancer(["simuler", f], { env: { TI_AIDES_CACHE: "0" }, timeoutMs: 30_000 }),
      f,
      /fichier trop grand : plus de 250.000 lignes ou valeurs/,
    );
  });
});
