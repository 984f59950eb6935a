import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/scan/exit-code.js';
import { packageRoot } from '../../src/util/package-info.js';
import { runCli, tempDir } from '../helpers/cli.js';

/**
 * The README's `npx driftwarden ...` lines run as copied from the repository root: each one is run here, from a
 * folder holding the bundled example estate where the repository has it, and must scan (exit 0 or 1), never stop
 * at a usage or input error (exit 2).
 */
const root = packageRoot();

function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map(([, body]) => body ?? '');
  return blocks.flatMap((body) => body.split('\n').filter((line) => line.startsWith('npx driftwarden ')));
}

/** The words of a shell line: single quotes group, an unquoted `#` starts a comment. */
function words(line: string): string[] {
  const result: string[] = [];
  for (const [, quoted, bare] of line.matchAll(/'([^']*)'|(\S+)/g)) {
    if (bare?.startsWith('#')) break;
    result.push(quoted ?? bare ?? '');
  }
  return result;
}

describe('the README commands', () => {
  const commands = readmeCommands();

  it('are found', () => {
    expect(commands.length).toBeGreaterThanOrEqual(2);
  });

  for (const command of commands) {
    it(command, async () => {
      const cwd = tempDir();
      cpSync(join(root, 'fixtures/example'), join(cwd, 'fixtures/example'), { recursive: true });
      const result = await runCli(words(command).slice(2), { cwd });
      expect(result.stderr).toBe('');
      expect([EXIT.clean, EXIT.findings]).toContain(result.code);
    });
  }

  it('split as a shell splits them', () => {
    expect(words("npx driftwarden scan --state 'a/*.tfstate' --live x   # a comment")).toEqual([
      'npx',
      'driftwarden',
      'scan',
      '--state',
      'a/*.tfstate',
      '--live',
      'x',
    ]);
  });
});
