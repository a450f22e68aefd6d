// The financing lines are a packed array even once V8 has optimized the code that makes them (issue 20):
// an optimized `map` makes a holey array, and every control compiled on the packed arrays of the first
// fiches was deoptimized ("wrong map") and compiled again when the holey ones came. Read with V8's own
// probes (--allow-natives-syntax), in a child Node running the built code (dist/, as `npm test` builds it).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { RACINE } from "./outils/cli.js";

/** normaliserLignes called, then optimized by TurboFan and called again: is each result holey? */
function sonde(racine: string): { optimisee: boolean; troues: boolean[] } {
  const module = pathToFileURL(join(racine, "dist", "core", "financements.js")).href;
  const argent = pathToFileURL(join(racine, "dist", "core", "argent.js")).href;
  const script = `
    const { normaliserLignes } = await import(${JSON.stringify(module)});
    const { D } = await import(${JSON.stringify(argent)});
    // Two private lines: no rule is read (an empty set of rules is enough).
    const fiche = {
      depenses: [{ id: "d1", nature: "investissement", montant: new D(100) }],
      financements: [
        { financeur: "autofinancement", montant: new D(60) },
        { financeur: "prive", montant: new D(40) },
      ],
    };
    const ref = { dispositifs: new Map() };
    const appel = () => normaliserLignes(fiche, ref, new Map(), []);
    %PrepareFunctionForOptimization(normaliserLignes);
    const avant = appel();
    appel();
    %OptimizeFunctionOnNextCall(normaliserLignes);
    const apres = appel();
    // Bit 4 of the status: compiled by TurboFan (V8's runtime-test.cc, OptimizationStatus).
    const optimisee = (%GetOptimizationStatus(normaliserLignes) & 16) !== 0;
    console.log(JSON.stringify({ optimisee, troues: [%HasHoleyElements(avant), %HasHoleyElements(apres)] }));
  `;
  const sortie = execFileSync(
    process.execPath,
    ["--allow-natives-syntax", "--input-type=module", "-e", script],
    { encoding: "utf8" },
  );
  return JSON.parse(sortie);
}

describe("formes des objets lus par les contrôles (V8)", () => {
  it("les lignes de financement restent un tableau plein une fois normaliserLignes optimisée", () => {
    const { optimisee, troues } = sonde(RACINE);
    expect(optimisee).toBe(true);
    expect(troues).toEqual([false, false]);
  });
});
