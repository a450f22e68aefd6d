// The escaping of user text shown on a terminal or in a CI log (src/core/texte-affichable.ts).
import { describe, expect, test } from "vitest";
import { D } from "../src/core/argent.js";
import { echapperControles, sansControles } from "../src/core/texte-affichable.js";

describe("echapperControles", () => {
  test("control characters, line feeds included, are shown escaped; letters, accents and symbols are kept", () => {
    expect(echapperControles("a\x00b\x1b[31mc\x07\r\nd\x7f\x9b\u202Ee")).toBe(
      "a\\x00b\\x1B[31mc\\x07\\r\\nd\\x7F\\x9B\\u202Ee",
    );
    expect(echapperControles("Chaufferie mutualisée — 1 200 000,00 € ✔\tfin")).toBe(
      "Chaufferie mutualisée — 1 200 000,00 € ✔\tfin",
    );
  });
});

describe("sansControles", () => {
  test("escapes every string of a result, keeps line feeds, decimals and shared objects", () => {
    const partage = { texte: "\x1b]0;titre\x07" };
    const montant = new D("12.5");
    const copie = sansControles({ titre: "a\nb\x1bc", liste: [partage, partage], montant, n: 3, rien: null });
    expect(copie.titre).toBe("a\nb\\x1Bc");
    expect(copie.liste[0]).toEqual({ texte: "\\x1B]0;titre\\x07" });
    expect(copie.liste[0]).toBe(copie.liste[1]); // copied once
    expect(copie.montant).toBe(montant);
    expect(copie.n).toBe(3);
    expect(copie.rien).toBeNull();
  });

  test("a __proto__ key stays an own key", () => {
    const copie = sansControles(JSON.parse('{"__proto__": {"pollue": "x"}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copie)).toBe(Object.prototype);
    expect(Object.keys(copie)).toEqual(["__proto__"]);
  });
});
