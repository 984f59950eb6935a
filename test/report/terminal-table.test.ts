import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Report, Violation } from '../../src/model/report.js';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { applyBaseline } from '../../src/report/baseline.js';
import { ANSI_STYLE, PLAIN_STYLE } from '../../src/report/style.js';
import { renderTable } from '../../src/report/table.js';
import { sampleReport } from './sample-report.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the table's own colours is the point
const SGR = /\u001b\[\d+m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const ANY_ESCAPE = /\u001b[^m]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const OWN_SGR = /^\u001b\[(1|2|22|31|32|33|36|39)m$/;
const LONG_ARN =
  'arn:aws:iam::111122223333:policy/platform/deploy/acme-production-continuous-delivery-pipeline';
const MESSAGE =
  'allows iam:PassRole on every role ("Resource": "*"), so whoever can change this policy can hand any role to any service';

function violation(overrides: Partial<Violation> = {}): Violation {
  return {
    ruleId: 'DW-AWS-IAM-006',
    title: 'PassRole on every role',
    severity: 'high',
    category: 'iam',
    key: `aws_iam_policy.${LONG_ARN}`,
    type: 'aws_iam_policy',
    id: LONG_ARN,
    origin: 'declared',
    message: MESSAGE,
    path: 'policy.Statement[0]',
    location: { file: 'infra/iam/policies.tf', line: 42 },
    ...overrides,
  };
}

function rule(id: string, remediation: string): CatalogueRule {
  return {
    id,
    title: id,
    description: '',
    severity: 'low',
    category: 'encryption',
    resourceTypes: ['aws_sns_topic'],
    controls: [],
    remediation,
    equivalents: { checkov: [], trivy: [] },
    relatedResources: [],
    entrypoint: '',
    file: '',
  };
}

function wideReport(): Report {
  const report = sampleReport();
  report.violations = [violation(), ...report.violations];
  report.drift[0] = { ...report.drift[0]!, id: `${LONG_ARN}-日本語のトピック名` };
  return report;
}

const bare = (text: string) => text.replace(SGR, '');
const lines = (text: string) => bare(text).trimEnd().split('\n');
/** Everything but the whitespace, so that text can be looked for across the lines it was wrapped on. */
const squeezed = (text: string) => bare(text).replace(/\s+/g, '');

/** What a column holds, read down its terminal columns (not its string indexes) from its header to the list's end. */
function column(out: string[], header: string, next?: string): string {
  const top = out.findIndex((line) => line.includes(header) && (next === undefined || line.includes(next)));
  const head = out[top] ?? '';
  const start = stringWidth(head.slice(0, head.indexOf(header)));
  const end = next === undefined ? undefined : stringWidth(head.slice(0, head.indexOf(next)));
  const below = out.slice(top + 1);
  const rows = below.slice(0, below.indexOf('') === -1 ? undefined : below.indexOf(''));
  return squeezed(rows.map((line) => sliceAnsi(line, start, end)).join(''));
}

describe('the table in a terminal of a known width', () => {
  it.each([80, 120, 200])('fits %i columns, wide characters counted as two, and loses no text', (width) => {
    const out = lines(renderTable(wideReport(), ANSI_STYLE, { width }));
    expect(out.filter((line) => stringWidth(line) > width)).toEqual([]);
    expect(column(out, 'ID', 'ADDRESS')).toContain(`${LONG_ARN}-日本語のトピック名`);
    const resource = column(out, 'RESOURCE', width === 80 ? undefined : 'PATH');
    expect(resource).toContain(`aws_iam_policy.${LONG_ARN}infra/iam/policies.tf:42`);
    const message = width === 80 ? squeezed(out.join('\n')) : column(out, 'MESSAGE');
    expect(message).toContain(squeezed(MESSAGE));
  });

  it('wraps a long cell inside its column, breaking an ARN after a separator, never across the row', () => {
    const out = lines(renderTable(wideReport(), PLAIN_STYLE, { width: 80 }));
    const header = out.find((line) => line.includes('RESOURCE')) ?? '';
    const at = header.indexOf('RESOURCE');
    const row = out.indexOf(header) + 1;
    expect(out[row]).toMatch(
      /^ {2}HIGH {6}DW-AWS-IAM-006 {2}declared {2}aws_iam_policy\.arn:aws:iam::111122223333:$/,
    );
    expect(out[row]?.indexOf('aws_iam_policy')).toBe(at);
    // The continuation stays in the column: nothing at the left of it.
    expect(out[row + 1]).toBe(`${' '.repeat(at)}policy/platform/deploy/acme-production-`);
    expect(out[row + 2]).toBe(`${' '.repeat(at)}continuous-delivery-pipeline`);
    expect(out[row + 3]).toBe(`${' '.repeat(at)}infra/iam/policies.tf:42`);
    // At 80 columns path and message leave the table for a line under the row, wrapped under themselves.
    expect(out[row + 4]).toBe(
      '      policy.Statement[0]: allows iam:PassRole on every role ("Resource": "*"),',
    );
    expect(out[row + 5]).toBe('        so whoever can change this policy can hand any role to any service');
  });

  it('keeps path and message as columns where they fit, each row on one line when it fits', () => {
    const out = lines(renderTable(sampleReport(), PLAIN_STYLE, { width: 200 }));
    expect(out).toContain(
      '  CRITICAL  DW-AWS-IAM-001  live      aws_iam_policy.admin  policy.Statement[0]  allows every action on every resource',
    );
  });

  it('without a width (not a terminal) wraps nothing: one line per row', () => {
    const out = lines(renderTable(wideReport()));
    const row = out.find((line) => line.includes('DW-AWS-IAM-006')) ?? '';
    expect(row).toContain(`aws_iam_policy.${LONG_ARN}`);
    expect(row).toContain('policy.Statement[0]');
    expect(row.endsWith(MESSAGE)).toBe(true);
  });

  it('in a terminal too narrow for the columns, shows each finding as a block', () => {
    const out = lines(renderTable(wideReport(), PLAIN_STYLE, { width: 40 }));
    expect(out.filter((line) => stringWidth(line) > 40)).toEqual([]);
    const start = out.indexOf('  HIGH  DW-AWS-IAM-006  declared');
    expect(start).toBeGreaterThan(0);
    expect(out[start + 1]).toBe('    RESOURCE  aws_iam_policy.arn:aws:');
    expect(squeezed(renderTable(wideReport(), PLAIN_STYLE, { width: 40 }))).toContain(
      squeezed(`PATH policy.Statement[0] MESSAGE ${MESSAGE}`),
    );
  });
});

describe('the table lists', () => {
  it('colour each severity', () => {
    const report = sampleReport();
    report.violations = [
      violation({ severity: 'critical' }),
      violation({ severity: 'high' }),
      violation({ severity: 'medium' }),
      violation({ severity: 'low' }),
    ];
    const out = renderTable(report, ANSI_STYLE);
    expect(out).toContain('\u001b[31m\u001b[1mCRITICAL\u001b[22m\u001b[39m');
    expect(out).toContain('\u001b[31mHIGH\u001b[39m');
    expect(out).toContain('\u001b[33mMEDIUM\u001b[39m');
    expect(out).toContain('\u001b[36mLOW\u001b[39m');
  });

  it('show file:line under a finding in code, and nothing under one read from a state', () => {
    const report = sampleReport();
    report.violations = [
      violation(),
      violation({ key: 'aws_iam_policy.other', location: { file: 'x.tfstate' } }),
    ];
    report.drift = [{ ...report.drift[1]!, location: { file: 'main.tf', line: 7 } }];
    const out = lines(renderTable(report));
    const drift = out.findIndex((line) => line.includes('module.s3.aws_s3_bucket.this["data"]'));
    expect(out[drift + 1]?.trim()).toBe('main.tf:7');
    const other = out.findIndex((line) => line.includes('aws_iam_policy.other'));
    expect(out[other + 1]).not.toContain('x.tfstate');
    expect(out.some((line) => line.trim() === 'infra/iam/policies.tf:42')).toBe(true);
  });

  it('cap each list at --max-rows, counting the rest by severity or kind, the most severe shown', () => {
    const report = sampleReport();
    report.violations = [
      violation({ severity: 'critical', key: 'a' }),
      violation({ severity: 'high', key: 'b' }),
      violation({ severity: 'high', key: 'c' }),
      violation({ severity: 'low', key: 'd' }),
    ];
    const out = lines(renderTable(report, PLAIN_STYLE, { maxRows: 2 }));
    expect(
      out.filter((line) => /^ {2}(CRITICAL|HIGH|LOW) /.test(line)).map((line) => line.split(/\s+/)[1]),
    ).toEqual(['CRITICAL', 'HIGH']);
    expect(out).toContain('  ... 2 more violations: 1 high, 1 low (--max-rows 0 shows all)');
    expect(out).toContain('  ... 1 more drift entry: 1 unmanaged (--max-rows 0 shows all)');
    expect(out).toContain('Violations (4)');
    const all = lines(renderTable(report, PLAIN_STYLE, { maxRows: 0 }));
    expect(all.filter((line) => /^ {2}(CRITICAL|HIGH|LOW) /.test(line))).toHaveLength(4);
    expect(all.join('\n')).not.toContain('more violations');
  });

  it('cap at 50 rows unless told otherwise', () => {
    const report = sampleReport();
    report.violations = Array.from({ length: 60 }, (_, i) =>
      violation({ key: `k${String(i).padStart(2, '0')}` }),
    );
    const out = lines(renderTable(report));
    expect(out.filter((line) => line.startsWith('  HIGH '))).toHaveLength(50);
    expect(out).toContain('  ... 10 more violations: 10 high (--max-rows 0 shows all)');
  });

  it('--quiet: the verdict only', () => {
    const out = renderTable(sampleReport(), PLAIN_STYLE, { quiet: true });
    expect(out).toBe('Drift found in 3 resources\n2 policy violations\n');
  });
});

describe('the table against a baseline', () => {
  it('marks the new findings, lists the resolved ones and says "N new, M resolved" in the verdict', () => {
    const before = sampleReport();
    const now = sampleReport();
    now.violations = [violation(), now.violations[0]!];
    const report = applyBaseline(now, before, 'reports/main.json');
    const out = lines(renderTable(report, PLAIN_STYLE, { width: 120 }));
    expect(out.slice(0, 3)).toEqual([
      'Drift found in 3 resources',
      '2 policy violations',
      '1 new, 1 resolved since reports/main.json',
    ]);
    expect(out.find((line) => line.includes('DW-AWS-IAM-006'))).toMatch(/^ {2}new {2}HIGH /);
    expect(out.find((line) => line.includes('DW-AWS-IAM-001'))).toMatch(/^ {7}CRITICAL /);
    const resolved = out.indexOf('Resolved since reports/main.json (1)');
    expect(resolved).toBeGreaterThan(0);
    expect(out[resolved + 2]).toMatch(/^ {2}LOW {2}DW-AWS-S3-003 {2}aws_s3_bucket\.data {2}no TLS deny$/);
    expect(renderTable(report, PLAIN_STYLE, { quiet: true })).toBe(
      'Drift found in 3 resources\n2 policy violations\n1 new, 1 resolved since reports/main.json\n',
    );
  });
});

describe('the one-line fix under each violation', () => {
  const sns = rule(
    'DW-AWS-SNS-002',
    'resource "aws_sns_topic" "alerts" {\n  # a key you manage\n  name              = "alerts"\n  kms_master_key_id = aws_kms_key.sns.arn\n}\n',
  );
  const s3 = rule(
    'DW-AWS-S3-004',
    'resource "aws_s3_bucket_server_side_encryption_configuration" "app" {\n  bucket = aws_s3_bucket.app.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.s3.arn\n    }\n  }\n}\n',
  );

  function fixes(report: Report, width?: number): string[] {
    const options = width === undefined ? { rules: [sns, s3] } : { rules: [sns, s3], width };
    return lines(renderTable(report, PLAIN_STYLE, options)).filter((line) => line.startsWith('      fix: '));
  }

  it('shows the settings of the fix that the finding path names, else the block and its settings', () => {
    const report = sampleReport();
    report.violations = [
      violation({ ruleId: 'DW-AWS-SNS-002', path: 'kms_master_key_id', key: 'aws_sns_topic.a' }),
      violation({ ruleId: 'DW-AWS-S3-004', path: 'server_side_encryption_configuration', key: 'b' }),
      violation({ ruleId: 'DW-AWS-IAM-006', key: 'c' }),
    ];
    expect(fixes(report)).toEqual([
      '      fix: kms_master_key_id = aws_kms_key.sns.arn',
      '      fix: aws_s3_bucket_server_side_encryption_configuration { bucket = aws_s3_bucket.app.id, sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.s3.arn }',
    ]);
    expect(lines(renderTable(report, PLAIN_STYLE, { rules: [sns] }))).toContain(
      '  The whole fix of a rule, with its references: driftwarden policies show <rule>',
    );
    expect(renderTable(report)).not.toContain('fix:');
  });

  it('stays one line, cut to the width', () => {
    const report = sampleReport();
    report.violations = [violation({ ruleId: 'DW-AWS-S3-004', path: 'x' })];
    const [line] = fixes(report, 60);
    expect(line).toBe('      fix: aws_s3_bucket_server_side_encryption_configurati…');
    expect(stringWidth(line ?? '')).toBe(60);
  });

  it('makes a remediation inert: controls stripped, secrets redacted', () => {
    const report = sampleReport();
    report.violations = [violation({ ruleId: 'DW-CUSTOM-001', path: 'password' })];
    const custom = rule('DW-CUSTOM-001', 'password = "\u001b]0;pwned\u0007AKIAIOSFODNN7EXAMPLE"\n');
    const out = renderTable(report, PLAIN_STYLE, { rules: [custom] });
    const fix = out.split('\n').find((line) => line.includes('fix:')) ?? '';
    expect(fix).not.toContain('\u001b');
    expect(fix).not.toContain('pwned');
    expect(fix).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('the table on hostile text', () => {
  it('fits every width from 2 columns up, and only its own colours reach the terminal', () => {
    const report = wideReport();
    report.violations[0]!.message =
      `${'x'.repeat(300)} \u001b[31mred\u001b]0;title\u0007 日本語 👍🏽 e\u0301 ${'é'.repeat(50)}`;
    report.violations[0]!.key = `k${'/'.repeat(100)}${'日'.repeat(80)}`;
    const over: number[] = [];
    for (let width = 2; width <= 130; width++) {
      const out = renderTable(report, ANSI_STYLE, { width });
      const escapes = out.match(ANY_ESCAPE) ?? [];
      expect(escapes.filter((e) => !OWN_SGR.test(e))).toEqual([]);
      expect(out).not.toContain('title');
      if (lines(out).some((line) => stringWidth(line) > width)) over.push(width);
    }
    expect(over).toEqual([]);
  });
});
