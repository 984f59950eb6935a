import { isPlainObject } from './value.js';

/**
 * A report of an earlier schema version, brought to the current one so that it can still serve as a baseline.
 * Version 1 held locations as text (`main.tf:12`, an ARN); its text is kept as the location's `uri`, unread, since
 * findings match by content and never by location. It had no `unknown` count and always a coverage.
 */
export function upgradeReport(raw: unknown): unknown {
  if (!isPlainObject(raw) || raw.schemaVersion !== 1) return raw;
  const upgradeFindings = (list: unknown) =>
    Array.isArray(list)
      ? list.map((finding) =>
          isPlainObject(finding) && typeof finding.location === 'string'
            ? { ...finding, location: { uri: finding.location } }
            : finding,
        )
      : list;
  const summary = isPlainObject(raw.summary) ? { unknown: 0, ...raw.summary } : raw.summary;
  const baseline =
    isPlainObject(raw.baseline) && isPlainObject(raw.baseline.resolved) ? raw.baseline : undefined;
  return {
    ...raw,
    schemaVersion: 2,
    summary,
    drift: upgradeFindings(raw.drift),
    violations: upgradeFindings(raw.violations),
    waived: upgradeFindings(raw.waived),
    ...(baseline && isPlainObject(baseline.resolved)
      ? {
          baseline: {
            ...baseline,
            resolved: {
              drift: upgradeFindings(baseline.resolved.drift),
              violations: upgradeFindings(baseline.resolved.violations),
            },
          },
        }
      : {}),
  };
}
