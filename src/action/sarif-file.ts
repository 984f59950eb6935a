import { lstat, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkOutputTargets, type OutputTarget } from '../cli/io.js';
import { isInside } from '../config/resolve.js';
import { inputError } from '../errors.js';

/**
 * The SARIF file the Action writes, checked before the scan so that a bad path costs nothing. On a pull request the
 * checkout is the author's: a `driftwarden.sarif` committed as a symbolic link, or a directory of that name, must not
 * send the report elsewhere. So the path must stay inside the workspace by its text and by the real path of its
 * directory, and the CLI's report-file checks apply: a regular file or a new one, never written through a symbolic
 * link, never a FIFO, a device or a directory.
 */
export async function sarifTarget(
  workspace: string,
  workingDir: string,
  input: string,
  kind: { format: string; input: string } = { format: 'sarif', input: 'sarif' },
): Promise<OutputTarget> {
  const path = resolve(workspace, workingDir, input);
  const display = `${kind.input} ${input}`;
  if (!isInside(workspace, path)) throw inputError(display, 'leaves the workspace; give a path inside it');
  const [realRoot, realDir] = await Promise.all([
    realpath(workspace),
    existingAncestor(dirname(path)).then((dir) => realpath(dir)),
  ]);
  if (!isInside(realRoot, realDir))
    throw inputError(display, 'leads out of the workspace through a symbolic link; give a path inside it');
  const target: OutputTarget = { format: kind.format, path, display };
  await checkOutputTargets([target]);
  return target;
}

/** The nearest directory on the way to `dir` that exists (the workspace itself at worst). */
async function existingAncestor(dir: string): Promise<string> {
  for (let current = dir; ; current = dirname(current)) {
    const found = await lstat(current).then(
      () => true,
      () => false,
    );
    if (found || dirname(current) === current) return current;
  }
}
