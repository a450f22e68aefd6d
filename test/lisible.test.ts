// The pieces of what the reader sees (issue 16), without launching the command: lines folded to a
// width without cutting an amount, tables that become blocks, the guide cited by fiche, page, title
// and part (rules/parametres/guide.yaml), the French labels of the `details` fields.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { D } from "../src/core/argent.js";
import { euros } from "../src/core/format.js";
import type { Resultat } from "../src/core/modele.js";
import { chargerCatalogue, chargerPlanDuGuide } from "../src/regles-disque.js";
import { schemasPlanDuGuide } from "../src/core/schemas/plan-du-guide.js";
import { configurerCouleurs } from "../src/cli/rendu/couleurs.js";
import { detailsAffiches, LIBELLES_DETAILS } from "../src/cli/rendu/details.js";
import { rendreGrille } from "../src/cli/rendu/grille.js";
import { ajuster, largeurAffichee } from "../src/cli/rendu/largeur.js";
import { sourceLisible } from "../src/cli/rendu/sources.js";
import { RACINE } from "./outils/cli.js";

configurerCouleurs(false);

const GUIDE = "/work/shared/guide/000_fb252f048d84e4a1.txt";

describe("ajuster : plier une ligne à la largeur sans couper un montant", () => {
  test("une phrase de contrôle à 40 colonnes : chaque montant entier sur sa ligne", () => {
    const phrase = `  ✖ Dépense « chaudiere » : ${euros(new D(500000))} d'aides publiques cumulées dépassent l'intensité maximale de ${euros(new D(480000))} de ${euros(new D(20000))}.`;
    const pliee = ajuster(phrase, 40).split("\n");
    expect(pliee.every((l) => largeurAffichee(l) <= 40)).toBe(true);
    for (const m of ["500\u00a0000,00\u00a0€", "480\u00a0000,00\u00a0€", "20\u00a0000,00\u00a0€"])
      expect(pliee.some((l) => l.includes(m))).toBe(true);
    expect(pliee[1].startsWith("    ")).toBe(true); // continued under its sentence, indented
  });

  test("un montant écrit avec des espaces ordinaires dans une source (« 500 000 € ») reste entier", () => {
    const source = "[Guide TI V5, note 10, l.2641 (≥ 500 000 €, 60 000 € en production agricole primaire)]";
    for (let n = 30; n <= source.length; n++) {
      const pliee = ajuster(source, n);
      expect(pliee).toContain("500 000 €");
      expect(pliee).toContain("60 000 €");
    }
  });

  test("un mot collé à un guillemet devant un montant : séparé du montant plutôt que de le couper", () => {
    // The counterexample fast-check found: « à« » bound to the amount made a word wider than the line.
    const pliee = ajuster("  è (:«àç»;»à« 100 000 000,00 €", 30);
    expect(pliee).toContain("100 000 000,00 €");
    expect(pliee.split("\n").every((l) => largeurAffichee(l) <= 30)).toBe(true);
  });

  test("« ; » et « : » restent avec le mot qui les précède : aucune ligne pliée n'en commence une", () => {
    // French typography puts a (non-breaking) space before « ; », « : », « ! », « ? »: the fold may not
    // part them from the word before. The message of fiche 8's README case (cumul on the boiler).
    const phrase = `  ✖ Cumul des aides : Dépense « chaudiere » : ${euros(new D(500000))} d'aides publiques cumulées dépassent l'intensité maximale de ${euros(new D(480000))} (ademe-investissement, 60 % de ${euros(new D(800000))}) de ${euros(new D(20000))} ; réduisez les aides publiques d'autant.`;
    for (let n = 30; n <= 120; n++) {
      const pliee = ajuster(phrase, n).split("\n");
      for (const l of pliee) expect(l.trimStart()).not.toMatch(/^[;:!?]/);
      expect(pliee.every((l) => largeurAffichee(l) <= n)).toBe(true);
    }
  });

  test("propriété : à toute largeur de 30 à 200, aucune ligne ne dépasse et chaque montant reste entier", () => {
    const montant = fc
      .bigInt({ min: 0n, max: 99_999_999_999n })
      .map((c) => euros(new D(c.toString()).div(100)));
    const mot = fc.stringMatching(/^[a-zéèàç«»:;,.()-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(mot, montant), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 30, max: 200 }),
        (morceaux, n) => {
          const ligne = `  ${morceaux.join(" ")}`;
          const pliee = ajuster(ligne, n);
          expect(pliee.split("\n").every((l) => largeurAffichee(l) <= n)).toBe(true);
          for (const m of morceaux) if (m.includes("€")) expect(pliee).toContain(m);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("rendreGrille : le tableau large s'il tient, sinon un bloc par ligne", () => {
  const g = {
    entetes: ["Dispositif", "Dépense", "Aide maximale"],
    lignes: [["ademe-investissement", "chaudiere", euros(new D(480000))]],
    titre: 2,
  };
  test("à 100 colonnes : le tableau", () => {
    expect(rendreGrille(g, 100)).toMatch(/│ ademe-investissement │ chaudiere │ 480\u00a0000,00\u00a0€ +│/);
  });
  test("à 40 colonnes : un bloc titré par la ligne, un champ par ligne", () => {
    expect(rendreGrille(g, 40)).toBe(
      "  ademe-investissement / chaudiere\n    Aide maximale : 480\u00a0000,00\u00a0€",
    );
  });
});

describe("les sources du guide qu'un utilisateur peut ouvrir (rules/parametres/guide.yaml)", () => {
  test("fiche 8, l.914 : le numéro, la page, le titre de la fiche, la partie, puis la ligne", () => {
    // Fiche 8: title at l.885, page 35 in annexe 1's table (l.205); « Les modalités d'intervention » at l.905.
    expect(sourceLisible("Guide TI V5, fiche 8, l.914")).toBe(
      "Guide TI V5, fiche 8 (p. 35) « L'ADEME s'engage en accompagnant les projets d'investissements dans la transition écologique et énergétique », partie « Les modalités d'intervention », l.914",
    );
  });

  test("une note de l'annexe 2, et la même partie citée deux fois nommée une fois", () => {
    // Annexe 2 at l.2600 (page 103, l.36), part « B/ La sécurisation d'une aide d'Etat » at l.2625.
    expect(sourceLisible("Guide TI V5, note 9, l.2639 ; Règlement (UE) 651/2014, art. 8")).toBe(
      "Guide TI V5, annexe 2 (p. 103) « Sécurisation juridique des financements publics », partie « B/ La sécurisation d'une aide d'Etat », note 9, l.2639 ; Règlement (UE) 651/2014, art. 8",
    );
    expect(sourceLisible("Guide TI V5, fiche 8, l.914 ; Guide TI V5, fiche 8, l.909-912 (bonus)")).toMatch(
      /, l\.914 ; l\.909-912 \(bonus\)$/,
    );
  });

  test("une citation dont la ligne n'est pas dans la fiche nommée reste telle qu'écrite", () => {
    expect(sourceLisible("Guide TI V5, fiche 3, l.914")).toBe("Guide TI V5, fiche 3, l.914");
    expect(sourceLisible("CGI, art. 39 decies B")).toBe("CGI, art. 39 decies B");
  });

  test("chaque citation « fiche N, l.X » des règles tombe dans la fiche N", () => {
    const dossier = join(RACINE, "rules", "dispositifs");
    const plan = chargerPlanDuGuide();
    const fausses: string[] = [];
    for (const f of readdirSync(dossier)) {
      for (const m of readFileSync(join(dossier, f), "utf8").matchAll(/Guide TI V5, fiche (\d+), l\.(\d+)/g))
        if (sourceLisible(m[0], plan) === m[0]) fausses.push(`${f} : ${m[0]}`);
    }
    expect(fausses).toEqual([]);
  });

  test("le fichier est validé : dans l'ordre du guide, une fiche ou une annexe par section", () => {
    const texte = readFileSync(join(RACINE, "rules", "parametres", "guide.yaml"), "utf8");
    const doc = parse(texte);
    expect(schemasPlanDuGuide().plan.safeParse(doc).success).toBe(true);
    const desordre = { ...doc, sections: [doc.sections[1], doc.sections[0]] };
    expect(schemasPlanDuGuide().plan.safeParse(desordre).success).toBe(false);
    const lesDeux = { ...doc, sections: [{ ligne: 1, titre: "Titre", fiche: 1, annexe: 1 }] };
    expect(schemasPlanDuGuide().plan.safeParse(lesDeux).success).toBe(false);
  });

  test("les 30 fiches ont le titre du catalogue (rules/catalogue.yaml) et y commencent", () => {
    const plan = chargerPlanDuGuide();
    for (const f of chargerCatalogue().fiches) {
      const s = plan.sections.find((x) => x.fiche === f.fiche);
      expect(s?.titre, `fiche ${f.fiche}`).toBe(f.titre.replace(/\.$/, ""));
      expect(String(s?.ligne)).toBe(f.lignes.split("-")[0]);
    }
  });

  test.skipIf(!existsSync(GUIDE))("chaque titre est celui du guide, à sa ligne", () => {
    const lignes = readFileSync(GUIDE, "utf8").split("\n");
    const norme = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    for (const s of chargerPlanDuGuide().sections)
      expect(norme(lignes[s.ligne - 1]), `ligne ${s.ligne}`).toContain(norme(s.titre));
  });
});

describe("les champs « details » en français", () => {
  const resultat = (details: Resultat["details"]) => ({ details }) as Resultat;

  test("chaque poste d'une dotation (rules/dispositifs, « code ») a son libellé, celui de la règle", () => {
    const dossier = join(RACINE, "rules", "dispositifs");
    for (const f of readdirSync(dossier)) {
      const r = parse(readFileSync(join(dossier, f), "utf8"));
      for (const p of [...(r.calcul?.annuel ?? []), ...(r.calcul?.ponctuel ?? [])])
        expect(LIBELLES_DETAILS[p.code]?.libelle, `${f} : ${p.code}`).toBe(p.libelle);
    }
  });

  test("chaque clé écrite par un calcul du cœur a son libellé", () => {
    const dossier = join(RACINE, "src", "core", "calculs");
    const cles = new Set<string>();
    for (const f of readdirSync(dossier)) {
      const texte = readFileSync(join(dossier, f), "utf8");
      for (const m of texte.matchAll(/details\.([a-z_]+) =/g)) cles.add(m[1]);
      for (const m of texte.matchAll(/details = \{([^}]*)\}/g))
        for (const k of m[1].matchAll(/([a-z_]+):/g)) cles.add(k[1]);
    }
    expect(cles.size).toBeGreaterThan(4);
    for (const k of cles) expect(LIBELLES_DETAILS[k], k).toBeDefined();
  });

  test("montants, taux et choix en mots ; une clé inconnue (poste d'une Région) par ses mots", () => {
    expect(
      detailsAffiches(
        resultat({
          poste: "24000.00",
          petit_equipement: "15000.00",
          annees: "3",
          paye_a: "chambre_consulaire",
          volet: "regional",
          taux_is: "0.2800",
          economie_impot: "11200.00",
          autre_poste: "500.00",
          forfait: null,
        }),
      ),
    ).toEqual([
      "Poste d'animateur : 24\u00a0000,00\u00a0€ par an",
      "Petit équipement : 15\u00a0000,00\u00a0€",
      "Nombre d'années : 3",
      "Forfait payé à : la chambre consulaire",
      "Volet : régional",
      "Taux de l'impôt sur les sociétés : 28\u00a0%",
      "Économie d'impôt estimée : 11\u00a0200,00\u00a0€",
      "autre poste : 500.00",
    ]);
  });
});
