import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleAction } from '../scripts/bundle-action.js';

/**
 * The runner executes dist/action/index.js with no node_modules beside it, so every package the Action uses must be
 * inside the bundle, including the ones the code imports only when it needs them (the cloud SDKs, opa-wasm): a
 * dynamic import that esbuild left for run time would fail there, though it works in this repository. The one
 * exception is better-sqlite3, a native addon no bundle can carry: the history store falls back to node:sqlite
 * when it cannot be loaded (src/history/sqlite-driver.ts), which test/action/history.test.ts runs on Node 24.
 */
describe('the Action bundle', () => {
  it('leaves no import of a package for run time, only Node built-ins', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'driftwarden-bundle-')), 'index.js');
    try {
      await bundleAction(out);
      const text = readFileSync(out, 'utf8');
      const specifiers = [...text.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
        (match) => match[1],
      );
      expect(specifiers.filter((specifier) => !specifier?.startsWith('node:'))).toEqual(['better-sqlite3']);
      // The SDKs the connectors import when a client is made are in it.
      expect(text).toContain('ConfigServiceClient');
      expect(text).toContain('BlobServiceClient');
    } finally {
      rmSync(dirname(out), { recursive: true, force: true });
    }
  }, 120_000);
});
