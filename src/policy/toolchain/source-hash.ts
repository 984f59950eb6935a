import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';

/** The .rego files a bundle is built from (tests excluded), sorted, relative to `cwd`. */
export async function regoSources(dirs: readonly string[], cwd: string): Promise<string[]> {
  const files = await glob(
    dirs.map((dir) => `${relative(cwd, dir) || '.'}/**/*.rego`),
    { cwd, ignore: ['**/*_test.rego'], expandDirectories: false },
  );
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
