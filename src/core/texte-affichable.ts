// Text that comes from a user (a titre, a file name, a CSV header, an identifier) and is shown on a
// terminal or in a CI log: its control characters are shown escaped (\x1B, \x00, \u202E…), never sent
// raw. A colour or window-title sequence, a NUL or a carriage return would act on the terminal, a
// bidirectional override would show another text than the one read, and a newline in a one-line
// message would forge a line of its own (a GitHub annotation on standard error: issue 14).

/** C0 and C1 controls, DEL, line separators, bidirectional overrides and isolates; tab excepted. */
const CONTROLES = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, line feed excepted: a table cell may span lines. */
const CONTROLES_SAUF_SAUT = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function echappement(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  const code = c.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** One line of text: every control character escaped, line feeds included. */
export function echapperControles(texte: string): string {
  return texte.replace(CONTROLES, echappement);
}

/**
 * A result to render as text, with the control characters of each of its strings escaped (line feeds
 * kept); decimals and other class instances are kept as they are, an object shared by several parts
 * (the document of a contract's fiches) is copied once.
 */
export function sansControles<T>(x: T): T {
  const copies = new WeakMap<object, unknown>();
  const copier = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(CONTROLES_SAUF_SAUT, echappement);
    if (v === null || typeof v !== "object") return v;
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return v;
    const deja = copies.get(v);
    if (deja) return deja;
    if (Array.isArray(v)) {
      const copie: unknown[] = [];
      copies.set(v, copie);
      for (const e of v) copie.push(copier(e));
      return copie;
    }
    const copie: Record<string, unknown> = {};
    copies.set(v, copie);
    for (const [k, e] of Object.entries(v))
      Object.defineProperty(copie, k, {
        value: copier(e),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copie;
  };
  return copier(x) as T;
}
