import { existsSync, realpathSync } from 'node:fs';
import { lstat, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { simpleGit } from 'simple-git';
import { DriftwardenError, inputError } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model/report.js';
import { DEFAULT_GLOBS, isRemote, MAX_FILE_BYTES } from './schema.js';

export interface RepoFile {
  path: string;
  text: string;
}

/**
 * The connector's only I/O: the files of a repository, at a ref without touching the working tree (`git show`),
 * or from the working tree (respecting .gitignore). A URL is cloned shallowly into a temporary folder, removed
 * afterwards. Paths outside the repository, symlinks, oversized and binary files are refused with a diagnostic.
 */
export async function readRepository(
  spec: { repo: string; ref?: string },
  cwd: string,
  diagnostics: Diagnostic[],
): Promise<{ root: string; files: RepoFile[]; cleanup(): Promise<void> }> {
  let root = resolve(cwd, spec.repo);
  let cleanup = async () => undefined;
  if (isRemote(spec.repo)) {
    const dir = await mkdtemp(join(tmpdir(), 'driftwarden-clone-'));
    try {
      await simpleGit().clone(spec.repo, dir, ['--depth', '1', ...(spec.ref ? ['--branch', spec.ref] : [])]);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw new DriftwardenError('source', `cannot clone ${spec.repo}: ${firstLine(error)}`, {
        cause: error,
      });
    }
    root = dir;
    cleanup = async () => {
      await rm(dir, { recursive: true, force: true });
    };
  } else if (!existsSync(join(root, '.git'))) {
    throw inputError(spec.repo, 'not a git repository');
  }
  const git = simpleGit(root);
  const match = picomatch(DEFAULT_GLOBS, { dot: false });
  const ref = isRemote(spec.repo) ? undefined : spec.ref;
  const listed = ref
    ? await git.raw(['ls-tree', '-r', '--long', ref]).catch((error: unknown) => {
        throw inputError(spec.repo, `unknown ref ${ref}: ${firstLine(error)}`);
      })
    : `${await git.raw(['ls-files', '--cached', '-s'])}\n${(
        await git.raw(['ls-files', '--others', '--exclude-standard'])
      )
        .split('\n')
        .filter(Boolean)
        .map((path) => `100644 untracked 0\t${path}`)
        .join('\n')}`;
  const files: RepoFile[] = [];
  for (const entry of parseListing(listed, Boolean(ref))) {
    if (!match(entry.path)) continue;
    const problem = await refuse(root, entry, ref);
    if (problem) {
      diagnostics.push({ level: 'warning', code: 'iac.skipped', message: problem, source: entry.path });
      continue;
    }
    const bytes = ref
      ? Buffer.from(await git.show([`${ref}:${entry.path}`]), 'utf8')
      : await readFile(join(root, entry.path));
    if (bytes.subarray(0, 8192).includes(0)) {
      diagnostics.push({
        level: 'warning',
        code: 'iac.skipped',
        message: 'binary content; skipped',
        source: entry.path,
      });
      continue;
    }
    files.push({ path: entry.path, text: bytes.toString('utf8') });
  }
  return { root, files, cleanup };
}

interface Entry {
  path: string;
  mode: string;
  size: number | undefined;
}

function parseListing(listing: string, fromTree: boolean): Entry[] {
  return listing
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      const parts = meta.trim().split(/\s+/);
      return { path, mode: parts[0] ?? '', size: fromTree ? Number(parts[3]) : undefined };
    })
    .filter((e) => e.path);
}

async function refuse(root: string, entry: Entry, ref: string | undefined): Promise<string | undefined> {
  if (entry.path.split('/').includes('..')) return 'path leads outside the repository; skipped';
  if (entry.mode === '120000') return 'symbolic link; skipped';
  if (!ref) {
    const full = join(root, entry.path);
    const info = await lstat(full).catch(() => undefined);
    if (!info) return 'listed by git but missing from the working tree; skipped';
    if (info.isSymbolicLink()) return 'symbolic link; skipped';
    const real = realpathSync(full);
    if (!real.startsWith(realpathSync(root) + sep)) return 'path leads outside the repository; skipped';
    if (info.size > MAX_FILE_BYTES) return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; skipped`;
  } else if ((entry.size ?? 0) > MAX_FILE_BYTES)
    return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; skipped`;
  return undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
