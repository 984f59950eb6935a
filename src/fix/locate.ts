import type { PathSegment } from '../model/path.js';
import type { Value } from '../model/value.js';
import type { HclBlock, HclBody, HclValue, NotLiteral } from './hcl-syntax.js';

/**
 * Where in a resource block the value at an attribute path is written. The path is the report's (the canonical
 * model's, in Terraform's vocabulary): an attribute, a key of a map or object literal, an index of a tuple, or a
 * nested block (`versioning.enabled`, `ingress[0].from_port`). Only a literal is a target; anything else says why.
 */
export type Unpatchable = NotLiteral | 'dynamic' | 'set-element' | 'block' | 'document' | 'not-in-code';

/** Where a key the code does not write would go: the last segment of the path, absent from its parent. */
export type Parent =
  | { kind: 'object'; node: Extract<HclValue, { kind: 'object' }> }
  | { kind: 'body'; body: HclBody };

export type Target =
  | { ok: true; node: HclValue }
  | { ok: false; why: Unpatchable; at?: number; missing?: { key: string; parent: Parent } };

export function locateValue(
  block: HclBlock,
  path: readonly PathSegment[],
  sets: ReadonlySet<string>,
): Target {
  let body: HclBody | undefined = block.body;
  let node: HclValue | undefined;
  for (let k = 0; k < path.length; k++) {
    const segment = path[k] as PathSegment;
    const here = schemaPath(path.slice(0, k));
    if (body !== undefined) {
      if (typeof segment !== 'string') return { ok: false, why: 'not-in-code' };
      const attribute = body.items.find((item) => item.kind === 'attribute' && item.name === segment);
      if (attribute?.kind === 'attribute') {
        node = attribute.value;
        body = undefined;
        continue;
      }
      const dynamic = body.items.find(
        (item) => item.kind === 'block' && item.type === 'dynamic' && item.labels[0] === segment,
      );
      if (dynamic) return { ok: false, why: 'dynamic', at: dynamic.start };
      const blocks: HclBlock[] = body.items.filter(
        (item): item is HclBlock => item.kind === 'block' && item.type === segment,
      );
      const [first] = blocks;
      if (first === undefined)
        return k === path.length - 1
          ? { ok: false, why: 'not-in-code', missing: { key: segment, parent: { kind: 'body', body } } }
          : { ok: false, why: 'not-in-code' };
      if (sets.has(schemaPath(path.slice(0, k + 1))))
        return { ok: false, why: 'set-element', at: first.start };
      const next = path[k + 1];
      let chosen: HclBlock | undefined;
      if (typeof next === 'number') {
        chosen = blocks[next];
        k++;
      } else if (blocks.length === 1) chosen = first;
      if (chosen === undefined) return { ok: false, why: 'not-in-code' };
      if (k === path.length - 1) return { ok: false, why: 'block', at: chosen.start };
      body = chosen.body;
      continue;
    }
    if (node === undefined) return { ok: false, why: 'not-in-code' };
    if (node.kind === 'expression') return { ok: false, why: node.why, at: node.start };
    if (node.kind === 'literal') return { ok: false, why: 'document', at: node.start };
    if (node.kind === 'object') {
      const entry = typeof segment === 'string' ? node.entries.find((e) => e.key === segment) : undefined;
      if (entry === undefined) {
        const last = typeof segment === 'string' && k === path.length - 1;
        const missing = last ? { missing: { key: segment, parent: { kind: 'object' as const, node } } } : {};
        return { ok: false, why: 'not-in-code', at: node.start, ...missing };
      }
      node = entry.value;
      continue;
    }
    if (typeof segment !== 'number') return { ok: false, why: 'not-in-code', at: node.start };
    if (sets.has(here)) return { ok: false, why: 'set-element', at: node.start };
    const item: HclValue | undefined = node.items[segment];
    if (item === undefined) return { ok: false, why: 'not-in-code', at: node.start };
    node = item;
  }
  if (node === undefined) return { ok: false, why: 'block', at: block.start };
  if (node.kind === 'expression') return { ok: false, why: node.why, at: node.start };
  return { ok: true, node };
}

/** The value a literal node writes; undefined when any part of it is not a literal. */
export function literalValue(node: HclValue): Value | undefined {
  if (node.kind === 'literal') return node.value;
  if (node.kind === 'expression') return undefined;
  if (node.kind === 'tuple') {
    const items: Value[] = [];
    for (const item of node.items) {
      const value = literalValue(item);
      if (value === undefined) return undefined;
      items.push(value);
    }
    return items;
  }
  const object: { [key: string]: Value } = {};
  for (const entry of node.entries) {
    const value = literalValue(entry.value);
    if (value === undefined) return undefined;
    Object.defineProperty(object, entry.key, { value, writable: true, enumerable: true, configurable: true });
  }
  return object;
}

/** The catalogue's spelling of a path for `sets`: keys joined by dots, every index as `[*]`. */
export function schemaPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += '[*]';
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
