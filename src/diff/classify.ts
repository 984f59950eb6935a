import { locationOf } from '../model/location.js';
import { maskPaths } from '../model/mask-secrets.js';
import type { DriftEntry, DriftKind } from '../model/report.js';
import { type Resource, resourceKey } from '../model/resource.js';
import { resourceType } from '../model/types/index.js';
import { isPlainObject } from '../model/value.js';
import { normalisePair } from '../normalise/pair-pass.js';
import { attributeChanges } from './attribute-changes.js';
import type { Coverage } from './coverage.js';

export interface IgnoreMatcher {
  isResourceIgnored(resource: Resource): boolean;
  isAttributeIgnored(resource: Resource, path: readonly (string | number)[]): boolean;
}

export interface DiffResult {
  drift: DriftEntry[];
  /** Live resources that are declared. */
  managed: number;
  /** Declared resources whose type no live source covers. */
  notCompared: number;
  /** Resources skipped, and drift entries dropped, because of ignore rules. */
  ignored: number;
  /** Live resources that may or may not be declared, since a declared source could not be read. */
  unknown: number;
  /** Live resources no declared one pairs with that AWS created on its own: not unmanaged unless `strict`. */
  awsCreated: number;
}

export interface ClassifyOptions {
  /**
   * False when a declared source failed: a live resource that no declared resource pairs with may be declared in
   * the source that could not be read, so it is unknown, never unmanaged.
   */
  claimUnmanaged: boolean;
  /** Also report what AWS created on its own (the default VPC and its parts) as unmanaged: `--strict`. */
  strict?: boolean;
}

/**
 * Pairs declared with live resources by key and classifies each:
 * - changed: both exist and a compared attribute differs;
 * - missing: declared, of a covered type, and not live;
 * - unmanaged: live and not declared.
 * Both maps must already be normalised and keyed uniquely.
 */
export function classify(
  declared: ReadonlyMap<string, Resource<'declared'>>,
  live: ReadonlyMap<string, readonly Resource<'live'>[]>,
  coverage: Coverage,
  ignore: IgnoreMatcher,
  options: ClassifyOptions = { claimUnmanaged: true },
): DiffResult {
  const steps = classifyInSteps(declared, live, coverage, ignore, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Resources classified between two steps of classifyInSteps. */
const STEP = 1000;

/**
 * classify, a step every STEP resources: a caller can let its event loop run between steps (the scan's evaluation
 * workers wait for it to hand them their next job).
 */
export function* classifyInSteps(
  declared: ReadonlyMap<string, Resource<'declared'>>,
  live: ReadonlyMap<string, readonly Resource<'live'>[]>,
  coverage: Coverage,
  ignore: IgnoreMatcher,
  options: ClassifyOptions = { claimUnmanaged: true },
): Generator<void, DiffResult> {
  let count = 0;
  const drift: DriftEntry[] = [];
  const paired = new Set<Resource>();
  let notCompared = 0;
  let ignored = 0;
  let unknown = 0;
  let awsCreated = 0;
  const separate = separateChildren(declared);
  for (const resource of declared.values()) {
    if (++count % STEP === 0) yield;
    const liveResource = pairFor(resource, live.get(resource.key) ?? [], paired);
    if (liveResource) paired.add(liveResource);
    if (ignore.isResourceIgnored(resource)) {
      ignored++;
      continue;
    }
    if (!liveResource) {
      if (coverage.covers(resource.type, resource.key)) drift.push(entry('missing', resource, []));
      else notCompared++;
      continue;
    }
    withoutSeparateChildren(resource, liveResource, separate.get(resource.key));
    // What Terraform holds as a secret is a secret on the live side too: compared by digest, never shown.
    if (resource.sensitivePaths.length > 0)
      maskPaths(liveResource.attributes, resource.sensitivePaths, resource.attributes);
    normalisePair(resource, liveResource);
    const changes = attributeChanges(resource.attributes, liveResource.attributes, (path) =>
      ignore.isAttributeIgnored(resource, path),
    );
    if (changes.length > 0) drift.push(entry('changed', resource, changes));
  }
  const createdByAws = options.strict ? new Set<Resource>() : awsCreatedOf(live);
  let inline = 0;
  for (const candidates of live.values()) {
    for (const resource of candidates) {
      if (++count % STEP === 0) yield;
      if (paired.has(resource)) continue;
      if (declaredInParent(resource, declared)) {
        inline++;
        continue;
      }
      if (ignore.isResourceIgnored(resource)) {
        ignored++;
        continue;
      }
      if (createdByAws.has(resource)) awsCreated++;
      else if (options.claimUnmanaged) drift.push(entry('unmanaged', resource, []));
      else unknown++;
    }
  }
  drift.sort(compareDrift);
  return { drift, managed: paired.size + inline, notCompared, ignored, unknown, awsCreated };
}

/**
 * The children declared as resources of their own (azurerm_network_security_rule), by their parent's key and the
 * parent's block that can also hold them (`security_rule`), by lower-case name.
 */
function separateChildren(
  declared: ReadonlyMap<string, Resource<'declared'>>,
): Map<string, Map<string, Set<string>>> {
  const byParent = new Map<string, Map<string, Set<string>>>();
  for (const resource of declared.values()) {
    const inline = resourceType(resource.type)?.inlineIn;
    const name = resource.attributes.name;
    const parentId = inline?.parentId(resource.id);
    if (!inline || typeof name !== 'string' || parentId === undefined) continue;
    const parentKey = resourceKey(inline.type, parentId, resource.provider);
    const blocks = byParent.get(parentKey) ?? new Map<string, Set<string>>();
    blocks.set(inline.block, (blocks.get(inline.block) ?? new Set()).add(name.toLowerCase()));
    byParent.set(parentKey, blocks);
  }
  return byParent;
}

/**
 * A child declared as a resource of its own is compared there: the parent's block of children (which azurerm
 * fills with every child it sees, however declared) leaves it out on both sides, so one hand-made change is one
 * drift entry, on the child.
 */
function withoutSeparateChildren(
  declared: Resource,
  live: Resource,
  blocks: ReadonlyMap<string, ReadonlySet<string>> | undefined,
): void {
  for (const [block, names] of blocks ?? []) {
    for (const attributes of [declared.attributes, live.attributes]) {
      const children = attributes[block];
      if (!Array.isArray(children)) continue;
      attributes[block] = children.filter(
        (child) =>
          !(isPlainObject(child) && typeof child.name === 'string' && names.has(child.name.toLowerCase())),
      );
    }
  }
}

/**
 * True for a live child that its declared parent names in its block of children (a subnet in the `subnet` blocks of
 * a declared azurerm_virtual_network): Terraform manages it through the parent, so it is not unmanaged. The
 * parent compares that block, where its type compares it.
 */
function declaredInParent(resource: Resource, declared: ReadonlyMap<string, Resource<'declared'>>): boolean {
  const inline = resourceType(resource.type)?.inlineIn;
  const name = resource.attributes.name;
  if (!inline || typeof name !== 'string') return false;
  const parentId = inline.parentId(resource.id);
  if (parentId === undefined) return false;
  const blocks = declared.get(resourceKey(inline.type, parentId, resource.provider))?.attributes[
    inline.block
  ];
  return (
    Array.isArray(blocks) &&
    blocks.some(
      (block) =>
        isPlainObject(block) &&
        typeof block.name === 'string' &&
        block.name.toLowerCase() === name.toLowerCase(),
    )
  );
}

/**
 * The attribute a type's live mapping writes on what AWS creates on its own, where the payload says so: `true`
 * for such an object (the default VPC, a VPC's main route table), `false` for one it does not; or the name of an
 * attribute holding the id of another live object, when the object is AWS's exactly when that one is (the default
 * VPC's internet gateway is the one attached to the default VPC: `'vpc_id'`). No Terraform attribute has the name.
 */
export const AWS_CREATED_ATTRIBUTE = 'aws_created';

/** The live resources AWS created on its own, as their types' live mappings mark them. */
function awsCreatedOf(live: ReadonlyMap<string, readonly Resource<'live'>[]>): Set<Resource> {
  const all = [...live.values()].flat();
  const created = new Set(all.filter((resource) => resource.attributes[AWS_CREATED_ATTRIBUTE] === true));
  const createdIds = new Set([...created].map((resource) => resource.id));
  for (const resource of all) {
    const via = resource.attributes[AWS_CREATED_ATTRIBUTE];
    if (typeof via !== 'string') continue;
    const id = resource.attributes[via];
    if (typeof id === 'string' && createdIds.has(id)) created.add(resource);
  }
  return created;
}

/**
 * The live resource a declared one pairs with. Keys leave out the account, so that code that does not know its
 * account still pairs; where the accounts are known on both sides they must agree, which tells apart the same
 * role name in several accounts of an organisation.
 */
function pairFor(
  resource: Resource,
  candidates: readonly Resource[],
  paired: ReadonlySet<Resource>,
): Resource | undefined {
  // The common case, one candidate: no list to build.
  if (candidates.length === 1) {
    const only = candidates[0] as Resource;
    if (paired.has(only)) return undefined;
    return !resource.account || only.account === resource.account || only.account === undefined
      ? only
      : undefined;
  }
  const free = candidates.filter((candidate) => !paired.has(candidate));
  if (resource.account) {
    return free.find((c) => c.account === resource.account) ?? free.find((c) => c.account === undefined);
  }
  return free[0];
}

const KIND_ORDER: Record<DriftKind, number> = { missing: 0, changed: 1, unmanaged: 2 };

export function compareDrift(a: DriftEntry, b: DriftEntry): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
    (a.account ?? '').localeCompare(b.account ?? '')
  );
}

function entry(kind: DriftKind, resource: Resource, changes: DriftEntry['changes']): DriftEntry {
  const drift: DriftEntry = {
    kind,
    key: resource.key,
    type: resource.type,
    id: resource.id,
    provider: resource.provider,
    changes,
  };
  if (resource.account) drift.account = resource.account;
  if (resource.source.address) drift.address = resource.source.address;
  const parts = (resource.parts ?? []).flatMap((part) => (part.address ? [part.address] : []));
  if (parts.length > 0) drift.parts = parts;
  drift.location = locationOf(resource.source);
  return drift;
}
