import { readJsonFile } from '../../src/connector/read-json-file.js';
import { inputError } from '../../src/errors.js';
import { isWellFormedPath } from '../../src/model/path.js';
import { isPlainObject, type Value } from '../../src/model/value.js';
import { describeZodError } from '../../src/util/zod-issue.js';
import { type Snapshot, snapshotSchema } from './schema.js';
import { isValidSnapshot } from './valid-snapshot.js';

export async function readSnapshotFile(path: string, displayPath: string): Promise<Snapshot> {
  const raw = await readJsonFile(path, displayPath);
  if (!isPlainObject(raw) || !Object.hasOwn(raw, 'snapshotVersion')) {
    throw inputError(displayPath, 'not a driftwarden snapshot: no "snapshotVersion" field');
  }
  const snapshot = isValidSnapshot(raw) ? raw : validatedSnapshot(raw, displayPath);
  const badPath = firstBadSensitivePath(snapshot);
  if (badPath)
    throw inputError(displayPath, `invalid snapshot: ${badPath}: not an attribute path such as a.b[0]`);
  return snapshot;
}

function validatedSnapshot(raw: { [key: string]: Value }, displayPath: string): Snapshot {
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(displayPath, `invalid snapshot: ${describeZodError(parsed.error, raw)}`);
  return withParsedAttributes(parsed.data, raw);
}

function firstBadSensitivePath(snapshot: Snapshot): string | undefined {
  for (const [index, resource] of snapshot.resources.entries()) {
    const at = (resource.sensitivePaths ?? []).findIndex((path) => !isWellFormedPath(path));
    if (at >= 0) return `resources[${index}].sensitivePaths[${at}]`;
  }
  return undefined;
}

/**
 * The schema checks `attributes` as a record, and zod rebuilds a record without an own `__proto__` key. The
 * attributes JSON.parse made were checked, so they are put back as they were: an attribute of that name stays one.
 */
function withParsedAttributes(snapshot: Snapshot, raw: { [key: string]: Value }): Snapshot {
  const rawResources = raw.resources;
  if (!Array.isArray(rawResources)) return snapshot;
  snapshot.resources.forEach((resource, index) => {
    const item = rawResources[index];
    const attributes = isPlainObject(item) && Object.hasOwn(item, 'attributes') ? item.attributes : undefined;
    if (isPlainObject(attributes)) resource.attributes = attributes;
  });
  return snapshot;
}
