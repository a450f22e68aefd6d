// Fuzzing the real command with random mutations of the fixtures (byte flips, deleted or duplicated
// lines, swapped values, truncations, junk, hostile values). Every run must end with exit 0, 1 or 2,
// never a stack trace nor an internal error; a JSON output must match docs/interface.md's shape.
// Reproducible: a fixed seed (TI_AIDES_FUZZ_GRAINE to try others), the mutants kept on failure.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { RACINE, sansPileDAppel } from "./outils/cli.js";
import { lancer, type Lancement } from "./outils/lancer.js";
import { documentSortieSchema, ficheSortieSchema } from "./proprietes/schema-sortie.js";

const GRAINE = Number(process.env.TI_AIDES_FUZZ_GRAINE ?? 20_191_118); // the guide's date, 18/11/2019
const tmp = mkdtempSync(join(tmpdir(), "ti-aides-fuzz-"));

/** mulberry32: a small seeded PRNG, so that a failure can be replayed. */
function generateur(graine: number) {
  let a = graine >>> 0;
  const suivant = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const entier = (n: number) => Math.floor(suivant() * n);
  return { entier, choisir: <T>(xs: readonly T[]): T => xs[entier(xs.length)] };
}
type Alea = ReturnType<typeof generateur>;

const VALEURS_HOSTILES = [
  "1e400",
  "-1",
  ".nan",
  "-.inf",
  '""',
  "~",
  "[]",
  "{}",
  "0.001",
  "1234567890123456789012345678901234567890",
  "*ancre",
  "&ancre x",
  "!!binary aGk=",
  '"\\u0000"',
  "x".repeat(5000),
  "2019-02-30",
  "oui",
  "null",
];
const INDESIRABLES = [
  ":",
  "-",
  "[",
  "]",
  "{",
  "}",
  '"',
  "'",
  "&",
  "*",
  "!",
  "#",
  "|",
  ">",
  "\t",
  "\u0000",
  "\u00a0",
  "é",
  ";",
  ",",
  "\n",
  "\r\n",
  "%",
];

/** One random mutation of a text; its name, for the failure message. */
function muter(texte: Buffer, r: Alea): { octets: Buffer; quoi: string } {
  const lignes = texte.toString("latin1").split("\n");
  const i = r.entier(lignes.length);
  const j = r.entier(lignes.length);
  const joindre = (ls: string[]) => Buffer.from(ls.join("\n"), "latin1");
  switch (r.entier(8)) {
    case 0: {
      const o = Buffer.from(texte);
      for (let k = 0; k < 1 + r.entier(4); k++) o[r.entier(o.length)] ^= 1 << r.entier(8);
      return { octets: o, quoi: "octets inversés" };
    }
    case 1:
      return {
        octets: joindre(lignes.filter((_, k) => k < i || k > i + r.entier(3))),
        quoi: `lignes supprimées à partir de ${i + 1}`,
      };
    case 2:
      return {
        octets: joindre([...lignes.slice(0, i + 1), lignes[i], ...lignes.slice(i + 1)]),
        quoi: `ligne ${i + 1} dupliquée`,
      };
    case 3: {
      // Swap the values of two "key: value" lines.
      const v = (l: string) => /^(\s*-?\s*[^:#]+:\s)(.*)$/.exec(l);
      const [a, b] = [v(lignes[i]), v(lignes[j])];
      if (!a || !b)
        return { octets: joindre([...lignes.slice(0, j), ...lignes.slice(i)]), quoi: "lignes déplacées" };
      const ls = [...lignes];
      ls[i] = a[1] + b[2];
      ls[j] = b[1] + a[2];
      return { octets: joindre(ls), quoi: `valeurs des lignes ${i + 1} et ${j + 1} échangées` };
    }
    case 4:
      return { octets: texte.subarray(0, r.entier(texte.length)), quoi: "fichier tronqué" };
    case 5: {
      const o = texte.toString("latin1");
      const p = r.entier(o.length);
      return {
        octets: Buffer.from(o.slice(0, p) + r.choisir(INDESIRABLES) + o.slice(p), "latin1"),
        quoi: "caractère inséré",
      };
    }
    case 6: {
      const ls = [...lignes];
      ls[i] = ls[i].replace(/:\s.*$/, `: ${r.choisir(VALEURS_HOSTILES)}`);
      return { octets: joindre(ls), quoi: `valeur hostile ligne ${i + 1}` };
    }
    default: {
      const ls = [...lignes];
      ls[i] = r.entier(2) ? ` ${ls[i]}` : ls[i].replace(/^ /, "");
      return { octets: joindre(ls), quoi: `indentation de la ligne ${i + 1}` };
    }
  }
}

/** 1 to 3 mutations in a row. */
function mutant(texte: Buffer, r: Alea): { octets: Buffer; quoi: string } {
  let courant = { octets: texte, quoi: "" };
  const n = 1 + r.entier(3);
  const quoi: string[] = [];
  for (let k = 0; k < n; k++) {
    courant = muter(courant.octets, r);
    quoi.push(courant.quoi);
  }
  return { octets: courant.octets, quoi: quoi.join(", ") };
}

function fichiers(dossier: string, filtre: RegExp): string[] {
  return readdirSync(join(RACINE, dossier), { recursive: true, encoding: "utf8" })
    .filter((f) => filtre.test(f))
    .map((f) => join(dossier, f))
    .sort();
}

/** Never a crash: exit 0, 1 or 2, no stack trace, no internal error. */
function termineProprement(r: Lancement, contexte: string): void {
  const detail = `${contexte}\n(graine ${GRAINE}, mutants dans ${tmp})\n--- stderr ---\n${r.stderr.slice(0, 3000)}`;
  expect(r.expire, `bloqué : ${detail}`).toBe(false);
  expect([0, 1, 2], detail).toContain(r.code);
  expect(r.stderr, detail).not.toMatch(/Erreur interne/);
  expect(sansPileDAppel(r.stderr + r.stdout), detail).toBe(true);
}

/** Runs `n` jobs, at most `parallele` at once. */
async function enParallele<T>(taches: (() => Promise<T>)[], parallele = 2): Promise<T[]> {
  const resultats: T[] = [];
  let suivante = 0;
  await Promise.all(
    Array.from({ length: parallele }, async () => {
      while (suivante < taches.length) {
        const k = suivante++;
        resultats[k] = await taches[k]();
      }
    }),
  );
  return resultats;
}

// A passing test removes its mutants; a failing one leaves them for replay. Then the folder if empty.
afterAll(() => {
  if (readdirSync(tmp).length === 0) rmSync(tmp, { recursive: true });
});

const FICHES = fichiers("fixtures", /\.ya?ml$/).filter(
  (f) => !f.endsWith("contrat.yaml") && !f.includes("regles-region"),
);

describe("fuzz: random mutations of the fixtures, fed to the real command", { timeout: 240_000 }, () => {
  test("simuler: 150 mutated fiches, 5 per run, JSON out", async () => {
    const r = generateur(GRAINE);
    const dossier = join(tmp, "simuler");
    mkdirSync(dossier);
    const lots = Array.from({ length: 30 }, (_, l) =>
      Array.from({ length: 5 }, (_, k) => {
        const source = r.choisir(FICHES);
        const m = mutant(readFileSync(join(RACINE, source)), r);
        const f = join(dossier, `m${l}-${k}.yaml`);
        writeFileSync(f, m.octets);
        return { f, quoi: `${source} : ${m.quoi}` };
      }),
    );
    const res = await enParallele(
      lots.map(
        (lot) => () =>
          lancer([
            "simuler",
            ...lot.map((x) => x.f),
            "--format",
            "json",
            "--regles",
            "fixtures/regles-region",
          ]),
      ),
    );
    res.forEach((x, l) => {
      const contexte = lots[l].map((m) => `${m.f} (${m.quoi})`).join("\n");
      termineProprement(x, contexte);
      // Whatever the fiches, when something is written it is docs/interface.md's JSON.
      if (x.stdout.trim()) {
        const p = documentSortieSchema.safeParse(JSON.parse(x.stdout));
        expect(p.success, `${contexte}\n${p.success ? "" : JSON.stringify(p.error.issues.slice(0, 3))}`).toBe(
          true,
        );
      }
    });
    // The fuzz must reach every outcome, or it tests nothing: evaluated fiches and refused ones.
    expect(res.some((x) => x.code === 2)).toBe(true);
    expect(res.some((x) => /"resultats": \[\s*\{/.test(x.stdout))).toBe(true);
    rmSync(dossier, { recursive: true });
  });

  test("verifier: 24 mutated contract folders", async () => {
    const r = generateur(GRAINE + 1);
    const contrats = ["fixtures/contrat-exemple", "fixtures/contrat-de-minimis"];
    const cas = Array.from({ length: 24 }, (_, k) => {
      const source = r.choisir(contrats);
      const d = join(tmp, "verifier", `contrat-${k}`);
      mkdirSync(join(tmp, "verifier"), { recursive: true });
      cpSync(join(RACINE, source), d, { recursive: true });
      const cibles = fichiers(relative(RACINE, d), /\.ya?ml$/);
      const quoi: string[] = [];
      for (let n = 0; n < 1 + r.entier(2); n++) {
        const cible = r.choisir(cibles);
        const m = mutant(readFileSync(join(RACINE, cible)), r);
        writeFileSync(join(RACINE, cible), m.octets);
        quoi.push(`${relative(d, join(RACINE, cible))} : ${m.quoi}`);
      }
      return { d, quoi: `${source} → ${d} (${quoi.join(" ; ")})` };
    });
    const res = await enParallele(cas.map((c) => () => lancer(["verifier", c.d, "--format", "json"])));
    res.forEach((x, k) => {
      termineProprement(x, cas[k].quoi);
      if (x.stdout.trim()) {
        for (const f of (JSON.parse(x.stdout) as { fiches?: unknown[] }).fiches ?? []) {
          const p = ficheSortieSchema.safeParse(f);
          expect(
            p.success,
            `${cas[k].quoi}\n${p.success ? "" : JSON.stringify(p.error.issues.slice(0, 3))}`,
          ).toBe(true);
        }
      }
    });
    rmSync(join(tmp, "verifier"), { recursive: true });
  });

  test("lot: 24 mutated CSV tables, JSON lines out", async () => {
    const r = generateur(GRAINE + 2);
    const csv = readFileSync(join(RACINE, "fixtures/csv/contrat-exemple.csv"));
    const dossier = join(tmp, "lot");
    mkdirSync(dossier);
    const cas = Array.from({ length: 24 }, (_, k) => {
      const m = mutant(csv, r);
      const f = join(dossier, `contrat-${k}.csv`);
      writeFileSync(f, m.octets);
      return { f, quoi: `${f} (${m.quoi})` };
    });
    const res = await enParallele(cas.map((c) => () => lancer(["lot", c.f, "--format", "jsonl"])));
    res.forEach((x, k) => {
      termineProprement(x, cas[k].quoi);
      for (const ligne of x.stdout.split("\n").filter(Boolean)) {
        const p = ficheSortieSchema.safeParse(JSON.parse(ligne));
        expect(
          p.success,
          `${cas[k].quoi}\n${p.success ? "" : JSON.stringify(p.error.issues.slice(0, 3))}`,
        ).toBe(true);
      }
    });
    rmSync(dossier, { recursive: true });
  });

  test("--regles: 12 mutated regional rule files", async () => {
    const r = generateur(GRAINE + 3);
    const [regle] = fichiers("fixtures/regles-region", /\.ya?ml$/);
    const cas = Array.from({ length: 12 }, (_, k) => {
      const d = join(tmp, "regles", `region-${k}`);
      mkdirSync(d, { recursive: true });
      const m = mutant(readFileSync(join(RACINE, regle)), r);
      writeFileSync(join(d, "regle.yaml"), m.octets);
      return { d, quoi: `${d}/regle.yaml (${m.quoi})` };
    });
    const res = await enParallele(
      cas.map(
        (c) => () =>
          lancer([
            "simuler",
            "fixtures/fiches/region-exemple/robotisation.yaml",
            "--regles",
            c.d,
            "--format",
            "json",
          ]),
      ),
    );
    res.forEach((x, k) => termineProprement(x, cas[k].quoi));
    rmSync(join(tmp, "regles"), { recursive: true });
  });
});
