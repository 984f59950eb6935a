import { parsePath } from '../model/path.js';
import type { DriftEntry } from '../model/report.js';
import { resourceType } from '../model/types/index.js';
import type { Value } from '../model/value.js';
import { parseAddress, refreshCommand, revertCommand } from './address.js';
import { type CodeFile, findBlocks } from './code-index.js';
import { renderHcl, sameValue } from './hcl-value.js';
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
  for (const change of entry.changes) {
    const path = parsePath(change.path);
    const target = locateValue(only.block, path, sets);
    const at = (offset: number | undefined) =>
      offset === undefined ? {} : { line: only.file.lineOf(offset) };
    const fail = (why: CannotPatch, offset?: number): AttributeFix => ({
      path: change.path,
      patched: false,
      why,
      ...at(offset),
    });
    if (!target.ok) {
      proposal.attributes.push(fail(target.why, target.at));
      continue;
    }
    const { node } = target;
    const rendered = renderHcl(change.live as Value);
    if (!rendered.ok || !renderHcl(change.declared as Value).ok) {
      proposal.attributes.push(fail(rendered.ok ? 'secret' : rendered.why, node.start));
      continue;
    }
    if (!declaredMatches(literalValue(node), change.declared as Value, sets.has(schemaPath(path)))) {
      proposal.attributes.push(fail('code-differs', node.start));
      continue;
    }
    if (change.live === null && path.length > 1) {
      proposal.attributes.push(fail('removed', node.start));
      continue;
    }
    const edit = { start: node.start, end: node.end, text: rendered.text };
    if (overlaps(edit, fileEdits)) {
      proposal.attributes.push(fail('overlap', node.start));
      continue;
    }
    fileEdits.push(edit);
    proposal.attributes.push({ path: change.path, patched: true, line: only.file.lineOf(node.start) });
  }
  return proposal;
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
