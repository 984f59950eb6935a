import { attributeChanges } from '../diff/attribute-changes.js';
import type { DriftEntry, Report } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { inlineCode } from '../report/markdown-text.js';
import type { ScannedResources } from '../scan/run-scan.js';

/** Keeps the comment under GitHub's size limit however large the pull request. */
const MAX_ROWS = 150;

/** What a pull request does to the declared resources: the ones it adds, changes and removes. */
export interface PrChanges {
  added: Resource[];
  changed: { resource: Resource; paths: string[] }[];
  removed: Resource[];
}

/**
 * The resources a pull request adds, changes and removes, in state and plans and in code (HCL, CloudFormation,
 * ARM). Code paired with state shares its key (src/diff/pair-code.ts), so a resource both describe is listed once,
 * with the attributes either one changes.
 */
export function declaredChanges(base: ScannedResources, head: ScannedResources): PrChanges {
  const byKey = new Map<
    string,
    { change: 'added' | 'changed' | 'removed'; resource: Resource; paths: Set<string> }
  >();
  const note = (
    change: 'added' | 'changed' | 'removed',
    resource: Resource,
    paths: readonly string[] = [],
  ) => {
    const existing = byKey.get(resource.key);
    if (!existing) {
      byKey.set(resource.key, { change, resource, paths: new Set(paths) });
      return;
    }
    for (const path of paths) existing.paths.add(path);
    // Added in one place and present in the other (code for a resource the state already has) is a change.
    if (existing.change !== change) existing.change = 'changed';
    if (resource.source.line !== undefined) existing.resource = resource;
  };
  for (const side of ['declared', 'code'] as const) {
    const before = base[side];
    const after = head[side];
    for (const [key, resource] of after) {
      const old = before.get(key);
      if (!old) {
        note('added', resource);
        continue;
      }
      const diff = attributeChanges(old.attributes, resource.attributes);
      if (diff.length > 0)
        note(
          'changed',
          resource,
          diff.map((d) => d.path),
        );
    }
    for (const [key, resource] of before) if (!after.has(key)) note('removed', resource);
  }
  const changes: PrChanges = { added: [], changed: [], removed: [] };
  for (const { change, resource, paths } of [...byKey.values()].sort((a, b) =>
    compare(a.resource.key, b.resource.key),
  )) {
    if (change === 'changed' && paths.size === 0) continue;
    if (change === 'changed') changes.changed.push({ resource, paths: [...paths].sort() });
    else changes[change].push(resource);
  }
  return changes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
      `${paths
        .slice(0, 10)
        .map((path) => inlineCode(path))
        .join(', ')}${paths.length > 10 ? ', …' : ''}`;
    const where = (resource: Resource) =>
      resource.source.file === undefined
        ? ''
        : inlineCode(
            `${resource.source.file}${resource.source.line === undefined ? '' : `:${resource.source.line}`}`,
          );
    const rows = [
      ...changes.added.map((r) => `| added | ${inlineCode(r.key)} | ${where(r)} | |`),
      ...changes.changed.map(
        (c) => `| changed | ${inlineCode(c.resource.key)} | ${where(c.resource)} | ${attributes(c.paths)} |`,
      ),
      ...changes.removed.map((r) => `| removed | ${inlineCode(r.key)} | ${where(r)} | |`),
    ];
    lines.push(
      '| Change | Resource | Where | Attributes |',
      '| --- | --- | --- | --- |',
      ...rows.slice(0, MAX_ROWS),
    );
    if (rows.length > MAX_ROWS) lines.push('', `${rows.length - MAX_ROWS} more - see the full report`);
  }
  if (drifted.length > 0) {
    lines.push(
      '',
      `> :warning: **Applying this PR would revert a change made outside Terraform** on ${drifted.length} resource${drifted.length === 1 ? '' : 's'}:`,
    );
    for (const d of drifted.slice(0, MAX_ROWS))
      lines.push(
        `> - ${inlineCode(d.key, { inTable: false })} is ${d.kind} live${d.changes.length ? ` (${d.changes.map((c) => inlineCode(c.path, { inTable: false })).join(', ')})` : ''}`,
      );
    if (drifted.length > MAX_ROWS) lines.push(`> - and ${drifted.length - MAX_ROWS} more`);
  }
  return lines.join('\n');
}
