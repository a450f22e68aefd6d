// Chaque citation des références du projet — `docs/domaine.md §N`, `docs/interface.md`, suivies au
// besoin du titre d'une sous-section entre guillemets — trouvée dans src/, test/, rules/, docs/ et le
// README désigne une section qui existe (issue 15). Les anciennes citations sans « docs/ » (la
// spécification, hors du dépôt) ne sont pas lues ici.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { RACINE } from "./outils/cli.js";

type Document = "domaine" | "interface";

interface Titre {
  niveau: number;
  texte: string;
}

/** Les titres d'un document Markdown (hors blocs de code), dans l'ordre. */
function titres(markdown: string): Titre[] {
  const resultat: Titre[] = [];
  let dansCode = false;
  for (const ligne of markdown.split("\n")) {
    if (ligne.startsWith("```")) dansCode = !dansCode;
    const m = !dansCode && /^(#{1,6})\s+(.*)$/.exec(ligne);
    if (m) resultat.push({ niveau: m[1].length, texte: m[2].trim() });
  }
  return resultat;
}

/** Pour comparer un titre cité à un titre écrit : sans casse, accents, accents graves ni espaces en trop. */
const normaliser = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[`*]/g, "")
    .replace(/’/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

interface Citation {
  document: Document;
  paragraphe?: string;
  titre?: string;
  texte: string;
}

/**
 * Les citations d'un texte : `docs/domaine.md`, `docs/domaine.md §3`, `docs/domaine.md §0 « Validité
 * et actualité »`, `docs/interface.md « Sortie JSON »` (guillemets français ou droits, virgule
 * permise avant ; le nom du fichier peut être entre accents graves).
 */
function citations(texte: string): Citation[] {
  const motif =
    /docs\/(domaine|interface)\.md`?(?:\s*§\s*(\d+))?(?:,?\s*(?:«\s*([^»\n]+?)\s*»|"([^"\n]+?)"))?/g;
  return [...texte.matchAll(motif)].map((m) => ({
    document: m[1] as Document,
    paragraphe: m[2],
    titre: m[3] ?? m[4],
    texte: m[0],
  }));
}

/** Ce qui ne va pas dans une citation (null si elle désigne une section qui existe). */
function probleme(c: Citation, documents: Record<Document, string>): string | null {
  const ts = titres(documents[c.document]);
  let debut = 0;
  let fin = ts.length;
  if (c.paragraphe !== undefined) {
    debut = ts.findIndex((t) => t.niveau === 2 && new RegExp(`^${c.paragraphe}\\.\\s`).test(t.texte));
    if (debut < 0)
      return `docs/${c.document}.md n'a pas de section §${c.paragraphe} (titre « ## ${c.paragraphe}. … »)`;
    const suivant = ts.findIndex((t, i) => i > debut && t.niveau <= 2);
    fin = suivant < 0 ? ts.length : suivant;
  }
  if (c.titre !== undefined) {
    const cherche = normaliser(c.titre);
    const trouve = ts.slice(debut, fin).some((t) => normaliser(t.texte).includes(cherche));
    const ou = c.paragraphe !== undefined ? ` dans sa section §${c.paragraphe}` : "";
    if (!trouve) return `docs/${c.document}.md n'a pas de titre contenant « ${c.titre} »${ou}`;
  }
  return null;
}

const DOSSIERS = ["src", "test", "rules", "docs"];
const FICHIERS_SEULS = ["README.md"];
const EXTENSIONS = /\.(ts|cts|mts|js|cjs|mjs|yaml|yml|json|md)$/;

function fichiers(dossier: string): string[] {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) return nom === "node_modules" ? [] : fichiers(chemin);
    return EXTENSIONS.test(nom) ? [chemin] : [];
  });
}

function lireDocuments(): Record<Document, string> {
  return {
    domaine: readFileSync(join(RACINE, "docs", "domaine.md"), "utf8"),
    interface: readFileSync(join(RACINE, "docs", "interface.md"), "utf8"),
  };
}

// Les exemples sont assemblés ici pour que ce fichier ne contienne lui-même aucune citation.
const cite = (reste: string) => `docs/${reste}`;

describe("les citations des références du projet", () => {
  const documents = lireDocuments();

  test("chaque citation de src/, test/, rules/, docs/ et du README désigne une section qui existe", () => {
    const tous = [
      ...DOSSIERS.flatMap((d) => fichiers(join(RACINE, d))),
      ...FICHIERS_SEULS.map((f) => join(RACINE, f)),
    ];
    const fautes: string[] = [];
    let vues = 0;
    for (const chemin of tous) {
      const lignes = readFileSync(chemin, "utf8").split("\n");
      lignes.forEach((ligne, i) => {
        for (const c of citations(ligne)) {
          vues++;
          const p = probleme(c, documents);
          if (p) fautes.push(`${relative(RACINE, chemin)}:${i + 1} : « ${c.texte} » : ${p}`);
        }
      });
    }
    expect(fautes).toEqual([]);
    // docs/interface.md cite lui-même docs/domaine.md : le parcours trouve au moins celles-là.
    expect(vues).toBeGreaterThan(0);
  });

  test("les sections §0 à §3 de docs/domaine.md existent, dans l'ordre de la spécification", () => {
    const numerotees = titres(documents.domaine).filter((t) => t.niveau === 2 && /^\d+\./.test(t.texte));
    expect(numerotees.map((t) => t.texte.split(".")[0])).toEqual(["0", "1", "2", "3"]);
  });

  test("une section existante est acceptée, avec ou sans titre de sous-section", () => {
    for (const texte of [
      cite("domaine.md §0"),
      cite("domaine.md §3"),
      cite("domaine.md §0, « Validité et actualité »"),
      cite("domaine.md §2 « ademe-investissement »"),
      cite("domaine.md §3 « Entre règlements »"),
      cite('interface.md "Sortie JSON"'),
      cite("interface.md"),
    ]) {
      const [c] = citations(texte);
      expect(c, texte).toBeDefined();
      expect(probleme(c, documents), texte).toBeNull();
    }
  });

  test("un §9 inexistant, ou un titre absent de sa section, est refusé", () => {
    const [neuf] = citations(`// voir ${cite("domaine.md §9")}`);
    expect(probleme(neuf, documents)).toMatch(/pas de section §9/);
    // « Entre règlements » est au §3, pas au §1.
    const [ailleurs] = citations(cite("domaine.md §1 « Entre règlements »"));
    expect(probleme(ailleurs, documents)).toMatch(/dans sa section §1/);
    const [absent] = citations(cite("interface.md « Une section qui n'existe pas »"));
    expect(probleme(absent, documents)).toMatch(/pas de titre/);
    // docs/interface.md n'a pas de sections numérotées.
    const [numero] = citations(cite("interface.md §1"));
    expect(probleme(numero, documents)).toMatch(/pas de section §1/);
  });

  test("les anciennes citations, sans « docs/ », ne sont pas lues", () => {
    expect(citations("// (domaine.md §9) ; interface.md « Nulle part » ; ../shared/spec/domaine.md")).toEqual(
      [],
    );
  });
});
