import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../policy/library.js';
import { regoSources, sourceHash } from './source-hash.js';

/** Whether the committed built-in bundle was built from the current sources. Needs no opa. */
export async function builtinBundleFreshness(
  root: string,
): Promise<{ fresh: boolean; expected: string; actual: string }> {
  const bundle = await loadBundleDir(join(root, BUILTIN_POLICY_DIRS.dist), 'builtin');
  const files = await regoSources(
    [join(root, BUILTIN_POLICY_DIRS.lib), join(root, BUILTIN_POLICY_DIRS.rules)],
    root,
  );
  const capabilities = await readFile(join(root, BUILTIN_POLICY_DIRS.capabilities), 'utf8');
  const actual = await sourceHash(files, root, capabilities, bundle.catalogue.opaVersion);
  return { fresh: actual === bundle.catalogue.sourceHash, expected: bundle.catalogue.sourceHash, actual };
}
