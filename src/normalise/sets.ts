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
    // Inner sets first: sorting an outer set compares elements whose inner sets must already be in order.
    for (const path of [...paths].sort((a, b) => b.length - a.length)) {
      sortAt(resource.attributes, parsePath(path.replaceAll('[*]', '.*')), [], order);
    }
    if (order.size > 0) resource.sourceOrder = order;
  },
};

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
