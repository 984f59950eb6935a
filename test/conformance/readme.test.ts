import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { SCAN_OPTIONS } from '../../src/config/options.js';
import { configSchema } from '../../src/config/schema.js';
import { reportSchema } from '../../src/model/report.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('the README stays current', () => {
  it.each(SCAN_OPTIONS.map((o) => o.flag))('documents --%s', (flag) => {
    expect(readme).toContain(`\`--${flag}`);
  });

  it.each(Object.keys(configSchema.shape))('documents the config key %s', (key) => {
    expect(readme).toMatch(new RegExp(`^${key}:`, 'm'));
  });

  it.each(connectors.map((c) => c.id))('lists the %s connector', (id) => {
    expect(readme).toContain(`[\`${id}\`](connectors/${id}/README.md)`);
  });

  it('shows every top-level report field', () => {
    for (const key of Object.keys(reportSchema.shape)) expect(readme).toContain(key);
    for (const key of Object.keys(reportSchema.shape.summary.shape)) expect(readme).toContain(key);
  });
});
