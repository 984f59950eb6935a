import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
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
  // A file that exists is that file, even when its name has glob characters (`state (old).tfstate`).
  const literal = resolve(baseDir, spec);
  if (isDynamicPattern(spec) && (await stat(literal).catch(() => undefined))?.isFile())
    return [{ absolute: literal, display: displayPath(literal, cwd) }];
  if (!isDynamicPattern(spec)) {
    const absolute = resolve(baseDir, spec);
    try {
      await stat(absolute);
    } catch {
      throw inputError(spec, 'no such file');
    }
    return [{ absolute, display: displayPath(absolute, cwd) }];
  }
  const matches = await globFiles(spec, baseDir);
  if (matches.length === 0) throw inputError(spec, 'the glob matched no files');
  return matches.sort().map((absolute) => ({ absolute, display: displayPath(absolute, cwd) }));
}

/** More entries than any estate has: a walk past it stops with an error instead of exhausting the run. */
const MAX_WALKED = 500_000;

/**
 * The files a glob names, by a walk from its static base. Every name counts, whatever characters it holds: a file
 * under `new\nline/` or `tab\there/` is matched like any other (glob libraries skip names with line breaks, and a
 * state file that goes unread is a finding that goes unreported). Dot-directories are not entered unless the glob
 * names them; symlinked directories are not followed (symlinked files are, and `--confine` checks where they lead).
 */
async function globFiles(spec: string, baseDir: string): Promise<string[]> {
  const pattern = spec.replaceAll('\\', '/');
  const scan = picomatch.scan(pattern);
  const root = resolve(baseDir, scan.base);
  const match = picomatch(scan.glob, { dot: false, flags: 's' });
  const found: string[] = [];
  let walked = 0;
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++walked > MAX_WALKED)
        throw inputError(spec, `the glob walked past ${MAX_WALKED} entries; name a narrower one`);
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(dir, entry.name), path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && match(path)) {
        const absolute = join(dir, entry.name);
        if (entry.isFile() || (await stat(absolute).catch(() => undefined))?.isFile()) found.push(absolute);
      }
    }
  };
  await walk(root, '');
  return found;
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}
