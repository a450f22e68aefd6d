// Writes the fast validator of a zod schema as TypeScript source (validation-fiche.generee.ts), from
// the schema's definition (`_zod.def`): strict objects, texts with min/max/regex, enumerations,
// booleans, numbers, lists with min/max, optional, default, a union of plain types, pipes, and the
// transforms and refinements named in lectures.ts. The code accepts only what zod accepts and builds
// the same output; anything it is not sure of gives RENDU, and zod decides (validation.ts). A kind of
// schema not handled here, or a transform or refinement without a name, stops the generation: the
// schema changed, the generator must learn it. Run at development time only (`npm run generer`, and
// test/validation-generee.test.ts checks the committed file is what it writes), never on user input.

import { schemaDateIso } from "../parametres.js";
import { LECTURES, schemasCommuns } from "./communs.js";
import { schemasFiche } from "./fiche.js";
import * as lectures from "./lectures.js";

type Def = Record<string, unknown> & { type?: string; checks?: unknown[] };

export interface OptionsGeneration {
  /** The exported function's name. */
  nom: string;
  /** The output type's name, imported as a type from `typeDepuis`. */
  type: string;
  typeDepuis: string;
  /** The named functions the schema's transforms and refinements are (lectures.ts), and its path. */
  fonctions: Record<string, unknown>;
  fonctionsDepuis: string;
  /** The reading each `lecture` transform applies (communs.ts, LECTURES). */
  lectures: WeakMap<object, unknown>;
  /** Schemas used in several places, by the name their function takes (else, its first path's). */
  partages: Record<string, unknown>;
  /** What generated the file, said in its header. */
  commande: string;
}

function definition(s: unknown): Def {
  const def = (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (!def) throw new Error("pas un schéma zod");
  return def;
}

/** The source of the validator of `schema`. */
export function genererValidation(schema: unknown, o: OptionsGeneration): string {
  const g = new Generateur(o);
  const racine = g.valeur(schema, "fiche", "fiche");
  const noms = [...g.utilisees].sort();
  return [
    `// Généré par « ${o.commande} » depuis le schéma zod (src/core/schemas/generateur-validation.ts) :`,
    "// ne pas modifier à la main. Le validateur rapide d'une fiche, sans zod : sa sortie est celle de",
    "// zod, ou RENDU quand il n'est pas sûr (zod décide alors, et écrit les messages).",
    `import type { ${o.type} } from "${o.typeDepuis}";`,
    noms.length ? `import { ${noms.join(", ")} } from "${o.fonctionsDepuis}";` : "",
    `import { estBloc, nombreDeCles, RENDU, texteAuMoins } from "./validation-rapide.js";`,
    "",
    `export function ${o.nom}(v: unknown): ${o.type} | typeof RENDU {`,
    `  return ${racine}(v) as ${o.type} | typeof RENDU;`,
    "}",
    "",
    ...g.constantes,
    "",
    ...g.fonctions.flatMap((f) => f()),
  ].join("\n");
}

/** A function written: its name, the paths of the fiche it checks, the functions it calls. */
interface Emise {
  nom: string;
  chemins: string[];
  appelees: Emise[];
}

function ajouterChemin(e: Emise, chemin: string): void {
  if (e.chemins.includes(chemin)) return;
  e.chemins.push(chemin);
  for (const a of e.appelees) ajouterChemin(a, chemin);
}

class Generateur {
  /** Each function's lines, written once all its paths are known. */
  readonly fonctions: (() => string[])[] = [];
  readonly constantes: string[] = [];
  readonly utilisees = new Set<string>();
  private readonly parSchema = new Map<unknown, Emise>();
  private readonly enCours: Emise[] = [];
  private readonly enumerations = new Map<string, string>();
  private readonly parFonction = new Map<unknown, string>();

  private readonly nomPartage: Map<unknown, string>;

  constructor(private readonly o: OptionsGeneration) {
    this.nomPartage = new Map(Object.entries(o.partages).map(([nom, schema]) => [schema, nom]));
    for (const [nom, f] of Object.entries(o.fonctions))
      if (typeof f === "function") this.parFonction.set(f, nom);
  }

  /** The name of a function of lectures.ts, or a stop. */
  private nommee(f: unknown, quoi: string): string {
    const nom = this.parFonction.get(f);
    if (!nom)
      throw new Error(`${quoi} sans nom dans lectures.ts : le validateur généré ne peut pas l'appeler`);
    this.utilisees.add(nom);
    return nom;
  }

  /** Emits the function validating one value of `schema` (once per schema); returns its name. */
  valeur(schema: unknown, nom: string, chemin: string): string {
    const deja = this.parSchema.get(schema);
    if (deja) {
      this.enCours.at(-1)?.appelees.push(deja);
      ajouterChemin(deja, chemin);
      return deja.nom;
    }
    nom = this.nomPartage.get(schema) ?? nom;
    const emise: Emise = { nom, chemins: [chemin], appelees: [] };
    this.enCours.at(-1)?.appelees.push(emise);
    this.parSchema.set(schema, emise);
    const def = definition(schema);
    this.enCours.push(emise);
    const corps = def.type === "object" ? this.objet(def, nom, chemin) : this.simple(def, nom, chemin);
    this.enCours.pop();
    this.fonctions.push(() => [
      `/** ${emise.chemins.join(", ")} */`,
      `function ${nom}(x: unknown): unknown {`,
      ...corps,
      "}",
      "",
    ]);
    return nom;
  }

  /** A value that is not an object: its base (the value, or statements that set `r`), then its checks. */
  private simple(def: Def, nom: string, chemin: string): string[] {
    const base = this.base(def, nom, chemin);
    const sorte = def.type === "string" ? "texte" : def.type === "array" ? "liste" : "valeur";
    const verifications = (def.checks ?? []).map((ch) => this.verification(ch, sorte, chemin));
    if ("garde" in base) {
      // The value itself is the output: one test.
      return [`  if (${[base.garde, ...verifications].join(" || ")}) return RENDU;`, "  return x;"];
    }
    return [
      ...base.instructions,
      // zod runs the checks on what the parse gave: nothing to check when the fast path gave up.
      // (A list built here is never RENDU.)
      ...(verifications.length
        ? [
            `  if (${[...(sorte === "liste" ? [] : ["r === RENDU"]), ...verifications].join(" || ")}) return RENDU;`,
          ]
        : []),
      "  return r;",
    ];
  }

  /** The value parsed by the schema without its checks: a test that refuses (`garde`, the output being
   *  the value itself), or statements that set `r` or return RENDU. */
  private base(def: Def, nom: string, chemin: string): { garde: string } | { instructions: string[] } {
    if (def.coerce) throw new Error(`${chemin} : coercition non traitée`);
    switch (def.type) {
      case "string":
        return { garde: 'typeof x !== "string"' };
      case "number":
        return { garde: '(typeof x !== "number" || !Number.isFinite(x))' };
      case "boolean":
        return { garde: 'typeof x !== "boolean"' };
      case "unknown":
        // A block or list here would be stripped of its nulls before zod: left to zod.
        return { garde: '(typeof x === "object" && x !== null)' };
      case "enum":
        return { garde: `!${this.permis(def, nom, chemin)}.has(x)` };
      case "union":
        return { garde: this.union(def, chemin) };
      case "optional":
        return {
          instructions: [
            "  if (x === undefined) return RENDU;",
            `  const r = ${this.valeur(def.innerType, nom + "Present", chemin)}(x);`,
          ],
        };
      case "default": {
        const interieur = this.valeur(def.innerType, nom + "Donne", chemin);
        const defaut = litteral(def.defaultValue, chemin);
        // zod writes its default for an absent value, and for an inner result that is undefined.
        return {
          instructions: [
            `  if (x === undefined) return ${defaut};`,
            `  const donne = ${interieur}(x);`,
            `  const r = donne === undefined ? ${defaut} : donne;`,
          ],
        };
      }
      case "pipe": {
        const entree = this.valeur(def.in, nom + "Entree", chemin);
        const sortie = this.valeur(def.out, nom + "Sortie", chemin);
        return {
          instructions: [
            `  const e = ${entree}(x);`,
            "  if (e === RENDU) return RENDU;",
            `  const r = ${sortie}(e);`,
          ],
        };
      }
      case "transform": {
        const lecture = this.o.lectures.get(def.transform as object);
        if (lecture) {
          const f = this.nommee(lecture, `${chemin} : lecture`);
          return {
            instructions: [`  const lu = ${f}(x);`, "  if (!lu.ok) return RENDU;", "  const r = lu.valeur;"],
          };
        }
        // A transform that is not a reading never adds an issue (lectures.ts): its result is the value.
        const f = this.nommee(def.transform, `${chemin} : transformation`);
        return { instructions: [`  const r = ${f}(x as ${parametre(f)});`] };
      }
      case "array":
        return { instructions: this.liste(def, nom, chemin) };
      default:
        throw new Error(`${chemin} : sorte de schéma « ${def.type} » non traitée par le générateur`);
    }
  }

  /** The set of an enumeration's values, one constant per list of values. */
  private permis(def: Def, nom: string, chemin: string): string {
    const valeurs = Object.values(def.entries as object);
    if (!valeurs.every((x) => typeof x === "string"))
      throw new Error(`${chemin} : énumération non textuelle`);
    const cle = JSON.stringify(valeurs);
    let constante = this.enumerations.get(cle);
    if (!constante) {
      constante = `${nom}Permis`;
      this.enumerations.set(cle, constante);
      this.constantes.push(`const ${constante} = new Set<unknown>(${cle});`);
    }
    return constante;
  }

  /** A union of plain types (a SIREN written as text or number): the first option that accepts. */
  private union(def: Def, chemin: string): string {
    if (def.inclusive === false || def.discriminator !== undefined)
      throw new Error(`${chemin} : union non traitée`);
    const tests = (def.options as unknown[]).map((o) => {
      const d = definition(o);
      if (d.coerce || d.checks?.length) throw new Error(`${chemin} : union non traitée`);
      if (d.type === "string") return 'typeof x === "string"';
      if (d.type === "number") return '(typeof x === "number" && Number.isFinite(x))';
      if (d.type === "boolean") return 'typeof x === "boolean"';
      throw new Error(`${chemin} : union non traitée`);
    });
    return `!(${tests.join(" || ")})`;
  }

  private liste(def: Def, nom: string, chemin: string): string[] {
    const element = this.valeur(def.element, nom + "Element", `${chemin}[i]`);
    return [
      "  if (!Array.isArray(x)) return RENDU;",
      "  const r = new Array<unknown>(x.length);",
      "  for (let i = 0; i < x.length; i++) {",
      "    const e: unknown = x[i];",
      "    if (e === null) return RENDU; // stripped before zod (sansNulls): zod's answer may differ",
      `    const s = ${element}(e);`,
      "    if (s === RENDU) return RENDU;",
      "    r[i] = s;",
      "  }",
    ];
  }

  /** A check zod runs on the parsed value (`x` for a text, `r` otherwise), as a test that is true where
   *  the fast path is not sure zod's would pass. */
  private verification(ch: unknown, sorte: "texte" | "liste" | "valeur", chemin: string): string {
    const d = definition(ch);
    const v = sorte === "texte" ? "x" : "r";
    switch (d.check) {
      case "min_length":
        // zod counts a text in code points (texteAuMoins), a list in elements.
        if (sorte === "texte") return `!texteAuMoins(x, ${num(d.minimum)})`;
        if (sorte === "liste") return `r.length < ${num(d.minimum)}`;
        break;
      case "max_length":
        // A text's code points are at most its UTF-16 units.
        if (sorte !== "valeur") return `${v}.length > ${num(d.maximum)}`;
        break;
      case "string_format": {
        const motif = d.pattern;
        if (
          sorte === "texte" &&
          d.format === "regex" &&
          motif instanceof RegExp &&
          !motif.global &&
          !motif.sticky
        )
          return `!${motif.toString()}.test(x)`;
        break;
      }
      case "custom": {
        if (d.type !== "custom" || d.when !== undefined || d.abort !== undefined) break;
        const f = this.nommee(d.fn, `${chemin} : vérification`);
        return `!${f}(${v}${sorte === "texte" ? "" : ` as ${parametre(f)}`})`;
      }
    }
    throw new Error(`${chemin} : vérification « ${String(d.check)} » non traitée`);
  }

  /** A strict object: every field known and not null, the output's fields in the schema's order. */
  private objet(def: Def, nom: string, chemin: string): string[] {
    if (!def.catchall || definition(def.catchall).type !== "never")
      throw new Error(`${chemin} : objet non strict`);
    if (def.checks?.length) throw new Error(`${chemin} : vérification d'objet non traitée`);
    const forme = def.shape as Record<string, unknown>;
    const lignes = [
      "  if (!estBloc(x)) return RENDU;",
      "  const s: Record<string, unknown> = {};",
      "  let vus = 0;",
      "  let v: unknown;",
      "  let r: unknown;",
    ];
    for (const [cle, champ] of Object.entries(forme)) {
      if (!/^[$A-Za-z_][$\w]*$/.test(cle)) throw new Error(`${chemin} : nom de champ « ${cle} » non traité`);
      const d = definition(champ);
      const absent = absence(champ);
      // The optional wrapper is the field's absence, handled here: its inner schema checks the value.
      const valide = this.valeur(
        absent === "omettre" && d.type === "optional" ? d.innerType : champ,
        nom + majuscule(cle),
        `${chemin}.${cle}`,
      );
      const donne = [
        // null: stripped before zod (sansNulls); undefined present: zod's rules are subtle
        `    if (v === null || (r = ${valide}(v)) === RENDU || r === undefined) return RENDU;`,
        `    s.${cle} = r;`,
        "    vus++;",
      ];
      lignes.push(`  v = x.${cle};`);
      if (absent === "rendre")
        lignes.push("  if (v === undefined) return RENDU; // required: zod's message", "  else {");
      else lignes.push("  if (v !== undefined) {");
      lignes.push(...donne);
      if (absent === "defaut")
        lignes.push("  } else {", `    s.${cle} = ${litteral(d.defaultValue, chemin + "." + cle)};`);
      lignes.push("  }");
    }
    // A field the schema does not know (or an own "__proto__", or one present as undefined): zod's.
    lignes.push("  return nombreDeCles(x) === vus ? s : RENDU;");
    return lignes;
  }
}

/** What zod does with an absent field: leave it out (.optional()), write its default (.default()), or
 *  something else (a required field's message…), left to zod. */
function absence(s: unknown): "omettre" | "defaut" | "rendre" {
  const zod = (s as { _zod: { optin?: string; optout?: string } })._zod;
  if (zod.optin === "optional" && zod.optout === "optional") return "omettre";
  if (definition(s).type === "default") return "defaut";
  return "rendre";
}

/** A default value as a literal: a fresh copy at each use, as zod's getter gives it. */
function litteral(v: unknown, chemin: string): string {
  const texte = JSON.stringify(v);
  if (texte === undefined || !egauxJson(JSON.parse(texte), v))
    throw new Error(`${chemin} : valeur par défaut non écrite en JSON`);
  return texte;
}

function egauxJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || !a || !b) return false;
  if (Object.getPrototypeOf(b) !== Object.getPrototypeOf(a)) return false;
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length &&
    ka.every((k) => egauxJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** The type of a named function's parameter, as the generated code casts to it. */
function parametre(f: string): string {
  return `Parameters<typeof ${f}>[0]`;
}

function num(n: unknown): string {
  if (typeof n !== "number" || !Number.isSafeInteger(n)) throw new Error(`borne ${String(n)} non entière`);
  return String(n);
}

function majuscule(cle: string): string {
  return cle
    .replace(/^\$/, "dollar_")
    .split("_")
    .map((m) => m.charAt(0).toUpperCase() + m.slice(1))
    .join("");
}

/** The source of src/core/validation-fiche.generee.ts, before prettier formats it. */
export function sourceValidationFiche(): string {
  const { fiche, beneficiaire } = schemasFiche();
  const siren = definition(beneficiaire.shape.siren).innerType;
  const { montant, nombre, taux, entier, fractionSignee } = schemasCommuns();
  const dateIso = schemaDateIso();
  return genererValidation(fiche, {
    partages: { identifiant: fiche.shape.id, siren, dateIso, montant, nombre, taux, entier, fractionSignee },
    nom: "validerFicheRapide",
    type: "Fiche",
    typeDepuis: "./schemas/fiche.js",
    fonctions: lectures,
    fonctionsDepuis: "./schemas/lectures.js",
    lectures: LECTURES,
    commande: "npm run generer",
  });
}
