import type { InlineWaiver } from '../model/resource.js';

const DRIFTWARDEN =
  /^\s*(?:#|\/\/)\s*driftwarden:ignore\s+([A-Z][A-Z0-9-]*(?:\s*,\s*[A-Z][A-Z0-9-]*)*)\s*(.*)$/;

/**
 * Checkov's skip comment, as Checkov reads it (checkov/common/comment/enum.py, COMMENT_REGEX): `checkov:skip=` or
 * `bridgecrew:skip=`, check ids separated by commas, then `:reason`.
 */
const CHECKOV = /(?:#|\/\/)\s*(?:checkov|bridgecrew):skip=\s*([A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)(?::(.*))?/;

/** Where a Trivy (or tfsec) ignore comment starts; the rest of the line holds its tokens. */
const TRIVY_START = /(?:#|\/\/)\s*(?=(?:trivy|tfsec):ignore:)/;

/**
 * One Trivy ignore: `trivy:ignore:<id>`, with an optional `:exp:yyyy-mm-dd` and workspace `[ws:name]` (Trivy's
 * docs, "Filtering: by inline comments"; tfsec's `tfsec:ignore:` too). Several may share a comment.
 */
const TRIVY_TOKEN =
  /(?:trivy|tfsec):ignore:([A-Za-z0-9][A-Za-z0-9_-]*)(?::exp:(\d{4}-\d{2}-\d{2}))?(\[ws:[^\]]*\])?/g;

const NO_REASON = '(no reason given)';

/**
 * Reads inline waivers for a resource block spanning `startLine`..`endLine` (1-based) of a code file: the comment
 * lines directly above the block, and the lines inside it. Connectors that read code call this.
 *
 * Besides driftwarden's own `driftwarden:ignore RULE reason`, it reads the other scanners' comments, so a
 * repository moving over keeps its reviewed exceptions: Checkov's `checkov:skip=CKV_AWS_19:reason` and Trivy's
 * `trivy:ignore:AVD-AWS-0088` (also at the end of a line inside the block, where Trivy users put them). They waive
 * the driftwarden rules that name that check as their equivalent. A Trivy ignore scoped to a workspace (`[ws:x]`)
 * is not applied: driftwarden does not know Trivy's workspace, and applying it everywhere would waive too much.
 */
export function parseInlineWaivers(
  text: string,
  file: string,
  startLine: number,
  endLine: number,
): InlineWaiver[] {
  const lines = linesOf(text);
  const waivers: InlineWaiver[] = [];
  const read = (index: number) => {
    const line = lines[index] ?? '';
    if (!line.includes(':')) return;
    const source = `${file}:${index + 1}`;
    const own = DRIFTWARDEN.exec(line);
    if (own) {
      for (const rule of (own[1] ?? '').split(','))
        waivers.push({ rule: rule.trim(), reason: (own[2] ?? '').trim() || NO_REASON, source });
      return;
    }
    const checkov = CHECKOV.exec(line);
    if (checkov) {
      const reason = (checkov[2] ?? '').trim() || NO_REASON;
      for (const rule of (checkov[1] ?? '').split(','))
        waivers.push({ rule, reason, source, scanner: 'checkov' });
    }
    const trivy = TRIVY_START.exec(line);
    if (trivy) {
      for (const token of line.slice(trivy.index).matchAll(TRIVY_TOKEN)) {
        if (token[3] !== undefined) continue;
        const waiver: InlineWaiver = { rule: token[1] ?? '', reason: NO_REASON, source, scanner: 'trivy' };
        if (token[2] !== undefined) waiver.expires = token[2];
        waivers.push(waiver);
      }
    }
  };
  for (let index = startLine - 2; index >= 0 && /^\s*(#|\/\/)/.test(lines[index] ?? ''); index--) read(index);
  for (let index = startLine - 1; index < Math.min(endLine, lines.length); index++) read(index);
  return waivers.sort((a, b) => a.source.localeCompare(b.source, undefined, { numeric: true }));
}

/**
 * Trivy accepts a check's AVD id (`AVD-AWS-0088`), its short id (`AWS-0088`) and its long id
 * (`aws-s3-enable-bucket-encryption`); the first two name the same check.
 */
export function trivyCheckId(id: string): string {
  if (/^AVD-/i.test(id)) return id.toUpperCase();
  if (/^[A-Za-z0-9]+-\d{4}$/.test(id)) return `AVD-${id.toUpperCase()}`;
  return id.toLowerCase();
}

/**
 * Connectors call parseInlineWaivers once per resource block with the same file text: the lines are split once
 * per file, so a file of many blocks costs its size, not its size times its blocks.
 */
let lastSplit: { text: string; lines: string[] } | undefined;

function linesOf(text: string): readonly string[] {
  if (lastSplit?.text !== text) lastSplit = { text, lines: text.split(/\r?\n/) };
  return lastSplit.lines;
}
