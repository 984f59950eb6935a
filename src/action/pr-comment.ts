import type { FixPlan } from '../fix/plan.js';
import { renderMarkdown } from '../report/markdown.js';
import { attributionMarkdown } from '../report/markdown-attribution.js';
import { codifyMarkdown } from '../report/markdown-codify.js';
import { fixMarkdown } from '../report/markdown-fix.js';
import { inlineCode } from '../report/markdown-text.js';
import { plural } from '../report/verdict.js';
import { changesMarkdown } from './pr-changes.js';
import type { PullRequestScan } from './pull-request.js';

/** Leaves room for the changes table, the notes and the marker under GitHub's 65,536-character limit. */
const FINDINGS_BUDGET = 50_000;
const MAX_ALREADY = 50;
const MAX_WAIVERS = 20;
/** The import blocks of the new unmanaged resources (markdown-codify.ts). */
const CODIFY_ROOM = 6_000;
const FIX_BUDGET = 6_000;

export interface CommentContext {
  /** The head commit the comment describes. */
  sha: string;
  /** The workflow run, when the runner names it. */
  runUrl?: string;
  version: string;
  /** The accept-or-revert choice for the changed resources (src/action/fix-pull-request.ts). */
  fix?: FixPlan;
}

/**
 * The pull-request comment and job summary: what the pull request introduces (its verdict and tables), the drift
 * that was there before it (as context, never as its doing), the resources it changes, the trusted files it
 * changes (whose base versions were used), the inline waivers it adds (not honoured yet), and the commit and run it
 * describes.
 */
export function pullRequestMarkdown(scan: PullRequestScan, context: CommentContext): string {
  const parts = [renderMarkdown(scan.introduced, FINDINGS_BUDGET, scan.rules)];
  const resolved = scan.head.baseline
    ? scan.head.baseline.resolved.drift.length + scan.head.baseline.resolved.violations.length
    : 0;
  const introduced = scan.introduced.drift.length + scan.introduced.violations.length;
  parts.push(
    `Against the base commit: this pull request introduces ${plural(introduced, 'finding')} and resolves ${resolved}.`,
  );
  parts.push(alreadyDrifted(scan));
  parts.push(attributionMarkdown([...scan.introduced.drift, ...scan.already.drift]));
  parts.push(changesMarkdown(scan.changes, scan.touched));
  parts.push(codifyMarkdown(scan.introduced.drift, CODIFY_ROOM));
  parts.push(fixMarkdown(context.fix, FIX_BUDGET));
  if (scan.trustedChanges.length > 0)
    parts.push(
      `> :lock: This pull request changes ${scan.trustedChanges.map((path) => inlineCode(path, { inTable: false })).join(', ')}; the base's settings were used. The change takes effect once merged.`,
    );
  parts.push(addedWaivers(scan));
  const run = context.runUrl ? ` · [workflow run](${context.runUrl})` : '';
  parts.push(
    `<sub>driftwarden ${context.version} · commit ${inlineCode(context.sha.slice(0, 12), { inTable: false })}${run}</sub>`,
  );
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function alreadyDrifted(scan: PullRequestScan): string {
  const { drift, violations } = scan.already;
  if (drift.length === 0 && violations === 0) return '';
  const counts = [
    drift.length > 0 ? plural(drift.length, 'drifted resource') : '',
    violations > 0 ? plural(violations, 'live violation') : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const lines = [
    `<details><summary>Already drifted: ${counts} not caused by this pull request</summary>`,
    '',
    ...drift
      .slice(0, MAX_ALREADY)
      .map((entry) => `- ${entry.kind} ${inlineCode(entry.key, { inTable: false })}`),
    ...(drift.length > MAX_ALREADY ? [`- and ${drift.length - MAX_ALREADY} more`] : []),
    '',
    '</details>',
  ];
  return lines.join('\n');
}

function addedWaivers(scan: PullRequestScan): string {
  const added = scan.addedWaivers;
  if (added.length === 0) return '';
  const code = (text: string) => inlineCode(text, { inTable: false });
  const listed = added
    .slice(0, MAX_WAIVERS)
    .map(({ key, waiver }) => `- ${code(waiver.rule)} on ${code(key)} at ${code(waiver.source)}`);
  return [
    `> :lock: This pull request adds ${plural(added.length, 'inline waiver')}; ${added.length === 1 ? 'it takes' : 'they take'} effect once merged, so the findings ${added.length === 1 ? 'it waives' : 'they waive'} count for this check.`,
    '',
    ...listed,
    ...(added.length > MAX_WAIVERS ? [`- and ${added.length - MAX_WAIVERS} more`] : []),
  ].join('\n');
}
