import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';
import { sampleReport } from './sample-report.js';

/** A verdict never claims more than was compared. */
describe('verdicts', () => {
  it('with no live source: drift not evaluated, coverage not applicable, never "No drift found"', () => {
    const report = sampleReport({ drift: [], violations: [] });
    report.summary = { ...report.summary, changed: 0, missing: 0, unmanaged: 0, coverage: null };
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe(
      '### :white_check_mark: driftwarden: Drift not evaluated: no live source was read, 0 policy violations',
    );
    expect(md).toContain('coverage n/a (no live source read)');
    const table = renderTable(report);
    expect(table).toContain('Drift not evaluated: no live source was read');
    expect(table).toMatch(/coverage\s+n\/a \(no live source read\)/);
    expect(md + table).not.toContain('No drift found');
  });

  it('when every live source failed: it says so, and the scan is incomplete', () => {
    const report = sampleReport({ drift: [], violations: [] });
    report.scan.complete = false;
    report.scan.sources.push({
      connector: 'aws-config',
      side: 'live',
      location: 'aws-config eu-west-1',
      resources: 0,
      status: 'failed',
      error: 'AccessDeniedException',
    });
    report.summary = { ...report.summary, changed: 0, missing: 0, unmanaged: 0, coverage: null };
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe(
      '### :warning: driftwarden: Drift not evaluated: every live source failed, 0 policy violations, incomplete scan',
    );
    expect(renderTable(report)).toContain('INCOMPLETE: 1 source failed; results are partial');
    expect(md).not.toContain('No drift found');
  });

  it('live resources that a failed declared source may hold are counted unknown, not unmanaged', () => {
    const report = sampleReport({ drift: [] });
    report.summary = { ...report.summary, unmanaged: 0, unknown: 3 };
    expect(renderMarkdown(report)).toContain('3 unknown (a declared source failed)');
    expect(renderTable(report)).toContain('3 live resources unknown: a declared source failed');
  });
});
