import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile } from '../connector/read-json-file.js';
import { inputError } from '../errors.js';
import { describeZodError } from '../util/zod-issue.js';
import { type Catalogue, catalogueSchema } from './catalogue.js';

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

/** The largest policy.wasm read; the built-in library compiles to well under 1 MiB. */
const MAX_WASM_BYTES = 64 * 1024 * 1024;
/** More rules than this is not a rule library: each rule is one evaluation job. */
const MAX_RULES = 10_000;

/**
 * Loads a bundle directory (policy.wasm + catalogue.json), e.g. policies/dist or a user's --policy-bundle. Both
 * files must be regular files (a FIFO is named, never opened); the catalogue is checked strictly, since its ids,
 * files and entrypoints reach the report and the terminal, and the module must be WebAssembly.
 */
export async function loadBundleDir(dir: string, name: string, displayDir = dir): Promise<PolicyBundle> {
  const cataloguePath = join(dir, 'catalogue.json');
  const wasmPath = join(dir, 'policy.wasm');
  if (!(await exists(cataloguePath)) || !(await exists(wasmPath))) {
    throw inputError(
      displayDir,
      'not a policy bundle: expected policy.wasm and catalogue.json (build one with `driftwarden policies build`)',
    );
  }
  const catalogueDisplay = join(displayDir, 'catalogue.json');
  const raw = await readJsonFile(cataloguePath, catalogueDisplay);
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(catalogueDisplay, `invalid catalogue: ${describeZodError(parsed.error)}`);
  const problem = catalogueProblem(parsed.data);
  if (problem) throw inputError(catalogueDisplay, `invalid catalogue: ${problem}`);
  const wasm = await readWasm(wasmPath, join(displayDir, 'policy.wasm'));
  return { name, catalogue: parsed.data, wasm };
}

const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
const ENTRYPOINT = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;
const RESOURCE_TYPE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;
// Terminal control characters; a line break or tab is allowed only where text runs over lines.
const CONTROL = /(?![\n\t])\p{Cc}/u;
const CONTROL_OR_BREAK = /\p{Cc}/u;

function catalogueProblem(catalogue: Catalogue): string | undefined {
  if (catalogue.rules.length > MAX_RULES)
    return `${catalogue.rules.length} rules; a bundle holds at most ${MAX_RULES}`;
  const seen = new Set<string>();
  for (const [index, rule] of catalogue.rules.entries()) {
    const at = `rules[${index}]`;
    if (!RULE_ID.test(rule.id)) return `${at}.id must look like DW-AWS-IAM-001`;
    if (seen.has(rule.id)) return `${at}.id ${rule.id} appears twice`;
    seen.add(rule.id);
    if (!ENTRYPOINT.test(rule.entrypoint))
      return `${at}.entrypoint (${rule.id}) must be a package path such as a/b/deny`;
    if (rule.resourceTypes.length === 0) return `${at}.resourceTypes (${rule.id}) is empty`;
    if (!rule.resourceTypes.every((type) => RESOURCE_TYPE.test(type)))
      return `${at}.resourceTypes (${rule.id}) must be Terraform type names`;
    const { checkov, trivy } = rule.equivalents;
    const oneLine = [rule.title, rule.file, ...rule.controls, ...rule.relatedResources, ...checkov, ...trivy];
    if (
      oneLine.some((text) => CONTROL_OR_BREAK.test(text)) ||
      [rule.description, rule.remediation].some((text) => CONTROL.test(text))
    )
      return `${at} (${rule.id}) contains control characters`;
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readWasm(path: string, display: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw inputError(display, 'is not a regular file');
  if (info.size > MAX_WASM_BYTES)
    throw inputError(
      display,
      `is too large (${Math.round(info.size / 2 ** 20)} MiB; at most ${MAX_WASM_BYTES / 2 ** 20} MiB)`,
    );
  let wasm: Uint8Array;
  try {
    wasm = await readFile(path);
  } catch {
    throw inputError(display, 'cannot be read');
  }
  if (wasm.length > MAX_WASM_BYTES || !WebAssembly.validate(new Uint8Array(wasm)))
    throw inputError(
      display,
      'not a valid WebAssembly module (build the bundle with `driftwarden policies build`)',
    );
  return wasm;
}
