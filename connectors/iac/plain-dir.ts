import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Diagnostic } from '../../src/model/report.js';
import type { ListedEntry } from './symlinks.js';

/**
 * Paths listed from a folder that is not in a git work tree: a folder of code copied out of a repository, or
 * `--repo /` by mistake, must not walk a whole disk.
 */
export const PLAIN_DIRECTORY_ENTRIES = 200_000;

/**
 * Folders never read from a plain directory: what git would have ignored in a Terraform or Node project
 * (`.terraform` holds downloaded copies of modules and providers, `node_modules` packages) and hidden folders
 * (`.git` of a broken repository), which the code globs leave out anyway.
 */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * The files of a folder outside git, as git would list an untracked folder with no .gitignore: regular files,
 * symbolic links (mode 120000, followed by the listing as in a repository) and other entries, which `inspect`
 * refuses; hidden and skipped folders are not entered. Sorted, so that the order never depends on the file system.
 */
export async function listPlainDirectory(root: string, diagnostics: Diagnostic[]): Promise<ListedEntry[]> {
  const entries: ListedEntry[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const children = await readdir(join(root, folder), { withFileTypes: true }).catch(() => undefined);
    if (!children) {
      diagnostics.push({
        level: 'warning',
        code: 'iac.skipped',
        message: 'folder cannot be read; skipped',
        source: folder,
      });
      continue;
    }
    for (const child of children) {
      const path = folder === '' ? child.name : posix.join(folder, child.name);
      if (child.isDirectory()) {
        if (!child.name.startsWith('.') && !SKIPPED_FOLDERS.has(child.name)) folders.push(path);
        continue;
      }
      if (entries.length >= PLAIN_DIRECTORY_ENTRIES) {
        diagnostics.push({
          level: 'warning',
          code: 'iac.skipped',
          message: `more than ${PLAIN_DIRECTORY_ENTRIES.toLocaleString('en')} files in the folder; the rest are not read`,
          source: path,
        });
        return sorted(entries);
      }
      entries.push({ path, mode: modeOf(child) });
    }
  }
  return sorted(entries);
}

function modeOf(entry: Dirent): string {
  if (entry.isSymbolicLink()) return '120000';
  // Anything but a regular file or a link is listed as it is, and refused by `inspect` (lstat) with its reason.
  return '100644';
}

function sorted(entries: ListedEntry[]): ListedEntry[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Why a path outside git cannot be read as a plain folder of code, or undefined when it can. */
export async function plainDirectoryProblem(
  root: string,
  ref: string | undefined,
): Promise<string | undefined> {
  const info = await stat(root).catch(() => undefined);
  if (!info) return 'no such folder';
  if (!info.isDirectory()) return 'not a folder; --repo takes the folder of the code, e.g. --repo .';
  if (ref !== undefined) return `not a git repository, so --ref ${ref} cannot be read`;
  return undefined;
}
