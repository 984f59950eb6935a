import { parsePath } from '../model/path.js';
import type { AttributeChange, DriftEntry } from '../model/report.js';
import { resourceType } from '../model/types/index.js';
import type { ResourceType } from '../model/types/resource-type.js';
import type { Value } from '../model/value.js';
import { parseAddress, refreshCommand, revertCommand } from './address.js';
import { type CodeFile, type FoundBlock, findBlocks } from './code-index.js';
import { renderHcl, sameValue } from './hcl-value.js';
import { insertion } from './insert.js';
import { literalValue, locateValue, schemaPath, type Unpatchable } from './locate.js';
import { blockWrites, foldedAt, partsOf, type SubPath, subPath, subResourceBlock } from './sub-resource.js';
import { applyEdits, overlaps, type TextEdit, unifiedDiff } from './unified-diff.js';

/**
 * For each changed resource, the two ways out of drift: accept the live value (a patch to the HCL that declares
 * it, and a refresh-only apply that records it in state), or revert the cloud to the code (`terraform apply
 * -target`). A value is patched only where the code writes it as a literal in the resource's own block (or, for an
 * attribute folded in from a sub-resource, in that sub-resource's block: sub-resource.ts) and reads what the state
 * says was applied; everything else is named with the reason, never guessed.
 */
export type CannotPatch =
  | Unpatchable
  | 'module'
  | 'instances'
  | 'no-address'
  | 'no-block'
  | 'ambiguous'
  | 'sub-ambiguous'
  | 'code-differs'
  | 'removed'
  | 'secret'
  | 'text'
  | 'overlap';

export type AttributeFix = (
  | { path: string; patched: true; line: number }
  | { path: string; patched: false; why: CannotPatch; line?: number }
) & {
  /** The sub-resource that declares a folded attribute (`aws_s3_bucket_versioning.logs`), when it is not the resource's. */
  address?: string;
  /** That sub-resource's file, where `line` is. */
  file?: string;
};

export interface FixProposal {
  key: string;
  type: string;
  account?: string;
  address?: string;
  /** The code file and line of the resource block, when it was found. */
  file?: string;
  line?: number;
  attributes: AttributeFix[];
  /** Puts the cloud back as the code says: the resource, or the sub-resources that declare what changed. */
  revert?: string;
  /** After the patch: records the live value in state without changing the cloud. */
  refresh?: string;
}

export interface FilePatch {
  path: string;
  before: string;
  after: string;
  diff: string;
}

export interface FixPlan {
  proposals: FixProposal[];
  files: FilePatch[];
  /** All the files' diffs, for `git apply`. */
  patch: string;
}

export function planFixes(drift: readonly DriftEntry[], code: readonly CodeFile[]): FixPlan {
  const edits = new Map<CodeFile, TextEdit[]>();
  const proposals = drift
    .filter((entry) => entry.kind === 'changed')
    .map((entry) => propose(entry, code, edits));
  const files: FilePatch[] = [];
  for (const [file, fileEdits] of edits) {
    if (fileEdits.length === 0) continue;
    files.push({
      path: file.path,
      before: file.text,
      after: applyEdits(file.text, fileEdits),
      diff: unifiedDiff(file.path, file.text, fileEdits),
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { proposals, files, patch: files.map((file) => file.diff).join('') };
}

function propose(
  entry: DriftEntry,
  code: readonly CodeFile[],
  edits: Map<CodeFile, TextEdit[]>,
): FixProposal {
  const proposal: FixProposal = { key: entry.key, type: entry.type, attributes: [] };
  if (entry.account !== undefined) proposal.account = entry.account;
  const cannot = (why: CannotPatch) => {
    proposal.attributes = entry.changes.map((change) => ({ path: change.path, patched: false, why }));
    return proposal;
  };
  if (entry.address === undefined) return cannot('no-address');
  proposal.address = entry.address;
  const address = parseAddress(entry.address);
  if (address === undefined) return cannot('no-address');
  const type = resourceType(entry.type);
  const target = (addresses: readonly string[]) => {
    proposal.revert = revertCommand(addresses);
    proposal.refresh = refreshCommand(addresses);
  };
  // The commands target the entry and its folded sub-resources, whether or not a patch can be made.
  target(statedTargets(entry, entry.address, type));
  if (address.modules.length > 0) return cannot('module');
  if (address.instance !== undefined) return cannot('instances');
  const found = findBlocks(code, address.type, address.name);
  const [only] = found;
  if (only === undefined) return cannot('no-block');
  if (found.length > 1) return cannot('ambiguous');
  proposal.file = only.file.path;
  proposal.line = only.file.lineOf(only.block.start);
  const sets = type?.sets ?? [];
  const targets = new Set<string>();
  const editsOf = (file: CodeFile) => {
    const fileEdits = edits.get(file) ?? [];
    edits.set(file, fileEdits);
    return fileEdits;
  };
  for (const change of entry.changes) {
    const path = parsePath(change.path);
    const folded = foldedAt(type, path);
    if (folded === undefined || blockWrites(only.block, folded.unfold.attribute)) {
      targets.add(entry.address);
      const own = { path, sets: new Set(sets) };
      proposal.attributes.push(fixAttribute(change, only, own, editsOf(only.file)));
      continue;
    }
    const block = subResourceBlock(entry, address, folded, type, code);
    targets.add(block.address ?? statedPart(entry, folded.sub.type) ?? entry.address);
    if (!block.ok) {
      const where = block.address === undefined ? {} : { address: block.address };
      proposal.attributes.push({ path: change.path, patched: false, why: block.why, ...where });
      continue;
    }
    const fix = fixAttribute(change, block.found, subPath(folded, path, sets), editsOf(block.found.file));
    proposal.attributes.push({ ...fix, address: block.address, file: block.found.file.path });
  }
  target([...targets]);
  return proposal;
}

/**
 * What reverts the entry's changes, from what the entry says alone: each folded attribute's sub-resource where
 * state names one of its type, else the resource itself.
 */
function statedTargets(entry: DriftEntry, address: string, type: ResourceType | undefined): string[] {
  const targets = new Set<string>();
  for (const change of entry.changes) {
    const folded = foldedAt(type, parsePath(change.path));
    targets.add((folded && statedPart(entry, folded.sub.type)) ?? address);
  }
  return [...targets];
}

/** The one sub-resource of a type that state says is folded into the entry's resource. */
function statedPart(entry: DriftEntry, subType: string): string | undefined {
  const parts = partsOf(entry, subType);
  return parts?.length === 1 ? parts[0]?.address : undefined;
}

/** One changed attribute: its edit (added to `fileEdits`), or why there is none. */
function fixAttribute(
  change: AttributeChange,
  found: FoundBlock,
  where: SubPath,
  fileEdits: TextEdit[],
): AttributeFix {
  const { path, sets, convert } = where;
  const fail = (why: CannotPatch, offset?: number): AttributeFix =>
    offset === undefined
      ? { path: change.path, patched: false, why }
      : { path: change.path, patched: false, why, line: found.file.lineOf(offset) };
  const make = (edit: TextEdit, line: number): AttributeFix => {
    if (overlaps(edit, fileEdits)) return fail('overlap', edit.start);
    fileEdits.push(edit);
    return { path: change.path, patched: true, line };
  };
  const written = convert ? convert.write(change.live as Value) : (change.live as Value);
  const live = written === undefined ? ({ ok: false, why: 'text' } as const) : renderHcl(written);
  const target = locateValue(found.block, path, sets);
  if (!target.ok) {
    const { missing } = target;
    const absent = convert ? convert.read(null) : null;
    if (missing === undefined || !sameValue(change.declared as Value, absent) || change.live === null)
      return fail(target.why, target.at);
    if (!live.ok) return fail(live.why, target.at);
    const edit = insertion(found.file.text, missing.key, missing.parent, written as Value, live.text);
    if (edit === undefined) return fail(target.why, target.at);
    const before = fileEdits.filter((other) => other.start === edit.start && other.end === edit.start).length;
    return make(edit, found.file.lineOf(edit.start) + 1 + before);
  }
  const { node } = target;
  if (!live.ok || !renderHcl(change.declared as Value).ok)
    return fail(live.ok ? 'secret' : live.why, node.start);
  const code = literalValue(node);
  const reads = convert && code !== undefined ? convert.read(code) : code;
  if (!declaredMatches(reads, change.declared as Value, sets.has(schemaPath(path))))
    return fail('code-differs', node.start);
  if (change.live === null && path.length > 1) return fail('removed', node.start);
  return make({ start: node.start, end: node.end, text: live.text }, found.file.lineOf(node.start));
}

/** Sets compare as sets: the report sorts them, code need not. */
function declaredMatches(written: Value | undefined, declared: Value, isSet: boolean): boolean {
  if (written === undefined) return false;
  if (isSet && Array.isArray(written) && Array.isArray(declared)) {
    const key = (value: Value) => JSON.stringify(value);
    return sameValue(written.map(key).sort(), declared.map(key).sort());
  }
  return sameValue(written, declared);
}
