// exceljs, loaded from node_modules on first use (only a workbook needs it), by require: a dynamic
// import() would go through the ES module loader of the code cache (cache-code.cts), still
// experimental in Node 20 and saying so on standard error.
import { createRequire } from "node:module";

type ExcelJS = typeof import("exceljs");
let charge: ExcelJS | undefined;

export function exceljs(): ExcelJS {
  return (charge ??= createRequire(import.meta.url)("exceljs") as ExcelJS);
}
