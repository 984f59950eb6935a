import { usageError } from '../errors.js';
import { COLOR_CHOICES, type ColorChoice, DEFAULT_MAX_ROWS } from '../report/terminal-options.js';

/** How the console table is shown: `--color`, `--max-rows` and `--quiet`. */
export interface TerminalSettings {
  color: ColorChoice;
  /** 0: every row. */
  maxRows: number;
  quiet: boolean;
}

export interface TerminalFlags {
  color?: string;
  'max-rows'?: string;
  quiet?: boolean;
}

export function terminalSettings(flags: TerminalFlags): TerminalSettings {
  return {
    color: parseColor(flags.color ?? 'auto'),
    maxRows: flags['max-rows'] === undefined ? DEFAULT_MAX_ROWS : parseMaxRows(flags['max-rows']),
    quiet: flags.quiet ?? false,
  };
}

function parseColor(value: string): ColorChoice {
  const choice = COLOR_CHOICES.find((known) => known === value.trim().toLowerCase());
  if (choice) return choice;
  throw usageError(`--color ${value}: unknown value (use ${COLOR_CHOICES.join(', ')})`);
}

function parseMaxRows(value: string): number {
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  throw usageError(`--max-rows ${value}: expected a whole number of rows, or 0 for every row`);
}
