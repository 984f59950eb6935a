import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesMarkdown, declaredChanges, driftOnTouched } from '../../src/action/pr-changes.js';
import { annotate, command, setOutput } from '../../src/action/workflow.js';
import type { Violation } from '../../src/model/report.js';
import { tempDir } from '../helpers/cli.js';
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

describe('workflow commands carry untrusted text as data', () => {
  const capture = () => {
    let out = '';
    return { runner: { stdout: { write: (t: string) => (out += t) }, env: {} }, out: () => out };
  };

  it('a message or property cannot end the line or the property list and start a command of its own', () => {
    const { runner, out } = capture();
    const hostile = 'x\r::add-mask::secret\n::stop-commands::tok\r\n::error::forged';
    annotate(runner, [
      {
        ...violation(1, 'high'),
        ruleId: `DW-1,file=other.tf::${hostile}`,
        key: `aws_iam_policy.${hostile}`,
        message: hostile,
        location: { file: `a:b,c.tf\n::warning::x`, line: 7 },
      },
    ]);
    command(runner, 'notice', 'title=trusted\n::add-mask::x', `done ${hostile}`);
    const lines = out().split('\n');
    expect(lines).toEqual([
      '::error file=a%3Ab%2Cc.tf%0A%3A%3Awarning%3A%3Ax,line=7,title=DW-1%2Cfile=other.tf%3A%3Ax%0D%3A%3Aadd-mask%3A%3Asecret%0A%3A%3Astop-commands%3A%3Atok%0D%0A%3A%3Aerror%3A%3Aforged (high)::x::add-mask::secret%0A::stop-commands::tok%0A::error::forged: aws_iam_policy.x::add-mask::secret%0A::stop-commands::tok%0A::error::forged (declared)',
      '::notice title=trusted%0A%3A%3Aadd-mask%3A%3Ax::done x::add-mask::secret%0A::stop-commands::tok%0A::error::forged',
      '',
    ]);
  });

  it('the data has control sequences stripped and secret-shaped parts redacted; a command name is checked', () => {
    const { runner, out } = capture();
    command(
      runner,
      'warning',
      {},
      '\u001b[31mred\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 ghp_abcdefghijklmnopqrstuvwxyz0123456789 100%',
    );
    expect(out()).toBe('::warning::redlink (redacted) 100%25\n');
    expect(() => command(runner, 'error x', {}, 'm')).toThrow('not a workflow command name');
    expect(() => command(runner, 'a::b', {}, 'm')).toThrow('not a workflow command name');
  });

  it('an output value cannot end its heredoc and set another output', () => {
    const dir = tempDir({ output: '' });
    const file = join(dir, 'output');
    const runner = { stdout: { write: () => true }, env: { GITHUB_OUTPUT: file } };
    setOutput(runner, 'drift', '3\nghadelimiter_x\nviolations<<EOF\n999\nEOF');
    const text = readFileSync(file, 'utf8');
    const match = /^drift<<(ghadelimiter_[0-9a-f-]{36})\n([\s\S]*)\n\1\n$/.exec(text);
    expect(match?.[2]).toBe('3\nghadelimiter_x\nviolations<<EOF\n999\nEOF');
    expect(() => setOutput(runner, 'bad\nname', 1)).toThrow('cannot write the output');
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
