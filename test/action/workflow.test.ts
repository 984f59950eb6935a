import { describe, expect, it } from 'vitest';
import { changesMarkdown, declaredChanges, driftOnTouched } from '../../src/action/pr-changes.js';
import { annotate } from '../../src/action/workflow.js';
import type { Violation } from '../../src/model/report.js';
import { resource } from '../helpers/resource.js';
import { sampleReport } from '../report/sample-report.js';

const violation = (i: number, severity: Violation['severity']): Violation => ({
  ruleId: `DW-T-${severity.toUpperCase()}`,
  title: 't',
  severity,
  category: 'iam',
  key: `aws_iam_policy.p${String(i).padStart(2, '0')}`,
  type: 'aws_iam_policy',
  id: `p${i}`,
  origin: 'declared',
  message: `bad, 100%\nsure`,
  location: { file: 'states/prod.tfstate' },
});

describe('annotations', () => {
  it('most severe first, at most 10 per level, and one notice counts the rest; data and properties escaped', () => {
    let out = '';
    const runner = { stdout: { write: (t: string) => (out += t) }, env: {} };
    const violations = [
      ...Array.from({ length: 14 }, (_, i) => violation(i, 'high')),
      ...Array.from({ length: 3 }, (_, i) => violation(i, 'low')),
    ];
    const more = annotate(runner, violations);
    const lines = out.trimEnd().split('\n');
    expect(more).toBe(4);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(3);
    expect(lines[0]).toBe(
      '::error file=states/prod.tfstate,line=1,title=DW-T-HIGH (high)::bad, 100%25%0Asure: aws_iam_policy.p00 (declared)',
    );
    expect(lines.at(-1)).toBe(
      '::notice::4 more driftwarden findings are not annotated (GitHub shows 10 per level); see the job summary and the SARIF report',
    );
  });
});

describe('pull request changes', () => {
  it('names the resources added, changed and removed, and live drift on the ones the PR touches', () => {
    const base = new Map([
      ['aws_s3_bucket.data', resource('aws_s3_bucket', 'data', { tags: { env: 'prod' } })],
      ['aws_s3_bucket.old', resource('aws_s3_bucket', 'old', {})],
    ]);
    const head = new Map([
      ['aws_s3_bucket.data', resource('aws_s3_bucket', 'data', { tags: { env: 'staging' } })],
      ['aws_s3_bucket.new', resource('aws_s3_bucket', 'new', {})],
    ]);
    const none = new Map();
    const changes = declaredChanges(
      { declared: base, code: none, live: none },
      { declared: head, code: none, live: none },
    );
    expect(changes.added.map((r) => r.key)).toEqual(['aws_s3_bucket.new']);
    expect(changes.changed.map((c) => [c.resource.key, c.paths])).toEqual([
      ['aws_s3_bucket.data', ['tags.env']],
    ]);
    expect(changes.removed.map((r) => r.key)).toEqual(['aws_s3_bucket.old']);
    const report = sampleReport();
    report.drift = report.drift.map((d) => (d.key === 'aws_s3_bucket.data' ? d : d));
    const drifted = driftOnTouched(report, changes);
    expect(drifted.map((d) => d.key)).toEqual(['aws_s3_bucket.data']);
    const md = changesMarkdown(changes, drifted);
    expect(md).toContain(
      '> :warning: **Applying this PR would revert a change made outside Terraform** on 1 resource:',
    );
    expect(md).toContain('> - `aws_s3_bucket.data` is changed live (`versioning.enabled`)');
  });

  it('a very large pull request is cut to a bounded table with a count', () => {
    const head = new Map(
      Array.from(
        { length: 400 },
        (_, i) => [`aws_s3_bucket.b${i}`, resource('aws_s3_bucket', `b${i}`, {})] as const,
      ),
    );
    const none = new Map();
    const md = changesMarkdown(
      declaredChanges({ declared: none, code: none, live: none }, { declared: head, code: none, live: none }),
      [],
    );
    expect(md.split('\n').filter((l) => l.startsWith('| added |'))).toHaveLength(150);
    expect(md).toContain('250 more - see the full report');
  });
});
