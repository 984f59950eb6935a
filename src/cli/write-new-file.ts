import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { inputError } from '../errors.js';

/**
 * Writes a file the user will edit afterwards (a config, a .driftignore): never over an existing one unless
 * `force`, never through a symbolic link, never into anything but a regular file. Without `force` the file is
 * created exclusively, so one that appears meanwhile is not replaced either.
 */
export async function writeNewFile(
  file: { path: string; display: string },
  content: string,
  force: boolean,
): Promise<void> {
  await refuseIfNotRegular(file);
  const flags =
    constants.O_WRONLY |
    constants.O_CREAT |
    constants.O_NOFOLLOW |
    constants.O_NONBLOCK |
    (force ? constants.O_TRUNC : constants.O_EXCL);
  try {
    await mkdir(dirname(file.path), { recursive: true });
    const handle = await open(file.path, flags, 0o666);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw inputError(file.display, `cannot write it: ${problemOf(error)}`, error);
  }
}

async function refuseIfNotRegular(file: { path: string; display: string }): Promise<void> {
  const info = await lstat(file.path).catch(() => undefined);
  if (info === undefined || info.isFile()) return;
  const kind = info.isSymbolicLink()
    ? 'a symbolic link'
    : info.isDirectory()
      ? 'a directory'
      : 'not a regular file';
  throw inputError(file.display, `cannot write it: it is ${kind}`);
}

function problemOf(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'EEXIST') return 'it already exists (pass --force to replace it)';
  if (code === 'ELOOP') return 'it is a symbolic link';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENXIO') return 'it is a named pipe (FIFO), not a regular file';
  return code || (error instanceof Error ? error.message : String(error));
}
