import type { Diagnostic } from '../../src/model/report.js';
import { isPlainObject, type Value } from '../../src/model/value.js';
import {
  type ArmScope,
  evaluateValue,
  staticCount,
  unknownValue,
  withResourceLoop,
} from './arm-expressions.js';
import type { Span } from './arm-json.js';
import { LIMITS, LimitExceeded, type SourceBudget } from './limits.js';

export type JsonObject = { [key: string]: Value };

/** One deployed copy of a resource declaration. */
export interface Instance {
  armType: string;
  node: JsonObject;
  span: Span;
  scope: ArmScope;
  /** The name as written, evaluated: `db`, or `server/db` for a top-level child. */
  ownName: Value;
  /** With the parents' names: `server/db`. */
  fullName: Value;
  /** The full name, or the raw text of the parts that are not static. */
  display: string;
  /** `[i]` for a copy, `[*]` for all copies of a loop whose count is past the limits. */
  suffix: string;
}

type Parent = Pick<Instance, 'armType' | 'fullName' | 'display' | 'suffix'>;

export interface ArmWalk {
  file: string;
  spans: WeakMap<object, Span>;
  diagnostics: Diagnostic[];
  instances: Instance[];
  budget: SourceBudget;
  /** Diagnostics given, so that a declaration read in many copies is reported once. */
  reported: Set<string>;
  /** Set when the repository's resource budget ran out in this template. */
  full?: boolean;
  /** The template's `apiProfile`: the api-version of a resource that gives none (arm-api-profiles.ts). */
  apiProfile?: Value;
}

interface Copy {
  scope: ArmScope;
  suffix: string;
}

const n = (value: number) => value.toLocaleString('en');

/** A property; ARM property names are case-insensitive. */
export function get(object: JsonObject, key: string): Value | undefined {
  if (Object.hasOwn(object, key)) return object[key];
  const lower = key.toLowerCase();
  const name = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return name === undefined ? undefined : object[name];
}

/** The resources array, or the symbolic-name object of languageVersion 2.0. */
export function resourceNodes(list: Value | undefined): JsonObject[] {
  const nodes = Array.isArray(list) ? list : isPlainObject(list) ? Object.values(list) : [];
  return nodes.filter(isPlainObject);
}

export function report(
  walk: ArmWalk,
  node: object,
  code: string,
  message: string,
  level: Diagnostic['level'] = 'warning',
): void {
  const source = `${walk.file}:${walk.spans.get(node)?.line ?? 1}`;
  const key = `${code}|${source}|${message}`;
  if (walk.reported.has(key)) return;
  walk.reported.add(key);
  walk.diagnostics.push({ level, code, message, source });
}

/**
 * Every deployed copy of the declarations in `list` and their children. `multiplicity` is how many copies of the
 * parent there are: copies multiply down the tree, and the product is held to the instance limit.
 */
export function collect(
  list: Value | undefined,
  parent: Parent | undefined,
  scope: ArmScope,
  walk: ArmWalk,
  multiplicity: number,
): void {
  for (const node of resourceNodes(list)) {
    const type = get(node, 'type');
    if (get(node, 'existing') === true || typeof type !== 'string') continue;
    const armType = parent && !type.includes('/') ? `${parent.armType}/${type}` : type;
    try {
      const copies = copiesOf(node, armType, scope, walk, multiplicity);
      for (const copy of copies) {
        if (walk.instances.length + walk.budget.resources >= LIMITS.resources) {
          walk.full = true;
          const message = `more than ${n(LIMITS.resources)} resources in the repository; ${armType} and the rest of the template are not read`;
          report(walk, node, 'iac.limit', message);
          return;
        }
        const condition = get(node, 'condition');
        if (condition !== undefined && evaluateValue(condition, copy.scope) === false) continue;
        const instance = instanceOf(node, armType, copy, parent, walk);
        walk.instances.push(instance);
        collect(get(node, 'resources'), instance, copy.scope, walk, multiplicity * copies.length);
        if (walk.full) return;
      }
    } catch (error) {
      if (!(error instanceof LimitExceeded)) throw error;
      report(walk, node, 'iac.limit', `${armType}: ${error.message}; not read`);
    }
  }
}

function copiesOf(
  node: JsonObject,
  armType: string,
  scope: ArmScope,
  walk: ArmWalk,
  multiplicity: number,
): Copy[] {
  const copy = get(node, 'copy');
  if (!isPlainObject(copy)) return [{ scope, suffix: '' }];
  const name = get(copy, 'name');
  const loop = typeof name === 'string' ? name : '';
  const count = staticCount(get(copy, 'count'), scope);
  const once = (why: string) => {
    report(
      walk,
      node,
      'iac.arm-copy-count',
      `the copy count of ${armType} ${why}; read as one resource whose per-copy values are unknown`,
    );
    return [{ scope: withResourceLoop(scope, loop, undefined), suffix: '[*]' }];
  };
  if (count === undefined) {
    // As for a Terraform count that is not known before apply: how many copies (perhaps none) is a deployment
    // input, so none is judged, and no rule fires on a resource that may not exist.
    const message = `the copy count of ${armType} needs the deployment's parameters, so how many copies it has (perhaps none) is unknown; they are not checked`;
    report(walk, node, 'iac.unknown-instances', message, 'info');
    return [];
  }
  if (count > LIMITS.armCopyCount)
    return once(`is ${n(count)}, more than ${LIMITS.armCopyCount} (ARM's limit)`);
  if (count * multiplicity > LIMITS.instances)
    return once(
      `is ${n(count)}, which with its parents' copies makes ${n(count * multiplicity)}, more than ${n(LIMITS.instances)}`,
    );
  return Array.from({ length: count }, (_, index) => ({
    scope: withResourceLoop(scope, loop, index),
    suffix: `[${index}]`,
  }));
}

function instanceOf(
  node: JsonObject,
  armType: string,
  copy: Copy,
  parent: Parent | undefined,
  walk: ArmWalk,
): Instance {
  const raw = get(node, 'name');
  const ownName = raw === undefined ? unknownValue() : evaluateValue(raw, copy.scope);
  const ownText = typeof ownName === 'string' ? ownName : typeof raw === 'string' ? raw : '';
  const span = walk.spans.get(node) ?? { line: 1, endLine: 1 };
  const instance = {
    armType,
    node,
    span,
    scope: copy.scope,
    ownName,
    suffix: (parent?.suffix ?? '') + copy.suffix,
  };
  if (!parent || ownText.includes('/')) return { ...instance, fullName: ownName, display: ownText };
  const known = typeof ownName === 'string' && typeof parent.fullName === 'string';
  return {
    ...instance,
    fullName: known ? `${parent.fullName}/${ownName}` : unknownValue(),
    display: `${parent.display}/${ownText}`,
  };
}
