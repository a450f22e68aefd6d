// Colours that respect NO_COLOR and --no-color (https://no-color.org).
import chalk, { Chalk, type ChalkInstance } from "chalk";

let instance: ChalkInstance = chalk;

export function configurerCouleurs(avecCouleurs: boolean): void {
  const sans = !avecCouleurs || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "");
  instance = sans ? new Chalk({ level: 0 }) : chalk;
}

export function c(): ChalkInstance {
  return instance;
}
