import { formatLocation } from '../model/location.js';
import type { Report } from '../model/report.js';
import { redactSecretText } from '../model/secret-patterns.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { attributionSummaryText, changedByText } from './attribution-text.js';
import { ageSentence } from './finding-age.js';

/**
 * JUnit XML for CI systems that read it: a suite per rule with a test case per violating resource (waived ones
 * skipped), a passing case for a rule with no violations, and a drift suite with a case per drift entry. It is
 * well-formed XML 1.0 whatever the report holds: every text goes through `xml`, free text is redacted first.
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
        `<failure type="${v.severity}" message="${xml(free(v.message))}">${xml(`${free(v.message)}${v.path ? ` at ${v.path}` : ''}; ${formatLocation(v.location)}${aged(ageSentence(v.history, report.scan.startedAt, 'violation'))}`)}</failure>`,
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
        `<skipped message="${xml(`waived: ${free(v.waiver.reason)} (${v.waiver.source})`)}"/>`,
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
    const detail = d.changes.map((c) => c.path).join(', ') || formatLocation(d.location);
    const body = d.changedBy ? `${detail}; ${free(changedByText(d.changedBy))}` : detail;
    return testCase(
      `drift.${d.kind}`,
      d.key,
      `<failure type="${d.kind}" message="${xml(`${d.kind}: ${d.key}`)}">${xml(body + aged(ageSentence(d.history, report.scan.startedAt, 'drift')))}</failure>`,
    );
  });
  // What the who-changed-it look-ups spent, where they ran: a property of the drift suite, before its cases.
  const properties = report.summary.attribution
    ? [
        `    <properties><property name="attribution" value="${xml(attributionSummaryText(report.summary.attribution))}"/></properties>`,
      ]
    : [];
  const body = [...properties, ...drift];
  suites.push(
    `  <testsuite name="drift" tests="${drift.length}" failures="${drift.length}" skipped="0" errors="0">${body.length ? `\n${body.join('\n')}\n  ` : ''}</testsuite>`,
  );
  const failures = report.violations.length + report.drift.length;
  const errors = report.scan.complete ? 0 : 1;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="driftwarden" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function testCase(classname: string, name: string, body: string): string {
  return `    <testcase classname="${xml(classname)}" name="${xml(name)}">${body}</testcase>`;
}

/**
 * Text for XML 1.0 element content and quoted attributes: markup characters as entities; tab, line feed and
 * carriage return as character references (attribute normalisation would turn them into spaces, and line-end
 * handling a carriage return into a line feed); every character XML 1.0 forbids (the other C0 controls, lone
 * surrogates, U+FFFE and U+FFFF), and the C1 controls it discourages, as U+FFFD. `]]>` cannot occur, since `>` is
 * always `&gt;`.
 */
export function xml(text: string): string {
  return text.replace(XML_SPECIAL, (c) => XML_ENTITIES[c] ?? '\ufffd');
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const XML_SPECIAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing what XML forbids is the point
  /[<>&"'\x00-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function free(text: string): string {
  return redactSecretText(text);
}

/** `; drifting for 12 days (since 2026-11-25)`, with --history. */
function aged(sentence: string | undefined): string {
  return sentence === undefined ? '' : `; ${sentence}`;
}
