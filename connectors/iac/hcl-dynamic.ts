import { isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { LIMITS, LimitExceeded, setOwn } from './limits.js';

/** What `evaluate` needs of the scope here: the names bound by iterators, and the blocks produced so far. */
export interface DynamicScope {
  names?: Record<string, Value>;
  blocks?: { produced: number };
}

/** Blocks the `dynamic` blocks of one resource instance may produce, all nesting levels together. */
export const DYNAMIC_BLOCKS = LIMITS.instances;

/**
 * `dynamic "rule" { for_each = ...; iterator = r; content { ... } }` (hcl2json gives `{dynamic: {rule: [{for_each,
 * iterator, content: [{...}]}]}}`): the blocks it produces, one per element of a list or set or entry of a map, each
 * its content evaluated with `rule.key`/`rule.value` (or the iterator's name) bound; they follow the static blocks
 * of the same name (https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks). A for_each not
 * known statically makes the whole block list unknown: not absent, so that no rule reads it as missing. Nested
 * dynamic blocks are expanded as their content is evaluated.
 */
export function expandDynamic<S extends DynamicScope>(
  out: Record<string, Value>,
  dynamic: unknown,
  scope: S,
  evaluate: (value: unknown, scope: S) => Value,
): void {
  if (!isPlainObject(dynamic)) return;
  const blocks = scope.blocks ?? { produced: 0 };
  for (const [label, list] of Object.entries(dynamic)) {
    let produced: Value[] | undefined = [];
    for (const body of Array.isArray(list) ? list : [list]) {
      if (!isPlainObject(body) || produced === undefined) continue;
      const each = evaluate(body.for_each, scope);
      const pairs = Array.isArray(each)
        ? each.map((value, index) => [index, value] as const)
        : isPlainObject(each) && !isUnknown(each)
          ? Object.entries(each)
          : undefined;
      if (pairs === undefined) {
        produced = undefined;
        continue;
      }
      blocks.produced += pairs.length;
      if (blocks.produced > DYNAMIC_BLOCKS)
        throw new LimitExceeded(
          `dynamic blocks produce more than ${DYNAMIC_BLOCKS.toLocaleString('en')} blocks`,
        );
      const name = iteratorName(body.iterator) ?? label;
      const content = Array.isArray(body.content) ? body.content[0] : body.content;
      for (const [key, value] of pairs) {
        const names: Record<string, Value> = { ...scope.names };
        setOwn(names, name, { key, value });
        produced.push(evaluate(content ?? {}, { ...scope, names, blocks }));
      }
    }
    const statics = Object.hasOwn(out, label) ? out[label] : undefined;
    const before = Array.isArray(statics) ? statics : statics === undefined ? [] : [statics];
    setOwn(out, label, produced === undefined ? unknown('expression') : [...before, ...produced]);
  }
}

/** `dynamic` as hcl2json gives the blocks: labels, each a list of bodies with `content` (not a map attribute). */
export function isDynamic(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  return Object.values(value).every(
    (list) =>
      Array.isArray(list) && list.every((body) => isPlainObject(body) && Object.hasOwn(body, 'content')),
  );
}

/** `iterator = r` reaches us as `${r}`. */
function iteratorName(iterator: Value | undefined): string | undefined {
  if (typeof iterator !== 'string') return undefined;
  return /^(?:\$\{\s*)?([A-Za-z_][A-Za-z0-9_-]*)(?:\s*\})?$/.exec(iterator)?.[1];
}
