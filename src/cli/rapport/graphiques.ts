// The report's charts, in SVG written here (no library, nothing loaded): a stacked bar with ceiling
// marks, gauges (an amount against its ceiling), plain bars. Each chart has a title and a text
// description (role="img", aria-labelledby) and never speaks by colour alone: segments carry a
// number and a pattern, marks a letter, gauges their figures in words.
import { D, type Dec } from "../../core/argent.js";
import { balises, Html } from "./html.js";

const LARGEUR = 720;
const MARGE = 12;
const UTILE = LARGEUR - 2 * MARGE;

/** Okabe–Ito colours, told apart by colour-blind readers; the light ones under 3:1 against white, so every shape is edged in black. */
const COULEURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];
export const COULEUR_PRIVE = "#BDBDBD";
/** Patterns laid over the colours, so that two segments differ without colour too. */
const MOTIFS = [
  "",
  '<path d="M0,8 L8,0" stroke="#000" stroke-opacity=".45" stroke-width="1.5"/>',
  '<circle cx="4" cy="4" r="1.4" fill="#000" fill-opacity=".5"/>',
  '<path d="M0,4 L8,4" stroke="#000" stroke-opacity=".45" stroke-width="1.5"/>',
  '<path d="M4,0 L4,8" stroke="#000" stroke-opacity=".45" stroke-width="1.5"/>',
  '<path d="M0,0 L8,8 M0,8 L8,0" stroke="#000" stroke-opacity=".4" stroke-width="1"/>',
];

/** Ids unique in the page: each chart's title, description and patterns. */
export class Numeroteur {
  private n = 0;
  suivant(prefixe: string): string {
    return `${prefixe}-${++this.n}`;
  }
}

export interface Segment {
  libelle: string;
  montant: Dec;
  /** A private share (self-financing): grey and hatched, after the public ones. */
  prive?: boolean;
}

export interface Repere {
  /** Its letter on the chart: "A", "B"… said again in the legend. */
  lettre: string;
  position: Dec;
}

/** The colour and pattern of the k-th segment (the legend shows the same swatch). */
export function apparence(k: number, prive = false): { couleur: string; motif: number } {
  return prive
    ? { couleur: COULEUR_PRIVE, motif: 1 }
    : { couleur: COULEURS[k % COULEURS.length], motif: k % MOTIFS.length };
}

function defsMotifs(id: string): Html {
  return balises`<defs
    >${MOTIFS.map(
      (m, k) =>
        // The patterns are this module's constants, not input: kept as they are.
        balises`<pattern id="${id}-m${k}" width="8" height="8" patternUnits="userSpaceOnUse"
          >${new Html(m)}</pattern
        >`,
    )}</defs
  >`;
}

/** A chart: its title and text description first, then what it draws. */
function svg(id: string, hauteur: number, titre: string, description: string, contenu: Html | Html[]): Html {
  return balises`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="graphique"
    viewBox="0 0 ${LARGEUR} ${hauteur}"
    width="100%"
    role="img"
    aria-labelledby="${id}-t ${id}-d"
    font-family="system-ui, 'DejaVu Sans', sans-serif"
    font-size="13"
  >
    <title id="${id}-t">${titre}</title>
    <desc id="${id}-d">${description}</desc>
    ${defsMotifs(id)}
    ${contenu}
  </svg>`;
}

const px = (x: Dec, echelle: Dec): number =>
  echelle.isZero() ? 0 : Number(x.dividedBy(echelle).times(UTILE).toFixed(2));

function rectangle(id: string, x: number, y: number, l: number, h: number, couleur: string, motif: number) {
  return balises`<rect
      x="${MARGE + x}"
      y="${y}"
      width="${l}"
      height="${h}"
      fill="${couleur}"
      stroke="#000"
      stroke-width="1"
    />${
      motif
        ? balises`<rect x="${MARGE + x}" y="${y}" width="${l}" height="${h}" fill="url(#${id}-m${motif})" />`
        : ""
    }`;
}

/**
 * The financing plan: one bar, its segments in order from 0, the total as its length; ceiling marks
 * (dashed lines with a letter) where they fall on the same scale.
 */
export function barreEmpilee(
  n: Numeroteur,
  o: { titre: string; description: string; total: Dec; segments: Segment[]; reperes: Repere[] },
): Html {
  const id = n.suivant("g");
  const somme = o.segments.reduce((s, x) => s.plus(x.montant), new D(0));
  const echelle = [o.total, somme, ...o.reperes.map((r) => r.position)].reduce((a, b) =>
    b.greaterThan(a) ? b : a,
  );
  const y = 30;
  const h = 40;
  let x = new D(0);
  let publics = 0;
  const morceaux = o.segments.map((s, k) => {
    const { couleur, motif } = apparence(s.prive ? 0 : publics++, s.prive);
    const debut = px(x, echelle);
    x = x.plus(s.montant);
    const largeur = Math.max(0, px(x, echelle) - debut);
    const numero =
      largeur >= 14
        ? balises`<text
            x="${MARGE + debut + largeur / 2}"
            y="${y - 8}"
            text-anchor="middle"
            font-weight="bold"
            fill="#000"
            >${k + 1}</text
          >`
        : "";
    return balises`${rectangle(id, debut, y, largeur, h, couleur, motif)}${numero}`;
  });
  // Marks at the same place share one line, their letters side by side ("A, B").
  const parPosition = new Map<string, string[]>();
  for (const r of o.reperes)
    parPosition.set(r.position.toFixed(2), [...(parPosition.get(r.position.toFixed(2)) ?? []), r.lettre]);
  const reperes = [...parPosition].map(([position, lettres], k) => {
    const rx = MARGE + px(new D(position), echelle);
    const ly = y + h + 16 + (k % 2) * 16;
    return balises`<line
        x1="${rx}"
        y1="${y - 4}"
        x2="${rx}"
        y2="${ly - 11}"
        stroke="#000"
        stroke-width="2"
        stroke-dasharray="5 3"
      /><text x="${rx}" y="${ly}" text-anchor="middle" font-weight="bold" fill="#000"
        >${lettres.join(", ")}</text
      >`;
  });
  const hauteur = y + h + 16 + (parPosition.size > 1 ? 32 : parPosition.size ? 16 : 0) + 8;
  const cadre = balises`<rect x="${MARGE}" y="${y}" width="${px(o.total, echelle)}" height="${h}" fill="none" stroke="#000" stroke-width="1"/>`;
  return svg(id, hauteur, o.titre, o.description, [cadre, ...morceaux, ...reperes]);
}

export interface Jauge {
  libelle: string;
  valeur: Dec;
  limite: Dec;
  /** The figures said in words beside the gauge ("350 000,00 € sur 480 000,00 € : reste …"). */
  texte: string;
}

/**
 * Amounts against their ceilings, one row each on its own scale (ceilings differ by orders of
 * magnitude): the amount filled, the room left hatched up to the ceiling's line, an excess beyond it
 * cross-hatched and said in the row's text.
 */
export function jauges(n: Numeroteur, o: { titre: string; description: string; lignes: Jauge[] }): Html {
  const id = n.suivant("g");
  const pas = 76;
  const lignes = o.lignes.map((l, k) => {
    const y = 8 + k * pas;
    const echelle = (l.valeur.greaterThan(l.limite) ? l.valeur : l.limite).times(1.05);
    const v = px(l.valeur, echelle);
    const lim = px(l.limite, echelle);
    const dedans = Math.min(v, lim);
    const barreY = y + 22;
    return balises`<text x="${MARGE}" y="${y + 14}" fill="#000" font-weight="bold">${l.libelle}</text>
      <text x="${MARGE}" y="${barreY + 36}" fill="#000">${l.texte}</text>
      <rect x="${MARGE}" y="${barreY}" width="${lim}" height="18" fill="#fff" stroke="#555" />
      <rect
        x="${MARGE + dedans}"
        y="${barreY}"
        width="${Math.max(0, lim - dedans)}"
        height="18"
        fill="url(#${id}-m1)"
      />
      ${rectangle(id, 0, barreY, dedans, 18, COULEURS[0], 0)}
      ${v > lim ? rectangle(id, lim, barreY, v - lim, 18, COULEURS[5], 5) : ""}
      <line
        x1="${MARGE + lim}"
        y1="${barreY - 4}"
        x2="${MARGE + lim}"
        y2="${barreY + 22}"
        stroke="#000"
        stroke-width="2"
      />`;
  });
  return svg(id, 8 + o.lignes.length * pas, o.titre, o.description, lignes);
}

export interface Barre {
  libelle: string;
  valeur: Dec;
  /** The value said in words at the bar's end. */
  texte: string;
}

/** Plain horizontal bars on one scale (`echelle`: the full width, 100 % for shares). */
export function barres(
  n: Numeroteur,
  o: { titre: string; description: string; lignes: Barre[]; echelle?: Dec },
): Html {
  const id = n.suivant("g");
  const echelle = o.echelle ?? o.lignes.reduce((a, l) => (l.valeur.greaterThan(a) ? l.valeur : a), new D(0));
  const pas = 46;
  const lignes = o.lignes.map((l, k) => {
    const y = 8 + k * pas;
    return balises`<text x="${MARGE}" y="${y + 14}" fill="#000">${l.libelle} — ${l.texte}</text>
      <rect x="${MARGE}" y="${y + 20}" width="${UTILE}" height="16" fill="#fff" stroke="#999" />
      ${rectangle(id, 0, y + 20, px(l.valeur, echelle), 16, COULEURS[0], 0)}`;
  });
  return svg(id, 8 + o.lignes.length * pas, o.titre, o.description, lignes);
}
