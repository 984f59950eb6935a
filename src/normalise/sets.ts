import { type PathSegment, parsePath } from '../model/path.js';
import { recordOrder, type SourceOrder } from '../model/source-order.js';
import { resourceType } from '../model/types/index.js';
import { isPlainObject, type Value } from '../model/value.js';
import { canonicalJson } from '../util/canonical-json.js';
import type { NormalisePass } from './pass.js';

/**
 * Sorts the attributes a type module names as sets, so that element order never shows as drift. Where a sort moves
 * an element, the resource's source order records it, so a finding on `ebs_block_device[0]` names the device as the
 * source wrote it.
 */
export const setsPass: NormalisePass = {
  name: 'sets',
  apply(resource) {
    const paths = resourceType(resource.type)?.sets;
    if (!paths) return;
    const order: SourceOrder = resource.sourceOrder ?? new Map();
    for (const segments of compiled(paths)) sortAt(resource.attributes, segments, [], order);
    if (order.size > 0) resource.sourceOrder = order;
  },
};

const compiledSets = new WeakMap<readonly string[], readonly PathSegment[][]>();

/**
 * A type's set paths as segments, inner sets first (sorting an outer set compares elements whose inner sets must
 * already be in order); parsed once per type rather than for each of its resources.
 */
function compiled(paths: readonly string[]): readonly PathSegment[][] {
  let segments = compiledSets.get(paths);
  if (!segments) {
    segments = [...paths]
      .sort((a, b) => b.length - a.length)
      .map((path) => parsePath(path.replaceAll('[*]', '.*')));
    compiledSets.set(paths, segments);
  }
  return segments;
}

/** `at` is the concrete path of `container` (indices where the set path has `*`). */
function sortAt(
  container: Value | undefined,
  segments: PathSegment[],
  at: PathSegment[],
  order: SourceOrder,
): void {
  const [head, ...rest] = segments;
  if (head === undefined || container === undefined || container === null) return;
  if (head === '*') {
    if (Array.isArray(container))
      container.forEach((item, index) => {
        sortAt(item, rest, [...at, index], order);
      });
    return;
  }
  if (!isPlainObject(container) || !Object.hasOwn(container, head)) return;
  const value = container[head];
  if (rest.length > 0) {
    sortAt(value, rest, [...at, head], order);
    return;
  }
  if (!Array.isArray(value)) return;
  // Nothing to order; the list is still a copy, as a sorted one is.
  if (value.length < 2) {
    container[head] = [...value];
    return;
  }
  const sorted = value
    .map((item, index) => ({ item, index, text: canonicalJson(item) }))
    .sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : x.index - y.index));
  container[head] = sorted.map((entry) => entry.item);
  recordOrder(
    order,
    [...at, head],
    sorted.map((entry) => entry.index),
  );
}
