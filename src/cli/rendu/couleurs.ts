// Colours that respect NO_COLOR and --no-color (https://no-color.org). Only the renderers import
// this module, so chalk is not loaded by a command that writes JSON (docs/performance.md).
import chalk, { Chalk, type ChalkInstance } from "chalk";

let instance: ChalkInstance | undefined;

export function configurerCouleurs(avecCouleurs: boolean): void {
  const sans = !avecCouleurs || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "");
  instance = sans ? new Chalk({ level: 0 }) : chalk;
}

/** The colours, decided at first use: on a terminal, unless --no-color or NO_COLOR. */
export function c(): ChalkInstance {
  if (!instance) configurerCouleurs(!process.argv.includes("--no-color") && process.stdout.isTTY === true);
  return instance!;
}
