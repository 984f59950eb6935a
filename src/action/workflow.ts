import { appendFileSync } from 'node:fs';
import type { Report, Violation } from '../model/report.js';
import { severityRank } from '../model/severity.js';

/** What the Action writes to the runner: workflow commands on stdout, and the output and summary files. */
export interface Runner {
  stdout: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
}

/** GitHub shows at most 10 annotations of each level per step; the rest are counted in one notice. */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

export function annotate(
  runner: Runner,
  violations: readonly Violation[],
  fileOf: (location: string | undefined) => { file: string; line: number } | undefined,
): number {
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
    const where = fileOf(violation.location);
    const props = [
      where ? `file=${escapeProperty(where.file)},line=${where.line}` : '',
      `title=${escapeProperty(`${violation.ruleId} (${violation.severity})`)}`,
    ]
      .filter(Boolean)
      .join(',');
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

export function command(runner: Runner, name: string, properties: string, message: string): void {
  runner.stdout.write(`::${name}${properties ? ` ${properties}` : ''}::${escapeData(message)}\n`);
}

export function setOutput(runner: Runner, name: string, value: string | number): void {
  const file = runner.env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `driftwarden_${Math.random().toString(36).slice(2)}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
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
