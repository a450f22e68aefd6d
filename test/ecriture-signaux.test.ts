import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test, vi } from "vitest";

// À l'instant où le fichier temporaire d'une sortie -o est créé, les gestionnaires de signaux qui le
// retirent doivent déjà être posés : sinon un signal arrivé entre les deux tue le processus par
// l'action par défaut du système, sans qu'aucun JavaScript ne tourne, et laisse le temporaire (vu
// une fois en sept suites complètes sous charge, le 01/12/2026, sur « SIGINT pendant lot -o »).
const vus: Record<string, number>[] = [];
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  return {
    ...fs,
    openSync: (chemin: string, ...reste: unknown[]) => {
      if (String(chemin).endsWith(".tmp"))
        vus.push(
          Object.fromEntries(
            (["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const).map((s) => [s, process.listenerCount(s)]),
          ),
        );
      return (fs.openSync as (...a: unknown[]) => number)(chemin, ...reste);
    },
  };
});

const { ecrireSortie } = await import("../src/cli/ecriture.js");
const dossier = mkdtempSync(join(tmpdir(), "ti-aides-signaux-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

test("les gestionnaires de SIGINT, SIGTERM, SIGHUP et SIGQUIT sont posés avant la création du temporaire", () => {
  ecrireSortie("contenu\n", join(dossier, "sortie.txt"));
  expect(vus).toHaveLength(1);
  for (const [signal, n] of Object.entries(vus[0]!)) expect(n, signal).toBeGreaterThan(0);
  expect(readdirSync(dossier)).toEqual(["sortie.txt"]);
});
