import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { Report, Violation } from '../model/report.js';
import { redactSecretText } from '../model/secret-patterns.js';
import { severityRank } from '../model/severity.js';
import { terminalText } from '../report/terminal-text.js';

/** What the Action writes to the runner: workflow commands on stdout, and the output and summary files. */
export interface Runner {
  stdout: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
}

/** GitHub shows at most 10 annotations of each level per step; the rest are counted in one notice. */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

/**
 * Annotations on the files that declare the findings (their location's `file`, relative to the repository root),
 * most severe first; a finding no file declares is annotated without a file.
 */
export function annotate(runner: Runner, violations: readonly Violation[]): number {
  const sorted = [...violations].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.key.localeCompare(b.key),
  );
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  let more = 0;
  for (const violation of sorted) {
    const level: Level =
      violation.severity === 'critical' || violation.severity === 'high'
        ? 'error'
        : violation.severity === 'medium'
          ? 'warning'
          : 'notice';
    if (used[level] >= ANNOTATIONS_PER_LEVEL) {
      more++;
      continue;
    }
    used[level]++;
    const file = violation.location?.file;
    const props: CommandProperties =
      file === undefined
        ? { title: `${violation.ruleId} (${violation.severity})` }
        : {
            file,
            line: violation.location?.line ?? 1,
            title: `${violation.ruleId} (${violation.severity})`,
          };
    command(runner, level, props, `${violation.message}: ${violation.key} (${violation.origin})`);
  }
  if (more > 0)
    command(
      runner,
      'notice',
      '',
      `${more} more driftwarden findings are not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); see the job summary and the SARIF report`,
    );
  return more;
}

/** Annotation properties, escaped by `command`. */
export type CommandProperties = Readonly<Record<string, string | number | undefined>>;

/**
 * Writes one workflow command. The message and the property values are data: escaped as @actions/core does (`%`,
 * CR and LF; in properties also `:` and `,`), so that no value can end the line or the property list and start a
 * command of its own (`::add-mask::`, `::stop-commands::`). The message has control sequences stripped and
 * secret-shaped parts redacted. Properties given as a string are trusted `key=value` pairs: still, CR, LF and `:`
 * are escaped so that the string cannot end the command's head either.
 */
export function command(
  runner: Runner,
  name: string,
  properties: CommandProperties | string,
  message: string,
): void {
  if (!/^[a-z][a-z-]*$/i.test(name)) throw new Error(`not a workflow command name: ${JSON.stringify(name)}`);
  const props =
    typeof properties === 'string'
      ? escapeData(properties).replaceAll(':', '%3A')
      : Object.entries(properties)
          .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
          .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
          .join(',');
  const data = escapeData(terminalText(redactSecretText(message), { multiline: true }));
  runner.stdout.write(`::${name}${props ? ` ${props}` : ''}::${data}\n`);
}

/**
 * Appends an output in the heredoc form of `GITHUB_OUTPUT`, with a random delimiter that neither the name nor the
 * value may contain (as @actions/core does): a value cannot end the heredoc early and set other outputs.
 */
export function setOutput(runner: Runner, name: string, value: string | number): void {
  const file = runner.env.GITHUB_OUTPUT;
  if (!file) return;
  const text = String(value);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || text.includes(delimiter) || /[\r\n]/.test(name))
    throw new Error(
      `cannot write the output ${JSON.stringify(name)}: it holds the delimiter or a line break`,
    );
  appendFileSync(file, `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
}

export function addSummary(runner: Runner, markdown: string): void {
  const file = runner.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdown}\n`);
}

export function warning(runner: Runner, message: string): void {
  command(runner, 'warning', '', message);
}

export function outputsFor(runner: Runner, report: Report): void {
  setOutput(runner, 'drift', report.drift.length);
  setOutput(runner, 'violations', report.violations.length);
  setOutput(runner, 'new', report.baseline?.new ?? report.drift.length + report.violations.length);
  setOutput(
    runner,
    'resolved',
    (report.baseline?.resolved.drift.length ?? 0) + (report.baseline?.resolved.violations.length ?? 0),
  );
  setOutput(runner, 'complete', String(report.scan.complete));
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
