import type { FindingRow, ScanRow } from './store.js';

/** A row as either driver returns it: SQLite gives 0/1 for booleans and numbers for ids, pg strings for BIGINT. */
type Raw = Record<string, unknown>;

export function scanRowOf(raw: Raw): ScanRow {
  return {
    id: Number(raw.id),
    scope: String(raw.scope),
    sources: String(raw.sources),
    startedAt: String(raw.started_at),
    recordedAt: String(raw.recorded_at),
    complete: Boolean(raw.complete),
    toolVersion: String(raw.tool_version),
    changed: Number(raw.changed),
    missing: Number(raw.missing),
    unmanaged: Number(raw.unmanaged),
    violations: Number(raw.violations),
    live: Number(raw.live),
    managed: Number(raw.managed),
    coverage: raw.coverage === null || raw.coverage === undefined ? null : Number(raw.coverage),
  };
}

export function findingRowOf(raw: Raw): FindingRow {
  return {
    scope: String(raw.scope),
    id: String(raw.id),
    category: raw.category === 'violation' ? 'violation' : 'drift',
    kind: String(raw.kind),
    key: String(raw.key),
    type: String(raw.type),
    account: raw.account === null ? undefined : String(raw.account),
    severity: raw.severity === null ? undefined : String(raw.severity),
    origin: raw.origin === null ? undefined : String(raw.origin),
    firstSeen: String(raw.first_seen),
    lastSeen: String(raw.last_seen),
    resolvedAt: raw.resolved_at === null ? null : String(raw.resolved_at),
    resolvedScan: raw.resolved_scan === null ? null : Number(raw.resolved_scan),
  };
}
