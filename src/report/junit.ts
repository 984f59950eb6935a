import { formatLocation } from '../model/location.js';
import type { Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';

/**
 * JUnit XML for CI systems that read it: a suite per rule with a test case per violating resource (waived ones
 * skipped), a passing case for a rule with no violations, and a drift suite with a case per drift entry.
 */
export function renderJunit(report: Report, rules: readonly CatalogueRule[] = []): string {
  const suites: string[] = [];
  const byRule = new Map<string, { title: string; cases: string[]; failures: number; skipped: number }>();
  for (const rule of rules) byRule.set(rule.id, { title: rule.title, cases: [], failures: 0, skipped: 0 });
  const suiteFor = (id: string, title: string) => {
    const existing = byRule.get(id) ?? { title, cases: [], failures: 0, skipped: 0 };
    byRule.set(id, existing);
    return existing;
  };
  for (const v of report.violations) {
    const suite = suiteFor(v.ruleId, v.title);
    suite.failures++;
    suite.cases.push(
      testCase(
        v.ruleId,
        `${v.key} (${v.origin})`,
        `<failure type="${v.severity}" message="${xml(v.message)}">${xml(`${v.message}${v.path ? ` at ${v.path}` : ''}; ${formatLocation(v.location)}`)}</failure>`,
      ),
    );
  }
  for (const v of report.waived) {
    const suite = suiteFor(v.ruleId, v.title);
    suite.skipped++;
    suite.cases.push(
      testCase(
        v.ruleId,
        `${v.key} (${v.origin})`,
        `<skipped message="${xml(`waived: ${v.waiver.reason} (${v.waiver.source})`)}"/>`,
      ),
    );
  }
  for (const [id, suite] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const cases = suite.cases.length > 0 ? suite.cases : [testCase(id, 'no violations', '')];
    suites.push(
      `  <testsuite name="${xml(`${id}: ${suite.title}`)}" tests="${cases.length}" failures="${suite.failures}" skipped="${suite.skipped}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const drift = report.drift.map((d) => {
    const detail = d.changes.map((c) => c.path).join(', ');
    return testCase(
      `drift.${d.kind}`,
      d.key,
      `<failure type="${d.kind}" message="${xml(`${d.kind}: ${d.key}`)}">${xml(detail || formatLocation(d.location))}</failure>`,
    );
  });
  suites.push(
    `  <testsuite name="drift" tests="${drift.length}" failures="${drift.length}" skipped="0" errors="0">${drift.length ? `\n${drift.join('\n')}\n  ` : ''}</testsuite>`,
  );
  const failures = report.violations.length + report.drift.length;
  const errors = report.scan.complete ? 0 : 1;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="driftwarden" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function testCase(classname: string, name: string, body: string): string {
  return `    <testcase classname="${xml(classname)}" name="${xml(name)}">${body}</testcase>`;
}

function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}
