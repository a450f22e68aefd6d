// Every figure of a rule file carries its source and the date it applies from (docs/domaine.md §0 « Paramètres datés »):
// walks the loaded rules and checks that each dated value and each condition cites the
// guide within the rule's own fiche (its top-level `source` range, or annexe 2 from l.2600) or a
// legal text, so that a figure can always be traced to the line that states it.
import { describe, expect, test } from "vitest";
import type { Regle } from "../../src/core/schemas/regle.js";
import { REF } from "../outils/regles.js";

/** Lines cited after « l. »: "l.912", "l.909-912", "l.269 et l.273" → [912], [909, 912], [269, 273]. */
function lignesCitees(source: string): number[] {
  return [...source.matchAll(/l\.(\d+)(?:-(\d+))?/g)].flatMap((m) =>
    m[2] ? [Number(m[1]), Number(m[2])] : [Number(m[1])],
  );
}

interface Cite {
  chemin: string;
  source: string;
  depuis?: string;
  verifie_le?: string;
}

/** The dated values ({ depuis, valeur, source }) and the conditions of a rule, with their path. */
function citations(r: Regle): Cite[] {
  const sortie: Cite[] = [];
  const parcourir = (x: unknown, chemin: string): void => {
    if (Array.isArray(x)) x.forEach((y, i) => parcourir(y, `${chemin}[${i}]`));
    else if (x && typeof x === "object" && !("d" in x && "e" in x)) {
      const o = x as Record<string, unknown>;
      if ("source" in o && ("valeur" in o || "code" in o))
        sortie.push({
          chemin,
          source: String(o.source),
          depuis: o.depuis as string | undefined,
          verifie_le: o.verifie_le as string | undefined,
        });
      for (const [k, v] of Object.entries(o))
        if (k !== "valeur" || Array.isArray(v) || typeof v === "object") parcourir(v, `${chemin}.${k}`);
    }
  };
  parcourir(r.calcul, "calcul");
  parcourir(r.conditions, "conditions");
  return sortie;
}

test("le parcours trouve chaque valeur datée : 5 lignes du tableau, 2 bonus et le taux maximal de la fiche 8", () => {
  expect(citations(REF.dispositifs.get("ademe-investissement")!).map((c) => c.chemin)).toEqual([
    "calcul.taux_par_categorie.protection_environnement[0]",
    "calcul.taux_par_categorie.mise_en_securite_sites_pollues[0]",
    "calcul.taux_par_categorie.enr[0]",
    "calcul.taux_par_categorie.reseaux_chaleur_froid[0]",
    "calcul.taux_par_categorie.economies_energie[0]",
    "calcul.bonus_zone[0]",
    "calcul.bonus_forme[0]",
    "calcul.taux_max[0]",
  ]);
  // Conditions too: the 3 of pia-filieres.
  expect(
    citations(REF.dispositifs.get("pia-filieres")!).filter((c) => c.chemin.startsWith("conditions")),
  ).toHaveLength(3);
});

describe.each([...REF.dispositifs.values()].map((r) => [r.id, r] as const))("%s", (_id, r) => {
  const [debut, fin] = lignesCitees(r.source);
  test("la règle cite sa fiche du guide et ses lignes", () => {
    expect(r.source).toMatch(new RegExp(`^Guide TI V5, fiche ${r.fiche}, l\\.\\d+-\\d+`));
    expect(debut).toBeLessThan(fin);
  });
  test("chaque valeur datée et chaque condition a une date d'effet et une source dans sa fiche, l'annexe 2 ou un texte de loi", () => {
    const cites = citations(r);
    expect(cites.length).toBeGreaterThan(0);
    for (const c of cites) {
      expect(c.depuis, `${r.id} ${c.chemin} : date d'effet`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const lignes = lignesCitees(c.source);
      if (/Guide TI V5/.test(c.source)) {
        expect(lignes.length, `${r.id} ${c.chemin} : « ${c.source} » sans ligne`).toBeGreaterThan(0);
        const fiche = /fiche (\d+)/.exec(c.source)?.[1];
        if (fiche) expect(Number(fiche), `${r.id} ${c.chemin} : « ${c.source} »`).toBe(r.fiche);
        for (const l of lignes) {
          expect(
            (l >= debut && l <= fin) || l >= 2600,
            `${r.id} ${c.chemin} : l.${l} hors de la fiche (l.${debut}-${fin}) et de l'annexe 2`,
          ).toBe(true);
        }
      } else {
        expect(c.source, `${r.id} ${c.chemin}`).toMatch(/Règlement|CGI|CGCT|loi|décret/);
      }
    }
  });
});

// Seconde édition, point 8 (docs/domaine.md §0 « Validité et actualité ») : chaque valeur datée porte `verifie_le` —
// le guide est vérifié à sa publication, le 18/11/2019 (« Guide méthodologique V5 — 18/11/2019 ») ; un
// texte de loi, le jour où il a été relu (ces fichiers datent du 29/11/2026 au plus tôt).
describe("actualité : chaque valeur datée porte verifie_le", () => {
  test.each([...REF.dispositifs.values()].map((r) => [r.id, r] as const))("%s", (_id, r) => {
    for (const c of citations(r)) {
      if (c.source.startsWith("Guide TI V5")) expect(c.verifie_le, `${r.id} ${c.chemin}`).toBe("2019-11-18");
      else
        expect(c.verifie_le! >= "2026-11-29", `${r.id} ${c.chemin} : verifie_le ${c.verifie_le}`).toBe(true);
    }
  });
  test("les paramètres réglementaires (rules/parametres/) aussi", () => {
    const fichiers = [
      REF.deMinimis,
      REF.transparence,
      REF.participationMinimale,
      REF.tailleEntreprise,
      REF.reglements,
    ] as Record<string, unknown>[];
    let vues = 0;
    for (const [nom, p] of fichiers.flatMap((f) => Object.entries(f))) {
      if (!Array.isArray(p)) continue;
      for (const v of p as { verifie_le?: string }[]) {
        vues++;
        expect(v.verifie_le, nom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    // de minimis : 2 + 3 + 2 + 2 = 9 ; transparence 2 ; participation 1 + 1 ; taille 1 ; RGEC 1 : 15.
    expect(vues).toBe(15);
  });
});
