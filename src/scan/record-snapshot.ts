import type { ConnectorContext } from '../connector/types.js';
import type { PathSegment } from '../model/path.js';
import type { SourceStatus } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { SNAPSHOT_VERSION, type Snapshot } from '../model/snapshot.js';
import { isPlainObject, isSensitive, unknown, type Value } from '../model/value.js';
import { collectLive, type SourceSpec } from './collect.js';

export interface RecordedSnapshot {
  snapshot: Snapshot;
  statuses: SourceStatus[];
  complete: boolean;
}

/**
 * Reads live sources once and writes them in the snapshot format, for offline and air-gapped scans later.
 * Secrets never reach the file: a masked value is recorded as unknown (not "(sensitive)", which a later scan
 * would compare as a real value), so it is never drift.
 */
export async function recordSnapshot(
  specs: readonly SourceSpec[],
  ctx: ConnectorContext,
): Promise<RecordedSnapshot> {
  const live = await collectLive(specs, ctx);
  const covered = live.coverage.some(({ types }) => types === '*')
    ? ['*']
    : [...new Set(live.coverage.flatMap(({ types }) => (types === '*' ? [] : types)))].sort();
  const snapshot: Snapshot = {
    snapshotVersion: SNAPSHOT_VERSION,
    recordedAt: ctx.now().toISOString(),
    source: {
      connector: [...new Set(specs.map((s) => s.connector.id))].join(', '),
      location: live.statuses.map((s) => s.location).join('; '),
    },
    coveredTypes: covered,
    resources: live.resources
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((resource) => ({
        type: resource.type,
        id: resource.id,
        provider: resource.provider,
        ...(resource.account ? { account: resource.account } : {}),
        attributes: withoutSecrets(resource),
        ...(resource.sensitivePaths.length > 0 ? { sensitivePaths: resource.sensitivePaths } : {}),
        location: resource.source.location,
      })),
  };
  return { snapshot, statuses: live.statuses, complete: live.statuses.every((s) => s.status === 'ok') };
}

function withoutSecrets(resource: Resource): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(resource.attributes)) out[key] = replaceSecrets(value, [key]);
  return out;
}

function replaceSecrets(value: Value, path: PathSegment[]): Value {
  if (isSensitive(value)) return unknown('not-reported');
  if (Array.isArray(value)) return value.map((item, index) => replaceSecrets(item, [...path, index]));
  if (isPlainObject(value)) {
    const out: Record<string, Value> = {};
    for (const [key, item] of Object.entries(value)) out[key] = replaceSecrets(item, [...path, key]);
    return out;
  }
  return value;
}
