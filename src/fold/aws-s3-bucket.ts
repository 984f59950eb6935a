import { isPlainObject, isUnknown, type Value } from '../model/value.js';

/**
 * The canonical aws_s3_bucket carries its whole configuration, as AWS Config reports one item per bucket:
 *
 *   server_side_encryption_configuration: { rule: [{ apply_server_side_encryption_by_default:
 *                                            { sse_algorithm, kms_master_key_id }, bucket_key_enabled }] }
 *   versioning:          { enabled: bool, mfa_delete: bool }
 *   public_access_block: { block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets }
 *   policy:              policy document
 *   acl:                 canned ACL
 *   logging:             { target_bucket, target_prefix }
 *
 * Terraform writes these as separate aws_s3_bucket_* resources (AWS provider 4+), or as single-element nested
 * block lists on the bucket (provider 3, and computed copies in 4+). Both fold to the shape above.
 */
type Attributes = Record<string, Value>;

export interface SubResourceFold {
  /** The parent type the sub-resource folds into. */
  parentType: string;
  /** The attribute of the sub-resource that holds the parent's id. */
  parentIdAttribute: string;
  /** Writes the sub-resource's configuration onto the parent's attributes. */
  fold(parent: Attributes, sub: Attributes): void;
}

export const S3_BUCKET_SUB_RESOURCES: Record<string, SubResourceFold> = {
  aws_s3_bucket_server_side_encryption_configuration: {
    parentType: 'aws_s3_bucket',
    parentIdAttribute: 'bucket',
    fold(parent, sub) {
      parent.server_side_encryption_configuration = { rule: encryptionRules(sub.rule) };
    },
  },
  aws_s3_bucket_versioning: {
    parentType: 'aws_s3_bucket',
    parentIdAttribute: 'bucket',
    fold(parent, sub) {
      const configuration = single(sub.versioning_configuration);
      if (!isPlainObject(configuration)) return;
      parent.versioning = {
        enabled: enabledFlag(configuration.status),
        mfa_delete: enabledFlag(configuration.mfa_delete ?? null),
      };
    },
  },
  aws_s3_bucket_public_access_block: {
    parentType: 'aws_s3_bucket',
    parentIdAttribute: 'bucket',
    fold(parent, sub) {
      parent.public_access_block = pick(sub, PUBLIC_ACCESS_BLOCK_KEYS);
    },
  },
  aws_s3_bucket_policy: {
    parentType: 'aws_s3_bucket',
    parentIdAttribute: 'bucket',
    fold(parent, sub) {
      parent.policy = sub.policy ?? null;
    },
  },
  aws_s3_bucket_acl: {
    parentType: 'aws_s3_bucket',
    parentIdAttribute: 'bucket',
    fold(parent, sub) {
      if (sub.acl !== undefined && sub.acl !== null && sub.acl !== '') parent.acl = sub.acl;
      if (sub.access_control_policy !== undefined)
        parent.access_control_policy = single(sub.access_control_policy) ?? null;
    },
  },
  aws_s3_bucket_logging: {
    parentType: 'aws_s3_bucket',
    parentIdAttribute: 'bucket',
    fold(parent, sub) {
      parent.logging = pick(sub, ['target_bucket', 'target_prefix']);
    },
  },
};

const PUBLIC_ACCESS_BLOCK_KEYS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

/** Brings a bucket's own inline blocks (provider 3, or computed in 4+) into the canonical shape. */
export function canonicaliseS3Bucket(attributes: Attributes): void {
  const encryption = single(attributes.server_side_encryption_configuration);
  if (isPlainObject(encryption) && !isUnknown(encryption)) {
    attributes.server_side_encryption_configuration = { rule: encryptionRules(encryption.rule) };
  } else if (Array.isArray(attributes.server_side_encryption_configuration)) {
    attributes.server_side_encryption_configuration = null;
  }
  const versioning = single(attributes.versioning);
  if (isPlainObject(versioning) && !isUnknown(versioning)) {
    attributes.versioning = {
      enabled: versioning.enabled ?? false,
      mfa_delete: versioning.mfa_delete ?? false,
    };
  }
  const logging = single(attributes.logging);
  if (Array.isArray(attributes.logging)) attributes.logging = isPlainObject(logging) ? logging : null;
}

function encryptionRules(rules: Value | undefined): Value {
  if (!Array.isArray(rules)) return rules ?? null;
  return rules.map((rule) => {
    if (!isPlainObject(rule)) return rule;
    const byDefault = single(rule.apply_server_side_encryption_by_default);
    return {
      apply_server_side_encryption_by_default: isPlainObject(byDefault)
        ? pick(byDefault, ['sse_algorithm', 'kms_master_key_id'])
        : null,
      bucket_key_enabled: rule.bucket_key_enabled ?? null,
    };
  });
}

/** Terraform stores a nested block with max_items = 1 as a one-element list. */
function single(value: Value | undefined): Value | undefined {
  return Array.isArray(value) ? (value.length === 1 ? value[0] : value.length === 0 ? null : value) : value;
}

function enabledFlag(status: Value | undefined): Value {
  if (status === 'Enabled') return true;
  if (
    status === 'Suspended' ||
    status === 'Disabled' ||
    status === '' ||
    status === null ||
    status === undefined
  )
    return false;
  return status;
}

function pick(source: Attributes, keys: string[]): Value {
  const out: Attributes = {};
  for (const key of keys) if (key in source) out[key] = source[key] ?? null;
  return out;
}
