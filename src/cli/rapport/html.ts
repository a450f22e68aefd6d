// HTML written safely: every value put in a `balises` template is escaped, unless it is itself HTML built
// by `balises` (or a chart). Text from the input (a beneficiary named `<script>`) is shown, never run.

/** A piece of HTML already escaped: put as is in a template. */
export class Html {
  constructor(readonly texte: string) {}
  toString(): string {
    return this.texte;
  }
}

export type Valeur = Html | string | number | null | undefined | false | readonly Valeur[];

const ENTITES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as HTML (element content or a quoted attribute's value). */
export function echapper(texte: string): string {
  return texte.replace(/[&<>"']/g, (c) => ENTITES[c]);
}

function rendre(v: Valeur): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Html) return v.texte;
  if (Array.isArray(v)) return v.map(rendre).join("");
  return echapper(String(v));
}

/** balises`<p>${texte}</p>`: the values escaped, HTML values (and lists of them) kept. */
export function balises(morceaux: TemplateStringsArray, ...valeurs: Valeur[]): Html {
  let texte = morceaux[0];
  valeurs.forEach((v, i) => (texte += rendre(v) + morceaux[i + 1]));
  return new Html(texte);
}
