import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { simpleGit } from 'simple-git';
import { DriftwardenError } from '../errors.js';
import { privateTempDir } from '../util/temp-dir.js';

/** The files of one commit that a scan needs, copied out of git into a private temporary directory. */
export interface CommitFiles {
  /** The copy's root: the repository root at that commit. */
  dir: string;
  /** The copied files, relative to the repository root. */
  files: string[];
  /** Whether a pattern (a path or glob relative to the repository root) names a file of this commit. */
  has(pattern: string): boolean;
  /** Removes the copy; call it when done (a signal or an exit removes it too: util/temp-dir.ts). */
  cleanup(): Promise<void>;
}

export async function commitExists(repo: string, ref: string): Promise<boolean> {
  try {
    await simpleGit(repo).raw(['cat-file', '-e', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the files of `ref` that match `patterns` (paths or globs relative to the repository root) into a
 * temporary directory only the runner's user can read, without touching the working tree, so that a pull
 * request's base and head can be scanned side by side. Git's listing is read NUL-separated (names with non-ASCII
 * characters, tabs or quotes are never quoted or skipped), blobs are read in one `git cat-file --batch`, and only
 * regular files are copied: a symlink in the commit is never followed, so a pull request cannot make a path read
 * what lies outside the repository.
 */
export async function materializeAtRef(
  repo: string,
  ref: string,
  patterns: readonly string[],
): Promise<CommitFiles> {
  if (!(await commitExists(repo, ref)))
    throw new DriftwardenError(
      'input',
      `commit ${ref} is not in the checkout (use actions/checkout with fetch-depth: 0)`,
    );
  const tree = await listTree(repo, ref);
  const matchers = new Map(patterns.map((pattern) => [pattern, matcher(pattern)] as const));
  const wanted = tree.filter(
    (entry) =>
      entry.type === 'blob' &&
      /^100(644|755)$/.test(entry.mode) &&
      [...matchers.values()].some((m) => m(entry.path)),
  );
  const { dir, remove: cleanup } = await privateTempDir('ref');
  try {
    const blobs = await readBlobs(
      repo,
      wanted.map((entry) => entry.object),
    );
    for (const entry of wanted) {
      const target = join(dir, entry.path);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(target, blobs.get(entry.object) ?? Buffer.alloc(0), { mode: 0o600 });
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  const files = wanted.map((entry) => entry.path);
  return {
    dir,
    files,
    has: (pattern) => {
      const match = matchers.get(pattern) ?? matcher(pattern);
      return files.some((file) => match(file));
    },
    cleanup,
  };
}

/** The paths (relative to the repository root) that differ between two commits, among those `patterns` match. */
export async function changedBetween(
  repo: string,
  base: string,
  head: string,
  patterns: readonly string[],
): Promise<string[]> {
  const out = await git(repo, ['diff', '--name-only', '-z', '--no-renames', base, head]);
  const matchers = patterns.map(matcher);
  return out.split('\0').filter((path) => path !== '' && matchers.some((match) => match(path)));
}

/** A git command; its failure is one DriftwardenError with git's first line, and git's error as the cause. */
async function git(repo: string, args: readonly string[]): Promise<string> {
  try {
    return await simpleGit(repo).raw([...args]);
  } catch (error) {
    throw new DriftwardenError('source', `git ${args[0]} failed: ${firstLine(error)}`, { cause: error });
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? '';
}

/** A path names itself (whatever characters it holds); a glob names what it matches. */
function matcher(pattern: string): (path: string) => boolean {
  // `s`: a name with a line break is a name like any other.
  const glob = picomatch(pattern, { dot: true, flags: 's' });
  return (path) => path === pattern || glob(path);
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  path: string;
}

async function listTree(repo: string, ref: string): Promise<TreeEntry[]> {
  const out = await git(repo, ['ls-tree', '-r', '-z', '--full-tree', ref]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, object, path: record.slice(tab + 1) });
  }
  return entries;
}

/** Blob contents by object id, from one `git cat-file --batch` process. */
async function readBlobs(repo: string, objects: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(objects)];
  if (unique.length === 0) return blobs;
  const child = spawn('git', ['cat-file', '--batch'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) =>
      reject(
        new DriftwardenError('source', `git cat-file could not run: ${firstLine(error)}`, { cause: error }),
      ),
    );
    child.on('close', resolve);
  });
  child.stdin.end(`${unique.join('\n')}\n`);
  const code = await done;
  if (code !== 0) throw new DriftwardenError('input', `git cat-file failed: ${stderr.split('\n')[0] ?? ''}`);
  const out = Buffer.concat(chunks);
  let offset = 0;
  for (const object of unique) {
    const newline = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, newline).toString('utf8');
    const [, type, size] = header.split(' ');
    if (type !== 'blob' || size === undefined)
      throw new DriftwardenError('input', `git cat-file: unexpected object ${object}: ${header}`);
    const start = newline + 1;
    const end = start + Number(size);
    blobs.set(object, out.subarray(start, end));
    offset = end + 1;
  }
  return blobs;
}
