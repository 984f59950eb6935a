import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';

const connectorsDir = join(import.meta.dirname, '../../connectors');
const folders = readdirSync(connectorsDir).filter((name) =>
  statSync(join(connectorsDir, name)).isDirectory(),
);

describe('connector registry', () => {
  it('lists every connector folder exactly once', () => {
    expect(connectors.map((c) => c.id).sort()).toEqual([...folders].sort());
    expect(new Set(connectors.map((c) => c.id)).size).toBe(connectors.length);
  });

  it.each(folders)('connectors/%s has the standard files', (folder) => {
    const files = readdirSync(join(connectorsDir, folder));
    for (const file of ['index.ts', 'client.ts', 'schema.ts', 'README.md']) expect(files).toContain(file);
    // One mapping file, or a map/ folder with one file per type and an index.
    const mapFolder = files.includes('map') ? readdirSync(join(connectorsDir, folder, 'map')) : [];
    expect(
      files.includes('map.ts') || mapFolder.includes('index.ts'),
      `${folder}: map.ts or map/index.ts`,
    ).toBe(true);
  });

  it('only one declared connector accepts a plain path', () => {
    const accepting = connectors.filter((c) => c.acceptsStateSpec?.('states/prod.tfstate'));
    expect(accepting.map((c) => c.id)).toEqual(['terraform-state']);
    expect(connectors.filter((c) => c.acceptsStateSpec?.('s3://bucket/key')).map((c) => c.id)).toEqual([
      'terraform-state',
    ]);
    expect(connectors.filter((c) => c.acceptsStateSpec?.('gcs://bucket/key')).map((c) => c.id)).toEqual([]);
  });
});
