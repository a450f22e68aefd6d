// Issue 20: the fiche's validator is code generated from the zod schema (npm run generer), committed.
// The committed file must be what the generator writes from today's schema, and must not load zod (a
// valid fiche at `simuler` never runs it). The generator refuses what it cannot translate exactly.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { LECTURES } from "../src/core/schemas/communs.js";
import { genererValidation, sourceValidationFiche } from "../src/core/schemas/generateur-validation.js";
import * as lectures from "../src/core/schemas/lectures.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const GENERE = join(SRC, "core/validation-fiche.generee.ts");

const generer = (schema: z.ZodType) =>
  genererValidation(schema, {
    nom: "valider",
    type: "Fiche",
    typeDepuis: "./schemas/fiche.js",
    fonctions: lectures,
    fonctionsDepuis: "./schemas/lectures.js",
    lectures: LECTURES,
    partages: {},
    commande: "test",
  });

/** The modules a file imports at run time, followed through the project's own files. */
function importsDe(fichier: string, vus = new Set<string>()): Set<string> {
  if (vus.has(fichier)) return vus;
  vus.add(fichier);
  const texte = readFileSync(fichier, "utf8");
  for (const [, type, cible] of texte.matchAll(/^(?:import|export)(\s+type)?[^;]*?from\s+"([^"]+)"/gms)) {
    if (type) continue;
    if (cible.startsWith(".")) importsDe(join(dirname(fichier), cible.replace(/\.js$/, ".ts")), vus);
    else vus.add(cible);
  }
  return vus;
}

describe("le validateur généré de la fiche", () => {
  test("le fichier commité est celui qu'écrit le générateur depuis le schéma d'aujourd'hui", async () => {
    const attendu = await format(sourceValidationFiche(), {
      ...(await resolveConfig(GENERE)),
      filepath: GENERE,
    });
    expect(readFileSync(GENERE, "utf8"), "lancez « npm run generer » et commitez le fichier").toBe(attendu);
  });

  test("il ne charge pas zod (ni directement ni par ce qu'il importe)", () => {
    const modules = importsDe(GENERE);
    expect([...modules].filter((m) => !m.startsWith("/"))).toEqual(["decimal.js"]);
    expect(modules.has(join(SRC, "core/schemas/lectures.ts"))).toBe(true);
  });

  test("un changement du schéma change le code écrit", () => {
    const base = { id: z.string().max(10) };
    const a = generer(z.strictObject(base));
    expect(generer(z.strictObject({ ...base, titre: z.string().optional() }))).not.toBe(a);
    expect(generer(z.strictObject({ id: z.string().max(11) }))).not.toBe(a);
    expect(a).toContain("x.length > 10");
  });

  test("ce qu'il ne sait pas traduire exactement arrête la génération", () => {
    const refus = (schema: z.ZodType, motif: RegExp) => expect(() => generer(schema)).toThrow(motif);
    // A transform or a refinement that is not a named function of lectures.ts.
    refus(z.strictObject({ a: z.string().transform((s) => s.trim()) }), /transformation sans nom/);
    refus(z.strictObject({ a: z.string().refine((s) => s !== "x") }), /vérification sans nom/);
    // Kinds of schema and checks the generator does not know.
    refus(z.strictObject({ a: z.record(z.string(), z.string()) }), /« record » non traitée/);
    refus(z.strictObject({ a: z.lazy(() => z.string()) }), /« lazy » non traitée/);
    refus(z.strictObject({ a: z.string().trim() }), /vérification « overwrite » non traitée/);
    refus(z.strictObject({ a: z.coerce.number() }), /coercition/);
    refus(z.object({ a: z.string() }), /objet non strict/);
    refus(z.strictObject({ a: z.string().regex(/a/g) }), /non traitée/);
  });
});
