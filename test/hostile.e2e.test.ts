// Hostile and broken input, fed to the real command: each one is refused with exit 2 and a French
// message naming the file (and the line and field when there is one) — never a crash (exit 3), never
// a stack trace, never a hang (each run is killed after its timeout, and that fails the test).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { sansPileDAppel } from "./outils/cli.js";
import { lancer, type Lancement } from "./outils/lancer.js";

const tmp = mkdtempSync(join(tmpdir(), "ti-aides-hostile-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true })); // some files weigh 10 Mo or more
const EXEMPLE = readFileSync("fixtures/fiches/chaufferie.yaml", "utf8");

function fichier(nom: string, contenu: string | Buffer): string {
  const f = join(tmp, nom);
  writeFileSync(f, contenu);
  return f;
}

/** The example fiche with one line replaced (the replaced text must exist: the case must not be vacuous). */
function exemple(avant: string, apres: string): string {
  if (!EXEMPLE.includes(avant)) throw new Error(`« ${avant} » absent de l'exemple`);
  return EXEMPLE.replace(avant, apres);
}

/** The line (1-based) of the example where `texte` stands: the expected lines follow the fixture. */
function ligne(texte: string): number {
  const i = EXEMPLE.split("\n").findIndex((l) => l.includes(texte));
  if (i < 0) throw new Error(`« ${texte} » absent de l'exemple`);
  return i + 1;
}
const L_BENEFICIAIRE = ligne("beneficiaire:");
const L_EFFECTIF = ligne("effectif: 120");
const L_MONTANT = ligne("montant: 1200000");
const re = (s: string) => new RegExp(s.replace(/[[\].]/g, "\\$&"));

/** Refused cleanly: exit 2, "Erreur : <file>…<message>" on stderr, no stack trace, no internal error. */
function refuse(r: Lancement, fichierAffiche: string, message: RegExp): void {
  expect(r.expire, "la commande ne s'est pas terminée (boucle ou attente sans fin)").toBe(false);
  expect(r.stderr).not.toMatch(/Erreur interne/);
  expect(sansPileDAppel(r.stderr + r.stdout)).toBe(true);
  expect(r.code, r.stderr).toBe(2);
  const lignes = r.stderr.split("\n").filter((l) => l.startsWith(`Erreur : ${fichierAffiche}`));
  expect(lignes.length, r.stderr).toBeGreaterThan(0);
  expect(lignes.join("\n")).toMatch(message);
}

const BOMBE = [
  `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map(
    (x, i) => `${x}: &${x} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`,
  ),
].join("\n");

// Each case: a file's content and the message expected (French, with the field when there is one).
const CAS: [string, string, string | Buffer, RegExp][] = [
  ["YAML alias bomb (billion laughs)", "bombe.yaml", BOMBE, /trop d'alias YAML/],
  [
    "a top-level __proto__ key",
    "proto.yaml",
    `__proto__:\n  taille: PE\n${EXEMPLE}`,
    /ligne 1 : champ « __proto__ » : champ inconnu « __proto__ »/,
  ],
  [
    "a nested __proto__ key (must not inject taille: PE)",
    "proto-imbrique.yaml",
    exemple("beneficiaire:\n", "beneficiaire:\n  __proto__: {taille: PE}\n"),
    re(`ligne ${L_BENEFICIAIRE + 1} : champ « beneficiaire.__proto__ » : champ inconnu « __proto__ »`),
  ],
  [
    "a __proto__ key in JSON",
    "proto.json",
    `{"id":"X","beneficiaire":{"nature":"entreprise"},"depenses":[{"id":"d","nature":"etude","montant":1,"__proto__":{"categorie":"diagnostic"}}]}`,
    /champ « depenses\[0\]\.__proto__ » : champ inconnu/,
  ],
  [
    "a constructor key",
    "constructor.yaml",
    exemple("beneficiaire:\n", "beneficiaire:\n  constructor: {prototype: {taille: PE}}\n"),
    /champ « beneficiaire\.constructor » : champ inconnu « constructor »/,
  ],
  [
    "montant: 1e400 (infinite once read)",
    "1e400.yaml",
    exemple("montant: 1200000", "montant: 1e400"),
    re(`ligne ${L_MONTANT} : champ « depenses[0].montant » : le montant n'est pas un nombre fini`),
  ],
  [
    'montant: "1e400" as text',
    "1e400-texte.yaml",
    exemple("montant: 1200000", 'montant: "1e400"'),
    /champ « depenses\[0\]\.montant » : « 1e400 » n'est pas un montant/,
  ],
  [
    "a 40-digit montant",
    "40-chiffres.yaml",
    exemple("montant: 1200000", "montant: 1234567890123456789012345678901234567890"),
    /champ « depenses\[0\]\.montant » : le montant .* dépasse 999999999999\.99 €/,
  ],
  [
    "a 40-digit effectif, as text",
    "40-chiffres-effectif.yaml",
    exemple("effectif: 120", 'effectif: "1234567890123456789012345678901234567890"'),
    re(
      `ligne ${L_EFFECTIF} : champ « beneficiaire.effectif » : la valeur 1234567890123456789012345678901234567890 est trop grande`,
    ),
  ],
  [
    "a 40-digit montant in JSON",
    "40-chiffres.json",
    `{"id":"X","beneficiaire":{"nature":"entreprise"},"depenses":[{"id":"d","nature":"etude","montant":1234567890123456789012345678901234567890}]}`,
    /champ « depenses\[0\]\.montant » : le montant .* dépasse/,
  ],
  [
    "montant: .nan",
    "nan.yaml",
    exemple("montant: 1200000", "montant: .nan"),
    /champ « depenses\[0\]\.montant » : le montant n'est pas un nombre fini/,
  ],
  [
    "montant: .inf",
    "inf.yaml",
    exemple("montant: 1200000", "montant: .inf"),
    /champ « depenses\[0\]\.montant » : le montant n'est pas un nombre fini/,
  ],
  [
    "effectif: -.inf",
    "moins-inf.yaml",
    exemple("effectif: 120", "effectif: -.inf"),
    /champ « beneficiaire\.effectif » : la valeur n'est pas un nombre fini/,
  ],
  [
    "binary garbage",
    "binaire.yaml",
    Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 256)),
    /octets binaires/,
  ],
  [
    "a PNG renamed .yaml (no NUL in the first bytes, not UTF-8)",
    "image.yaml",
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 0xff)]),
    /pas encodé en UTF-8/,
  ],
  [
    "a file in Windows-1252",
    "windows-1252.yaml",
    Buffer.from(
      exemple("titre: Chaufferie biomasse mutualisée", "titre: Chaufferie mutualis\u00e9e \u00e0 Privas"),
      "latin1",
    ),
    /pas encodé en UTF-8 \(Windows-1252 \?\) : enregistrez-le en UTF-8/,
  ],
  [
    "a file in UTF-16 (Windows « Unicode »)",
    "utf16.yaml",
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXEMPLE, "utf16le")]),
    /UTF-16.*enregistrez-le en UTF-8/,
  ],
  ["an empty file", "vide.yaml", "", /le fichier est vide/],
  ["a file of blank lines", "blanc.yaml", "\n   \n\t\n", /le fichier est vide/],
  [
    "deep nesting, flow style (100 000 brackets)",
    "profond-flux.yaml",
    `id: X\ntitre: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
    /imbrication trop profonde/,
  ],
  [
    "deep nesting, block style (3 000 levels)",
    "profond-blocs.yaml",
    `id: X\ntitre:\n${Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i + 1)}k:`).join("\n")}\n`,
    /imbrication trop profonde/,
  ],
  [
    "deep nesting, JSON",
    "profond.json",
    `{"id":"X","titre":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
    /imbrication trop profonde/,
  ],
  // Each line is 31 levels deep, within the limit; the aliases nest them 93 deep once read.
  [
    "deep nesting through aliases",
    "profond-alias.yaml",
    `a0: &a0 ${"[".repeat(30)}x${"]".repeat(30)}\na1: &a1 ${"[".repeat(30)}*a0${"]".repeat(30)}\na2: ${"[".repeat(30)}*a1${"]".repeat(30)}\n`,
    /imbrication trop profonde/,
  ],
  // 1 001 expenses: one over the limit of a fiche (src/core/schemas/fiche.ts); 40 000 took 17 s.
  [
    "1 001 expenses in one fiche",
    "depenses.yaml",
    exemple(
      "depenses:\n",
      `depenses:\n${Array.from({ length: 1000 }, (_, i) => `  - {id: d${i}, nature: etude, montant: 1000}\n`).join("")}`,
    ),
    /champ « depenses » : au plus 1\s000 dépenses par fiche/,
  ],
  [
    "200 000 unknown keys (a quadratic check would hang)",
    "cles.yaml",
    EXEMPLE + Array.from({ length: 200_000 }, (_, i) => `k${i}: ${i}`).join("\n"),
    /200000 champs inconnus/,
  ],
  [
    "20 000 duplicated keys",
    "doublons.yaml",
    EXEMPLE + "titre: x\n".repeat(20_000),
    /clé « titre » en double dans le même bloc/,
  ],
  [
    "a %YAML 1.1 file, whose dates become timestamps",
    "yaml-1-1.yaml",
    `%YAML 1.1\n---\n${EXEMPLE}`,
    /champ « date_demande » : le texte « 2019-06-01 », lu comme date-heure à cause de « %YAML 1\.1 »/,
  ],
  ["two YAML documents in one file", "deux.yaml", `${EXEMPLE}\n---\n${EXEMPLE}`, /plusieurs documents/],
];

describe("simuler refuses hostile fiches with exit 2 and a French message", { timeout: 120_000 }, () => {
  test.concurrent.each(CAS)("%s", async (_nom, nom, contenu, message) => {
    const f = fichier(nom, contenu);
    const r = await lancer(["simuler", f, "--format", "json"], { timeoutMs: 60_000 });
    refuse(r, f, message);
  });

  test.concurrent("the __proto__ key injects nothing: no taille PE from a prototype", async () => {
    const f = fichier(
      "proto-json.yaml",
      exemple("beneficiaire:\n", "beneficiaire:\n  __proto__: {taille: PE}\n"),
    );
    const r = await lancer(["simuler", f, "--format", "json"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.fiches[0].beneficiaire).toBeNull();
    expect(doc.fiches[0].erreurs.join("\n")).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).taille).toBeUndefined();
  });

  test.concurrent("a folder given as a file, and a missing file", async () => {
    const dossier = join(tmp, "un-dossier");
    mkdirSync(dossier, { recursive: true });
    refuse(await lancer(["simuler", dossier]), dossier, /c'est un dossier, pas un fichier/);
    const absent = join(tmp, "absent.yaml");
    refuse(await lancer(["simuler", absent]), absent, /fichier introuvable : vérifiez le chemin/);
  });

  test.concurrent(
    "an endless input: /dev/zero is not a regular file, refused unread (issue 14); 21 MB on stdin is cut at the size limit (5 MB), not read into memory",
    async () => {
      if (existsSync("/dev/zero"))
        refuse(await lancer(["simuler", "/dev/zero"]), "/dev/zero", /pas un fichier ordinaire/);
      refuse(
        await lancer(["simuler", "-"], { entree: Buffer.alloc(21 * 1024 * 1024, "a: 1\n") }),
        "(entrée standard)",
        /trop volumineux/,
      );
    },
  );
});

describe("the other commands share the protections", { timeout: 120_000 }, () => {
  test.concurrent(
    "verifier: several hostile files in one run, each named, the run goes on to the end",
    async () => {
      const noms = ["bombe.yaml", "proto.yaml", "nan.yaml", "binaire.yaml", "vide.yaml", "profond-flux.yaml"];
      const fichiers = noms.map((n) => fichier(`v-${n}`, CAS.find((c) => c[1] === n)![2]));
      const r = await lancer(["verifier", ...fichiers]);
      for (const [i, f] of fichiers.entries()) refuse(r, f, CAS.find((c) => c[1] === noms[i])![3]);
    },
  );

  test.concurrent("verifier: a contract whose fiche hides a __proto__ key", async () => {
    const contrat = fichier(
      "contrat.yaml",
      `contrat:\n  id: C\n  territoire: Ardèche Drôme\n  periode: {debut: 2019-01-01, fin: 2022-12-31}\nfiches:\n  - id: F\n    __proto__: {beneficiaire: {nature: entreprise}}\n    depenses: [{id: d, nature: etude, montant: 1}]\n`,
    );
    const r = await lancer(["verifier", contrat]);
    expect(r.stderr).toMatch(/__proto__/);
    expect(r.code).toBe(2);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test.concurrent("expliquer: an alias bomb and a deep file", async () => {
    const bombe = fichier("e-bombe.yaml", BOMBE);
    refuse(
      await lancer(["expliquer", bombe, "--dispositif", "ademe-investissement"]),
      bombe,
      /trop d'alias YAML/,
    );
    const profond = fichier("e-profond.json", `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`);
    refuse(
      await lancer(["expliquer", profond, "--dispositif", "ademe-investissement"]),
      profond,
      /imbrication trop profonde/,
    );
  });

  test.concurrent("--regles: a regional rule folder with a hostile file", async () => {
    const dossier = join(tmp, "regles-region");
    mkdirSync(dossier, { recursive: true });
    const f = join(dossier, "bombe.yaml");
    writeFileSync(f, BOMBE);
    const r = await lancer(["simuler", "fixtures/fiches/chaufferie.yaml", "--regles", dossier]);
    refuse(r, f, /trop d'alias YAML/);
  });
});

describe("lot refuses a monstrous CSV, quickly and without a crash", { timeout: 120_000 }, () => {
  const ENTETE = "id;titre;beneficiaire;effectif;chiffre_affaires;total_bilan;nature;categorie;montant";
  const LIGNE = (titre: string) => `TI-1;${titre};Scierie;120;30000000;20000000;investissement;enr;1200000`;

  test.concurrent("a CSV with a million columns", async () => {
    const colonnes = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(";");
    const f = fichier("million-colonnes.csv", `${ENTETE};${colonnes}\n${LIGNE("x")}\n`);
    refuse(
      await lancer(["lot", f], { timeoutMs: 90_000 }),
      f,
      /ligne 1 : tableau CSV illisible : une ligne de plus de 1 Mo/,
    );
  });

  test.concurrent("a 10 MB cell", async () => {
    const f = fichier(
      "cellule-10-mo.csv",
      `${ENTETE}\n${LIGNE("x".repeat(10 * 1024 * 1024))}\n${LIGNE("y")}\n`,
    );
    refuse(
      await lancer(["lot", f], { timeoutMs: 90_000 }),
      f,
      /ligne 2 : tableau CSV illisible : une ligne de plus de 1 Mo/,
    );
  });

  test.concurrent("a binary file and an empty file named .csv", async () => {
    const bin = fichier("binaire.csv", Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256)));
    const r = await lancer(["lot", bin]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^Erreur : ${bin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
    expect(sansPileDAppel(r.stderr)).toBe(true);
    const vide = fichier("vide.csv", "");
    const r2 = await lancer(["lot", vide]);
    expect(r2.code, r2.stderr).toBe(2);
    expect(r2.stderr).toMatch(/^Erreur : .*vide\.csv/m);
    expect(sansPileDAppel(r2.stderr)).toBe(true);
  });
});
