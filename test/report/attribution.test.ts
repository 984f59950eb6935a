import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { AttributionSummary, ChangedBy } from '../../src/model/attribution.js';
import { type DriftEntry, type Report, reportSchema } from '../../src/model/report.js';
import { attributionSummaryText, changedByText } from '../../src/report/attribution-text.js';
import { renderHtml } from '../../src/report/html.js';
import { type TableData, tableData } from '../../src/report/html-data.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ATTRIBUTION_SECTION_BUDGET, attributionMarkdown } from '../../src/report/markdown-attribution.js';
import { mergeReports } from '../../src/report/merge.js';
import { renderSarif, type SarifLog } from '../../src/report/sarif.js';

const SARIF_SCHEMA = join(import.meta.dirname, '../../fixtures/sarif/sarif-schema-2.1.0.json');

import { PLAIN_STYLE } from '../../src/report/style.js';
import { renderTable } from '../../src/report/table.js';
import { sampleReport } from './sample-report.js';

const ALICE: ChangedBy = {
  status: 'found',
  actor: 'arn:aws:iam::123456789012:user/alice',
  action: 'PutBucketVersioning',
  time: '2026-12-01T10:32:41.000Z',
  sourceIp: '203.0.113.7',
  via: 'cloudtrail',
  eventId: 'e-1',
};
const DENIED: ChangedBy = {
  status: 'unknown',
  reason: 'denied',
  detail: 'CloudTrail LookupEvents in eu-west-1 was denied (cloudtrail:LookupEvents)',
};
/** What a hostile actor name could carry: Markdown, a mention, an HTML comment, a table cell break, ANSI. */
const EVIL: ChangedBy = {
  status: 'found',
  actor: 'x` @mallory <!-- driftwarden:state --> | **b** \u001b[31mred',
  action: 'Create<img src=x>',
  time: '2026-11-30T09:00:00Z',
  via: 'azure-activity-log',
};

function attributed(): Report {
  const base = sampleReport();
  const [missing, changed, unmanaged] = base.drift as [DriftEntry, DriftEntry, DriftEntry];
  return sampleReport({
    drift: [
      { ...missing, changedBy: DENIED },
      { ...changed, changedBy: ALICE },
      { ...unmanaged, changedBy: EVIL },
    ],
  });
}

const ALICE_LINE =
  'changed by arn:aws:iam::123456789012:user/alice via PutBucketVersioning, 2026-12-01 10:32 UTC, from 203.0.113.7';
const DENIED_LINE =
  'changed by: unknown (access denied: CloudTrail LookupEvents in eu-west-1 was denied (cloudtrail:LookupEvents))';

function decode(strings: TableData['strings'], index: number): string {
  const entry = strings[index];
  if (entry === undefined) return '';
  return typeof entry === 'string' ? entry : entry.map((part) => decode(strings, part)).join('');
}

describe('who changed it, in every report format', () => {
  it('is part of the report schema, and absent when attribution did not run', () => {
    expect(reportSchema.parse(attributed()).drift.map((d) => d.changedBy)).toEqual([DENIED, ALICE, EVIL]);
    const plain = sampleReport();
    for (const text of [
      renderTable(plain, PLAIN_STYLE, { width: 200 }),
      renderMarkdown(plain),
      renderJunit(plain),
      renderSarif(plain, []),
    ])
      expect(text).not.toContain('changed by');
    expect(tableData(plain, new Set()).drift.every((row) => row.length === 8)).toBe(true);
  });

  it('reads as one line: actor, event, the minute in UTC and the address; or unknown with the reason', () => {
    expect(changedByText(ALICE)).toBe(ALICE_LINE);
    expect(changedByText(DENIED)).toBe(DENIED_LINE);
  });

  it('shows under each entry of the table, inert', () => {
    const table = renderTable(attributed(), PLAIN_STYLE, { width: 300 });
    expect(table).toContain(`@ ${ALICE_LINE}`);
    expect(table).toContain(`@ ${DENIED_LINE}`);
    expect(table).not.toContain('\u001b');
  });

  it('shows in the Markdown changes cell, with cloud text in code spans or escaped', () => {
    const markdown = renderMarkdown(attributed());
    expect(markdown).toContain(
      'changed by `arn:aws:iam::123456789012:user/alice` via `PutBucketVersioning`, 2026-12-01 10:32 UTC, from `203.0.113.7`',
    );
    expect(markdown).toContain(
      'changed by: unknown (access denied: CloudTrail LookupEvents in eu\\-west\\-1',
    );
    expect(markdown).not.toContain('<!--');
    // Inside a code span, which GitHub shows verbatim.
    expect(markdown).toContain('via `Create<img src=x>`');
    const evilRow = markdown.split('\n').find((line) => line.includes('aws_iam_user.bob')) ?? '';
    // The cell stays one cell: every | inside the code span is escaped.
    expect(evilRow.split(/(?<!\\)\|/).length).toBe(6);
  });

  it('ends the SARIF result message and the JUnit failure', () => {
    const sarif = JSON.parse(renderSarif(attributed(), [])) as {
      runs: { results: { ruleId: string; message: { text: string } }[] }[];
    };
    const texts = sarif.runs[0]?.results.map((r) => r.message.text) ?? [];
    expect(texts).toContain(
      `module.s3.aws_s3_bucket.this\\["data"\\] (aws_s3_bucket.data) differs from its declaration in 1 attribute: versioning.enabled. C${ALICE_LINE.slice(1)}.`,
    );
    expect(renderJunit(attributed())).toContain(`versioning.enabled; ${ALICE_LINE}</failure>`);
  });

  it('keeps its HTML cell apart from the age a --history scan adds', () => {
    const history = { firstSeen: '2026-11-16T02:00:00.000Z', lastSeen: '2026-11-28T02:00:00.000Z' };
    const store = { store: 'sqlite:h.db', scope: 'prod', scanId: 2, resolved: 0, trend: [] };
    const both = attributed();
    const report = { ...both, drift: both.drift.map((d) => ({ ...d, history })), history: store } as Report;
    const data = tableData({ ...report, scan: { ...report.scan, startedAt: history.lastSeen } }, new Set());
    expect(data.drift.map((row) => decode(data.strings, row[8] as number))).toEqual([
      DENIED_LINE,
      ALICE_LINE,
      changedByText(EVIL),
    ]);
    expect(data.drift.map((row) => decode(data.strings, row[9] as number))).toEqual([
      '12 days',
      '12 days',
      '12 days',
    ]);
    const agesOnly = { ...report, drift: report.drift.map(({ changedBy: _, ...d }) => d) } as Report;
    const aged = tableData(
      { ...agesOnly, scan: { ...agesOnly.scan, startedAt: history.lastSeen } },
      new Set(),
    );
    expect(aged.drift.map((row) => [row[8], decode(aged.strings, row[9] as number)])).toEqual([
      [0, '12 days'],
      [0, '12 days'],
      [0, '12 days'],
    ]);
  });

  it('is a cell of the HTML report data, only where it ran', () => {
    const data = tableData(attributed(), new Set());
    expect(data.drift.map((row) => decode(data.strings, row[8] as number))).toEqual([
      DENIED_LINE,
      ALICE_LINE,
      changedByText(EVIL),
    ]);
  });

  it('has a section for the pull-request comment and the tracking issue, found first, within its budget', () => {
    const section = attributionMarkdown(attributed().drift);
    expect(section.split('\n')).toEqual([
      '<details><summary><b>Who changed it (found for 2 of 3)</b></summary>',
      '',
      '- changed `aws_s3_bucket.data`: changed by `arn:aws:iam::123456789012:user/alice` via `PutBucketVersioning`, 2026-12-01 10:32 UTC, from `203.0.113.7`',
      '- unmanaged `aws_iam_user.bob`: changed by ``x` @mallory <\u200b!-- driftwarden:state -\u200b-> | **b** \ufffd[31mred`` via `Create<img src=x>`, 2026-11-30 09:00 UTC',
      '- missing `aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts`: changed by: unknown (access denied: CloudTrail LookupEvents in eu\\-west\\-1 was denied \\(cloudtrail:LookupEvents\\))',
      '',
      '</details>',
    ]);
    const many = Array.from({ length: 500 }, (_, index) => ({
      ...(attributed().drift[1] as DriftEntry),
      key: `aws_s3_bucket.bucket-${index}`,
    }));
    const bounded = attributionMarkdown(many);
    expect(bounded.length).toBeLessThanOrEqual(ATTRIBUTION_SECTION_BUDGET);
    expect(bounded).toMatch(/\n- and \d+ more: see the JSON report\n\n<\/details>$/);
    expect(attributionMarkdown(sampleReport().drift)).toBe('');
  });
});

describe("what the look-ups spent and left unknown, in the report's summary", () => {
  const SPENT: AttributionSummary = {
    calls: 25,
    limit: 25,
    entries: 7,
    found: 3,
    unknown: { 'not-found': 1, denied: 1, budget: 2, failed: 0, 'not-supported': 0 },
  };
  const LINE =
    'found for 3 of 7 drift entries, with 25 of 25 look-up calls; unknown: 1 no event found, 1 access denied, 2 call limit reached';

  /** The attributed sample report, with `summary` as its look-ups' summary (null: attribution did not run). */
  function spent(summary: AttributionSummary | null = SPENT): Report {
    const report = attributed();
    return { ...report, summary: { ...report.summary, ...(summary ? { attribution: summary } : {}) } };
  }

  it('is one line in the table, the Markdown and the HTML, and an object in the JSON schema', () => {
    expect(attributionSummaryText(SPENT)).toBe(LINE);
    expect(renderTable(spent(), PLAIN_STYLE, { width: 300 })).toContain(`  who changed  ${LINE}\n`);
    expect(renderMarkdown(spent())).toContain(`\n\nWho changed it: ${LINE}.\n\n`);
    expect(renderHtml(spent())).toContain(`<p class="attribution-summary">${LINE}</p>`);
    expect(reportSchema.parse(spent()).summary.attribution).toEqual(SPENT);
    const sarif = JSON.parse(renderSarif(spent(), [])) as SarifLog;
    expect(sarif.runs[0]?.invocations[0]?.toolExecutionNotifications).toContainEqual({
      level: 'note',
      message: { text: `Who changed it: ${LINE}.` },
    });
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(renderJunit(spent())).toContain(
      `<testsuite name="drift" tests="3" failures="3" skipped="0" errors="0">\n    <properties><property name="attribution" value="${LINE}"/></properties>\n    <testcase`,
    );
    expect(() =>
      reportSchema.parse(spent({ ...SPENT, unknown: { ...SPENT.unknown, budget: -1 } })),
    ).toThrow();
  });

  it('is absent where attribution did not run', () => {
    const plain = spent(null);
    expect(renderTable(plain, PLAIN_STYLE, { width: 300 })).not.toContain('who changed');
    expect(renderMarkdown(plain)).not.toContain('Who changed it:');
    expect(renderHtml(plain)).not.toContain('attribution-summary');
    expect(renderSarif(plain, [])).not.toContain('Who changed it');
    expect(renderJunit(plain)).not.toContain('<properties>');
  });

  it('adds up over merged reports, only those where it ran', () => {
    const other: AttributionSummary = {
      calls: 4,
      limit: 10,
      entries: 5,
      found: 4,
      unknown: { 'not-found': 0, denied: 0, budget: 0, failed: 0, 'not-supported': 1 },
    };
    const later = spent(other);
    later.scan = { ...later.scan, startedAt: '2026-12-02T00:00:00.000Z' };
    const merged = mergeReports(
      [
        { display: 'a.json', report: spent() },
        { display: 'b.json', report: later },
        { display: 'c.json', report: spent(null) },
      ],
      [],
      '0.1.0',
    );
    expect(merged.summary.attribution).toEqual({
      calls: 29,
      limit: 35,
      entries: 12,
      found: 7,
      unknown: { 'not-found': 1, denied: 1, budget: 2, failed: 0, 'not-supported': 1 },
    });
    expect(
      mergeReports([{ display: 'c.json', report: spent(null) }], [], '0.1.0').summary,
    ).not.toHaveProperty('attribution');
  });
});
