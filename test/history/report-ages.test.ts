import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/model/report.js';
import { ageSentence, ageText } from '../../src/report/finding-age.js';
import { render } from '../../src/report/index.js';
import { sampleReport } from '../report/sample-report.js';

const STARTED = '2026-11-28T02:00:00.000Z';

/** The sample report as a --history scan gives it: ages of 12 days, 5 hours and new, and a trend of three scans. */
function agedReport() {
  const report = sampleReport();
  const [missing, changed, unmanaged] = report.drift;
  const [admin, tls] = report.violations;
  return {
    ...report,
    drift: [
      { ...missing, history: { firstSeen: '2026-11-16T02:00:00.000Z', lastSeen: STARTED } },
      { ...changed, history: { firstSeen: '2026-11-27T21:00:00.000Z', lastSeen: STARTED } },
      { ...unmanaged, history: { firstSeen: STARTED, lastSeen: STARTED } },
    ] as typeof report.drift,
    violations: [
      { ...admin, history: { firstSeen: '2026-11-16T02:00:00.000Z', lastSeen: STARTED } },
      { ...tls, history: { firstSeen: STARTED, lastSeen: STARTED } },
    ] as typeof report.violations,
    history: {
      store: 'sqlite:.driftwarden/history.db',
      scope: 'prod',
      scanId: 3,
      resolved: 1,
      trend: [
        { startedAt: '2026-11-16T02:00:00.000Z', complete: true, drift: 1, violations: 1, coverage: 0.9 },
        { startedAt: '2026-11-20T02:00:00.000Z', complete: false, drift: 4, violations: 2, coverage: 0.5 },
        { startedAt: STARTED, complete: true, drift: 3, violations: 2, coverage: 0.6667 },
      ],
    },
  };
}

describe('finding ages', () => {
  it('counts from first seen to the scan start, never the clock', () => {
    const at = (firstSeen: string) => ageText({ firstSeen, lastSeen: STARTED }, STARTED);
    expect(at(STARTED)).toBe('new');
    expect(at('2026-11-28T01:59:00.000Z')).toBe('1 minute');
    expect(at('2026-11-28T01:15:00.000Z')).toBe('45 minutes');
    expect(at('2026-11-27T21:00:00.000Z')).toBe('5 hours');
    expect(at('2026-11-27T02:00:00.000Z')).toBe('1 day');
    expect(at('2026-11-16T01:00:00.000Z')).toBe('12 days');
    expect(ageText(undefined, STARTED)).toBeUndefined();
    expect(ageSentence({ firstSeen: '2026-11-16T02:00:00.000Z', lastSeen: STARTED }, STARTED, 'drift')).toBe(
      'drifting for 12 days (since 2026-11-16)',
    );
  });

  it('shows in every report format, and the report still matches its schema', () => {
    const report = agedReport();
    expect(reportSchema.safeParse(report).success).toBe(true);
    const table = render('table', report, { terminal: { maxRows: 0 } });
    expect(table).toMatch(/KIND\s+AGE\s+TYPE/);
    expect(table).toMatch(/missing\s+12 days\s+aws_sns_topic/);
    expect(table).toMatch(/changed\s+5 hours\s+aws_s3_bucket/);
    expect(table).toMatch(/unmanaged\s+new\s+aws_iam_user/);
    expect(table).toMatch(/CRITICAL\s+12 days\s+DW-AWS-IAM-001/);

    const markdown = render('markdown', report);
    expect(markdown).toContain('| missing<br><sub>12 days</sub> |');
    expect(markdown).toContain('| critical<br><sub>12 days</sub> |');

    const json = JSON.parse(render('json', report));
    expect(json.drift[0].history).toEqual({ firstSeen: '2026-11-16T02:00:00.000Z', lastSeen: STARTED });

    const sarif = JSON.parse(render('sarif', report));
    const results = sarif.runs[0].results;
    expect(results.map((r: { provenance?: unknown }) => r.provenance)).toContainEqual({
      firstDetectionTimeUtc: '2026-11-16T02:00:00.000Z',
      lastDetectionTimeUtc: STARTED,
    });
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);

    const junit = render('junit', report);
    expect(junit).toContain('drifting for 12 days (since 2026-11-16)');
    expect(junit).toContain('failing for 12 days (since 2026-11-16)');
    expect(junit).toContain('new in this scan');

    const html = render('html', report);
    expect(html).toContain('Trend over 3 scans from 2026-11-16 to 2026-11-28');
    expect(html).toContain('2026-11-20T02:00:00.000Z (incomplete): 4 drift, 2 violations, coverage 50.0%');
    expect(html).toContain('"12 days"');
  });

  it('leaves every format as it was without --history', () => {
    const report = sampleReport();
    expect(render('table', report)).not.toMatch(/\bAGE\b/);
    expect(render('markdown', report)).not.toContain('<sub>');
    expect(render('sarif', report)).not.toContain('provenance');
    expect(render('html', report)).not.toContain('Trend');
  });
});
