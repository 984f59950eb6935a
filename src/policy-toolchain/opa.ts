import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { DriftwardenError } from '../errors.js';
import { formatOpaProblem, type OpaProblem, opaSummary, parseOpaProblems } from './opa-problems.js';

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
        // Never the execFile error itself, nor as a cause: its message and fields carry opa's whole output.
        const failed = error as { stderr?: string; stdout?: string; code?: unknown };
        const output = `${failed.stderr ?? ''}${failed.stdout ?? ''}`;
        const problems = parseOpaProblems(output, cwd);
        const summary = output.trim() === '' ? `exit code ${String(failed.code)}` : opaSummary(output);
        throw new OpaCommandError(args[0] ?? 'opa', problems, summary);
      }
    },
  };
}

/**
 * opa exited non-zero. `problems` are the files, lines and columns it named, with what is wrong; nothing of what
 * it printed is kept beyond that, since it quotes the offending source lines.
 */
export class OpaCommandError extends DriftwardenError {
  readonly command: string;
  readonly problems: readonly OpaProblem[];
  /** opa's first line, redacted, for when it names no file. */
  readonly summary: string;

  constructor(command: string, problems: readonly OpaProblem[], summary: string) {
    super('input', `opa ${command} failed: ${describeProblems(problems, summary)}`);
    this.command = command;
    this.problems = problems;
    this.summary = summary;
  }
}

function describeProblems(problems: readonly OpaProblem[], summary: string): string {
  if (problems.length === 0) return summary;
  const shown = problems.slice(0, 3).map((problem) => formatOpaProblem(problem));
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}
