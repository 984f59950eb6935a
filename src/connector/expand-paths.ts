import { stat } from 'node:fs/promises';
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
export async function expandPaths(spec: string, baseDir: string, cwd = baseDir): Promise<ExpandedPath[]> {
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
