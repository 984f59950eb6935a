import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../src/model/types/index.js';
import { runCli } from '../helpers/cli.js';
import { withTypesSection } from '../scripts/types-readme.js';

describe('driftwarden types', () => {
  it('--format json lists every catalogue type with its provider, level and sources', async () => {
    const result = await runCli(['types', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const { types } = JSON.parse(result.stdout) as {
      types: { type: string; provider: string; level: string | null; sources: string[] }[];
    };
    expect(types.map((row) => row.type).sort()).toEqual(RESOURCE_TYPES.map((type) => type.type).sort());
    const bucket = types.find((row) => row.type === 'aws_s3_bucket');
    expect(bucket).toEqual({
      type: 'aws_s3_bucket',
      provider: 'aws',
      level: 'attributes',
      sources: ['terraform', 'cloudformation', 'aws-config'],
    });
    // A type only state describes is never compared live: it says so rather than claiming a level.
    expect(types.find((row) => row.type === 'aws_efs_mount_target')).toMatchObject({
      level: null,
      sources: ['terraform'],
    });
    expect(types.find((row) => row.type === 'azurerm_virtual_network')?.sources).toEqual([
      'terraform',
      'arm-template',
      'azure-resource-manager',
      'azure-resource-graph',
    ]);
    for (const row of types) expect([null, 'existence', 'tags', 'attributes']).toContain(row.level);
  });

  it('--provider narrows the list, and the table ends with the counts', async () => {
    const result = await runCli(['types', '--provider', 'azurerm']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TYPE +LEVEL +SOURCES$/);
    expect(lines.some((line) => line.startsWith('aws_'))).toBe(false);
    const count = RESOURCE_TYPES.filter((type) => type.provider === 'azurerm').length;
    expect(lines.at(-1)).toMatch(new RegExp(`^azurerm: ${count} types \\(`));
  });

  it('a bad flag or value is one usage line, exit 2', async () => {
    for (const args of [['--format', 'xml'], ['--provider', 'gcp'], ['--colour']]) {
      const result = await runCli(['types', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it("the README's types section is what npm run docs:types writes (run it after changing the catalogue)", () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toBe(withTypesSection(readme));
  });
});
