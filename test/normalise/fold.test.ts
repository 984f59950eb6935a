import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/report.js';
import { foldSubResources } from '../../src/normalise/fold.js';
import { resource } from '../helpers/resource.js';

describe('sub-resource folding', () => {
  it('folds the aws_s3_bucket_* sub-resources into their bucket', () => {
    const bucket = resource('aws_s3_bucket', 'acme-data', { bucket: 'acme-data', acl: null });
    const subs = [
      resource('aws_s3_bucket_server_side_encryption_configuration', 'acme-data', {
        bucket: 'acme-data',
        rule: [
          {
            apply_server_side_encryption_by_default: [
              { sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:k' },
            ],
            bucket_key_enabled: true,
          },
        ],
      }),
      resource('aws_s3_bucket_versioning', 'acme-data', {
        bucket: 'acme-data',
        versioning_configuration: [{ status: 'Enabled', mfa_delete: '' }],
      }),
      resource('aws_s3_bucket_public_access_block', 'acme-data', {
        bucket: 'acme-data',
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: false,
        restrict_public_buckets: true,
      }),
      resource('aws_s3_bucket_policy', 'acme-data', { bucket: 'acme-data', policy: '{"Statement":[]}' }),
      resource('aws_s3_bucket_acl', 'acme-data,private', { bucket: 'acme-data', acl: 'private' }),
      resource('aws_s3_bucket_logging', 'acme-data', {
        bucket: 'acme-data',
        target_bucket: 'acme-logs',
        target_prefix: 'data/',
      }),
    ];
    const diagnostics: Diagnostic[] = [];
    const out = foldSubResources([bucket, ...subs], diagnostics);
    expect(out).toEqual([bucket]);
    expect(diagnostics).toEqual([]);
    expect(bucket.attributes).toEqual({
      bucket: 'acme-data',
      acl: 'private',
      server_side_encryption_configuration: {
        rule: [
          {
            apply_server_side_encryption_by_default: {
              sse_algorithm: 'aws:kms',
              kms_master_key_id: 'arn:aws:kms:k',
            },
            bucket_key_enabled: true,
          },
        ],
      },
      versioning: { enabled: true, mfa_delete: false },
      public_access_block: {
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: false,
        restrict_public_buckets: true,
      },
      policy: '{"Statement":[]}',
      logging: { target_bucket: 'acme-logs', target_prefix: 'data/' },
    });
    expect(bucket.parts?.length).toBe(6);
  });

  it('brings the bucket inline blocks of AWS provider 3 (and computed copies in 4+) into the same shape', () => {
    const bucket = resource('aws_s3_bucket', 'legacy', {
      server_side_encryption_configuration: [
        {
          rule: [
            {
              apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256', kms_master_key_id: '' }],
              bucket_key_enabled: false,
            },
          ],
        },
      ],
      versioning: [{ enabled: false, mfa_delete: false }],
      logging: [],
    });
    foldSubResources([bucket], []);
    expect(bucket.attributes).toEqual({
      server_side_encryption_configuration: {
        rule: [
          {
            apply_server_side_encryption_by_default: { sse_algorithm: 'AES256', kms_master_key_id: '' },
            bucket_key_enabled: false,
          },
        ],
      },
      versioning: { enabled: false, mfa_delete: false },
      logging: null,
    });
  });

  it('the sub-resource wins over the bucket computed copy, whatever the order', () => {
    const versioning = resource('aws_s3_bucket_versioning', 'b', {
      bucket: 'b',
      versioning_configuration: [{ status: 'Suspended' }],
    });
    const bucket = resource('aws_s3_bucket', 'b', { versioning: [{ enabled: true, mfa_delete: false }] });
    foldSubResources([versioning, bucket], []);
    expect(bucket.attributes.versioning).toEqual({ enabled: false, mfa_delete: false });
  });

  it('keeps a sub-resource whose bucket is not declared, with a diagnostic', () => {
    const orphan = resource('aws_s3_bucket_versioning', 'elsewhere', {
      bucket: 'elsewhere',
      versioning_configuration: [{ status: 'Enabled' }],
    });
    const diagnostics: Diagnostic[] = [];
    expect(foldSubResources([orphan], diagnostics)).toEqual([orphan]);
    expect(diagnostics.map((d) => d.code)).toEqual(['fold.parent-not-declared']);
  });

  it('says a parent id known only after apply is unknown, never "[object Object]"', () => {
    const policy = resource('aws_sqs_queue_policy', 'p', { queue_url: { __unknown: true }, policy: null });
    const diagnostics: Diagnostic[] = [];
    expect(foldSubResources([policy], diagnostics)).toEqual([policy]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'aws_sqs_queue_policy.p configures an aws_sqs_queue whose queue_url is not known before apply, so which one is not known; it is kept on its own',
    ]);
  });
});

describe('Terraform shapes are brought to canonical form, and canonical ones are left alone', () => {
  it('a live bucket in canonical shape is not changed (no mfa_delete is made up)', () => {
    const live = resource(
      'aws_s3_bucket',
      'acme-live',
      {
        bucket: 'acme-live',
        versioning: { enabled: true },
        server_side_encryption_configuration: {
          rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
        },
      },
      'live',
    );
    const before = structuredClone(live.attributes);
    foldSubResources([live], []);
    expect(live.attributes).toEqual(before);
  });

  it('a provider 3 bucket with inline blocks reads as the canonical shape', () => {
    const declared = resource('aws_s3_bucket', 'acme-old', {
      bucket: 'acme-old',
      versioning: [{ enabled: true, mfa_delete: false }],
      server_side_encryption_configuration: [
        {
          rule: [
            {
              apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'k' }],
              bucket_key_enabled: false,
            },
          ],
        },
      ],
      logging: [],
    });
    foldSubResources([declared], []);
    expect(declared.attributes).toEqual({
      bucket: 'acme-old',
      versioning: { enabled: true, mfa_delete: false },
      server_side_encryption_configuration: {
        rule: [
          {
            apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'k' },
            bucket_key_enabled: false,
          },
        ],
      },
      logging: null,
    });
  });
});
