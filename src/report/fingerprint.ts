import { createHash } from 'node:crypto';
import type { DriftEntry, Violation } from '../model/report.js';

/**
 * A stable id for a finding, from its content and never from line numbers or times: the same finding gets the same
 * id run after run, so baselines, SARIF fingerprints and tracking issues can follow it.
 */
export function driftId(entry: Pick<DriftEntry, 'kind' | 'key' | 'account'>): string {
  return digest(['drift', entry.kind, entry.key, entry.account ?? '']);
}

export function violationId(
  violation: Pick<Violation, 'ruleId' | 'key' | 'origin' | 'account' | 'path'>,
): string {
  return digest([
    'violation',
    violation.ruleId,
    violation.origin,
    violation.key,
    violation.account ?? '',
    violation.path ?? '',
  ]);
}

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}
