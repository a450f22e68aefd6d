// `ti-aides schema fiche|contrat|regles`: the JSON Schema of a file format, for editors
// (`# yaml-language-server: $schema=…` at the top of a YAML file).
import { FORMATS_SCHEMA, schemaJson, type FormatSchema } from "../../core/schemas/json-schema.js";
import { vouliezVousDire } from "../../core/suggestion.js";
import { ErreurUsage, CODE_OK } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { verifierFormat, type OptionsGlobales } from "../options.js";

export async function schema(format: string, o: OptionsGlobales): Promise<number> {
  verifierFormat(o.format, "schema");
  if (!(FORMATS_SCHEMA as readonly string[]).includes(format)) {
    throw new ErreurUsage(
      `schéma « ${format} » inconnu${vouliezVousDire(format, FORMATS_SCHEMA)} ; schémas : ${FORMATS_SCHEMA.join(", ")}`,
    );
  }
  ecrireSortie(JSON.stringify(schemaJson(format as FormatSchema), null, 2) + "\n", o.sortie);
  return CODE_OK;
}
