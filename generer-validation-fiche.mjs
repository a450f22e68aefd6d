// `npm run generer`: writes src/core/validation-fiche.generee.ts, the fiche's validator without zod,
// from the zod schema (src/core/schemas/generateur-validation.ts, compiled first by tsc), formatted by
// prettier. test/validation-generee.test.ts fails when the committed file is not what this writes.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { sourceValidationFiche } from "./dist/core/schemas/generateur-validation.js";

const fichier = fileURLToPath(new URL("src/core/validation-fiche.generee.ts", import.meta.url));
const options = { ...(await resolveConfig(fichier)), filepath: fichier };
writeFileSync(fichier, await format(sourceValidationFiche(), options));
console.log(`écrit : ${fichier}`);
