import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/model/json-schemas.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

const schemaDir = join(import.meta.dirname, '../../src/model/schemas');
const readSchema = (name: string) => JSON.parse(readFileSync(join(schemaDir, name), 'utf8'));

describe('JSON Schemas', () => {
  it('the committed schema files are fresh against the zod source (run `npm run schemas`)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) expect(readSchema(name)).toEqual(schema);
  });

  it('the JSON report validates against report.schema.json, with drift, failures and diagnostics in it', async () => {
    const cwd = tempDir({
      'a.tfstate': state([
        one('aws_s3_bucket', 'a', { id: 'a', acl: 'private', tags: { env: 'prod' } }),
        one('aws_s3_bucket', 'gone', { id: 'gone' }),
        one('aws_thing', 'noid', { name: 'x' }),
      ]),
      'bad.tfstate': '{',
      'live.json': snapshot([
        { type: 'aws_s3_bucket', id: 'a', attributes: { acl: 'public-read', tags: { env: 'dev' } } },
        { type: 'aws_s3_bucket', id: 'hand', attributes: {} },
      ]),
    });
    const result = await runCli(
      ['scan', '--state', '*.tfstate', '--live', 'snapshot:live.json', '--format', 'json'],
      { cwd },
    );
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    // bad.tfstate failed: the bucket made by hand may be declared there, so it is unknown, never unmanaged.
    expect(report.drift.map((d: { kind: string }) => d.kind)).toEqual(['missing', 'changed']);
    expect(report.summary.unknown).toBe(1);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(readSchema('report.schema.json'));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

    report.summary.coverage = 'high';
    expect(validate(report)).toBe(false);
  });

  it('snapshot.schema.json accepts a documented snapshot and rejects a malformed one', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(readSchema('snapshot.schema.json'));
    const good = JSON.parse(
      snapshot([{ type: 'aws_s3_bucket', id: 'b', attributes: { acl: 'private', x: { __unknown: true } } }]),
    );
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ snapshotVersion: 1, resources: [] })).toBe(false);
    expect(validate({ ...good, extra: 1 })).toBe(false);
  });
});
