import { resourceKey } from '../../src/model/resource.js';
import { eachLimited } from '../../src/util/each-limited.js';
import { type ArmApi, ArmError } from './client.js';
import { ARM_MAPPINGS, mappingFor } from './map/index.js';
import type { ArmResource, ArmTypeMapping, ListedChildren } from './map/types.js';

/** What listing children under their parents gave, per child canonical type. */
export interface ListedChildResult {
  items: ArmResource[];
  /** Child type -> the key prefix (`type.parentid/`) of each parent whose children were listed. */
  listedUnder: Map<string, string[]>;
  /** Child type -> each parent whose children could not be listed, and why. */
  failedUnder: Map<string, { parent: string; message: string }[]>;
  /** The child types covered only under the parents listed, never as a whole (they live elsewhere too). */
  partial: Set<string>;
}

/** True when a resource of this mapping has children listed under it that the scan wants. */
export function listsWantedChildren(
  mapping: ArmTypeMapping | undefined,
  wanted: ReadonlySet<string>,
): boolean {
  return (mapping?.listedChildren ?? []).some((child) => child.terraformTypes.some((t) => wanted.has(t)));
}

/**
 * The children neither the resource list nor Resource Graph returns and the parent's payload does not hold (blob
 * containers, Service Bus queues): one list per parent and child type (`GET {parentId}/{path}`, following nextLink;
 * the client's pipeline retries 429 after its Retry-After), at most `concurrency` at once, never a request per
 * child. A list that still fails leaves that parent's children unknown, never missing; the others are compared.
 */
export async function listChildren(
  api: ArmApi,
  parents: readonly ArmResource[],
  wanted: ReadonlySet<string>,
  check: (payloads: readonly unknown[]) => ArmResource[],
  concurrency: number,
): Promise<ListedChildResult> {
  const result: ListedChildResult = {
    items: [],
    listedUnder: new Map(),
    failedUnder: new Map(),
    partial: new Set(),
  };
  // Whether or not any parent is listed: with no topic, no event subscription is known, not even as missing.
  for (const child of ARM_MAPPINGS.flatMap((mapping) => mapping.listedChildren))
    if (child.alsoElsewhere)
      for (const type of child.terraformTypes) if (wanted.has(type)) result.partial.add(type);
  const jobs: { parent: ArmResource; child: ListedChildren; types: string[] }[] = [];
  for (const parent of parents)
    for (const child of mappingFor(parent.type)?.listedChildren ?? []) {
      const types = child.terraformTypes.filter((type) => wanted.has(type));
      if (types.length > 0) jobs.push({ parent, child, types });
    }
  await eachLimited(jobs, concurrency, async ({ parent, child, types }) => {
    try {
      if (!isArmId(parent.id)) throw new ArmError('other', 'its id is not an ARM resource id', undefined);
      const payloads = await api.listPath(`${parent.id}/${child.path}`, child.apiVersion);
      const listed = check(payloads.map((payload) => withType(payload, child.armType)));
      // A child that cannot be read may be one declared: this parent's children are then not known.
      if (listed.length < payloads.length)
        throw new ArmError('other', 'the list holds children of the wrong shape', undefined);
      result.items.push(...listed);
      for (const type of types) add(result.listedUnder, type, resourceKey(type, `${parent.id}/`));
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      for (const type of types) add(result.failedUnder, type, { parent: parent.id, message: error.message });
    }
  });
  return result;
}

/**
 * What the listed children let a source speak for: a child type some of whose parents could not be listed, or that
 * lives under other parents too, is covered under the parents listed only (`prefixes`), and each parent that failed
 * is named.
 */
export function listedCoverage(
  children: ListedChildResult | undefined,
  wanted: ReadonlySet<string>,
  failed: ReadonlyMap<string, string>,
): { partly: Set<string>; prefixes: string[]; problems: string[] } {
  const partly = new Set(
    [...(children?.failedUnder.keys() ?? []), ...(children?.partial ?? [])].filter(
      (type) => wanted.has(type) && !failed.has(type),
    ),
  );
  const problems = [...(children?.failedUnder ?? [])]
    .filter(([type]) => partly.has(type))
    .flatMap(([type, parents]) =>
      parents.map(({ parent, message }) => `${type} not compared under ${parent}: ${message}`),
    );
  return {
    partly,
    prefixes: [...partly].flatMap((type) => children?.listedUnder.get(type) ?? []).sort(),
    problems: problems.sort(),
  };
}

/** A listed child is of the type listed, whether or not its payload says so. */
function withType(payload: unknown, armType: string): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  return typeof (payload as { type?: unknown }).type === 'string' ? payload : { ...payload, type: armType };
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/**
 * A parent id from the cloud goes into a request path: it must be a plain ARM id (no query, fragment, escapes,
 * whitespace or dot segments), so that it can never point the request anywhere else.
 */
function isArmId(id: string): boolean {
  return /^\/subscriptions\/[^?#%\s]+$/i.test(id) && !id.split('/').some((s) => s === '.' || s === '..');
}
