import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { evaluate, type Scope } from './hcl-expr.js';
import { renderPolicyDocument } from './hcl-policy-document.js';
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
  policyDocuments(walk, module, scope);
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

/**
 * data "aws_iam_policy_document" (`scope.data`): rendered to the document Terraform would produce
 * (hcl-policy-document.ts), each when first read, so that one may be built from others in any order
 * (`source_policy_documents = [data.aws_iam_policy_document.base.json]`); one that refers back to itself is
 * unknown. Every document is rendered, so a problem in one is reported even when no resource reads it.
 */
function policyDocuments(walk: Walk, module: ModuleFiles, scope: Scope): void {
  const raw = new Map<string, { body: Body; where: { file: string; line: number } }>();
  for (const { file, json, outline } of module.files) {
    const documents = entries(json.data).find(([type]) => type === 'aws_iam_policy_document')?.[1];
    for (const [name, list] of entries(documents)) {
      const line = outline.blocks.get(`data.aws_iam_policy_document.${name}`)?.line ?? 1;
      raw.set(name, { body: first(list), where: { file: file.path, line } });
    }
  }
  const rendered = new Map<string, Value>();
  const rendering = new Set<string>();
  const documentOf = (name: string): Value | undefined => {
    const done = rendered.get(name);
    const definition = raw.get(name);
    if (done !== undefined || !definition || rendering.has(name)) return done;
    rendering.add(name);
    try {
      const value = guarded(walk, definition.where, `data.aws_iam_policy_document.${name}`, () =>
        renderPolicyDocument(definition.body, scope),
      );
      rendered.set(name, value);
      return value;
    } finally {
      rendering.delete(name);
    }
  };
  scope.data = (type, name, attribute) =>
    type === 'aws_iam_policy_document' && attribute === 'json' ? documentOf(name) : undefined;
  for (const name of raw.keys()) documentOf(name);
}

export function entries(value: unknown): [string, unknown][] {
  return isPlainObject(value) ? Object.entries(value) : [];
}

/** hcl2json gives each block body as a list of one. */
export function first(list: unknown): Body {
  const body = Array.isArray(list) ? list[0] : list;
  return isPlainObject(body) ? body : {};
}
