// ti-aides as a library (src/index.ts): the rule schema stays a full zod object, even though the
// command line builds it only when it reads a rule file.
import { expect, test } from "vitest";
import { regleSchema } from "../src/index.js";

test("regleSchema exposes its shape and can be extended", () => {
  expect(Object.keys(regleSchema.shape)).toContain("calcul");
  expect(typeof regleSchema.extend).toBe("function");
});
