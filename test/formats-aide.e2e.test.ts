// Each command's help lists exactly the formats (--format) it takes: the listed ones are accepted,
// and the list a refusal gives is the same. (Before, every help said « table, json, yaml » while
// `lot` refused table and yaml, `verifier` yaml, `schema` all but json.)
import { describe, expect, test } from "vitest";
import { lancer } from "./outils/lancer.js";

/** Each command with arguments that let it reach its format check (the inputs need not exist). */
const COMMANDES: [string, string[]][] = [
  ["simuler", ["simuler", "absente.yaml"]],
  ["lot", ["lot", "absent.csv"]],
  ["verifier", ["verifier", "absent/"]],
  ["expliquer", ["expliquer", "absente.yaml", "--dispositif", "ademe-investissement"]],
  ["regles", ["regles", "ademe-investissement"]],
  ["regles verifier", ["regles", "verifier", "absent/"]],
  ["schema", ["schema", "fiche"]],
  ["modele", ["modele", "-o", "/dev/null"]],
];

// A format unknown everywhere, or one another command writes (no typo: no suggestion then).
const INCONNU = /format « [^»]+ » (inconnu pour|n'est pas écrit par) cette commande/;

/** "Formats (--format) : table (tableau lisible, par défaut), json, yaml." → ["table", "json", "yaml"]. */
function formatsDeLAide(aide: string): string[] {
  const ligne = aide.split("\n").find((l) => l.startsWith("Formats (--format) : "));
  expect(ligne, aide).toBeDefined();
  return ligne!
    .slice("Formats (--format) : ".length)
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/\.$/, "")
    .split(", ");
}

describe.each(COMMANDES)("%s", (nom, args) => {
  test("the formats of its help are the ones it takes", async () => {
    const aide = await lancer([...nom.split(" "), "--help"]);
    expect(aide.code).toBe(0);
    const listes = formatsDeLAide(aide.stdout);
    // The global option does not promise formats the command may not have.
    expect(aide.stdout).not.toMatch(/format de sortie : table, json, yaml/);

    const refus = await lancer([...args, "--format", "zzz"]);
    expect(refus.code).toBe(2);
    expect(refus.stderr).toMatch(INCONNU);
    expect(/formats permis : (.*)$/m.exec(refus.stderr)![1].split(", ")).toEqual(listes);

    // Every format listed is accepted (whatever then becomes of the missing input), every other refused.
    const tous = ["table", "json", "yaml", "csv", "jsonl", "junit", "github", "xlsx", "html"];
    const essais = await Promise.all(tous.map((f) => lancer([...args, "--format", f])));
    const acceptes = tous.filter((_, i) => !INCONNU.test(essais[i].stderr));
    expect(acceptes.sort()).toEqual([...listes].sort());
  });
});
