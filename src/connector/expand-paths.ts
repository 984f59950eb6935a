import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { inputError } from '../errors.js';

export interface ExpandedPath {
  /** Absolute path, for reading. */
  absolute: string;
  /** The path as the user would write it, relative to cwd when inside it, for messages and reports. */
  display: string;
}

/**
 * Expands a path or glob into files, sorted. A literal path that does not exist and a glob that matches nothing are
 * input errors, so a typo never passes as "nothing declared".
 */
export async function expandPaths(
  spec: string,
  baseDir: string,
  cwd = baseDir,
  confine?: string,
): Promise<ExpandedPath[]> {
  const found = await expand(spec, baseDir, cwd);
  if (confine !== undefined) for (const file of found) await confined(file, confine);
  return found;
}

/**
 * A file named inside the confining directory may still be a symlink to one outside it: the real path decides, so
 * a `--confine`d scan (and the GitHub Action) never reads what lies beyond.
 */
async function confined(file: ExpandedPath, root: string): Promise<void> {
  const [real, realRoot] = await Promise.all([realpath(file.absolute), realpath(root)]);
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw inputError(file.display, `leads outside ${root} (a symlink or a path that leaves it); not read`);
}

async function expand(spec: string, baseDir: string, cwd: string): Promise<ExpandedPath[]> {
  if (!isDynamicPattern(spec)) {
    const absolute = resolve(baseDir, spec);
    try {
      await stat(absolute);
    } catch {
      throw inputError(spec, 'no such file');
    }
    return [{ absolute, display: displayPath(absolute, cwd) }];
  }
  const matches = await glob(spec, { cwd: baseDir, absolute: true, onlyFiles: true, dot: false });
  if (matches.length === 0) throw inputError(spec, 'the glob matched no files');
  return matches.sort().map((absolute) => ({ absolute, display: displayPath(absolute, cwd) }));
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}
