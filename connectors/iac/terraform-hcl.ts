import { posix } from 'node:path';
import type { Diagnostic } from '../../src/model/report.js';
import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { parseInlineWaivers } from '../../src/policy/waivers.js';
import { evaluate, hasUnknown, type Scope } from './hcl-expr.js';
import type { CodeResource } from './types.js';

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

type Body = Record<string, unknown>;
interface ModuleFiles {
  dir: string;
  files: { file: SourceFile; json: Record<string, unknown> }[];
}

const META = new Set([
  'count',
  'for_each',
  'provider',
  'depends_on',
  'lifecycle',
  'provisioner',
  'connection',
]);
const MAX_DEPTH = 10;

/**
 * Terraform HCL: every directory of .tf files is a module; directories that other modules call are evaluated
 * through those calls (with their inputs), the rest as root modules (with terraform.tfvars and *.auto.tfvars).
 * Resources get full addresses with module paths and count/for_each keys, and their file and line.
 */
export async function parseTerraform(
  files: readonly SourceFile[],
  diagnostics: Diagnostic[],
): Promise<CodeResource[]> {
  const modules = new Map<string, ModuleFiles>();
  const tfvars = new Map<string, Record<string, unknown>>();
  for (const file of files) {
    let json: Record<string, unknown>;
    try {
      // Loaded on first use: the HCL parser is a Go WebAssembly module that only HCL scans need.
      const { parse } = await import('@cdktf/hcl2json');
      json = (await parse(file.path, file.text)) as Record<string, unknown>;
    } catch (error) {
      diagnostics.push(parseProblem(file.path, error));
      continue;
    }
    const dir = posix.dirname(file.path);
    if (file.path.endsWith('.tfvars')) {
      if (/(^|\/)terraform\.tfvars$|\.auto\.tfvars$/.test(file.path))
        tfvars.set(dir, { ...tfvars.get(dir), ...json });
      continue;
    }
    const entry = modules.get(dir) ?? { dir, files: [] };
    entry.files.push({ file, json });
    modules.set(dir, entry);
  }
  const called = new Set<string>();
  for (const module of modules.values())
    for (const call of moduleCalls(module))
      if (call.local) called.add(posix.normalize(posix.join(module.dir, call.source)));
  const resources: CodeResource[] = [];
  for (const module of [...modules.values()]
    .filter((m) => !called.has(m.dir))
    .sort((a, b) => a.dir.localeCompare(b.dir))) {
    const inputs = Object.fromEntries(
      Object.entries(tfvars.get(module.dir) ?? {}).map(([k, v]) => [k, evaluate(v, { var: {}, local: {} })]),
    );
    loadModule(module, inputs, '', modules, resources, diagnostics, 0);
  }
  return resources;
}

function loadModule(
  module: ModuleFiles,
  inputs: Record<string, Value>,
  prefix: string,
  modules: Map<string, ModuleFiles>,
  out: CodeResource[],
  diagnostics: Diagnostic[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  // A variable marked sensitive is never read, from its default, tfvars or a module input: whatever it holds
  // cannot then reach an attribute, a finding or a report. It is unknown, so it never raises a violation either.
  const scope: Scope = { var: { ...defaults(module), ...inputs, ...sensitiveVariables(module) }, local: {} };
  const addresses = new Map<string, string>();
  for (const { json } of module.files)
    for (const [type, named] of blocks(json.resource))
      for (const name of Object.keys(named)) addresses.set(`${type}.${name}`, `${prefix}${type}.${name}`);
  scope.resourceAddress = (type, name) => addresses.get(`${type}.${name}`);
  scope.local = evaluateLocals(module, scope);
  const documents = policyDocuments(module, scope);
  scope.data = (type, name, attribute) =>
    type === 'aws_iam_policy_document' && attribute === 'json' ? documents.get(name) : undefined;
  for (const { file, json } of module.files) {
    for (const [type, named] of blocks(json.resource)) {
      for (const [name, list] of Object.entries(named)) {
        const body = (Array.isArray(list) ? list[0] : list) as Body;
        for (const instance of instances(body, scope))
          out.push(codeResource(file, type, name, body, instance, prefix));
      }
    }
    for (const call of moduleCalls({ dir: module.dir, files: [{ file, json }] })) {
      if (!call.local) {
        diagnostics.push({
          level: 'info',
          code: 'iac.remote-module',
          message: `module "${call.name}" comes from ${call.source}, which is not read`,
          source: file.path,
        });
        continue;
      }
      const child = modules.get(posix.normalize(posix.join(module.dir, call.source)));
      if (!child) continue;
      for (const instance of instances(call.body, scope)) {
        const childInputs = Object.fromEntries(
          Object.entries(call.body)
            .filter(([k]) => !META.has(k) && k !== 'source' && k !== 'version')
            .map(([k, v]) => [k, evaluate(v, instance)]),
        );
        loadModule(
          child,
          childInputs,
          `${prefix}module.${call.name}${instance.suffix}.`,
          modules,
          out,
          diagnostics,
          depth + 1,
        );
      }
    }
  }
}

interface Instance extends Scope {
  suffix: string;
}

/** count and for_each: one instance per index or key; an expression not known statically gives one unknown instance. */
function instances(body: Body, scope: Scope): Instance[] {
  if (body.count !== undefined) {
    const count = evaluate(body.count, scope);
    if (typeof count !== 'number') return [{ ...scope, count: { index: Number.NaN }, suffix: '[*]' }];
    return Array.from({ length: count }, (_, index) => ({
      ...scope,
      count: { index },
      suffix: `[${index}]`,
    }));
  }
  if (body.for_each !== undefined) {
    const each = evaluate(body.for_each, scope);
    const entries = Array.isArray(each)
      ? each.map((v) => [String(v), v] as const)
      : isPlainObject(each) && !hasUnknown(each)
        ? Object.entries(each)
        : undefined;
    if (!entries)
      return [
        { ...scope, each: { key: unknown('expression'), value: unknown('expression') }, suffix: '[*]' },
      ];
    return entries.map(([key, value]) => ({
      ...scope,
      each: { key, value },
      suffix: `[${JSON.stringify(key)}]`,
    }));
  }
  return [{ ...scope, suffix: '' }];
}

function codeResource(
  file: SourceFile,
  type: string,
  name: string,
  body: Body,
  instance: Instance,
  prefix: string,
): CodeResource {
  const attributes: Record<string, Value> = {};
  for (const [key, value] of Object.entries(body))
    if (!META.has(key)) attributes[key] = evaluate(value, instance);
  const { line, endLine } = blockLines(file.text, type, name);
  const waivers = parseInlineWaivers(file.text, file.path, line, endLine);
  return {
    type,
    address: `${prefix}${type}.${name}${instance.suffix}`,
    attributes,
    file: file.path,
    line,
    endLine,
    ...(waivers.length ? { waivers } : {}),
  };
}

function defaults(module: ModuleFiles): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const { json } of module.files)
    for (const [name, list] of Object.entries((json.variable ?? {}) as Record<string, unknown[]>)) {
      const body = (list?.[0] ?? {}) as Body;
      out[name] = 'default' in body ? evaluate(body.default, { var: {}, local: {} }) : unknown('expression');
    }
  return out;
}

function sensitiveVariables(module: ModuleFiles): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const { json } of module.files)
    for (const [name, list] of Object.entries((json.variable ?? {}) as Record<string, unknown[]>))
      if (((list?.[0] ?? {}) as Body).sensitive === true) out[name] = unknown('expression');
  return out;
}

function evaluateLocals(module: ModuleFiles, scope: Scope): Record<string, Value> {
  const raw: Record<string, unknown> = {};
  for (const { json } of module.files)
    for (const block of (json.locals ?? []) as Body[]) Object.assign(raw, block);
  let locals: Record<string, Value> = {};
  for (let pass = 0; pass < 5; pass++)
    locals = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, evaluate(v, { ...scope, local: locals })]),
    );
  return locals;
}

/** data "aws_iam_policy_document": rendered to the JSON document Terraform would produce. */
function policyDocuments(module: ModuleFiles, scope: Scope): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const { json } of module.files) {
    for (const [name, list] of Object.entries(
      blocks(json.data).find(([t]) => t === 'aws_iam_policy_document')?.[1] ?? {},
    )) {
      const body = evaluate((Array.isArray(list) ? list[0] : list) ?? {}, scope) as Record<string, Value>;
      const statements = (Array.isArray(body.statement) ? body.statement : []).map((s) =>
        statement(s as Record<string, Value>),
      );
      const doc = { Version: '2012-10-17', Statement: statements };
      out.set(name, hasUnknown(doc) ? unknown('expression') : JSON.stringify(doc));
    }
  }
  return out;
}

function statement(s: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = { Effect: s.effect ?? 'Allow' };
  if (s.sid) out.Sid = s.sid;
  for (const [from, to] of [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ] as const)
    if (s[from] !== undefined) out[to] = s[from] ?? null;
  const principals = Array.isArray(s.principals) ? s.principals : [];
  if (principals.length)
    out.Principal = Object.fromEntries(
      principals.map((p) => [
        String((p as Record<string, Value>).type),
        (p as Record<string, Value>).identifiers ?? null,
      ]),
    );
  const conditions = Array.isArray(s.condition) ? s.condition : [];
  if (conditions.length) {
    const condition: Record<string, Record<string, Value>> = {};
    for (const c of conditions as Record<string, Value>[])
      condition[String(c.test)] = { ...condition[String(c.test)], [String(c.variable)]: c.values ?? null };
    out.Condition = condition;
  }
  return out;
}

function moduleCalls(module: ModuleFiles): { name: string; source: string; local: boolean; body: Body }[] {
  const calls = [];
  for (const { json } of module.files)
    for (const [name, list] of Object.entries((json.module ?? {}) as Record<string, unknown[]>)) {
      const body = (list?.[0] ?? {}) as Body;
      const source = typeof body.source === 'string' ? body.source : '';
      calls.push({ name, source, local: source.startsWith('./') || source.startsWith('../'), body });
    }
  return calls;
}

function blocks(value: unknown): [string, Record<string, unknown>][] {
  return isPlainObject(value) ? (Object.entries(value) as [string, Record<string, unknown>][]) : [];
}

/** hcl2json gives no positions; the block header is found in the text, and its end by matching braces. */
function blockLines(text: string, type: string, name: string): { line: number; endLine: number } {
  const header = new RegExp(`^\\s*resource\\s+"${type}"\\s+"${name}"\\s*\\{`, 'm').exec(text);
  if (!header) return { line: 1, endLine: 1 };
  const line = text.slice(0, header.index).split('\n').length + (header[0].startsWith('\n') ? 1 : 0);
  let depth = 0;
  for (let i = header.index + header[0].length - 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { line, endLine: text.slice(0, i).split('\n').length };
  }
  return { line, endLine: text.split('\n').length };
}

function parseProblem(path: string, error: unknown): Diagnostic {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'parse error';
  const line = /:(\d+),\d+/.exec(message)?.[1];
  return {
    level: 'error',
    code: 'iac.parse',
    message: `cannot parse HCL: ${message.replace(/^.*?: /, '').slice(0, 200)}`,
    source: line ? `${path}:${line}` : path,
  };
}
