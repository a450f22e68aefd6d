// Opens a page in Debian's headless Chromium (driven by playwright-core), as offline as it gets: a
// fresh empty profile, no background network, and every request the page makes recorded (and
// refused). The tests that use it skip when /usr/bin/chromium is absent.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_PRESENT = existsSync(CHROMIUM);

const OPTIONS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface PageOuverte {
  page: Page;
  /** Console errors and uncaught page errors. */
  erreurs: string[];
  /** Every URL the page asked for beyond its own file. */
  requetes: string[];
  fermer(): Promise<void>;
}

export async function ouvrir(fichierHtml: string): Promise<PageOuverte> {
  // launchPersistentContext: the profile folder is ours, new and empty (--user-data-dir).
  const profil = mkdtempSync(join(tmpdir(), "ti-aides-chromium-"));
  const contexte: BrowserContext = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    args: OPTIONS,
    viewport: { width: 1000, height: 1400 },
  });
  const adresse = pathToFileURL(fichierHtml).href;
  const erreurs: string[] = [];
  const requetes: string[] = [];
  await contexte.route("**/*", (route) => {
    const url = route.request().url();
    if (url === adresse) return route.continue();
    requetes.push(url);
    return route.abort();
  });
  const page = contexte.pages()[0] ?? (await contexte.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") erreurs.push(m.text());
  });
  page.on("pageerror", (e) => erreurs.push(e.message));
  page.on("requestfailed", (r) => {
    if (r.url() !== adresse && !requetes.includes(r.url())) requetes.push(r.url());
  });
  await page.goto(adresse, { waitUntil: "load" });
  return {
    page,
    erreurs,
    requetes,
    fermer: async () => {
      await contexte.close();
      rmSync(profil, { recursive: true, force: true });
    },
  };
}
