import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { DriftwardenError } from '../../errors.js';

const run = promisify(execFile);

export const PINNED_OPA_VERSION = '1.22.3';
export const OPA_INSTALL_HINT = `go install github.com/open-policy-agent/opa@v${PINNED_OPA_VERSION} (or bash policies/install-opa.sh)`;

export interface OpaCli {
  path: string;
  version: string;
  run(args: readonly string[], cwd: string): Promise<{ stdout: string; stderr: string }>;
}

/**
 * The opa binary: $DRIFTWARDEN_OPA when set (and only it), else the repository's .tools/bin/opa, else PATH.
 * Undefined when none exists.
 */
export async function findOpa(
  env: Readonly<Record<string, string | undefined>>,
  packageRoot: string,
): Promise<OpaCli | undefined> {
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'opa'));
  const candidates = env.DRIFTWARDEN_OPA
    ? [env.DRIFTWARDEN_OPA]
    : [join(packageRoot, '.tools', 'bin', 'opa'), ...onPath];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) return undefined;
  const { stdout } = await run(path, ['version'], { maxBuffer: 1 << 20 });
  const version = /Version:\s*(\S+)/.exec(stdout)?.[1] ?? 'unknown';
  return {
    path,
    version,
    async run(args, cwd) {
      try {
        return await run(path, [...args], { cwd, maxBuffer: 256 << 20 });
      } catch (error) {
        const failed = error as { stderr?: string; stdout?: string; message?: string };
        throw new OpaCommandError(
          args[0] ?? 'opa',
          `${failed.stderr ?? ''}${failed.stdout ?? ''}` || (failed.message ?? ''),
        );
      }
    },
  };
}

/** opa exited non-zero; `output` is what it printed (its messages name the file and line). */
export class OpaCommandError extends DriftwardenError {
  readonly output: string;

  constructor(command: string, output: string) {
    super('input', `opa ${command} failed: ${firstLines(output)}`);
    this.output = output;
  }
}

function firstLines(output: string): string {
  const lines = output.trim().split('\n').filter(Boolean);
  return lines.slice(0, 3).join('; ') + (lines.length > 3 ? ` (and ${lines.length - 3} more lines)` : '');
}
