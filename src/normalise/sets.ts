import { parsePath } from '../model/path.js';
import { resourceType } from '../model/types/index.js';
import { isPlainObject, type Value } from '../model/value.js';
import { sortCanonical } from '../util/canonical-json.js';
import type { NormalisePass } from './pass.js';

/** Sorts the attributes a type module names as sets, so that element order never shows as drift. */
export const setsPass: NormalisePass = {
  name: 'sets',
  apply(resource) {
    const paths = resourceType(resource.type)?.sets;
    if (!paths) return;
    // Inner sets first: sorting an outer set compares elements whose inner sets must already be in order.
    for (const path of [...paths].sort((a, b) => b.length - a.length)) {
      sortAt(resource.attributes, parsePath(path.replaceAll('[*]', '.*')));
    }
  },
};

function sortAt(container: Value | undefined, segments: (string | number)[]): void {
  const [head, ...rest] = segments;
  if (head === undefined || container === undefined || container === null) return;
  if (head === '*') {
    if (Array.isArray(container)) for (const item of container) sortAt(item, rest);
    return;
  }
  if (!isPlainObject(container) || !Object.hasOwn(container, head)) return;
  const value = container[head];
  if (rest.length > 0) {
    sortAt(value, rest);
    return;
  }
  if (Array.isArray(value)) container[head] = sortCanonical(value);
}
