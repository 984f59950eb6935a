import { describe, expect, it } from 'vitest';
import { ANSI_STYLE, colorEnabled, PLAIN_STYLE, styleFor } from '../../src/report/style.js';

describe('the colour choice', () => {
  it.each([
    // choice, terminal, environment, colour
    ['auto', true, {}, true],
    ['auto', false, {}, false],
    ['auto', true, { NO_COLOR: '1' }, false],
    ['auto', true, { NO_COLOR: '' }, true],
    ['auto', true, { CI: 'true' }, false],
    ['auto', true, { CI: 'false' }, true],
    ['auto', true, { TERM: 'dumb' }, false],
    ['auto', false, { FORCE_COLOR: '1' }, true],
    ['auto', false, { FORCE_COLOR: '' }, true],
    ['auto', false, { FORCE_COLOR: '3' }, true],
    ['auto', true, { FORCE_COLOR: '0' }, false],
    ['auto', true, { FORCE_COLOR: 'false' }, false],
    ['auto', true, { FORCE_COLOR: 'yes' }, false],
    ['auto', false, { FORCE_COLOR: 'true' }, true],
    ['auto', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['always', false, { NO_COLOR: '1', FORCE_COLOR: '0', TERM: 'dumb' }, true],
    ['never', true, { FORCE_COLOR: '1' }, false],
  ] as const)('%s on a terminal: %s, with %o: colour %s', (choice, tty, env, expected) => {
    expect(colorEnabled(choice, tty, env)).toBe(expected);
    expect(styleFor(choice, tty, env)).toBe(expected ? ANSI_STYLE : PLAIN_STYLE);
  });

  it('colours with the 16 basic colours (chalk at level 1)', () => {
    expect(ANSI_STYLE.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(ANSI_STYLE.bold(ANSI_STYLE.green('ok'))).toBe('\u001b[1m\u001b[32mok\u001b[39m\u001b[22m');
    expect(PLAIN_STYLE.red('x')).toBe('x');
  });
});
