import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors.js';
import { describeZodError } from '../util/zod-issue.js';
import { type Catalogue, catalogueSchema } from './catalogue.js';
import { regoSources, sourceHash } from './toolchain/source-hash.js';

/** A compiled bundle: the Wasm module and its catalogue, as `policies build` writes them. */
export interface PolicyBundle {
  name: string;
  catalogue: Catalogue;
  wasm: Uint8Array;
}

export const BUILTIN_POLICY_DIRS = {
  rules: 'policies/rules',
  lib: 'policies/lib',
  dist: 'policies/dist',
  capabilities: 'policies/capabilities.json',
  builtinsAllowlist: 'policies/build/wasm-builtins.json',
} as const;

/** Loads a bundle directory (policy.wasm + catalogue.json), e.g. policies/dist or a user's --policy-bundle. */
export async function loadBundleDir(dir: string, name: string, displayDir = dir): Promise<PolicyBundle> {
  let catalogueText: string;
  let wasm: Uint8Array;
  try {
    catalogueText = await readFile(join(dir, 'catalogue.json'), 'utf8');
    wasm = await readFile(join(dir, 'policy.wasm'));
  } catch {
    throw inputError(
      displayDir,
      'not a policy bundle: expected policy.wasm and catalogue.json (build one with `driftwarden policies build`)',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(catalogueText);
  } catch {
    throw inputError(join(displayDir, 'catalogue.json'), 'invalid JSON');
  }
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(
      join(displayDir, 'catalogue.json'),
      `invalid catalogue: ${describeZodError(parsed.error)}`,
    );
  return { name, catalogue: parsed.data, wasm };
}

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
