// `ti-aides schema fiche|contrat|regles`: the JSON Schema of a file format, for editors
// (`# yaml-language-server: $schema=…` at the top of a YAML file). The type of file is the argument;
// --format stays the output format (json), as for every command.
import { FORMATS_SCHEMA, schemaJson, type FormatSchema } from "../../core/schemas/json-schema.js";
import { vouliezVousDire } from "../../core/suggestion.js";
import { ErreurUsage, CODE_OK } from "../codes.js";
import { ecrireSortie } from "../ecriture.js";
import { verifierFormat, type OptionsGlobales } from "../options.js";

export async function schema(type: string | undefined, o: OptionsGlobales): Promise<number> {
  const types: readonly string[] = FORMATS_SCHEMA;
  // `schema --format fiche`: the type given where the output format goes.
  if (type === undefined && o.format !== undefined && types.includes(o.format))
    throw new ErreurUsage(
      `le type de fichier se donne sans option : ti-aides schema ${o.format} (--format choisit le format de sortie, json)`,
    );
  verifierFormat(o.format, "schema");
  if (type === undefined)
    throw new ErreurUsage(
      `il manque le type de fichier dont écrire le schéma : ${types.join(", ")} (ex. ti-aides schema fiche -o schemas/fiche.schema.json)`,
    );
  if (!types.includes(type)) {
    throw new ErreurUsage(
      `schéma « ${type} » inconnu${vouliezVousDire(type, types)} ; schémas : ${types.join(", ")}`,
    );
  }
  ecrireSortie(JSON.stringify(schemaJson(type as FormatSchema), null, 2) + "\n", o.sortie);
  return CODE_OK;
}
