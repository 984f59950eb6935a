import { resolve } from 'node:path';
import { expandPaths } from '../../src/connector/expand-paths.js';
import type { Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { usageError } from '../../src/errors.js';
import { loadProvidersOf } from '../../src/model/types/index.js';
import { readSnapshotFile } from './client.js';
import { CONNECTOR_ID, mapSnapshot } from './map.js';

/** Snapshot files by path or glob, relative to `baseDir`. */
export interface SnapshotFiles {
  pattern: string;
  baseDir: string;
}

export const snapshotConnector: Connector<SnapshotFiles> = {
  id: CONNECTOR_ID,
  side: 'live',
  summary: 'a recorded live snapshot (JSON, driftwarden snapshot format) for offline and air-gapped scans',
  usage: '--live snapshot:<file|glob>',
  parse(pattern, { baseDir }) {
    if (pattern.trim() === '')
      throw usageError('--live snapshot: needs a file, e.g. --live snapshot:live.json');
    return { pattern, baseDir };
  },
  localFiles: ({ pattern, baseDir }) => [resolve(baseDir, pattern)],
  async resolve({ pattern, baseDir }: SnapshotFiles, ctx: ConnectorContext): Promise<Source[]> {
    const files = await expandPaths(pattern, baseDir, ctx.cwd, ctx.confine);
    return files.map((file) => ({
      connector: CONNECTOR_ID,
      side: 'live',
      location: file.display,
      async read(readCtx) {
        readCtx.progress(`reading snapshot ${file.display}`);
        const snapshot = await readSnapshotFile(file.absolute, file.display);
        await loadProvidersOf([
          ...snapshot.coveredTypes,
          ...snapshot.resources.map((resource) => resource.type),
        ]);
        const types = snapshot.coveredTypes.includes('*') ? '*' : snapshot.coveredTypes;
        return { resources: mapSnapshot(snapshot, file.display), coverage: { types } };
      },
    }));
  },
};
