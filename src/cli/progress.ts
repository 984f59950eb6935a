import { terminalText } from '../report/terminal-text.js';
import type { CliIo } from './io.js';

/** A single status line on stderr, rewritten in place; silent unless stderr is a terminal outside CI. */
export function createProgress(io: CliIo, enabled: boolean): { update(message: string): void; done(): void } {
  let shown = false;
  return {
    update(message) {
      if (!enabled) return;
      io.stderr.write(`\r\u001b[K${terminalText(message)}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}
