/**
 * The choices of the console table, apart from its renderer so that reading flags loads no terminal library.
 */

/** `--color`: `auto` colours a terminal only, and follows FORCE_COLOR, NO_COLOR, CI and TERM=dumb. */
export const COLOR_CHOICES = ['auto', 'always', 'never'] as const;
export type ColorChoice = (typeof COLOR_CHOICES)[number];

/** Rows each list shows unless --max-rows says otherwise: the most severe first, the rest counted in one line. */
export const DEFAULT_MAX_ROWS = 50;
