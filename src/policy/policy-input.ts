import { Buffer } from 'node:buffer';
import { type Resource, type Side, sideOf } from '../model/resource.js';

/** One batch of one type and origin, as a rule reads it: serialised once per scan, shared by every rule. */
export interface InputBatch {
  /** The batch's JSON (`{"resources":{"<type>":[...]}}`) is `buffer[offset, offset + length)`, UTF-8. */
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
  /** The `key` a rule sees for each resource of the batch -> the resource. */
  byKey: Map<string, Resource>;
}

/** The batches of each side, by type. Rules see code as declared: it is what the code declares. */
export type PolicyInput = Map<Side, Map<string, InputBatch[]>>;

/** How many resources of each key each side has had so far, by side and then key (engine.ts, parts.ts). */
export type SeenKeys = Map<Side, Map<string, number>>;

interface Item {
  resource: Resource;
  ref: string;
}

/**
 * Serialises the resources of the given types once, with only what rules may read, into batches in shared memory
 * (a worker reads them without a copy per rule). Each batch is serialised and encoded on its own, so that the JSON
 * text of the whole estate is never held at once. The `key` a rule sees is unique within its origin: resources of one
 * key in several accounts get a suffix, so a finding names one resource. Lone UTF-16 surrogates, which the Wasm JSON
 * parser rejects (and with them the whole batch), become U+FFFD in what the rules see; the resource is unchanged.
 * `seen` counts the keys of earlier parts of the same evaluation (engine.ts), so that the suffixes stay unique.
 */
export function encodePolicyInput(
  resources: readonly Resource[],
  types: ReadonlySet<string>,
  batchSize: number,
  seen: SeenKeys = new Map(),
): PolicyInput {
  const steps = encodeInSteps(resources, types, batchSize, seen);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** encodePolicyInput, a step each batch: a caller can let its event loop run between steps (src/util/turns.ts). */
export function* encodeInSteps(
  resources: readonly Resource[],
  types: ReadonlySet<string>,
  batchSize: number,
  seen: SeenKeys = new Map(),
): Generator<void, PolicyInput> {
  const grouped = new Map<Side, Map<string, Item[]>>([
    ['declared', new Map()],
    ['live', new Map()],
  ]);
  for (const resource of resources) {
    const side = sideOf(resource.origin);
    const byType = grouped.get(side);
    if (!byType || !types.has(resource.type)) continue;
    const key = wellFormed(resource.key);
    // By side and then key, not by a joined string: the key is the resource's own string, already hashed.
    let counts = seen.get(side);
    if (!counts) {
      counts = new Map();
      seen.set(side, counts);
    }
    const count = counts.get(key) ?? 0;
    counts.set(key, count + 1);
    const list = byType.get(resource.type) ?? [];
    list.push({ resource, ref: count === 0 ? key : `${key}#${count}` });
    byType.set(resource.type, list);
  }
  const encoder = new TextEncoder();
  const input: PolicyInput = new Map();
  for (const [origin, byType] of grouped) {
    const encoded = new Map<string, InputBatch[]>();
    for (const [type, items] of byType) {
      const batches: InputBatch[] = [];
      for (let start = 0; start < items.length; start += batchSize) {
        batches.push(encodeBatch(type, items.slice(start, start + batchSize), encoder));
        yield;
      }
      encoded.set(type, batches);
    }
    input.set(origin, encoded);
  }
  return input;
}

function encodeBatch(type: string, items: readonly Item[], encoder: TextEncoder): InputBatch {
  // One JSON.stringify for the batch: the same text as each resource's on its own, joined, without the garbage.
  const views = items.map(({ resource, ref }) => ({
    key: ref,
    type: resource.type,
    id: resource.id,
    provider: resource.provider,
    origin: sideOf(resource.origin),
    attributes: resource.attributes,
  }));
  const text = wellFormedJson({ resources: { [type]: views } });
  const length = Buffer.byteLength(text, 'utf8');
  const buffer = new SharedArrayBuffer(length);
  encoder.encodeInto(text, new Uint8Array(buffer));
  return { buffer, offset: 0, length, byKey: new Map(items.map((item) => [item.ref, item.resource])) };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `String.prototype.toWellFormed`, which the ES2023 lib does not declare. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * JSON.stringify escapes a lone surrogate as `\udXXX` (lower-case hex) and writes every well-formed pair as is, so
 * an escape of that range preceded by an even run of backslashes is exactly a lone surrogate, in a key or a value.
 */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

export function wellFormedJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes('\\ud') ? text.replace(LONE_SURROGATE_ESCAPE, '$1\uFFFD') : text;
}
