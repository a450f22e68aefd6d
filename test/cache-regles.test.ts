// The rules cache of the command line (src/cli/cache-regles.ts): what it gives back is exactly what
// reading the rule files gives, it is used when nothing changed, and any change or damage makes the
// rules be read again.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { D } from "../src/core/argent.js";
import { decoder, encoder, planDuGuideAvecCache, reglesAvecCache } from "../src/cli/cache-regles.js";
import { chargerPlanDuGuide, chargerRegles } from "../src/regles-disque.js";

let cache: string;
const avant = process.env.TI_AIDES_CACHE;
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), "ti-aides-cache-"));
  process.env.TI_AIDES_CACHE = cache;
});
const aNettoyer: string[] = [];
afterEach(() => {
  if (avant === undefined) delete process.env.TI_AIDES_CACHE;
  else process.env.TI_AIDES_CACHE = avant;
  for (const d of [cache, ...aNettoyer.splice(0)]) rmSync(d, { recursive: true, force: true });
});

function entrees(): string[] {
  return readdirSync(cache).filter((n) => n.endsWith(".json"));
}

/** A regional folder overriding pia-campus with the given rate (instead of the guide's 50 %, fiche 15, l.1560). */
function region(taux: string): string {
  const dossier = mkdtempSync(join(tmpdir(), "ti-aides-region-"));
  aNettoyer.push(dossier);
  const texte = readFileSync("rules/dispositifs/pia-campus.yaml", "utf8").replaceAll(
    "valeur: 0.5",
    `valeur: ${taux}`,
  );
  writeFileSync(join(dossier, "pia-campus.yaml"), texte);
  return dossier;
}

function tauxCampus(ref: ReturnType<typeof chargerRegles>): string {
  const c = ref.dispositifs.get("pia-campus")!.calcul;
  if (c.type !== "taux" || !c.taux) throw new Error("pia-campus n'est plus un calcul de taux");
  return (c.taux[0].valeur as InstanceType<typeof D>).toFixed(2);
}

describe("the stored form", () => {
  test("decoding the encoded rules gives them back exactly: decimals as D, Maps, absent fields", () => {
    const ref = chargerRegles();
    const relu = decoder(JSON.parse(JSON.stringify(encoder(ref)))) as typeof ref;
    expect(relu).toStrictEqual(ref);
    expect(relu.dispositifs).toBeInstanceOf(Map);
    expect(relu.dispositifs.get("pia-campus")!.calcul.type).toBe("taux");
    const c = relu.dispositifs.get("ademe-investissement")!.calcul;
    // The conditions and calculations test `instanceof D`: a decimal must come back as one.
    if (c.type === "taux") expect(c.taux_max[0].valeur).toBeInstanceOf(D);
  });

  test("keys starting with $ and __proto__ stay plain keys; what cannot be stored is refused", () => {
    const v = { $d: "1", a: [undefined, null, new D("0.1")], m: new Map([["k", { $m: 1 }]]) };
    expect(decoder(JSON.parse(JSON.stringify(encoder(v))))).toStrictEqual(v);
    const proto = JSON.parse('{"__proto__": {"pollue": true}}');
    const relu = decoder(encoder(proto)) as Record<string, unknown>;
    expect(Object.keys(relu)).toEqual(["__proto__"]);
    expect(relu.pollue).toBeUndefined();
    expect(() => encoder({ d: new Date(0) })).toThrow();
    expect(() => encoder({ x: Number.NaN })).toThrow();
  });
});

describe("the cache", () => {
  test("the first run stores the rules, the next one reads them back from the entry", () => {
    const frais = chargerRegles();
    expect(reglesAvecCache([])).toStrictEqual(frais);
    expect(entrees()).toHaveLength(1);
    // Proof that the second run reads the entry: a value changed in it (same key, hash recomputed) comes back.
    const f = join(cache, entrees()[0]);
    const [entete, corps] = readFileSync(f, "utf8").split("\n");
    const change = corps.replace(
      '"nom":"PIA — Campus des métiers et des qualifications"',
      '"nom":"lu dans le cache"',
    );
    const empreinte = createHash("sha256").update(change).digest("hex");
    writeFileSync(f, `${JSON.stringify({ ...JSON.parse(entete), empreinte })}\n${change}`);
    expect(reglesAvecCache([]).dispositifs.get("pia-campus")!.nom).toBe("lu dans le cache");
    // The same change without its hash (a damaged or hand-edited entry) is not trusted.
    writeFileSync(f, `${entete}\n${change}`);
    expect(reglesAvecCache([]).dispositifs.get("pia-campus")!.nom).toBe(
      frais.dispositifs.get("pia-campus")!.nom,
    );
  });

  test("a changed rule file is read again, never served stale", () => {
    const dossier = region("0.4");
    expect(tauxCampus(reglesAvecCache([dossier]))).toBe("0.40");
    writeFileSync(
      join(dossier, "pia-campus.yaml"),
      readFileSync(join(dossier, "pia-campus.yaml"), "utf8").replaceAll("valeur: 0.4", "valeur: 0.3"),
    );
    expect(tauxCampus(reglesAvecCache([dossier]))).toBe("0.30");
    // The built-in rules and each regional set have their own entry.
    expect(tauxCampus(reglesAvecCache([]))).toBe("0.50");
    expect(entrees()).toHaveLength(3);
  });

  test("the warnings of a regional override are kept with the rules", () => {
    const dossier = region("0.4");
    const a = reglesAvecCache([dossier]).avertissements;
    expect(a.join("\n")).toMatch(/pia-campus.*remplace la règle intégrée/);
    expect(reglesAvecCache([dossier]).avertissements).toEqual(a);
  });

  test("a damaged entry is ignored and rewritten", () => {
    reglesAvecCache([]);
    const f = join(cache, entrees()[0]);
    writeFileSync(f, readFileSync(f, "utf8").slice(0, 1000));
    expect(reglesAvecCache([])).toStrictEqual(chargerRegles());
    const [entete, corps] = readFileSync(f, "utf8").split("\n");
    expect(() => JSON.parse(corps)).not.toThrow();
    expect(JSON.parse(entete)).toHaveProperty("empreinte");
  });

  test("TI_AIDES_CACHE=0 reads the rules every time and writes nothing", () => {
    process.env.TI_AIDES_CACHE = "0";
    expect(reglesAvecCache([])).toStrictEqual(chargerRegles());
    expect(entrees()).toHaveLength(0);
  });

  test("an unwritable cache folder is no error: the rules are read", () => {
    const fichier = join(cache, "un-fichier");
    writeFileSync(fichier, "");
    process.env.TI_AIDES_CACHE = join(fichier, "dessous"); // a folder under a file cannot be made
    expect(reglesAvecCache([])).toStrictEqual(chargerRegles());
    expect(existsSync(join(fichier, "dessous"))).toBe(false);
  });
});

// The plan of the guide (rules/parametres/guide.yaml), read by every table to make sources readable,
// is kept the same way, in an entry of its own (issue 20: ~70 ms of each `simuler` in a table).
describe("the plan of the guide", () => {
  const entreeGuide = () => {
    const n = entrees().filter((x) => x.startsWith("guide-"));
    expect(n).toHaveLength(1);
    return join(cache, n[0]);
  };
  // guide.yaml, l.9: fiche 1's title as the guide writes it (guide l.239).
  const TITRE_FICHE_1 =
    "La Banque des Territoires s'engage auprès des territoires en ingénierie pour le développement des écosystèmes locaux industriels";

  test("stored at the first call, read back at the next; an entry changed without its hash is not trusted", () => {
    const frais = chargerPlanDuGuide();
    expect(planDuGuideAvecCache()).toStrictEqual(frais);
    const f = entreeGuide();
    const [entete, corps] = readFileSync(f, "utf8").split("\n");
    expect(corps).toContain(JSON.stringify(TITRE_FICHE_1));
    const change = corps.replace(JSON.stringify(TITRE_FICHE_1), '"lu dans le cache"');
    const empreinte = createHash("sha256").update(change).digest("hex");
    writeFileSync(f, `${JSON.stringify({ ...JSON.parse(entete), empreinte })}\n${change}`);
    expect(planDuGuideAvecCache().sections.find((s) => s.fiche === 1)!.titre).toBe("lu dans le cache");
    writeFileSync(f, `${entete}\n${change}`);
    expect(planDuGuideAvecCache().sections.find((s) => s.fiche === 1)!.titre).toBe(TITRE_FICHE_1);
  });

  test("an entry of the right key and hash but not the shape of a plan is rebuilt", () => {
    planDuGuideAvecCache();
    const f = entreeGuide();
    const entete = JSON.parse(readFileSync(f, "utf8").split("\n")[0]) as Record<string, unknown>;
    // Sections out of the guide's order: what the schema refuses (plan-du-guide.ts).
    const corps = JSON.stringify({
      source: "x",
      sections: [
        { ligne: 9, titre: "b" },
        { ligne: 3, titre: "a" },
      ],
    });
    const empreinte = createHash("sha256").update(corps).digest("hex");
    writeFileSync(f, `${JSON.stringify({ ...entete, empreinte })}\n${corps}`);
    expect(planDuGuideAvecCache()).toStrictEqual(chargerPlanDuGuide());
  });

  test("TI_AIDES_CACHE=0: read from guide.yaml, nothing written", () => {
    process.env.TI_AIDES_CACHE = "0";
    expect(planDuGuideAvecCache()).toStrictEqual(chargerPlanDuGuide());
    expect(entrees()).toHaveLength(0);
  });
});
