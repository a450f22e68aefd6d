// `ti-aides regles tester` run as a Region would in its CI: its own case files (fixtures/cas-region)
// against the built-in rules plus its overlay (fixtures/regles-region). Codes 0, 1 (with a diff), 2.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { sansPileDAppel, tiAides } from "./outils/cli.js";

const CAS = "fixtures/cas-region/region-exemple-investissement-industriel.yaml";
const REGLES = ["--regles", "fixtures/regles-region"];

function copie(remplacer: (texte: string) => string): string {
  const d = mkdtempSync(join(tmpdir(), "ti-aides-cas-"));
  const f = join(d, "region.yaml");
  writeFileSync(f, remplacer(readFileSync(CAS, "utf8")));
  return f;
}

describe("ti-aides regles tester", () => {
  test("tous les cas réussis : code 0, un ✓ par cas et le bilan", () => {
    const r = tiAides(["regles", "tester", "fixtures/cas-region", ...REGLES]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ robotisation d'une PE en zone AFR, 2021 : 40 %, plafonnée à 250 000 €");
    expect(r.stdout).toContain("5 cas : 5 réussis, 0 en échec");
  });

  test("la surcouche par TI_AIDES_REGLES, et l'alias anglais « rules test »", () => {
    const r = tiAides(["rules", "test", "fixtures/cas-region"], {
      env: { TI_AIDES_REGLES: "fixtures/regles-region" },
    });
    expect(r.code).toBe(0);
  });

  test("les cas du projet (test/cas/) passent aussi par la commande", () => {
    const r = tiAides(["regles", "tester", "test/cas", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.fichiers.map((f: { fichier: string }) => f.fichier.replace(/^.*\//, ""))).toEqual(
      expect.arrayContaining(["cifre.yaml", "bdt-ingenierie.yaml", "ademe-etudes.yaml", "pia-filieres.yaml"]),
    );
    expect(j.echecs).toBe(0);
    expect(j.total).toBeGreaterThanOrEqual(38);
  });

  test("un chiffre changé : code 1, le cas en échec avec l'attendu et l'obtenu du champ", () => {
    // 260 000 € écrits au lieu de 250 000 € (plafond de 2021, EX-2020-117, art. 1)
    const f = copie((t) => t.replace('plafond: "250000.00" }', 'plafond: "260000.00" }'));
    const r = tiAides(["regles", "tester", f, ...REGLES]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `✗ robotisation d'une PE en zone AFR, 2021 : 40 %, plafonnée à 250 000 € (${f}, ligne 18 ; source : EXEMPLE FICTIF`,
    );
    expect(r.stdout).toContain(
      "      region-exemple-investissement-industriel / robots · plafond\n        attendu : 260000.00\n        obtenu  : 250000.00\n",
    );
    expect(r.stdout).toContain("5 cas : 4 réussis, 1 en échec");
    const j = JSON.parse(tiAides(["regles", "tester", f, ...REGLES, "--format", "json"]).stdout);
    expect(j).toMatchObject({ total: 5, reussis: 4, echecs: 1 });
    expect(j.fichiers[0].cas[0]).toMatchObject({
      reussi: false,
      ligne: 18,
      ecarts: [
        {
          sujet: "region-exemple-investissement-industriel / robots",
          champ: "plafond",
          attendu: "260000.00",
          obtenu: "250000.00",
        },
      ],
    });
  });

  test("un fichier de cas invalide : code 2, fichier, ligne et champ, sans trace de pile", () => {
    const f = copie((t) =>
      t.replace(/ {4}source: "EXEMPLE FICTIF — délibération EX-2019-042, art. 5"\n/, ""),
    );
    const r = tiAides(["regles", "tester", f, ...REGLES]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`Erreur : ${f}, ligne 27 : champ « cas[1].source » : champ obligatoire manquant\n`);
    expect(sansPileDAppel(r.stderr)).toBe(true);
  });

  test("sans la surcouche, le dispositif régional est inconnu : code 2, à la ligne de la fiche du cas", () => {
    const r = tiAides(["regles", "tester", CAS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `Erreur : ${CAS}, ligne 16 : champ « cas[0].fiche.depenses[0].dispositifs[0] » : dispositif inconnu`,
    );
  });

  test("dossier introuvable, format inconnu : code 2", () => {
    expect(tiAides(["regles", "tester", "pas-de-dossier"]).stderr).toContain("pas-de-dossier : introuvable");
    expect(tiAides(["regles", "tester", "fixtures/cas-region", ...REGLES, "--format", "csv"]).code).toBe(2);
    // Le dossier des règles donné à la place de celui des cas : dit en une ligne.
    const r = tiAides(["regles", "tester", "fixtures/regles-region"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^Erreur : fixtures\/regles-region\/region-exemple-investissement-industriel\.yaml, ligne 17 : c'est un fichier de règle, pas de cas de test : donnez son dossier avec --regles/,
    );
  });
});
