import { posix } from 'node:path';
import { isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { expandDynamic, isDynamic } from './hcl-dynamic.js';
import { evaluate, hasUnknown, type Scope } from './hcl-expr.js';
import { admit, detach, LIMITS, setOwn } from './limits.js';
import { entries, first, moduleScope } from './terraform-scope.js';
import {
  guarded,
  type ModuleFile,
  type ModuleFiles,
  report,
  type Walk,
  type Where,
} from './terraform-walk.js';
import type { CodeResource } from './types.js';

type Body = Record<string, unknown>;

const META = new Set([
  'count',
  'for_each',
  'provider',
  'depends_on',
  'lifecycle',
  'provisioner',
  'connection',
]);
const n = (value: number) => value.toLocaleString('en');

/**
 * Evaluates one module instance: its resources (each count/for_each instance), then the modules it calls, each
 * instance with its inputs. `path` is the module directories from the root to this one, to see cycles.
 */
export function readModule(
  walk: Walk,
  module: ModuleFiles,
  inputs: Record<string, Value>,
  prefix: string,
  path: readonly string[],
): void {
  walk.evaluated.add(module.dir);
  if (walk.budget.spent) return;
  const scope = moduleScope(walk, module, inputs, prefix);
  for (const moduleFile of module.files) {
    for (const [type, named] of entries(moduleFile.json.resource))
      for (const [name, list] of entries(named))
        readResource(walk, moduleFile, type, name, first(list), scope, prefix);
    for (const { name, call } of moduleCalls({ dir: module.dir, files: [moduleFile] }))
      callModule(walk, module, moduleFile, name, call, scope, prefix, path);
  }
}

function readResource(
  walk: Walk,
  { file, outline, waivers }: ModuleFile,
  type: string,
  name: string,
  body: Body,
  scope: Scope,
  prefix: string,
): void {
  const { line, endLine } = outline.blocks.get(`${type}.${name}`) ?? { line: 1, endLine: 1 };
  const where = { file: file.path, line };
  const blockWaivers = waivers(line, endLine);
  for (const instance of instances(walk, where, `${prefix}${type}.${name}`, body, scope)) {
    const address = `${prefix}${type}.${name}${instance.suffix}`;
    const attributes: Record<string, Value> = {};
    const scope = { ...instance, blocks: { produced: 0 } };
    for (const [key, value] of Object.entries(body))
      if (!META.has(key) && key !== 'dynamic')
        setOwn(
          attributes,
          key,
          guarded(walk, where, `${address}.${key}`, () => evaluate(value, scope)),
        );
    if (isDynamic(body.dynamic)) {
      const expanded = guarded(walk, where, `${address} dynamic blocks`, () => {
        expandDynamic(attributes, body.dynamic, scope, evaluate);
        return true;
      });
      // Past a limit, the blocks are unknown, never absent.
      if (expanded !== true)
        for (const label of Object.keys(body.dynamic as Body))
          setOwn(attributes, label, unknown('expression'));
    }
    const problem = admit(walk.budget, attributes);
    if (problem !== undefined) {
      if (problem) report(walk, where, 'iac.limit', problem);
      return;
    }
    const resource: CodeResource = {
      type,
      address,
      attributes: detach(attributes),
      file: file.path,
      line,
      endLine,
    };
    if (walk.root !== undefined) resource.root = walk.root;
    if (blockWaivers.length) resource.waivers = blockWaivers.map((waiver) => ({ ...waiver }));
    walk.out.push(resource);
  }
}

function callModule(
  walk: Walk,
  module: ModuleFiles,
  { file, outline }: ModuleFile,
  name: string,
  call: Body,
  scope: Scope,
  prefix: string,
  path: readonly string[],
): void {
  const where = { file: file.path, line: outline.blocks.get(`module.${name}`)?.line ?? 1 };
  if (typeof call.source !== 'string') {
    // Terraform takes only a literal string here; whatever else is written is never printed as text.
    const problem = call.source === undefined ? 'has no source' : 'has a source that is not a literal string';
    report(walk, where, 'iac.invalid', `module "${name}" ${problem}; not read`, 'error');
    return;
  }
  const source = call.source;
  const target = localTarget(module.dir, source);
  if (target === undefined) {
    const message = `module "${name}" comes from ${source}, which is not read`;
    walk.diagnostics.push({ level: 'info', code: 'iac.remote-module', message, source: file.path });
    return;
  }
  const child = walk.modules.get(target);
  if (!child) {
    const outside = target === '..' || target.startsWith('../');
    const message = outside
      ? `module "${name}" (${source}) leads outside the repository; not read`
      : `module "${name}" (${source}): ${target} holds no Terraform files in the repository; not read`;
    report(walk, where, 'iac.module-missing', message);
    return;
  }
  if (path.includes(target)) {
    const cycle = [...path.slice(path.indexOf(target)), target]
      .map((dir) => (dir === '.' ? './' : dir))
      .join(' -> ');
    const message = `module "${name}" (${source}) calls back into a module that is calling it (${cycle}); the cycle is not followed`;
    report(walk, where, 'iac.module-cycle', message);
    return;
  }
  if (path.length > LIMITS.moduleDepth) {
    const message = `module "${name}" is nested more than ${LIMITS.moduleDepth} modules deep; not read`;
    report(walk, where, 'iac.module-depth', message);
    return;
  }
  for (const instance of instances(walk, where, `${prefix}module.${name}`, call, scope)) {
    if (walk.budget.spent) return;
    if (walk.moduleInstances >= LIMITS.moduleInstances) {
      // Once for the repository: every call after this one is refused the same way.
      if (walk.reported.has('iac.module-instances')) return;
      walk.reported.add('iac.module-instances');
      const message = `more than ${n(LIMITS.moduleInstances)} module instances in the repository (modules calling modules many times over); from module "${name}" on, module calls are not read`;
      report(walk, where, 'iac.module-instances', message);
      return;
    }
    walk.moduleInstances++;
    const inputs: Record<string, Value> = {};
    for (const [key, value] of Object.entries(call))
      if (!META.has(key) && key !== 'source' && key !== 'version')
        setOwn(
          inputs,
          key,
          guarded(walk, where, `module.${name}.${key}`, () => evaluate(value, instance)),
        );
    readModule(walk, child, inputs, `${prefix}module.${name}${instance.suffix}.`, [...path, target]);
  }
}

interface Instance extends Scope {
  suffix: string;
}

/**
 * count and for_each: one instance per index or key. A count or for_each not known statically (it depends on a
 * variable with no default, another resource, a function beyond the evaluator) means the instances are unknown:
 * there may be none (`count = var.create ? 1 : 0`), so none is read and judged, and an info diagnostic names the
 * block. One asking for more instances than the limit is read once, `[*]`, with its index or key unknown: the
 * instances exist, and what does not depend on them is still checked; the limit is reported.
 */
function instances(walk: Walk, where: Where, label: string, body: Body, scope: Scope): Instance[] {
  const star = (suffix: Partial<Scope>): Instance[] => [{ ...scope, ...suffix, suffix: '[*]' }];
  const countStar = () => star({ count: { index: Number.NaN } });
  const eachStar = () => star({ each: { key: unknown('expression'), value: unknown('expression') } });
  const unknownInstances = (what: string): Instance[] => {
    const message = `${what} of ${label} is not known before apply, so how many instances it has (perhaps none) is unknown; they are not checked`;
    report(walk, where, 'iac.unknown-instances', message, 'info');
    return [];
  };
  const tooMany = (what: string, size: number, instead: string) =>
    report(
      walk,
      where,
      'iac.instances',
      `${what} of ${label} asks for ${n(size)} instances, more than ${n(LIMITS.instances)}; read once, as ${label}[*], with ${instead} unknown`,
    );
  if (body.count !== undefined) {
    const value = guarded(walk, where, `count of ${label}`, () => evaluate(body.count, scope));
    const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (isUnknown(count)) return unknownInstances('count');
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      report(
        walk,
        where,
        'iac.instances',
        `count of ${label} is not a whole number; read once, as ${label}[*]`,
      );
      return countStar();
    }
    if (count > LIMITS.instances) {
      tooMany('count', count, 'count.index');
      return countStar();
    }
    return Array.from({ length: count }, (_, index) => ({
      ...scope,
      count: { index },
      suffix: `[${index}]`,
    }));
  }
  if (body.for_each !== undefined) {
    const each = guarded(walk, where, `for_each of ${label}`, () => evaluate(body.for_each, scope));
    // A map's keys may be known while its values are not; a set's elements are its keys.
    const known = Array.isArray(each) ? !each.some(hasUnknown) : isPlainObject(each) && !isUnknown(each);
    if (!known) return unknownInstances('for_each');
    const pairs = Array.isArray(each)
      ? each.map((v) => [String(v), v] as const)
      : Object.entries(each as Record<string, Value>);
    if (pairs.length > LIMITS.instances) {
      tooMany('for_each', pairs.length, 'each.key and each.value');
      return eachStar();
    }
    return pairs.map(([key, value]) => ({
      ...scope,
      each: { key, value },
      suffix: `[${JSON.stringify(key)}]`,
    }));
  }
  return [{ ...scope, suffix: '' }];
}

export function moduleCalls(module: ModuleFiles): { name: string; call: Body }[] {
  return module.files.flatMap(({ json }) =>
    entries(json.module).map(([name, list]) => ({ name, call: first(list) })),
  );
}

/** The directory a local module source names (`./x`, `../x`), normalised; undefined for other sources. */
export function localTarget(dir: string, source: unknown): string | undefined {
  if (typeof source !== 'string' || !(source.startsWith('./') || source.startsWith('../'))) return undefined;
  const target = posix.normalize(posix.join(dir, source));
  return target.length > 1 && target.endsWith('/') ? target.slice(0, -1) : target;
}
