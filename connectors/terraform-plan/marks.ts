import type { PathSegment } from '../../src/model/path.js';
import { isPlainObject, type UnknownValue, unknown, type Value } from '../../src/model/value.js';

/**
 * `sensitive_values`, `after_unknown`, `before_sensitive` and `after_sensitive` mirror the shape of the values
 * they describe, with `true` where a value is sensitive or not yet known. These turn such a mirror into paths.
 */
export function markedPaths(mirror: Value | undefined, prefix: PathSegment[] = []): PathSegment[][] {
  if (mirror === true) return [prefix];
  if (Array.isArray(mirror)) return mirror.flatMap((item, index) => markedPaths(item, [...prefix, index]));
  if (isPlainObject(mirror)) {
    return Object.keys(mirror).flatMap((key) => markedPaths(mirror[key], [...prefix, key]));
  }
  return [];
}

/** The union of several path lists, without repeats. */
export function unionPaths(...lists: PathSegment[][][]): PathSegment[][] {
  const seen = new Map<string, PathSegment[]>();
  for (const list of lists) for (const path of list) seen.set(JSON.stringify(path), path);
  return [...seen.values()];
}

/**
 * A copy of `values` with the unknown marker at each path. Terraform leaves unknown values out of `values` (or
 * writes null in their place), so missing containers on the way are created.
 */
export function withUnknowns(values: Record<string, Value>, paths: PathSegment[][]): Record<string, Value> {
  const copy = structuredClone(values);
  for (const path of paths) {
    if (path.length > 0) setAt(copy, path, unknown('computed'));
  }
  return copy;
}

function setAt(root: Record<string, Value>, path: PathSegment[], marker: UnknownValue): void {
  let container: Value = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] as PathSegment;
    const nextIsIndex = typeof path[i + 1] === 'number';
    const child: Value | undefined = childOf(container, segment);
    if (Array.isArray(child) || (isPlainObject(child) && !nextIsIndex)) {
      container = child;
      continue;
    }
    const created: Value = nextIsIndex ? [] : {};
    if (!assign(container, segment, created)) return;
    container = created;
  }
  assign(container, path[path.length - 1] as PathSegment, marker);
}

function childOf(container: Value, segment: PathSegment): Value | undefined {
  if (typeof segment === 'number') return Array.isArray(container) ? container[segment] : undefined;
  return isPlainObject(container) ? container[segment] : undefined;
}

function assign(container: Value, segment: PathSegment, value: Value): boolean {
  if (typeof segment === 'number' && Array.isArray(container)) {
    while (container.length < segment) container.push(null);
    container[segment] = value;
    return true;
  }
  if (typeof segment === 'string' && isPlainObject(container)) {
    container[segment] = value;
    return true;
  }
  return false;
}
