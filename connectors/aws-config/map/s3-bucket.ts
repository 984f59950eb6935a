import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, TypeMapping } from './types.js';

/**
 * AWS::S3::Bucket -> aws_s3_bucket, keyed by bucket name. Shapes: the captured item in
 * shared/reference/cloud-apis.md §1.5 and moto 5.2.1's FakeBucket.to_config_dict. The bucket's configuration lives
 * in supplementaryConfiguration; BatchGet leaves tags out (they come from full items or the tags query).
 */
export const s3BucketMapping: TypeMapping = {
  configType: 'AWS::S3::Bucket',
  terraformType: 'aws_s3_bucket',
  map(item) {
    const s = item.supplementaryConfiguration;
    const reported = Object.keys(s).length > 0;
    const attributes: Record<string, Value> = {};
    put(attributes, 'bucket', item.configuration.name ?? item.resourceName ?? item.resourceId);
    put(attributes, 'arn', item.arn);
    put(attributes, 'tags', bucketTags(item));
    put(attributes, 'server_side_encryption_configuration', encryption(s.ServerSideEncryptionConfiguration));
    put(attributes, 'versioning', versioning(s.BucketVersioningConfiguration));
    // Config leaves PublicAccessBlockConfiguration out when none is set; in a reported item that means "none".
    // Present but undefined is a value of the wrong shape: unknown.
    if ('PublicAccessBlockConfiguration' in s) {
      put(attributes, 'public_access_block', publicAccessBlock(s.PublicAccessBlockConfiguration));
    } else if (reported) {
      attributes.public_access_block = null;
    }
    put(attributes, 'policy', bucketPolicy(s.BucketPolicy));
    put(attributes, 'logging', logging(s.BucketLoggingConfiguration));
    return { id: item.resourceId, attributes };
  },
};

function bucketTags(item: ConfigItem): Value | undefined {
  if (item.tags) return item.tags;
  const tagging = item.supplementaryConfiguration.BucketTaggingConfiguration as
    | { tagSets?: { tags?: unknown }[] }
    | undefined;
  return tagging ? (tagMap(tagging.tagSets?.[0]?.tags) ?? {}) : undefined;
}

function encryption(raw: unknown): Value | undefined {
  const config = raw as
    | {
        rules?: {
          applyServerSideEncryptionByDefault?: Record<string, unknown>;
          bucketKeyEnabled?: unknown;
        }[];
      }
    | undefined;
  if (!config || !Array.isArray(config.rules)) return undefined;
  return {
    rule: config.rules.map((rule) => ({
      apply_server_side_encryption_by_default: {
        sse_algorithm: (rule.applyServerSideEncryptionByDefault?.sseAlgorithm ?? null) as Value,
        kms_master_key_id: (rule.applyServerSideEncryptionByDefault?.kmsMasterKeyID ?? null) as Value,
      },
      bucket_key_enabled: (rule.bucketKeyEnabled ?? null) as Value,
    })),
  };
}

function versioning(raw: unknown): Value | undefined {
  const config = raw as { status?: string; isMfaDeleteEnabled?: boolean | null } | undefined;
  if (!config || typeof config !== 'object') return undefined;
  return { enabled: config.status === 'Enabled', mfa_delete: config.isMfaDeleteEnabled === true };
}

function publicAccessBlock(raw: unknown): Value | undefined {
  const c = raw as Record<string, unknown> | undefined;
  if (!c || typeof c !== 'object') return undefined;
  return {
    block_public_acls: (c.blockPublicAcls ?? false) as Value,
    block_public_policy: (c.blockPublicPolicy ?? false) as Value,
    ignore_public_acls: (c.ignorePublicAcls ?? false) as Value,
    restrict_public_buckets: (c.restrictPublicBuckets ?? false) as Value,
  };
}

function bucketPolicy(raw: unknown): Value | undefined {
  const c = raw as { policyText?: string | null } | undefined;
  if (!c || typeof c !== 'object') return undefined;
  return c.policyText ?? null;
}

function logging(raw: unknown): Value | undefined {
  const c = raw as { destinationBucketName?: string | null; logFilePrefix?: string | null } | undefined;
  if (!c || typeof c !== 'object') return undefined;
  if (!c.destinationBucketName) return null;
  return { target_bucket: c.destinationBucketName, target_prefix: c.logFilePrefix ?? null };
}
