import { readJsonFile } from '../../src/connector/read-json-file.js';
import { inputError } from '../../src/errors.js';
import { isPlainObject } from '../../src/model/value.js';
import { describeZodError } from '../../src/util/zod-issue.js';
import { type Snapshot, snapshotSchema } from './schema.js';

export async function readSnapshotFile(path: string, displayPath: string): Promise<Snapshot> {
  const raw = await readJsonFile(path, displayPath);
  if (!isPlainObject(raw) || !('snapshotVersion' in raw)) {
    throw inputError(displayPath, 'not a driftwarden snapshot: no "snapshotVersion" field');
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) throw inputError(displayPath, `invalid snapshot: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
