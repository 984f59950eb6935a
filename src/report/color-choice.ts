/**
 * Whether the terminal gets colour, apart from the styles that draw it (./style.ts, which loads chalk): a scan
 * decides its progress line's colour whatever it renders, and one that renders no table never needs chalk
 * (BENCHMARKS.md, bench:startup). style.ts re-exports both.
 */
import type { ColorChoice } from './terminal-options.js';

type Env = Readonly<Record<string, string | undefined>>;

const FORCE_COLOR_ON = new Set(['', '1', '2', '3', 'true']);

export function colorEnabled(choice: ColorChoice, isTTY: boolean, env: Env): boolean {
  if (choice !== 'auto') return choice === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return FORCE_COLOR_ON.has(force.trim().toLowerCase());
  return useColor(isTTY, env);
}

/** Colour for a terminal, unless NO_COLOR or CI is set or TERM is dumb (also whether progress is drawn). */
export function useColor(isTTY: boolean, env: Env): boolean {
  if (!isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') return false;
  return env.TERM !== 'dumb';
}
