// What the tests of document reading share: the YAML files of a folder, every path of read data, and
// the sources `verifier` reads from YAML texts.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { SourcesVerification } from "../../src/cli/verifier/sources.js";
import { lireDocument } from "../../src/core/document.js";

/** The .yaml and .yml files under `dossier` (node_modules left out). */
export function fichiersYaml(dossier: string): string[] {
  return readdirSync(dossier).flatMap((n) => {
    const p = join(dossier, n);
    if (n === "node_modules") return [];
    return statSync(p).isDirectory() ? fichiersYaml(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** Every path of the data, each also with an unknown key, an index out of range, an index in digits. */
export function chemins(v: unknown, base: PropertyKey[] = []): PropertyKey[][] {
  const tous: PropertyKey[][] = [base, [...base, "inconnu"], [...base, 99], [...base, "0"], [...base, 0]];
  if (Array.isArray(v)) v.forEach((x, i) => tous.push(...chemins(x, [...base, i])));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) tous.push(...chemins(x, [...base, k]));
  return tous;
}

/** What `verifier` would have read from these YAML texts, one fiche per file, no CSV and no error. */
export function sourcesDeTextes(textes: { texte: string; fichier: string }[]): SourcesVerification {
  const fiches = textes.map(({ texte, fichier }) => ({ doc: lireDocument(texte, fichier), chemin: [] }));
  return {
    fichiers: fiches.map((f) => f.doc.fichier),
    fiches,
    erreurs: [],
    avertissements: [],
    colonnes: new Map(),
    problemes: new Map(),
  };
}
