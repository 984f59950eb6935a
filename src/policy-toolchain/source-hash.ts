import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { inputError } from '../errors.js';

/**
 * The .rego files a bundle is built from (tests excluded), sorted, relative to `cwd`. Only regular files: a FIFO
 * or device named `*.rego` would block the read (and the scan) forever, so it is refused with its name.
 */
export async function regoSources(dirs: readonly string[], cwd: string): Promise<string[]> {
  const files = await glob(
    dirs.map((dir) => `${relative(cwd, dir) || '.'}/**/*.rego`),
    { cwd, ignore: ['**/*_test.rego'], expandDirectories: false },
  );
  for (const file of files) {
    const info = await lstat(`${cwd}/${file}`);
    if (!info.isFile())
      throw inputError(
        file,
        'not a regular file (a FIFO, device or link); policies are read from regular files only',
      );
  }
  return files.sort();
}

/** Hash of what determines the compiled bundle: sources, capabilities and the compiler version. */
export async function sourceHash(
  files: readonly string[],
  cwd: string,
  capabilities: string,
  opaVersion: string,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`opa ${opaVersion}\0`);
  hash.update(capabilities);
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hash.update(await readFile(`${cwd}/${file}`));
  }
  return hash.digest('hex');
}
