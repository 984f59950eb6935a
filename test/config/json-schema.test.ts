import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_SCHEMA_PATH, configJsonSchema } from '../../src/config/json-schema.js';
import { configSchema } from '../../src/config/schema.js';

const root = join(import.meta.dirname, '../..');
const committed = JSON.parse(readFileSync(join(root, CONFIG_SCHEMA_PATH), 'utf8'));

/** As editors validate: the YAML language server parses YAML 1.2, where `2027-03-31` is a string. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(committed);
}

/** The README's annotated example of every key (## Config file). */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Config file'));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('no yaml block in the README config section');
  return match[1];
}

describe('the config file JSON Schema (src/model/schemas/config.schema.json)', () => {
  it('is fresh against the zod schema (run `npm run schemas`)', () => {
    expect(committed).toEqual(configJsonSchema());
  });

  it('is draft-07, which the YAML language server and JetBrains IDEs read, and describes every key', () => {
    expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(committed.properties)).toEqual(Object.keys(configSchema.shape));
    for (const [key, property] of Object.entries(
      committed.properties as Record<string, { description?: string }>,
    ))
      expect(property.description, key).toMatch(/\S/);
  });

  it("accepts the README's example of every key and the example estate's config, as zod does", () => {
    const validate = validator();
    for (const text of [
      readmeExample(),
      readFileSync(join(root, 'fixtures/example/driftwarden.yml'), 'utf8'),
    ]) {
      const value = parse(text);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      expect(configSchema.safeParse(value).success).toBe(true);
    }
  });

  it('rejects what zod rejects: a misspelt key, a wrong type, a bad enum value, a malformed waiver', () => {
    const validate = validator();
    const bad: unknown[] = [
      { version: 1, stat: ['a.tfstate'] },
      { followBackends: 'yes' },
      { format: 'text' },
      { failOn: ['drift', 'severe'] },
      { outputs: { pdf: 'r.pdf' } },
      { waivers: [{ rule: 'DW-AWS-IAM-001', resource: 'x' }] },
      { waivers: [{ rule: 'DW-AWS-IAM-001', resource: 'x', reason: 'r', expires: 'next year' }] },
      { version: 2 },
    ];
    for (const value of bad) {
      expect(validate(value), JSON.stringify(value)).toBe(false);
      expect(configSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });
});
