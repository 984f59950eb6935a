import { parsePath } from '../model/path.js';
import type { AttributeChange, DriftEntry } from '../model/report.js';
import { resourceType } from '../model/types/index.js';
import type { Value } from '../model/value.js';
import { parseAddress, refreshCommand, revertCommand } from './address.js';
import { type CodeFile, type FoundBlock, findBlocks } from './code-index.js';
import { renderHcl, sameValue } from './hcl-value.js';
import { insertion } from './insert.js';
import { literalValue, locateValue, schemaPath, type Unpatchable } from './locate.js';
import { applyEdits, overlaps, type TextEdit, unifiedDiff } from './unified-diff.js';

/**
 * For each changed resource, the two ways out of drift: accept the live value (a patch to the HCL that declares
 * it, and a refresh-only apply that records it in state), or revert the cloud to the code (`terraform apply
 * -target`). A value is patched only where the code writes it as a literal in the resource's own block and reads
 * what the state says was applied; everything else is named with the reason, never guessed.
 */
export type CannotPatch =
  | Unpatchable
  | 'module'
  | 'instances'
  | 'no-address'
  | 'no-block'
  | 'ambiguous'
  | 'code-differs'
  | 'removed'
  | 'secret'
  | 'text'
  | 'overlap';

export type AttributeFix =
  | { path: string; patched: true; line: number }
  | { path: string; patched: false; why: CannotPatch; line?: number };

export interface FixProposal {
  key: string;
  type: string;
  account?: string;
  address?: string;
  /** The code file and line of the resource block, when it was found. */
  file?: string;
  line?: number;
  attributes: AttributeFix[];
  /** Puts the cloud back as the code says. */
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
  proposal.revert = revertCommand(entry.address);
  proposal.refresh = refreshCommand(entry.address);
  if (address.modules.length > 0) return cannot('module');
  if (address.instance !== undefined) return cannot('instances');
  const found = findBlocks(code, address.type, address.name);
  const [only] = found;
  if (only === undefined) return cannot('no-block');
  if (found.length > 1) return cannot('ambiguous');
  proposal.file = only.file.path;
  proposal.line = only.file.lineOf(only.block.start);
  const sets = new Set(resourceType(entry.type)?.sets ?? []);
  const fileEdits = edits.get(only.file) ?? [];
  edits.set(only.file, fileEdits);
  for (const change of entry.changes) proposal.attributes.push(fixAttribute(change, only, sets, fileEdits));
  return proposal;
}

/** One changed attribute: its edit (added to `fileEdits`), or why there is none. */
function fixAttribute(
  change: AttributeChange,
  found: FoundBlock,
  sets: ReadonlySet<string>,
  fileEdits: TextEdit[],
): AttributeFix {
  const path = parsePath(change.path);
  const fail = (why: CannotPatch, offset?: number): AttributeFix =>
    offset === undefined
      ? { path: change.path, patched: false, why }
      : { path: change.path, patched: false, why, line: found.file.lineOf(offset) };
  const make = (edit: TextEdit, line: number): AttributeFix => {
    if (overlaps(edit, fileEdits)) return fail('overlap', edit.start);
    fileEdits.push(edit);
    return { path: change.path, patched: true, line };
  };
  const live = renderHcl(change.live as Value);
  const target = locateValue(found.block, path, sets);
  if (!target.ok) {
    const { missing } = target;
    if (missing === undefined || change.declared !== null || change.live === null)
      return fail(target.why, target.at);
    if (!live.ok) return fail(live.why, target.at);
    const edit = insertion(found.file.text, missing.key, missing.parent, change.live as Value, live.text);
    if (edit === undefined) return fail(target.why, target.at);
    const before = fileEdits.filter((other) => other.start === edit.start && other.end === edit.start).length;
    return make(edit, found.file.lineOf(edit.start) + 1 + before);
  }
  const { node } = target;
  if (!live.ok || !renderHcl(change.declared as Value).ok)
    return fail(live.ok ? 'secret' : live.why, node.start);
  if (!declaredMatches(literalValue(node), change.declared as Value, sets.has(schemaPath(path))))
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
