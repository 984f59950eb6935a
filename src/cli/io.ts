import { constants } from 'node:fs';
import { lstat, mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { inputError } from '../errors.js';

/** What the CLI takes from the process, so that tests can run it in-process. */
export interface CliIo {
  /** `columns`: the terminal's width, when stdout is one. */
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** A report file to write: `--output <format>=<path>` or the config's `outputs`. */
export interface OutputTarget {
  format: string;
  path: string;
  display: string;
}

/**
 * Never follow a link at the last step (a link planted in a pull request would send the report anywhere), and never
 * wait for a reader (opening a FIFO for writing blocks until one comes; non-blocking, it fails with ENXIO).
 */
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Checks, before the scan, that every report file can be written, so that a wrong path costs nothing: only regular
 * files (or new ones) are written, each path at most once, and each is opened once for writing (without truncating
 * it; a file created by the check is removed again).
 */
export async function checkOutputTargets(targets: readonly OutputTarget[]): Promise<void> {
  const seen = new Map<string, OutputTarget>();
  for (const target of targets) {
    const earlier = seen.get(target.path);
    if (earlier)
      throw inputError(
        target.display,
        `given for both the ${earlier.format} and the ${target.format} report`,
      );
    seen.set(target.path, target);
    const existed = await checkKind(target);
    try {
      await mkdir(dirname(target.path), { recursive: true });
      const handle = await open(target.path, WRITE_FLAGS, 0o666);
      await handle.close();
    } catch (error) {
      throw writeError(error, target);
    }
    if (!existed) await unlink(target.path).catch(() => undefined);
  }
}

/** Writes one report file, with the same refusals as the check (the file system may have changed since). */
export async function writeOutputFile(target: OutputTarget, content: string): Promise<void> {
  try {
    await mkdir(dirname(target.path), { recursive: true });
    const handle = await open(target.path, WRITE_FLAGS | constants.O_TRUNC, 0o666);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw writeError(error, target);
  }
}

/** Whether the path exists; throws when it is something other than a regular file. */
async function checkKind(target: OutputTarget): Promise<boolean> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(target.path);
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return false;
    throw writeError(error, target);
  }
  if (info.isFile()) return true;
  const kind = info.isSymbolicLink()
    ? 'is a symbolic link; driftwarden does not write through one'
    : info.isDirectory()
      ? 'is a directory'
      : info.isFIFO()
        ? 'is a named pipe (FIFO), not a regular file'
        : 'is a device or socket, not a regular file';
  throw cannotWrite(target, kind);
}

function writeError(error: unknown, target: OutputTarget): unknown {
  if (!isNodeError(error)) return error;
  const problems: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent of it is not a directory',
    EEXIST: 'a parent of it is not a directory',
    ELOOP: 'is a symbolic link; driftwarden does not write through one',
    ENXIO: 'is a named pipe (FIFO), not a regular file',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exhausted',
    ENAMETOOLONG: 'the path is too long',
  };
  const code = error.code ?? '';
  const problem = Object.hasOwn(problems, code) ? problems[code] : `${code || 'I/O error'}`;
  return cannotWrite(target, problem ?? code, error);
}

function cannotWrite(target: OutputTarget, problem: string, cause?: unknown): Error {
  return inputError(target.display, `cannot write the ${target.format} report: ${problem}`, cause);
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
