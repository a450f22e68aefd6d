// texteUtf8 (src/lecture-sure.ts) reads the rule files and the fiches instead of
// new TextDecoder("utf-8", { fatal: true }), whose first use cost ~5 million instructions at each start:
// the same text for the same bytes, and undefined exactly where TextDecoder throws.
import fc from "fast-check";
import { expect, test } from "vitest";
import { texteUtf8 } from "../src/lecture-sure.js";

function parTextDecoder(octets: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(octets);
  } catch {
    return undefined;
  }
}

const CAS: [string, number[]][] = [
  ["vide", []],
  ["marque d'ordre seule", [0xef, 0xbb, 0xbf]],
  ["marque d'ordre puis texte", [0xef, 0xbb, 0xbf, 0x69, 0x64]],
  ["deux marques d'ordre (seule la première est retirée)", [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]],
  ["é", [0xc3, 0xa9]],
  ["espace fine insécable", [0xe2, 0x80, 0xaf]],
  ["emoji", [0xf0, 0x9f, 0x98, 0x80]],
  ["Latin-1 (é seul)", [0x63, 0x61, 0x66, 0xe9]],
  ["séquence tronquée", [0xe2, 0x82]],
  ["forme trop longue", [0xc0, 0xaf]],
  ["moitié de paire de substitution", [0xed, 0xa0, 0x80]],
  ["au-delà de U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
  ["octet de suite seul", [0x80]],
  ["NUL", [0x00, 0x41]],
];

test.each(CAS)("%s", (_nom, octets) => {
  expect(texteUtf8(Buffer.from(octets))).toBe(parTextDecoder(Uint8Array.from(octets)));
});

test("les mêmes textes que TextDecoder, sur des octets au hasard et des textes au hasard", () => {
  const octets = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
    fc
      .tuple(
        fc.constantFrom([0xef, 0xbb, 0xbf], []),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.uint8Array({ maxLength: 3 }),
      )
      .map(([bom, s, fin]) => Uint8Array.from([...bom, ...new TextEncoder().encode(s), ...fin])),
  );
  fc.assert(
    fc.property(octets, (o) => {
      expect(texteUtf8(Buffer.from(o))).toBe(parTextDecoder(o));
    }),
    { numRuns: 3000, seed: 20261201 },
  );
});
