import type { PathSegment } from '../model/path.js';
import { parsePath } from '../model/path.js';
import type { DriftEntry } from '../model/report.js';
import type { ResourceType, SubResource, Unfold, UnfoldedPath } from '../model/types/resource-type.js';
import { parseAddress, type ResourceAddress } from './address.js';
import { type CodeFile, type FoundBlock, findBlocks } from './code-index.js';
import type { HclBlock } from './hcl-syntax.js';
import type { CannotPatch } from './plan.js';

/**
 * Where a folded attribute is written. The catalogue folds a bucket's aws_s3_bucket_versioning into the bucket's
 * `versioning`, so the report names `versioning.enabled` on the bucket; since provider 4 users write it in the
 * sub-resource's block, as `versioning_configuration { status = "Enabled" }`. This finds that block and the path
 * and values in it, reading the fold backwards as the catalogue's `unfold` says. Where the block is is what state
 * says first (the entry's `parts`); without that, the one block whose parent-id argument references the parent
 * (`bucket = aws_s3_bucket.logs.id`) or names its cloud id as a literal. Two candidates are ambiguous, never picked.
 */
export interface Folded {
  sub: SubResource;
  unfold: Unfold;
}

/** The fold that writes the path's top attribute, for a type with sub-resources. */
export function foldedAt(type: ResourceType | undefined, path: readonly PathSegment[]): Folded | undefined {
  const [top] = path;
  if (typeof top !== 'string') return undefined;
  for (const sub of type?.folds ?? [])
    for (const unfold of sub.unfold ?? []) if (unfold.attribute === top) return { sub, unfold };
  return undefined;
}

/** Whether the parent's own block writes an attribute (provider 3 inline blocks, `vpc_id` on the gateway). */
export function blockWrites(block: HclBlock, attribute: string): boolean {
  return block.body.items.some((item) =>
    item.kind === 'attribute'
      ? item.name === attribute
      : item.type === attribute || (item.type === 'dynamic' && item.labels[0] === attribute),
  );
}

export interface SubPath {
  path: PathSegment[];
  /** The parent's set paths, as the sub-resource spells them. */
  sets: Set<string>;
  /** How values read and are written there, where the fold converts them. */
  convert?: UnfoldedPath;
}

/** The parent's path as the sub-resource's block writes it. */
export function subPath(folded: Folded, path: readonly PathSegment[], sets: readonly string[]): SubPath {
  const { attribute, as, paths } = folded.unfold;
  const rest = path.slice(1);
  const own = new Set<string>();
  for (const set of sets) {
    if (as === 'attribute' && (set === attribute || set.startsWith(`${attribute}.`))) own.add(set);
    else if (as === 'body' && set.startsWith(`${attribute}.`)) own.add(set.slice(attribute.length + 1));
  }
  const [key] = rest;
  const renamed = rest.length === 1 && typeof key === 'string' && paths ? paths[key] : undefined;
  if (renamed) return { path: parsePath(renamed.path), sets: own, convert: renamed };
  return { path: as === 'attribute' ? [attribute, ...rest] : rest, sets: own };
}

export type SubBlock =
  | { ok: true; found: FoundBlock; address: string }
  | { ok: false; why: CannotPatch; address?: string };

/**
 * The sub-resource block that configures the entry's resource (`parent`, a root-module address), with the
 * sub-resource's address; when it is not found, why, and its address where state names it.
 */
export function subResourceBlock(
  entry: DriftEntry,
  parent: ResourceAddress,
  folded: Folded,
  type: ResourceType | undefined,
  code: readonly CodeFile[],
): SubBlock {
  const { sub } = folded;
  const stated = partsOf(entry, sub.type);
  if (stated !== undefined) {
    const [first, ...others] = stated;
    if (first === undefined) return { ok: false, why: 'not-in-code' };
    if (others.length > 0) return { ok: false, why: 'sub-ambiguous' };
    const { address, parsed } = first;
    if (parsed.modules.length > 0) return { ok: false, why: 'module', address };
    if (parsed.instance !== undefined) return { ok: false, why: 'instances', address };
    return only(findBlocks(code, sub.type, parsed.name), address);
  }
  const [referring, ...others] = referringBlocks(code, sub, parent, entry.id, type?.id);
  if (referring === undefined) return { ok: false, why: 'not-in-code' };
  if (others.length > 0) return { ok: false, why: 'sub-ambiguous' };
  const name = referring.block.labels[1] ?? '';
  // Its address must name it alone: an override file's block of the same name is merged into it.
  return only(findBlocks(code, sub.type, name), `${sub.type}.${name}`);
}

function only(found: readonly FoundBlock[], address: string): SubBlock {
  const [block, ...more] = found;
  if (block === undefined) return { ok: false, why: 'no-block', address };
  if (more.length > 0) return { ok: false, why: 'ambiguous', address };
  return { ok: true, found: block, address };
}

/**
 * The sub-resources of a type the entry says are folded into it (from state), or undefined when the entry says
 * nothing of its parts (a report from before `parts`, or code without state).
 */
export function partsOf(
  entry: DriftEntry,
  subType: string,
): { address: string; parsed: ResourceAddress }[] | undefined {
  if (entry.parts === undefined) return undefined;
  return entry.parts.flatMap((address) => {
    const parsed = parseAddress(address);
    return parsed?.type === subType ? [{ address, parsed }] : [];
  });
}

/**
 * Root-module blocks of the sub-resource type whose parent-id argument is the parent: a reference to its `id` or
 * to its id attribute (`aws_s3_bucket.logs.id`, `aws_s3_bucket.logs.bucket`), or a literal that is its cloud id.
 * Anything else (a variable, another resource's attribute, a for_each instance) is not taken for it.
 */
function referringBlocks(
  code: readonly CodeFile[],
  sub: SubResource,
  parent: ResourceAddress,
  id: string,
  idRule: ResourceType['id'] | undefined,
): FoundBlock[] {
  const attributes = new Set(['id', idRule?.attribute ?? 'id']);
  const sameId = (literal: string) =>
    idRule?.caseInsensitive ? literal.toLowerCase() === id.toLowerCase() : literal === id;
  const found: FoundBlock[] = [];
  for (const file of code) {
    for (const item of file.body()?.items ?? []) {
      if (item.kind !== 'block' || item.type !== 'resource' || item.labels.length !== 2) continue;
      if (item.labels[0] !== sub.type) continue;
      if (item.body.items.some((inner) => inner.kind === 'attribute' && inner.name === 'for_each')) continue;
      if (item.body.items.some((inner) => inner.kind === 'attribute' && inner.name === 'count')) continue;
      const argument = item.body.items.find(
        (inner) => inner.kind === 'attribute' && inner.name === sub.parentIdAttribute,
      );
      if (argument?.kind !== 'attribute') continue;
      const { value } = argument;
      if (value.kind === 'literal') {
        if (typeof value.value === 'string' && sameId(value.value)) found.push({ file, block: item });
        continue;
      }
      if (value.kind !== 'expression' || value.why !== 'reference') continue;
      const text = file.text.slice(value.start, value.end).trim();
      const [type, name, attribute, ...more] = text.split('.');
      if (
        type === parent.type &&
        name === parent.name &&
        more.length === 0 &&
        attributes.has(attribute ?? '')
      )
        found.push({ file, block: item });
    }
  }
  return found;
}
