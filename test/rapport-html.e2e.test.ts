// `--format html`: the report to share, opened as a reader would in headless Chromium — offline, no
// console error, no request, every figure of the JSON output in the page's text, a screenshot under
// test/sortie/rapport-html/ (ignored by git). Its escaping of the input is checked without a browser too.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RACINE, tiAides } from "./outils/cli.js";
import { CHROMIUM_PRESENT, ouvrir, type PageOuverte } from "./outils/navigateur.js";

const SORTIE = join(RACINE, "test", "sortie", "rapport-html");
const dossier = mkdtempSync(join(tmpdir(), "ti-aides-rapport-"));

if (!CHROMIUM_PRESENT)
  console.warn(
    "chromium absent (/usr/bin/chromium) : les tests du rapport HTML dans un navigateur sont sautés (apt-get install -y chromium pour les lancer).",
  );

/** The command's HTML report written to a file, and its JSON output beside it. */
function rapport(nom: string, args: string[], code = 0): { html: string; json: unknown } {
  const html = join(dossier, `${nom}.html`);
  const r = tiAides([...args, "--format", "html", "-o", html]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(code);
  const j = tiAides([...args, "--format", "json"]);
  return { html, json: JSON.parse(j.stdout) };
}

/**
 * Every figure of the JSON output as a French reader sees it: an amount "350000.00" as
 * "350 000,00 €", a rate "0.3599" as "35,99 %". The input's file lines (`sources`) are not figures.
 */
function chiffres(x: unknown, chemin = ""): { chemin: string; attendu: string }[] {
  if (typeof x === "string") {
    if (/^-?\d+\.\d{2}$/.test(x)) {
      const [entier, centimes] = x.split(".");
      return [{ chemin, attendu: `${entier.replace(/\B(?=(\d{3})+$)/g, " ")},${centimes} €` }];
    }
    if (/^-?\d+\.\d{4}$/.test(x))
      return [{ chemin, attendu: `${new Decimal(x).times(100).toString().replace(".", ",")} %` }];
    return [];
  }
  if (Array.isArray(x)) return x.flatMap((v, i) => chiffres(v, `${chemin}[${i}]`));
  if (x && typeof x === "object")
    return Object.entries(x).flatMap(([k, v]) => (k === "sources" ? [] : chiffres(v, `${chemin}.${k}`)));
  return [];
}

const texteDe = async (p: PageOuverte) =>
  (await p.page.evaluate(() => document.body.innerText)).replace(/[\u00a0\u202f]/g, " ");

async function verifierPage(html: string, json: unknown, capture: string): Promise<string> {
  const p = await ouvrir(html);
  try {
    const texte = await texteDe(p);
    const attendus = chiffres(json);
    expect(attendus.length).toBeGreaterThan(10);
    const manquants = attendus.filter((c) => !texte.includes(c.attendu));
    expect(manquants).toEqual([]);
    // The verdict first on each fiche's page; each chart with its title and description.
    const structure = await p.page.evaluate(() => ({
      fiches: document.querySelectorAll("section.fiche").length,
      verdictsEnTete: document.querySelectorAll("section.fiche > h2 + p.tete-verdict .verdict").length,
      graphiques: [...document.querySelectorAll("svg")].map((s) => {
        const ids = (s.getAttribute("aria-labelledby") ?? "").split(" ");
        return {
          // What it draws: inside the chart, not spilled out of it as unknown HTML.
          formes: s.querySelectorAll("rect").length,
          role: s.getAttribute("role"),
          texte: ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" | "),
        };
      }),
      tableauxSansEntetes: [...document.querySelectorAll("table")].filter((t) => !t.querySelector("thead th"))
        .length,
    }));
    expect(structure.verdictsEnTete).toBe(structure.fiches);
    expect(structure.graphiques.length).toBeGreaterThan(0);
    for (const g of structure.graphiques) {
      expect(g.role).toBe("img");
      expect(g.formes).toBeGreaterThan(0);
      expect(g.texte).toMatch(/\S+ \| \S+/);
    }
    expect(structure.tableauxSansEntetes).toBe(0);
    // Printed: one fiche per page (each fiche's page after the first starts a new sheet).
    await p.page.emulateMedia({ media: "print" });
    const sauts = await p.page.evaluate(() =>
      [...document.querySelectorAll("section.fiche")].map((s) => getComputedStyle(s).breakBefore),
    );
    expect(sauts.slice(1).every((s) => s === "page")).toBe(true);
    await p.page.emulateMedia({ media: "screen" });
    mkdirSync(SORTIE, { recursive: true });
    await p.page.screenshot({ path: join(SORTIE, capture), fullPage: true });
    expect(p.erreurs).toEqual([]);
    expect(p.requetes).toEqual([]);
    return texte;
  } finally {
    await p.fermer();
  }
}

describe.skipIf(!CHROMIUM_PRESENT)("the HTML report in headless Chromium", () => {
  test("the README's fiche: every JSON figure shown, the room left and the excess said", async () => {
    const { html, json } = rapport("chaufferie", ["simuler", "fixtures/fiches/chaufferie.yaml"]);
    const texte = await verifierPage(html, json, "chaufferie.png");
    // Ceiling of ademe-investissement: 60 % × (1 200 000 − 400 000) = 480 000 € (Guide TI V5, fiche 8,
    // l.885-938: 55 % for a medium firm + 5 points in an AFR zone); asked 350 000 €: 130 000 € left.
    expect(texte).toContain("marge 130 000,00 €");
    // Cumul on the boiler: 350 000 + 150 000 = 500 000 € of public aid against 480 000 € (note 9,
    // l.2639): 20 000 € too much.
    expect(texte).toContain("dépassé de 20 000,00 €");
    expect(texte).toContain("Non conforme");
    // Dates in French.
    expect(texte).toContain("01/06/2019");
  });

  test("fixtures/contrat-exemple: totals, public share per fiche, de minimis position, links", async () => {
    const { html, json } = rapport("contrat", ["verifier", "fixtures/contrat-exemple"]);
    const texte = await verifierPage(html, json, "contrat-exemple.png");
    // Public share: 200 000 / 600 000 (TI-ARVE-01), 45 000 / 90 000, 12 000 / 24 000.
    expect(texte).toContain("33,33 %");
    expect(texte).toMatch(/TI-ARVE-02\s+90 000,00 €\s+45 000,00 €\s+50 %/);
    // De minimis of 741000020: 12 000 € in this plan + 30 000 € declared earlier = 42 000 € under the
    // 200 000 € ceiling (Règlement (UE) 1407/2013, art. 3, §2): 158 000 € left.
    expect(texte).toContain("42 000,00 € sur 200 000,00 € : reste 158 000,00 €");
  });

  test("a batch (lot) with rows in error: what fails first, linked to the fiche's page", async () => {
    const html = join(dossier, "lot.html");
    const r = tiAides(["lot", "fixtures/csv/contrat-exemple.csv", "--format", "html", "-o", html]);
    expect(r.code).toBe(0);
    const p = await ouvrir(html);
    try {
      const liens = await p.page.evaluate(() =>
        [...document.querySelectorAll("ol.echecs a")].map((a) => ({
          texte: a.textContent,
          cible: document.querySelector(a.getAttribute("href")!)?.querySelector("h2")?.textContent ?? null,
        })),
      );
      // TI-07 has "12O 000,00 €" (a letter O) in its amount: in error, first in the list with its link.
      const ti07 = liens.find((l) => l.texte === "Fiche TI-07");
      expect(ti07?.cible).toMatch(/^Fiche TI-07/);
      for (const l of liens) expect(l.cible).not.toBeNull();
      // 12 rows, TI-07 and TI-09 (31/02/2019) in error: 10 counted in the contract's totals, and said so.
      expect(await texteDe(p)).toMatch(/Fiches comptées dans les totaux\s*10 sur 12/);
      expect(p.erreurs).toEqual([]);
      expect(p.requetes).toEqual([]);
      mkdirSync(SORTIE, { recursive: true });
      await p.page.screenshot({ path: join(SORTIE, "lot-contrat-exemple.png") });
    } finally {
      await p.fermer();
    }
  });

  test("a beneficiary named <script> is shown, never run", async () => {
    const html = rapportHostile();
    const p = await ouvrir(html);
    try {
      const texte = await texteDe(p);
      expect(texte).toContain(NOM_HOSTILE);
      expect(await p.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(p.requetes).toEqual([]);
      expect(p.erreurs).toEqual([]);
    } finally {
      await p.fermer();
    }
  });
});

const NOM_HOSTILE = `<script>window.pwned = 1</script><img src="https://exemple.invalid/x.png" onerror="window.pwned = 2">`;

function rapportHostile(): string {
  const fiche = join(dossier, "hostile.yaml");
  const source = readFileSync(join(RACINE, "fixtures/fiches/chaufferie.yaml"), "utf8")
    .replace("nom: Scierie Exemple SAS", `nom: '${NOM_HOSTILE}'`)
    .replace("titre: Chaufferie biomasse mutualisée", `titre: '</title><script>window.pwned = 3</script>'`);
  writeFileSync(fiche, source);
  const html = join(dossier, "hostile.html");
  const r = tiAides(["simuler", fiche, "--format", "html", "-o", html]);
  expect(r.code).toBe(0);
  return html;
}

describe("the HTML report, without a browser", () => {
  let html: string;
  beforeAll(() => {
    html = readFileSync(rapportHostile(), "utf8");
  });
  afterAll(() => undefined);

  test("the input's text is escaped: no script, no element from the input", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;window.pwned = 1&lt;/script&gt;");
  });

  test("what each financer alone may still ask (the core's marges): the README's fiche", () => {
    const chemin = join(dossier, "chaufferie-marges.html");
    expect(
      tiAides(["simuler", "fixtures/fiches/chaufferie.yaml", "--format", "html", "-o", chemin]).code,
    ).toBe(0);
    const texte = readFileSync(chemin, "utf8")
      .replace(/<[^>]+>/g, " ")
      .replace(/[\u00a0\u202f\s]+/g, " ");
    expect(texte).toContain("Ce que chaque financeur peut encore demander");
    // Cumul ceiling of the boiler: 60 % × 800 000 = 480 000 € (Guide TI V5, fiche 8, l.909-914, l.927;
    // note 9, l.2639). The Region alone: 480 000 − 350 000 = 130 000 €; ADEME alone: 480 000 − 150 000
    // = 330 000 €; each asks 20 000 € too much.
    // Each financer by its name (core/marges/financeurs.ts, nomFinanceur), not its id alone.
    expect(texte).toMatch(
      /Région 150 000,00 € 130 000,00 € ✖ -20 000,00 € \(à réduire\) Cumul des aides \(chaudiere\)/,
    );
    expect(texte).toMatch(
      /ADEME \(ademe-investissement\) 350 000,00 € 330 000,00 € ✖ -20 000,00 € \(à réduire\)/,
    );
    // The plan's bar and its legend: 350 000 + 150 000 + 700 000 = 1 200 000 € (the fiche's lines).
    expect(texte).toContain(
      "1. ADEME (ademe-investissement) : 350 000,00 € ; 2. Région : 150 000,00 € ; 3. Autofinancement : 700 000,00 €",
    );
  });

  test("a contract's totals per financer: named, not ids", () => {
    const chemin = join(dossier, "contrat-noms.html");
    expect(tiAides(["verifier", "fixtures/contrat-exemple", "--format", "html", "-o", chemin]).code).toBe(0);
    const texte = readFileSync(chemin, "utf8")
      .replace(/<[^>]+>/g, " ")
      .replace(/[\u00a0\u202f\s]+/g, " ");
    // The three fiches' public lines: 200 000 + 45 000 + 12 000 € (fixtures/contrat-exemple/fiches).
    expect(texte).toContain(
      "ADEME (ademe-investissement) : 200 000,00 € (28,01 % du coût) ; Banque des Territoires (bdt-ingenierie) : 45 000,00 €",
    );
    expect(texte).toContain("DIRECCTE (direccte-conseil-rh) : 12 000,00 €");
  });

  test("self-contained: nothing to fetch, and a policy that forbids it", () => {
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });
});
