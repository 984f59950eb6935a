import { spawn } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join, posix, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { simpleGit } from 'simple-git';
import { DriftwardenError, inputError } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model/report.js';
import { privateTempDir } from '../../src/util/temp-dir.js';
import { LIMITS } from './limits.js';
import { listPlainDirectory, plainDirectoryProblem } from './plain-dir.js';
import { DEFAULT_GLOBS, isRemote } from './schema.js';
import { followLinks, type ListedEntry } from './symlinks.js';

export interface RepoFile {
  path: string;
  text: string;
}

type Entry = ListedEntry;

const MIB = 1024 * 1024;

/**
 * The connector's only I/O: the files of a repository, at a ref without touching the working tree (one
 * `git cat-file --batch` for all of them), or from the working tree (respecting .gitignore), or of a plain folder
 * that is in no git repository. A URL is cloned
 * shallowly into a temporary folder, removed afterwards. Git's listings are read NUL-separated, so no name is
 * quoted or lost. Paths outside the repository, symlinks, special files, oversized and binary files are refused
 * with a diagnostic, and so is what is past the repository's total size.
 */
export async function readRepository(
  spec: { repo: string; ref?: string },
  cwd: string,
  diagnostics: Diagnostic[],
): Promise<{ root: string; files: RepoFile[]; cleanup(): Promise<void> }> {
  let root = resolve(cwd, spec.repo);
  let cleanup = async (): Promise<void> => undefined;
  if (isRemote(spec.repo)) {
    const { dir, remove } = await privateTempDir('clone');
    try {
      await simpleGit().clone(spec.repo, dir, ['--depth', '1', ...(spec.ref ? ['--branch', spec.ref] : [])]);
    } catch (error) {
      await remove();
      throw new DriftwardenError('source', `cannot clone ${spec.repo}: ${firstLine(error)}`, {
        cause: error,
      });
    }
    root = dir;
    cleanup = remove;
  }
  const ref = isRemote(spec.repo) ? undefined : spec.ref;
  // A folder outside git (code copied out of a repository, an unpacked archive) is read as git would list it.
  const plain = !isRemote(spec.repo) && !(await isInWorkTree(root));
  if (plain) {
    const problem = await plainDirectoryProblem(root, ref);
    if (problem) throw inputError(spec.repo, problem);
  }
  const match = picomatch(DEFAULT_GLOBS, { dot: false });
  const skip = (path: string, message: string) =>
    diagnostics.push({ level: 'warning', code: 'iac.skipped', message, source: path });
  const listed = plain
    ? await listPlainDirectory(root, diagnostics)
    : await listEntries(root, ref, spec.repo);
  const mayHoldCode = (path: string) => match(path) || !posix.basename(path).includes('.');
  const linked = followLinks(listed, await linkTargets(root, listed, ref), mayHoldCode);
  for (const problem of linked.problems) skip(problem.path, problem.message);
  const entries = linked.entries.filter((entry) => match(entry.path));
  const files: RepoFile[] = [];
  let total = 0;
  const accept = (entry: Entry, bytes: Buffer) => {
    if (bytes.subarray(0, 8192).includes(0)) return skip(entry.path, 'binary content; skipped');
    files.push({ path: entry.path, text: bytes.toString('utf8') });
  };
  const wanted: Entry[] = [];
  const overTotal: string[] = [];
  for (const entry of entries) {
    const size = await inspect(root, entry, ref);
    if (typeof size === 'string') {
      skip(entry.path, size);
      continue;
    }
    if (total + size > LIMITS.totalBytes) {
      overTotal.push(entry.path);
      continue;
    }
    total += size;
    wanted.push(entry);
  }
  if (ref) await readBlobs(root, wanted, accept, skip);
  else for (const entry of wanted) accept(entry, await readWorkingFile(root, entry.source ?? entry.path));
  if (overTotal.length > 0) {
    const message = `${overTotal.length} file${overTotal.length === 1 ? '' : 's'} not read, from this one on: the repository's code passes ${LIMITS.totalBytes / MIB} MiB`;
    skip(overTotal[0] as string, message);
  }
  return { root, files, cleanup };
}

/**
 * `--repo` may name any directory of a work tree, its top or a folder below it: git then lists that folder's
 * files, relative to it (ls-files and ls-tree both keep to the directory they run in).
 */
async function isInWorkTree(dir: string): Promise<boolean> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return false;
  const inside = await simpleGit(dir)
    .raw(['rev-parse', '--is-inside-work-tree'])
    .catch(() => '');
  return inside.trim() === 'true';
}

/** What each symbolic link of the listing points at: its blob at a ref, readlink in the working tree. */
async function linkTargets(root: string, entries: readonly Entry[], ref: string | undefined) {
  const links = entries.filter((entry) => entry.mode === '120000');
  const targets = new Map<string, string>();
  if (ref) {
    const accept = (entry: Entry, bytes: Buffer) => targets.set(entry.path, bytes.toString('utf8'));
    await readBlobs(root, links, accept, () => undefined);
  } else
    for (const link of links) targets.set(link.path, await readlink(join(root, link.path)).catch(() => ''));
  return targets;
}

async function readWorkingFile(root: string, path: string): Promise<Buffer> {
  try {
    return await readFile(join(root, path));
  } catch (error) {
    throw inputError(path, 'cannot be read', error);
  }
}

/** The files git knows: at a ref, the tree; in the working tree, tracked and untracked files not ignored. */
async function listEntries(root: string, ref: string | undefined, repo: string): Promise<Entry[]> {
  const git = simpleGit(root);
  if (ref) {
    const listing = await git.raw(['ls-tree', '-r', '--long', '-z', ref]).catch((error: unknown) => {
      throw inputError(repo, `unknown ref ${ref}: ${firstLine(error)}`, error);
    });
    // <mode> SP <type> SP <object> SP <size, padded>\t<path>
    return records(listing).flatMap((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', type = '', object = '', size = ''] = record.slice(0, tab).trim().split(/\s+/);
      const path = record.slice(tab + 1);
      if (tab < 0 || !path) return [];
      return [{ path, mode: type === 'blob' ? mode : type, object, size: Number(size) || 0 }];
    });
  }
  // <mode> SP <object> SP <stage>\t<path>, then the untracked paths alone.
  const listFiles = (args: readonly string[]) =>
    git.raw(['ls-files', ...args, '-z']).catch((error: unknown) => {
      throw new DriftwardenError('source', `git ls-files failed: ${firstLine(error)}`, {
        location: repo,
        cause: error,
      });
    });
  const tracked = records(await listFiles(['--cached', '-s'])).flatMap((record) => {
    const tab = record.indexOf('\t');
    const path = record.slice(tab + 1);
    return tab < 0 || !path ? [] : [{ path, mode: record.slice(0, tab).split(' ')[0] ?? '' }];
  });
  const untracked = records(await listFiles(['--others', '--exclude-standard'])).map((path) => ({
    path,
    mode: '100644',
  }));
  const seen = new Set<string>();
  return [...tracked, ...untracked].filter((entry) => !seen.has(entry.path) && seen.add(entry.path));
}

function records(listing: string): string[] {
  return listing.split('\0').filter(Boolean);
}

/** The file's size, or why it is not read. */
async function inspect(root: string, entry: Entry, ref: string | undefined): Promise<number | string> {
  if (entry.path.split('/').includes('..')) return 'path leads outside the repository; skipped';
  if (entry.mode === '120000') return 'symbolic link; skipped';
  if (entry.mode === '160000' || entry.mode === 'commit') return 'a submodule, which is not read; skipped';
  if (ref) {
    if (entry.mode === 'tree' || !entry.object) return 'not a file; skipped';
    return sizeOrProblem(entry.size ?? 0, entry.path);
  }
  const full = join(root, entry.source ?? entry.path);
  const info = await lstat(full).catch(() => undefined);
  if (!info) return 'listed by git but missing from the working tree; skipped';
  if (info.isSymbolicLink()) return 'symbolic link; skipped';
  // A FIFO or device would block or never end; only regular files are read.
  if (!info.isFile()) return 'not a regular file; skipped';
  const real = realpathSync(full);
  if (!real.startsWith(realpathSync(root) + sep)) return 'path leads outside the repository; skipped';
  return sizeOrProblem(info.size, entry.path);
}

function sizeOrProblem(size: number, path: string): number | string {
  const bound = path.endsWith('.json') ? LIMITS.jsonFileBytes : LIMITS.fileBytes;
  return size > bound ? `larger than ${bound / MIB} MiB; skipped` : size;
}

/**
 * Reads blobs by object id through one `git cat-file --batch`, streaming: each object's header gives its size,
 * and only one object's bytes are held at a time. Calls `accept` for each in order.
 */
function readBlobs(
  root: string,
  entries: readonly Entry[],
  accept: (entry: Entry, bytes: Buffer) => void,
  skip: (path: string, message: string) => void,
): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch', '--buffer'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let next = 0;
    let header = '';
    let body: Buffer | undefined;
    let filled = 0;
    let stderr = '';
    const finishObject = () => {
      const entry = entries[next++] as Entry;
      if (body) accept(entry, body);
      body = undefined;
      filled = 0;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      let at = 0;
      while (at < chunk.length) {
        if (body) {
          const take = Math.min(body.length - filled, chunk.length - at);
          chunk.copy(body, filled, at, at + take);
          filled += take;
          at += take;
          if (filled < body.length) continue;
          // The object is followed by a newline.
          body = body.subarray(0, body.length - 1);
          finishObject();
          continue;
        }
        const newline = chunk.indexOf(10, at);
        if (newline < 0) {
          header += chunk.toString('latin1', at);
          break;
        }
        header += chunk.toString('latin1', at, newline);
        at = newline + 1;
        const [, type, size] = header.split(' ');
        header = '';
        if (type !== 'blob' || !/^\d+$/.test(size ?? '')) {
          skip((entries[next++] as Entry).path, 'cannot be read at the ref; skipped');
          continue;
        }
        body = Buffer.allocUnsafe(Number(size) + 1);
        filled = 0;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) =>
      fail(
        new DriftwardenError('source', `git cat-file could not run: ${firstLine(error)}`, { cause: error }),
      ),
    );
    child.on('close', (code) => {
      if (code === 0 && next === entries.length) done();
      else fail(new DriftwardenError('source', `git cat-file failed: ${stderr.split('\n')[0] ?? code}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(entries.map((entry) => `${entry.object}\n`).join(''));
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
