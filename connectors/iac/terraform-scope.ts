import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { evaluate, hasUnknown, type Scope } from './hcl-expr.js';
import { setOwn } from './limits.js';
import { codeId } from './map.js';
import { guarded, type ModuleFiles, type Walk } from './terraform-walk.js';

type Body = Record<string, unknown>;

/**
 * The scope a module instance's resources are evaluated in: its variables (defaults, then inputs; a variable
 * marked sensitive is never read), locals, the addresses of its resources and its policy documents.
 */
export function moduleScope(
  walk: Walk,
  module: ModuleFiles,
  inputs: Record<string, Value>,
  prefix: string,
): Scope {
  // A variable marked sensitive is never read, from its default, tfvars or a module input: whatever it holds
  // cannot then reach an attribute, a finding or a report. It is unknown, so it never raises a violation either.
  const variables: Record<string, Value> = {};
  const sensitive: string[] = [];
  for (const { file, json, outline } of module.files)
    for (const [name, list] of entries(json.variable)) {
      const body = first(list);
      if (body.sensitive === true) sensitive.push(name);
      const where = { file: file.path, line: outline.blocks.get(`variable.${name}`)?.line ?? 1 };
      const value =
        'default' in body
          ? guarded(walk, where, `variable ${name}`, () => evaluate(body.default, { var: {}, local: {} }))
          : unknown('expression');
      setOwn(variables, name, value);
    }
  for (const [name, value] of Object.entries(inputs)) setOwn(variables, name, value);
  for (const name of sensitive) setOwn(variables, name, unknown('expression'));
  const scope: Scope = { var: variables, local: {} };
  const addresses = new Map<string, string>();
  for (const { json } of module.files)
    for (const [type, named] of entries(json.resource))
      for (const name of Object.keys(isPlainObject(named) ? named : {}))
        addresses.set(`${type}.${name}`, codeId(walk.root, `${prefix}${type}.${name}`));
  scope.resourceAddress = (type, name) => addresses.get(`${type}.${name}`);
  scope.localOf = lazyLocals(walk, module, scope);
  const documents = policyDocuments(walk, module, scope);
  scope.data = (type, name, attribute) =>
    type === 'aws_iam_policy_document' && attribute === 'json' ? documents.get(name) : undefined;
  return scope;
}

/**
 * Locals may refer to each other in any order: each is evaluated when first used, once. One that refers back to
 * itself, directly or not, is unknown; one past a limit is unknown and reported at its line.
 */
function lazyLocals(walk: Walk, module: ModuleFiles, scope: Scope): (name: string) => Value | undefined {
  const raw = new Map<string, { value: unknown; where: { file: string; line: number } }>();
  for (const { file, json, outline } of module.files)
    for (const block of Array.isArray(json.locals) ? json.locals : [])
      for (const [name, value] of Object.entries(isPlainObject(block) ? block : {})) {
        const line = outline.blocks.get(`local.${name}`)?.line ?? 1;
        raw.set(name, { value, where: { file: file.path, line } });
      }
  const values = new Map<string, Value>();
  const evaluating = new Set<string>();
  return (name) => {
    const known = values.get(name);
    if (known !== undefined) return known;
    const definition = raw.get(name);
    if (!definition || evaluating.has(name)) return undefined;
    evaluating.add(name);
    try {
      const value = guarded(walk, definition.where, `local.${name}`, () => evaluate(definition.value, scope));
      values.set(name, value);
      return value;
    } finally {
      evaluating.delete(name);
    }
  };
}

/** data "aws_iam_policy_document": rendered to the JSON document Terraform would produce. */
function policyDocuments(walk: Walk, module: ModuleFiles, scope: Scope): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const { file, json, outline } of module.files) {
    const documents = entries(json.data).find(([type]) => type === 'aws_iam_policy_document')?.[1];
    for (const [name, list] of entries(documents)) {
      const line = outline.blocks.get(`data.aws_iam_policy_document.${name}`)?.line ?? 1;
      const rendered = guarded(
        walk,
        { file: file.path, line },
        `data.aws_iam_policy_document.${name}`,
        () => {
          const body = evaluate(first(list), scope);
          const statements = (isPlainObject(body) && Array.isArray(body.statement) ? body.statement : []).map(
            (s) => statement(isPlainObject(s) ? s : {}),
          );
          const doc = { Version: '2012-10-17', Statement: statements };
          return hasUnknown(doc) ? unknown('expression') : JSON.stringify(doc);
        },
      );
      out.set(name, rendered);
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
  const principals = (Array.isArray(s.principals) ? s.principals : []).filter(isPlainObject);
  if (principals.length) {
    const principal: Record<string, Value> = {};
    for (const p of principals) setOwn(principal, String(p.type), p.identifiers ?? null);
    out.Principal = principal;
  }
  const conditions = (Array.isArray(s.condition) ? s.condition : []).filter(isPlainObject);
  if (conditions.length) {
    const condition: Record<string, Value> = {};
    for (const c of conditions) {
      const test = Object.hasOwn(condition, String(c.test)) ? condition[String(c.test)] : undefined;
      const values: Record<string, Value> = isPlainObject(test) ? test : {};
      setOwn(values, String(c.variable), c.values ?? null);
      setOwn(condition, String(c.test), values);
    }
    out.Condition = condition;
  }
  return out;
}

export function entries(value: unknown): [string, unknown][] {
  return isPlainObject(value) ? Object.entries(value) : [];
}

/** hcl2json gives each block body as a list of one. */
export function first(list: unknown): Body {
  const body = Array.isArray(list) ? list[0] : list;
  return isPlainObject(body) ? body : {};
}
