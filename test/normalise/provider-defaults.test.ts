import { describe, expect, it } from 'vitest';
import { classify } from '../../src/diff/classify.js';
import { coverageOf } from '../../src/diff/coverage.js';
import { NO_IGNORE_RULES } from '../../src/ignore/index.js';
import type { Resource } from '../../src/model/resource.js';
import type { Value } from '../../src/model/value.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { resource } from '../helpers/resource.js';

/** A bucket as a provider-3 era state records it (no encryption block) against what the cloud reports now. */
function drift(live: Record<string, Value>) {
  const declared = resource('aws_s3_bucket', 'acme-old', {
    bucket: 'acme-old',
    server_side_encryption_configuration: [],
    tags: {},
  });
  const observed = resource('aws_s3_bucket', 'acme-old', { bucket: 'acme-old', tags: {}, ...live }, 'live');
  normaliseResources([declared as Resource, observed as Resource]);
  return classify(
    new Map([[declared.key, declared]]),
    new Map([[observed.key, [observed]]]),
    coverageOf([{ types: '*' }]),
    NO_IGNORE_RULES,
  ).drift.map((entry) => [entry.kind, entry.changes.map((change) => change.path)]);
}

const encryption = (algorithm: string, key: string | null, bucketKey: boolean) => ({
  server_side_encryption_configuration: {
    rule: [
      {
        apply_server_side_encryption_by_default: { sse_algorithm: algorithm, kms_master_key_id: key },
        bucket_key_enabled: bucketKey,
      },
    ],
  },
});

describe('provider defaults, with both sides of a pair in view', () => {
  it('an unset encryption configuration against the SSE-S3 that S3 applies by itself is no drift', () => {
    expect(drift(encryption('AES256', null, false))).toEqual([]);
  });

  it('anything else than that default is still drift', () => {
    expect(drift(encryption('aws:kms', 'arn:aws:kms:eu-west-1:111122223333:key/k', true))).toEqual([
      ['changed', ['server_side_encryption_configuration']],
    ]);
    expect(drift(encryption('AES256', null, true))).toEqual([
      ['changed', ['server_side_encryption_configuration']],
    ]);
  });

  it('a live side that does not report the attribute leaves the declared side as it is', () => {
    expect(drift({})).toEqual([]);
  });
});
