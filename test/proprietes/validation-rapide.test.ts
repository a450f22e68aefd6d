// Issue 20: the fast path of a fiche's validation — the validator generated from the zod schema
// (src/core/validation-fiche.generee.ts, written by src/core/schemas/generateur-validation.ts) — agrees with zod. On
// valid fiches and on almost valid ones (an unknown field, a wrong type, a null, a text or a list at
// its bounds, a wrong enum value, SIREN or date, "__proto__"…), it either gives exactly zod's output
// (same values, same Decimals, same defaults, same order of the fields) or hands the fiche to zod.
import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import { lireFiche } from "../../src/core/fiche.js";
import { ErreurSaisie } from "../../src/core/erreurs.js";
import { schemasFiche } from "../../src/core/schemas/fiche.js";
import { sansNulls } from "../../src/core/validation.js";
import { validerFicheRapide as rapide } from "../../src/core/validation-fiche.generee.js";
import { RENDU } from "../../src/core/validation-rapide.js";
import { fiche, siren } from "./arbitraires.js";

const ficheSchema = schemasFiche().fiche;

/** The value with every object's keys listed in order, so that two outputs compare field order too. */
function ordre(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordre);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype)
    return Object.entries(v).map(([k, x]) => [k, ordre(x)]);
  return v;
}

/** The property: the fast path answers as zod does (valider() strips nulls before zod), or hands over. */
function concorde(donnees: unknown): "rapide" | "rendu" {
  const r = rapide(donnees);
  if (r === RENDU) return "rendu";
  const z = ficheSchema.safeParse(sansNulls(donnees));
  expect(z.success, "le chemin rapide accepte une fiche que zod refuse").toBe(true);
  expect(r).toStrictEqual(z.data);
  expect(ordre(r)).toStrictEqual(ordre(z.data));
  return "rapide";
}

type Bloc = Record<string, unknown> | unknown[];

/** Every block and list of a fiche, with the path to it. */
function blocs(v: unknown, chemin: PropertyKey[] = []): [PropertyKey[], Bloc][] {
  if (!v || typeof v !== "object") return [];
  const enfants = Object.entries(v).flatMap(([k, x]) =>
    blocs(x, [...chemin, Array.isArray(v) ? Number(k) : k]),
  );
  return [[chemin, v as Bloc], ...enfants];
}

const { beneficiaire, depense, financement, aideAnterieure } = schemasFiche();
const TOUS_LES_CHAMPS = Object.keys({
  ...ficheSchema.shape,
  ...beneficiaire.shape,
  ...depense.shape,
  ...financement.shape,
  ...aideAnterieure.shape,
  zone: 0,
  afr: 0,
  effectif: 0,
});

const longueurs = [0, 1, 2, 99, 100, 101, 199, 200, 201, 499, 500, 501, 999, 1000, 1001];

/** Values near what the schema accepts: each may be valid somewhere and invalid elsewhere. */
const valeur: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 0.5, 1, 1.5, 2, Infinity, -Infinity, NaN),
  fc.constantFrom(
    ..."PE ME GE pe entreprise association metropole corse outre_mer guyane industrie".split(" "),
  ),
  fc.constantFrom("investissement", "etude", "subvention", "rgec", "general", "cdi", "bac+2", "regionale"),
  fc.constantFrom("2019-06-01", "2019-02-29", "2020-02-29", "2019-13-01", "2019-6-1", "2019-06-01T00:00"),
  fc.constantFrom("07-01", "13-01", "7-1", "12-31"),
  fc.constantFrom("1 234,56 €", "1234.567", "-5", "55 %", "120 %", "0,5", "abc", "", " "),
  fc.constantFrom("123456782", "123 456 782", "123456789", "12345678", 123456782, 123456789),
  siren,
  fc.constantFrom(...longueurs).map((n) => "x".repeat(n)),
  // Letters outside the BMP: two UTF-16 units each, one code point for zod's min and max.
  fc.constantFrom(...longueurs).map((n) => "😀".repeat(n)),
  fc.constant("é".repeat(200)),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant(new Date("2019-06-01")),
  fc.constantFrom([], {}, ["d0"], [""], [1], Object.create(null) as object),
  fc.constant(JSON.parse('{"__proto__": {"id": "x"}}') as unknown),
);

/** A change to one block of the fiche. */
const mutation = fc.record({
  bloc: fc.nat(),
  sorte: fc.constantFrom("remplacer", "supprimer", "ajouter", "lister"),
  cle: fc.nat(),
  nouvelle: fc.oneof(
    fc.constantFrom(...TOUS_LES_CHAMPS, "__proto__", "constructor", "toString", "efectif", "Id"),
    fc.string(),
  ),
  valeur,
  taille: fc.constantFrom(0, 1, 999, 1000, 1001),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function muter(donnees: Record<string, unknown>, m: Mutation): void {
  const liste = blocs(donnees);
  const [, bloc] = liste[m.bloc % liste.length];
  const cles = Object.keys(bloc);
  const cle = cles.length ? cles[m.cle % cles.length] : undefined;
  if (m.sorte === "remplacer" && cle !== undefined) (bloc as Record<string, unknown>)[cle] = m.valeur;
  else if (m.sorte === "supprimer" && cle !== undefined) delete (bloc as Record<string, unknown>)[cle];
  else if (m.sorte === "lister" && Array.isArray(bloc) && bloc.length)
    bloc.splice(0, bloc.length, ...Array.from({ length: m.taille }, () => structuredClone(bloc[0])));
  // A key written as data, as a parser gives it: "__proto__" stays a key, never the prototype.
  else if (!Array.isArray(bloc))
    Object.defineProperty(bloc, m.nouvelle, {
      value: m.valeur,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

afterEach(() => vi.restoreAllMocks());

describe("validation rapide d'une fiche", () => {
  test("lireFiche : une fiche valide ne passe pas par zod ; une fiche fautive, si, avec ses messages", () => {
    const zod = vi.spyOn(ficheSchema, "safeParse");
    const texte = `id: F
beneficiaire: {nature: entreprise, siren: 123 456 782}
depenses: [{id: d, nature: etude, montant: "1 200,50 €"}]
`;
    const f = lireFiche(texte, "f.yaml");
    expect(zod).not.toHaveBeenCalled();
    expect(f.beneficiaire.siren).toBe("123456782");
    expect(f.depenses[0].montant.toString()).toBe("1200.5");
    // A required field missing: zod decides, and says where.
    const e = (() => {
      try {
        lireFiche(
          "id: F\nbeneficiaire: {nature: entreprise}\ndepenses: [{id: d, nature: etude}]\n",
          "f.yaml",
        );
      } catch (x) {
        return x;
      }
    })();
    expect(zod).toHaveBeenCalledTimes(1);
    expect(e).toBeInstanceOf(ErreurSaisie);
    expect((e as ErreurSaisie).problemes).toMatchObject([
      { fichier: "f.yaml", ligne: 3, champ: "depenses[0].montant" },
    ]);
  });

  test("une fiche valide : même sortie que zod, sans passer par zod", () => {
    fc.assert(
      fc.property(fiche(), (f) => {
        expect(concorde(f)).toBe("rapide");
      }),
      { numRuns: 300, seed: 20 },
    );
  });

  test("une fiche presque valide : même sortie que zod, ou rendue à zod", () => {
    const issues = { rapide: 0, rendu: 0 };
    fc.assert(
      fc.property(fiche(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (f, ms) => {
        const donnees = structuredClone(f) as Record<string, unknown>;
        for (const m of ms) muter(donnees, m);
        issues[concorde(donnees)]++;
      }),
      { numRuns: 600, seed: 20 },
    );
    console.log(issues);
    // Both ways are taken: some changes keep the fiche valid (a text at its bound, a field removed…).
    expect(issues.rapide).toBeGreaterThan(100);
    expect(issues.rendu).toBeGreaterThan(100);
  });

  test("les champs d'un bloc dans un autre ordre : la sortie dans l'ordre du schéma, comme zod", () => {
    const melanger = (v: unknown, graine: number): unknown => {
      if (Array.isArray(v)) return v.map((x, i) => melanger(x, graine + i));
      if (!v || typeof v !== "object" || Object.getPrototypeOf(v) !== Object.prototype) return v;
      const entrees = Object.entries(v).map(([k, x], i) => [k, melanger(x, graine + i)] as const);
      // A fixed shuffle: by a hash of the key and the seed.
      const rang = (k: string) => [...k].reduce((h, c) => (h * 31 + c.charCodeAt(0) + graine) % 9973, 7);
      return Object.fromEntries(entrees.sort(([a], [b]) => rang(a) - rang(b)));
    };
    fc.assert(
      fc.property(fiche(), fc.nat(), (f, graine) => {
        expect(concorde(melanger(f, graine))).toBe("rapide");
      }),
      { numRuns: 200, seed: 20 },
    );
  });

  test("des cas choisis : rendus à zod quand zod pourrait répondre autrement", () => {
    const base = {
      id: "F",
      beneficiaire: { nature: "entreprise" },
      depenses: [{ id: "d", nature: "etude", montant: 10 }],
    };
    expect(concorde(base)).toBe("rapide");
    // Defaults written as zod writes them, a fresh object each time.
    expect(rapide(base)).toMatchObject({ localisation: { zone: "metropole", afr: false } });
    expect(concorde({ ...base, localisation: { zone: "corse" } })).toBe("rapide");
    expect(concorde({ ...base, titre: null })).toBe("rendu"); // a null is stripped before zod
    expect(concorde({ ...base, titre: undefined })).toBe("rendu");
    expect(concorde({ ...base, id: "😀".repeat(150) })).toBe("rendu"); // 300 units, 150 code points
    expect(concorde({ ...base, id: "x".repeat(201) })).toBe("rendu");
    expect(concorde({ ...base, id: "x".repeat(200) })).toBe("rapide");
    expect(concorde({ ...base, beneficiaire: { nature: "entreprise", siren: "123 456 782" } })).toBe(
      "rapide",
    );
    expect(concorde({ ...base, beneficiaire: { nature: "entreprise", siren: 123456782 } })).toBe("rapide");
    expect(concorde({ ...base, beneficiaire: { nature: "entreprise", siren: "123456789" } })).toBe("rendu");
    expect(concorde(JSON.parse(`{"__proto__": {}, "id": "F"}`))).toBe("rendu");
    expect(concorde(Object.assign(Object.create({ titre: "hérité" }) as object, base))).toBe("rendu");
    expect(concorde({ ...base, $schema: "./fiche.schema.json" })).toBe("rapide");
    expect(concorde({ ...base, localisation: { afr: true } })).toBe("rapide"); // zone by default
    expect(concorde({ ...base, beneficiaire: { nature: "entreprise", exercice_debut: "07-01" } })).toBe(
      "rapide",
    );
    expect(concorde({ ...base, beneficiaire: { nature: "entreprise", exercice_debut: "13-01" } })).toBe(
      "rendu",
    );
    const depense = { ...base.depenses[0], taux_max: "55 %", jours: 3, rentabilite_prevue: "-5 %" };
    expect(concorde({ ...base, depenses: [depense] })).toBe("rapide");
    expect(concorde({ ...base, depenses: [{ ...depense, taux_max: "120 %" }] })).toBe("rendu");
    expect(concorde({ ...base, depenses: [{ ...depense, jours: 2.5 }] })).toBe("rendu");
    const ligne = { financeur: "region", montant: 5 };
    expect(concorde({ ...base, financements: Array.from({ length: 1000 }, () => ligne) })).toBe("rapide");
    expect(concorde({ ...base, financements: Array.from({ length: 1001 }, () => ligne) })).toBe("rendu");
    expect(concorde({ ...base, financements: [{ ...ligne, depenses: [] }] })).toBe("rendu");
  });
});
