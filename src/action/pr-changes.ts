import { attributeChanges } from '../diff/attribute-changes.js';
import type { DriftEntry, Report } from '../model/report.js';
import type { Resource } from '../model/resource.js';

/** Keeps the comment under GitHub's size limit however large the pull request. */
const MAX_ROWS = 150;

/** What a pull request does to the declared resources: the ones it adds, changes and removes. */
export interface PrChanges {
  added: Resource[];
  changed: { resource: Resource; paths: string[] }[];
  removed: Resource[];
}

export function declaredChanges(
  base: ReadonlyMap<string, Resource>,
  head: ReadonlyMap<string, Resource>,
): PrChanges {
  const changes: PrChanges = { added: [], changed: [], removed: [] };
  for (const [key, resource] of head) {
    const before = base.get(key);
    if (!before) {
      changes.added.push(resource);
      continue;
    }
    const diff = attributeChanges(before.attributes, resource.attributes);
    if (diff.length > 0) changes.changed.push({ resource, paths: diff.map((d) => d.path) });
  }
  for (const [key, resource] of base) if (!head.has(key)) changes.removed.push(resource);
  return changes;
}

/**
 * Live drift on resources the pull request touches: applying the PR would overwrite a change made outside
 * Terraform, or recreate something deleted by hand.
 */
export function driftOnTouched(report: Report, changes: PrChanges): DriftEntry[] {
  const touched = new Set([
    ...changes.changed.map((c) => c.resource.key),
    ...changes.removed.map((r) => r.key),
  ]);
  return report.drift.filter((entry) => entry.kind !== 'unmanaged' && touched.has(entry.key));
}

export function changesMarkdown(changes: PrChanges, drifted: readonly DriftEntry[]): string {
  const lines: string[] = [];
  const total = changes.added.length + changes.changed.length + changes.removed.length;
  lines.push(`#### Changes in this pull request (${total})`, '');
  if (total === 0) lines.push('No declared resources change.');
  else {
    const attributes = (paths: readonly string[]) =>
      `${paths.slice(0, 10).join(', ')}${paths.length > 10 ? ', …' : ''}`;
    const rows = [
      ...changes.added.map((r) => `| added | \`${r.key}\` | |`),
      ...changes.changed.map((c) => `| changed | \`${c.resource.key}\` | ${attributes(c.paths)} |`),
      ...changes.removed.map((r) => `| removed | \`${r.key}\` | |`),
    ];
    lines.push('| Change | Resource | Attributes |', '| --- | --- | --- |', ...rows.slice(0, MAX_ROWS));
    if (rows.length > MAX_ROWS) lines.push('', `${rows.length - MAX_ROWS} more - see the full report`);
  }
  if (drifted.length > 0) {
    lines.push(
      '',
      `> :warning: **Applying this PR would revert a change made outside Terraform** on ${drifted.length} resource${drifted.length === 1 ? '' : 's'}:`,
    );
    for (const d of drifted)
      lines.push(
        `> - \`${d.key}\` is ${d.kind} live${d.changes.length ? ` (${d.changes.map((c) => c.path).join(', ')})` : ''}`,
      );
  }
  return lines.join('\n');
}
