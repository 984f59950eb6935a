import { Chalk } from 'chalk';
import { colorEnabled } from './color-choice.js';
import type { ColorChoice } from './terminal-options.js';

export { colorEnabled, useColor } from './color-choice.js';

/** ANSI styling for the table; `styleFor` decides whether there is any. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

type Env = Readonly<Record<string, string | undefined>>;

const plain = (text: string) => text;

export const PLAIN_STYLE: Style = {
  bold: plain,
  dim: plain,
  red: plain,
  green: plain,
  yellow: plain,
  cyan: plain,
};

/**
 * The 16 basic colours only (chalk at level 1): they read on every terminal theme, and a deeper colour level
 * (FORCE_COLOR=2 or 3) would only change how chalk encodes them. chalk is given its level rather than left to
 * detect one from the process, so that the choice below is the only one.
 */
const chalk = new Chalk({ level: 1 });

export const ANSI_STYLE: Style = {
  bold: (text) => chalk.bold(text),
  dim: (text) => chalk.dim(text),
  red: (text) => chalk.red(text),
  green: (text) => chalk.green(text),
  yellow: (text) => chalk.yellow(text),
  cyan: (text) => chalk.cyan(text),
};

/**
 * The one place the table's colours are decided: `--color always|never` first, then FORCE_COLOR as Node documents
 * it (`1`, `true`, `2`, `3` or the empty string turn colour on whatever NO_COLOR says; any other value, `0` and
 * `false` among them, off), then NO_COLOR (no-color.org: any non-empty value), then the terminal (`useColor`).
 * https://nodejs.org/api/cli.html#force_color1-2-3 https://no-color.org
 */
export function styleFor(choice: ColorChoice, isTTY: boolean, env: Env): Style {
  return colorEnabled(choice, isTTY, env) ? ANSI_STYLE : PLAIN_STYLE;
}
