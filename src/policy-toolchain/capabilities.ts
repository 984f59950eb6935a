import { readFile } from 'node:fs/promises';
import { DriftwardenError } from '../errors.js';
import { type OpaCli, PINNED_OPA_VERSION } from './opa.js';

interface Capabilities {
  builtins: { name: string }[];
  [key: string]: unknown;
}

/**
 * The capabilities `opa build` gets: the current opa's capabilities, less every builtin the Wasm target cannot run
 * (policies/build/wasm-builtins.json), so that a rule using http.send or time.now_ns fails at build time rather
 * than at scan time.
 */
export async function wasmCapabilities(opa: OpaCli, allowlistPath: string, cwd: string): Promise<string> {
  const allow = JSON.parse(await readFile(allowlistPath, 'utf8')) as { native: string[]; sdk: string[] };
  const names = new Set([...allow.native, ...allow.sdk]);
  const { stdout } = await opa.run(['capabilities', '--current'], cwd);
  const current = JSON.parse(stdout) as Capabilities;
  const builtins = current.builtins.filter((builtin) => names.has(builtin.name));
  const missing = [...names].filter((name) => !builtins.some((b) => b.name === name));
  if (missing.length > 0)
    throw new DriftwardenError(
      'usage',
      `opa ${opa.version} does not know these builtins: ${missing.join(', ')} (install opa ${PINNED_OPA_VERSION})`,
    );
  return `${JSON.stringify({ ...current, builtins }, null, 1)}\n`;
}
