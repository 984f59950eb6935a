import { describe, expect, it } from 'vitest';
import type { DriftEntry } from '../../src/model/report.js';
import { applyBaseline } from '../../src/report/baseline.js';
import { renderJunit } from '../../src/report/junit.js';
import { MARKDOWN_LIMIT, renderMarkdown } from '../../src/report/markdown.js';
import { sampleReport } from './sample-report.js';

describe('markdown', () => {
  it('opens with a one-line verdict and the counts, then a table per kind with collapsible details', () => {
    const md = renderMarkdown(sampleReport());
    const lines = md.split('\n');
    expect(lines[0]).toBe('### :x: driftwarden: Drift found in 3 resources, 2 policy violations');
    expect(lines[2]).toMatch(/^\*\*1\*\* changed · \*\*1\*\* missing · \*\*1\*\* unmanaged/);
    expect(md).toContain('<details open><summary><b>Drift (3)</b></summary>');
    expect(md).toContain(
      '| changed | `aws_s3_bucket.data` | `module.s3.aws_s3_bucket.this["data"]` | `versioning.enabled`: `true` → `false` |',
    );
    expect(md).toContain('<details><summary><b>Policy violations (2)</b></summary>');
    expect(md).not.toContain('more - see the full report');
  });

  it('says when the scan is incomplete', () => {
    const report = sampleReport();
    report.scan.complete = false;
    report.scan.sources.push({
      connector: 'aws-config',
      side: 'live',
      location: 'aws-config eu-west-1',
      resources: 0,
      status: 'failed',
      error: 'denied',
    });
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe(
      '### :warning: driftwarden: Drift found in 3 resources, 2 policy violations, incomplete scan',
    );
    expect(md).toContain(
      '> **Incomplete:** `aws-config eu-west-1` (failed) could not be read; the results are partial.',
    );
  });

  it('stays under the limit with 5,000 findings, never cutting a table, and says how many more', () => {
    const drift: DriftEntry[] = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'changed',
      key: `aws_s3_bucket.bucket-${i}`,
      type: 'aws_s3_bucket',
      id: `bucket-${i}`,
      provider: 'aws',
      location: { file: 'states/prod.tfstate' },
      changes: [{ path: 'tags.env', declared: 'prod', live: 'hotfix' }],
    }));
    const md = renderMarkdown(sampleReport({ drift }));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const shown = md.split('\n').filter((l) => l.startsWith('| changed |')).length;
    expect(md).toMatch(new RegExp(`\\n${5000 - shown + 2} more - see the full report\\n$`));
    for (const block of md.split('<details').slice(1)) expect(block).toContain('</details>');
    const lastTableLine =
      md
        .split('\n')
        .filter((l) => l.startsWith('|'))
        .pop() ?? '';
    expect(lastTableLine.endsWith('|')).toBe(true);
  });
});

describe('junit', () => {
  it('a suite per rule with a case per violating resource, a passing case for clean rules, and a drift suite', () => {
    const xml = renderJunit(sampleReport(), [
      {
        id: 'DW-AWS-IAM-001',
        title: 'Admin',
        description: '',
        severity: 'critical',
        category: 'iam',
        resourceTypes: ['aws_iam_policy'],
        controls: [],
        remediation: 'x',
        equivalents: { checkov: [], trivy: [] },
        relatedResources: [],
        entrypoint: 'a/deny',
        file: 'f',
      },
      {
        id: 'DW-AWS-EBS-001',
        title: 'EBS <enc>',
        description: '',
        severity: 'high',
        category: 'encryption',
        resourceTypes: ['aws_ebs_volume'],
        controls: [],
        remediation: 'x',
        equivalents: { checkov: [], trivy: [] },
        relatedResources: [],
        entrypoint: 'b/deny',
        file: 'f',
      },
    ]);
    expect(xml).toContain('<testsuites name="driftwarden" failures="5" errors="0">');
    expect(xml).toContain(
      '<testsuite name="DW-AWS-EBS-001: EBS &lt;enc&gt;" tests="1" failures="0" skipped="0" errors="0">',
    );
    expect(xml).toContain('<testcase classname="DW-AWS-EBS-001" name="no violations"></testcase>');
    expect(xml).toContain(
      '<testcase classname="DW-AWS-IAM-001" name="aws_iam_policy.admin (live)"><failure type="critical" message="allows every action on every resource">',
    );
    expect(xml).toContain('<testsuite name="drift" tests="3" failures="3" skipped="0" errors="0">');
  });
});

describe('baseline', () => {
  it('marks findings new or unchanged and lists the resolved ones, by content, whatever the line numbers', () => {
    const before = sampleReport();
    const after = sampleReport();
    after.drift = after.drift.filter((d) => d.kind !== 'missing');
    after.violations = [
      ...after.violations.map((v) => ({ ...v, location: { ...v.location, line: 99 } })),
      { ...after.violations[0]!, key: 'aws_iam_policy.other', id: 'other' },
    ];
    const compared = applyBaseline(after, before, 'previous.json');
    expect(compared.drift.map((d) => d.status)).toEqual(['unchanged', 'unchanged']);
    expect(compared.violations.map((v) => [v.key, v.status])).toEqual([
      ['aws_iam_policy.admin', 'unchanged'],
      ['aws_s3_bucket.data', 'unchanged'],
      ['aws_iam_policy.other', 'new'],
    ]);
    expect(compared.baseline).toMatchObject({ source: 'previous.json', new: 1, unchanged: 4 });
    expect(compared.baseline?.resolved.drift.map((d) => d.key)).toEqual([
      'aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts',
    ]);
    expect(renderMarkdown(compared).split('\n')[0]).toBe(
      '### :x: driftwarden: Drift found in 3 resources, 3 policy violations, 1 new, 1 resolved',
    );
  });
});
