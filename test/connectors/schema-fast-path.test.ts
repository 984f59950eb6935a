import { describe, expect, it } from 'vitest';
import { isValidSnapshot } from '../../connectors/snapshot/valid-snapshot.js';
import { stateV4Schema } from '../../connectors/terraform-state/schema.js';
import { isValidState } from '../../connectors/terraform-state/valid-state.js';
import { snapshotSchema } from '../../src/model/snapshot.js';

/**
 * The hand-written checks that let a state or a snapshot skip its zod schema are never more lenient than the
 * schema, on a valid document and on every document one edit away from it (a member removed, replaced by a value of
 * another type, or added), including the keys `constructor` and `__proto__` as JSON.parse makes them; where they
 * refuse what the schema accepts (a state without resources, whose schema output is needed; a key the schema
 * strips), the schema decides. They accept the documents the scan reads.
 */
const SAMPLES = [
  'null',
  '0',
  '-1.5',
  '4',
  '1',
  '""',
  '"x"',
  '"managed"',
  '"list"',
  'true',
  '[]',
  '{}',
  '["x"]',
  '[{}]',
  '{"type":"get_attr","value":"a"}',
  '[{"type":"get_attr","value":"a"}]',
  '{"a":"b"}',
  '{"a":1}',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every document one edit away from `doc`, as JSON text (so that `__proto__` is an own key, as in a file). */
function oneEditAway(doc: Json): string[] {
  const texts: string[] = [];
  const visit = (node: Json, rebuild: (replacement: string | undefined) => string) => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) {
        const others = (replacement: string | undefined) =>
          node.map((other, at) => (at === index ? replacement : JSON.stringify(other)));
        visit(item, (replacement) =>
          rebuild(
            `[${others(replacement)
              .filter((t) => t !== undefined)
              .join(',')}]`,
          ),
        );
      }
      for (const sample of SAMPLES)
        texts.push(rebuild(`[${[...node.map((item) => JSON.stringify(item)), sample].join(',')}]`));
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      const text = (key: string, replacement: string | undefined) =>
        `{${keys
          .map((other) =>
            other === key
              ? replacement === undefined
                ? undefined
                : `${JSON.stringify(other)}:${replacement}`
              : `${JSON.stringify(other)}:${JSON.stringify(node[other])}`,
          )
          .filter((member) => member !== undefined)
          .join(',')}}`;
      for (const key of keys) visit(node[key] ?? null, (replacement) => rebuild(text(key, replacement)));
      for (const extra of ['zz', 'constructor', '__proto__'])
        for (const sample of SAMPLES)
          texts.push(
            rebuild(
              `${text('', undefined).slice(0, -1)}${keys.length > 0 ? ',' : ''}${JSON.stringify(extra)}:${sample}}`,
            ),
          );
    }
    texts.push(rebuild(undefined));
    for (const sample of SAMPLES) texts.push(rebuild(sample));
  };
  visit(doc, (replacement) => replacement ?? 'null');
  return texts;
}

function agreement(
  doc: Json,
  fast: (raw: { [key: string]: unknown }) => boolean,
  schema: { safeParse(value: unknown): { success: boolean } },
) {
  const disagreements: string[] = [];
  let valid = 0;
  let accepted = 0;
  for (const text of [JSON.stringify(doc), ...oneEditAway(doc)]) {
    const raw = JSON.parse(text) as unknown;
    const zod = schema.safeParse(raw).success;
    if (zod) valid++;
    const quick =
      raw !== null &&
      typeof raw === 'object' &&
      !Array.isArray(raw) &&
      fast(raw as { [key: string]: unknown });
    if (quick && !zod) disagreements.push(text);
    if (quick) accepted++;
  }
  return { disagreements, valid, accepted };
}

const STATE: Json = {
  version: 4,
  terraform_version: '1.9.0',
  serial: 3,
  lineage: 'l',
  resources: [
    {
      module: 'module.app',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'b',
      each: 'map',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          index_key: 'a',
          status: 'tainted',
          deposed: 'd',
          schema_version: 0,
          attributes: { id: 'b', tags: { a: 'b' } },
          attributes_flat: { id: 'b' },
          sensitive_attributes: [[{ type: 'get_attr', value: 'a' }], { type: 'get_attr', value: 'b' }],
        },
      ],
    },
  ],
};

const SNAPSHOT: Json = {
  snapshotVersion: 1,
  recordedAt: '2026-12-07T00:00:00Z',
  source: { connector: 'aws-config', location: '123456789012 eu-west-1' },
  coveredTypes: ['aws_s3_bucket'],
  resources: [
    {
      type: 'aws_s3_bucket',
      id: 'b',
      provider: 'aws',
      account: '123456789012',
      attributes: { bucket: 'b', tags: { a: 'b' } },
      sensitivePaths: ['tags.a'],
      location: 'arn:aws:s3:::b',
    },
  ],
};

describe('the fast path past the input schemas', () => {
  it('a state: accepted only where stateV4Schema accepts it', () => {
    const { disagreements, valid, accepted } = agreement(STATE, isValidState, stateV4Schema);
    expect(isValidState(structuredClone(STATE) as { [key: string]: unknown })).toBe(true);
    expect(accepted).toBeGreaterThan(valid * 0.9);
    expect(disagreements).toEqual([]);
  });

  it('a snapshot: accepted only where snapshotSchema accepts it', () => {
    const { disagreements, valid, accepted } = agreement(SNAPSHOT, isValidSnapshot, snapshotSchema);
    expect(isValidSnapshot(structuredClone(SNAPSHOT) as { [key: string]: unknown })).toBe(true);
    expect(accepted).toBeGreaterThan(valid * 0.8);
    expect(disagreements).toEqual([]);
  });
});
