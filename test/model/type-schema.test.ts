import { describe, expect, it, vi } from 'vitest';

/**
 * The catalogue's attribute schemas are built when first read, never when the catalogue loads: building all of them
 * was most of a scan's module top-level work (BENCHMARKS.md, bench:startup), and a scan reads none. zod's object
 * builder is counted to see when they are built.
 */
const built = vi.hoisted(() => ({ objects: 0 }));
vi.mock('zod', async (importOriginal) => {
  const actual = await importOriginal<typeof import('zod')>();
  const looseObject: typeof actual.z.looseObject = (shape, params) => {
    built.objects += 1;
    return actual.z.looseObject(shape, params);
  };
  return { ...actual, z: { ...actual.z, looseObject } };
});

// A fresh catalogue (the setup file loaded one, with zod unmocked), with every provider's types.
vi.resetModules();
const { RESOURCE_TYPES, loadCatalogue, resourceType } = await import('../../src/model/types/index.js');
await loadCatalogue();
const { defineType } = await import('../../src/model/types/resource-type.js');
const s = await import('../../src/model/types/schema.js');
const atLoad = built.objects;

describe('type schemas are built on first use', () => {
  it('loading the catalogue builds no type schema, nor the AWS Config item schemas', () => {
    expect(RESOURCE_TYPES.length).toBeGreaterThan(300);
    expect(atLoad).toBe(0);
  });

  it('an AWS Config item schema is built when first read, and checks the item', () => {
    const before = built.objects;
    const schema = resourceType('aws_s3_bucket')?.sources.awsConfig?.itemSchema;
    expect(built.objects).toBe(before);
    expect(
      schema?.safeParse({ configuration: { name: 'logs' }, supplementaryConfiguration: {} }).success,
    ).toBe(true);
    expect(built.objects - before).toBeGreaterThan(5);
    expect(schema?.safeParse({ configuration: { name: 7 } }).success).toBe(false);
  });

  it('reading a schema builds it once, with its nested blocks', () => {
    const before = built.objects;
    const bucket = resourceType('aws_s3_bucket');
    const schema = bucket?.schema;
    expect(built.objects - before).toBeGreaterThan(5);
    const after = built.objects;
    expect(bucket?.schema).toBe(schema);
    expect(built.objects).toBe(after);
  });

  it('a built schema accepts what the blocks say, markers and null anywhere, and keeps unnamed fields', () => {
    const type = defineType({
      type: 'aws_example',
      provider: 'aws',
      schema: s.attributes({
        name: s.string,
        tags: s.tags,
        rule: s.blocks({ enabled: s.boolean, ports: s.strings }),
        encryption: s.block({ key: s.string }),
        policy: s.policyDocument,
      }),
      id: { attribute: 'id', caseInsensitive: false },
      sources: {},
    });
    const good = {
      name: 'a',
      tags: { env: 'prod', team: { __unknown: true } },
      rule: [{ enabled: true, ports: ['80', { __sensitive: 'masked' }] }, { __unknown: true }],
      encryption: null,
      policy: { Statement: [] },
      extra: 1,
    };
    expect(type.schema.safeParse(good)).toEqual({ success: true, data: good });
    expect(Object.keys((type.schema as { shape?: object }).shape ?? {})).toEqual([
      'name',
      'tags',
      'rule',
      'encryption',
      'policy',
    ]);
    const bad = type.schema.safeParse({ name: 1, rule: [{ enabled: 'yes' }], encryption: { key: false } });
    // Each attribute is a union (value, marker or null): zod reports a wrong value at the attribute.
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'encryption',
      'name',
      'rule',
    ]);
  });

  it('every catalogue schema builds and accepts an object of unknown attributes', () => {
    for (const type of RESOURCE_TYPES)
      expect(type.schema.safeParse({ anything: { __unknown: true } }).success, type.type).toBe(true);
    expect(built.objects).toBeGreaterThan(atLoad + RESOURCE_TYPES.length);
  });
});
