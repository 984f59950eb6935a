import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { simpleGit } from 'simple-git';
import { DriftwardenError } from '../errors.js';

/**
 * The declared files of one commit, written to a temporary directory without touching the working tree, so that a
 * pull request's base and head can be scanned side by side. Specs that are paths or globs inside the repository are
 * matched against the commit's tree; remote specs (s3://, azurerm://) are left to the connectors.
 */
export async function materializeAtRef(
  repo: string,
  ref: string,
  specs: readonly string[],
): Promise<{ dir: string; files: string[]; present: (spec: string) => boolean }> {
  const git = simpleGit(repo);
  try {
    await git.raw(['cat-file', '-e', `${ref}^{commit}`]);
  } catch (error) {
    throw new DriftwardenError(
      'input',
      `commit ${ref} is not in the checkout (use actions/checkout with fetch-depth: 0)`,
      { cause: error },
    );
  }
  const tree = (await git.raw(['ls-tree', '-r', '--name-only', ref])).split('\n').filter(Boolean);
  // A remote spec (s3://, azurerm://) is left to its connector, and always names something; a path or glob names
  // what it matches in the commit's tree.
  const matchers = new Map(
    specs
      .filter((spec) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(spec))
      .map((spec) => [spec, picomatch(spec.replace(/^\.\//, ''), { dot: false })] as const),
  );
  const files = tree.filter((file) => [...matchers.values()].some((match) => match(file)));
  const dir = await mkdtemp(join(tmpdir(), 'driftwarden-ref-'));
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), await git.show([`${ref}:${file}`]));
  }
  const present = (spec: string) => {
    const match = matchers.get(spec);
    return match === undefined || files.some((file) => match(file));
  };
  return { dir, files, present };
}
