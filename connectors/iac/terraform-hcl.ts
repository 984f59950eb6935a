import { posix } from 'node:path';
import type { Diagnostic } from '../../src/model/report.js';
import { unknown, type Value } from '../../src/model/value.js';
import { waiverReader } from './code-waivers.js';
import { evaluate } from './hcl-expr.js';
import type { HclOutline } from './hcl-outline.js';
import { type ParsedHcl, parseHclFiles } from './hcl-parse.js';
import { LIMITS, type SourceBudget, setOwn, sourceBudget } from './limits.js';
import { isTerraformJson, parseTerraformJson } from './terraform-json.js';
import { localTarget, moduleCalls, readModule } from './terraform-modules.js';
import { guarded, type ModuleFiles, type Walk } from './terraform-walk.js';
import type { CodeResource } from './types.js';

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

/**
 * Terraform HCL (and its JSON syntax, *.tf.json): every directory of .tf files is a module; directories that other modules call are evaluated
 * through those calls (with their inputs), the rest as root modules (with terraform.tfvars and *.auto.tfvars).
 * Resources get full addresses with module paths and count/for_each keys, and their file and line.
 *
 * Modules that call each other in a cycle are evaluated once along each call path and the call that closes the
 * cycle is reported; a cycle no root module reaches is read from one of its modules, with its inputs unknown.
 */
export async function parseTerraform(
  files: readonly SourceFile[],
  diagnostics: Diagnostic[],
  budget: SourceBudget = sourceBudget(),
): Promise<CodeResource[]> {
  const modules = new Map<string, ModuleFiles>();
  const tfvars = new Map<
    string,
    { path: string; json: Record<string, unknown>; line: (k: string) => number }[]
  >();
  const overTotal: string[] = [];
  const hcl = files.filter((file) => !isTerraformJson(file.path));
  const parsedHcl = await parseHclFiles(hcl);
  const parsedFiles = new Map(hcl.map((file, index) => [file, parsedHcl[index] as ParsedHcl]));
  for (const file of files) {
    const parsed = parsedFiles.get(file) ?? parseTerraformJson(file.path, file.text);
    if ('overTotal' in parsed) {
      overTotal.push(file.path);
      continue;
    }
    if ('problem' in parsed) {
      diagnostics.push(parsed.problem);
      continue;
    }
    const { json, outline } = parsed;
    const dir = posix.dirname(file.path);
    if (/\.tfvars(\.json)?$/.test(file.path)) {
      if (/(^|\/)terraform\.tfvars(\.json)?$|\.auto\.tfvars(\.json)?$/.test(file.path)) {
        const line = (key: string) => outline.blocks.get(`attribute.${key}`)?.line ?? 1;
        tfvars.set(dir, [...(tfvars.get(dir) ?? []), { path: file.path, json, line }]);
      }
      continue;
    }
    const entry = modules.get(dir) ?? { dir, files: [] };
    dropAttributes(file.path, json, outline, diagnostics);
    entry.files.push({ file, json, outline, waivers: waiverReader(file.text, file.path) });
    modules.set(dir, entry);
  }
  if (overTotal.length > 0) {
    const message = `${overTotal.length} HCL file${overTotal.length === 1 ? '' : 's'} not read, from this one on: the repository's HCL passes ${LIMITS.totalHclTokens.toLocaleString('en')} tokens`;
    diagnostics.push({ level: 'warning', code: 'iac.limit', message, source: overTotal[0] });
  }
  const walk: Walk = {
    modules,
    out: [],
    diagnostics,
    budget,
    moduleInstances: 0,
    reported: new Set(),
    evaluated: new Set(),
  };
  const called = new Set<string>();
  for (const module of modules.values())
    for (const { call } of moduleCalls(module)) {
      const target = localTarget(module.dir, call.source);
      // A module calling itself is still a root: the call is reported as a cycle.
      if (target !== undefined && target !== module.dir) called.add(target);
    }
  const sorted = [...modules.values()].sort((a, b) => a.dir.localeCompare(b.dir));
  for (const module of sorted.filter((m) => !called.has(m.dir))) {
    if (module.dir === '.') delete walk.root;
    else walk.root = module.dir;
    guardedModule(walk, module, () =>
      readModule(walk, module, rootInputs(walk, tfvars.get(module.dir) ?? []), '', [module.dir]),
    );
  }
  delete walk.root;
  // Modules no root module reaches (a cycle no root enters, calls past the depth limit): read once, from the first,
  // with unknown inputs, under an address no state can have, `(dir).`, so that they are never paired with state.
  for (const module of sorted) {
    if (walk.evaluated.has(module.dir)) continue;
    const inputs: Record<string, Value> = {};
    for (const name of variableNames(module)) setOwn(inputs, name, unknown('expression'));
    guardedModule(walk, module, () => readModule(walk, module, inputs, `(${module.dir}).`, [module.dir]));
  }
  return walk.out;
}

/**
 * A configuration file holds blocks; an attribute at its top level (`locals = { ... }` for `locals { ... }`) is an
 * error Terraform rejects the file for. hcl2json keeps the attribute in place of any blocks of the same name in the
 * file, so those are lost: each is one error at its line, and the file's other blocks are still read.
 */
function dropAttributes(
  path: string,
  json: Record<string, unknown>,
  outline: HclOutline,
  diagnostics: Diagnostic[],
): void {
  for (const [key, { line }] of outline.blocks) {
    if (!key.startsWith('attribute.')) continue;
    const name = key.slice('attribute.'.length);
    if (!Object.hasOwn(json, name)) continue;
    delete json[name];
    const message = `\`${name} = ...\` at line ${line} is an attribute where Terraform expects blocks (\`${name} { ... }\`), and rejects the file; its ${name} blocks are not read, its other blocks are`;
    diagnostics.push({ level: 'error', code: 'iac.invalid', message, source: `${path}:${line}` });
  }
}

/** Whatever goes wrong evaluating one root module is that module's problem: the others are still read. */
function guardedModule(walk: Walk, module: ModuleFiles, run: () => void): void {
  try {
    run();
  } catch (error) {
    const kind = error instanceof Error ? error.name : 'error';
    const message = `the module in ${module.dir} could not be evaluated (${kind}); some of its resources are not read`;
    walk.diagnostics.push({
      level: 'error',
      code: 'iac.error',
      message,
      source: module.files[0]?.file.path ?? module.dir,
    });
  }
}

function rootInputs(
  walk: Walk,
  files: { path: string; json: Record<string, unknown>; line: (k: string) => number }[],
): Record<string, Value> {
  const inputs: Record<string, Value> = {};
  for (const { path, json, line } of files)
    for (const [key, raw] of Object.entries(json)) {
      const where = { file: path, line: line(key) };
      setOwn(
        inputs,
        key,
        guarded(walk, where, `variable ${key}`, () => evaluate(raw, { var: {}, local: {} })),
      );
    }
  return inputs;
}

function variableNames(module: ModuleFiles): string[] {
  return module.files.flatMap(({ json }) =>
    typeof json.variable === 'object' && json.variable !== null ? Object.keys(json.variable) : [],
  );
}
