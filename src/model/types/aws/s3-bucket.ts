import { z } from 'zod';
import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { booleanOr, put, record, stringOrNull, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType, type SubResource, type Unfold } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_s3_bucket carries the bucket's whole configuration, as AWS Config reports one item per bucket. Terraform
 * writes the parts as separate aws_s3_bucket_* resources (AWS provider 4+), or as single-element nested block
 * lists on the bucket (provider 3, and computed copies in 4+); both fold to this shape.
 *
 * AWS Config: the captured item in shared/reference/cloud-apis.md section 1.5 and moto 5.2.1's
 * FakeBucket.to_config_dict. The configuration lives in supplementaryConfiguration; BatchGet leaves tags out
 * (they come from full items or the tags query).
 */
// --- CloudFormation ------------------------------------------------------------------------------------------------

const cfnBucketEncryption = cfn.block((encryption) => ({
  rule:
    cfn.eachOf(cfn.field(encryption, 'ServerSideEncryptionConfiguration'), (rule) => ({
      apply_server_side_encryption_by_default: cfn.orNull(
        cfn.block((byDefault) => ({
          sse_algorithm: cfn.orNull(cfn.field(byDefault, 'SSEAlgorithm')),
          kms_master_key_id: cfn.orNull(cfn.field(byDefault, 'KMSMasterKeyID')),
        }))(cfn.field(rule, 'ServerSideEncryptionByDefault')),
      ),
      bucket_key_enabled: cfn.orNull(cfn.bool(cfn.field(rule, 'BucketKeyEnabled'))),
    })) ?? [],
}));

/** CloudFormation cannot turn on MFA delete. */
const cfnVersioning = cfn.block((configuration) => {
  const status = cfn.field(configuration, 'Status');
  return { enabled: isUnknown(status) ? status : status === 'Enabled', mfa_delete: false };
});

/** Without DestinationBucketName, CloudFormation logs to the bucket itself, whose name may be generated. */
const cfnLogging = cfn.block((configuration) => ({
  target_bucket: cfn.field(configuration, 'DestinationBucketName') ?? cfn.unknownName(),
  target_prefix: cfn.orNull(cfn.field(configuration, 'LogFilePrefix')),
}));

const cfnPublicAccessBlock = cfn.block((configuration) => {
  const flag = (key: string) => cfn.bool(cfn.field(configuration, key)) ?? false;
  return {
    block_public_acls: flag('BlockPublicAcls'),
    block_public_policy: flag('BlockPublicPolicy'),
    ignore_public_acls: flag('IgnorePublicAcls'),
    restrict_public_buckets: flag('RestrictPublicBuckets'),
  };
});

export const s3Bucket = defineType({
  type: 'aws_s3_bucket',
  provider: 'aws',
  schema: s.attributes({
    bucket: s.string,
    arn: s.string,
    acl: s.string,
    tags: s.tags,
    server_side_encryption_configuration: s.block({
      rule: s.blocks({
        apply_server_side_encryption_by_default: s.block({
          sse_algorithm: s.string,
          kms_master_key_id: s.string,
        }),
        bucket_key_enabled: s.boolean,
      }),
    }),
    versioning: s.block({ enabled: s.boolean, mfa_delete: s.boolean }),
    public_access_block: s.block({
      block_public_acls: s.boolean,
      block_public_policy: s.boolean,
      ignore_public_acls: s.boolean,
      restrict_public_buckets: s.boolean,
    }),
    policy: s.policyDocument,
    logging: s.block({ target_bucket: s.string, target_prefix: s.string }),
    grant: s.blocks({ id: s.string, type: s.string, uri: s.string, permissions: s.strings }),
    cors_rule: s.blocks({ allowed_methods: s.strings, allowed_origins: s.strings }),
    lifecycle_rule: s.blocks({ id: s.string, enabled: s.boolean, prefix: s.string }),
  }),
  sets: ['server_side_encryption_configuration.rule', 'cors_rule', 'lifecycle_rule', 'grant'],
  computed: ['arn', 'bucket_domain_name', 'bucket_regional_domain_name', 'hosted_zone_id', 'region'],
  // S3 has encrypted every new object with SSE-S3 since January 2023 when no configuration says otherwise.
  defaults: {
    server_side_encryption_configuration: {
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: 'AES256', kms_master_key_id: null },
          bucket_key_enabled: false,
        },
      ],
    },
  },
  // Import id: the bucket name (website/docs/r/s3_bucket.html.markdown, Import: `aws_s3_bucket.bucket bucket-name`).
  id: { attribute: 'bucket', caseInsensitive: false },
  folds: subResources(),
  canonicalise,
  sources: {
    awsConfig: {
      type: 'AWS::S3::Bucket',
      itemSchema: z.lazy(() =>
        z.object({
          configuration: z.looseObject({ name: z.string().nullish(), BucketName: z.string().nullish() }),
          supplementaryConfiguration: z.looseObject({
            ServerSideEncryptionConfiguration: z
              .looseObject({ rules: z.array(z.unknown()).nullish() })
              .nullish(),
            BucketVersioningConfiguration: z.looseObject({ status: z.string().nullish() }).nullish(),
            PublicAccessBlockConfiguration: z.looseObject({}).nullish(),
            BucketPolicy: z.looseObject({ policyText: z.string().nullish() }).nullish(),
            BucketLoggingConfiguration: z
              .looseObject({
                destinationBucketName: z.string().nullish(),
                logFilePrefix: z.string().nullish(),
              })
              .nullish(),
            BucketTaggingConfiguration: z.looseObject({ tagSets: z.array(z.unknown()).nullish() }).nullish(),
          }),
        }),
      ),
      map: fromConfigItem,
    },
    cloudFormation: {
      type: 'AWS::S3::Bucket',
      map: cfn.fromSpec({
        bucket: cfn.name('BucketName'),
        // No BucketEncryption: no default encryption configuration in the template.
        server_side_encryption_configuration: cfn.or('BucketEncryption', null, cfnBucketEncryption),
        versioning: ['VersioningConfiguration', cfnVersioning],
        public_access_block: ['PublicAccessBlockConfiguration', cfnPublicAccessBlock],
        logging: ['LoggingConfiguration', cfnLogging],
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

// --- Terraform: sub-resources and provider 3 shapes ----------------------------------------------------------------

function subResources(): SubResource[] {
  const sub = (
    type: string,
    unfold: readonly Unfold[],
    fold: SubResource['fold'],
    cloudFormation?: SubResource['cloudFormation'],
  ) => ({
    type,
    parentIdAttribute: 'bucket',
    fold,
    unfold,
    ...(cloudFormation ? { cloudFormation } : {}),
  });
  const body = (attribute: string): Unfold => ({ attribute, as: 'body' });
  const same = (attribute: string): Unfold => ({ attribute, as: 'attribute' });
  return [
    sub(
      'aws_s3_bucket_server_side_encryption_configuration',
      [body('server_side_encryption_configuration')],
      (parent, child) => {
        parent.server_side_encryption_configuration = { rule: encryptionRules(child.rule) };
      },
    ),
    sub('aws_s3_bucket_versioning', [versioningUnfold()], (parent, child) => {
      const configuration = single(child.versioning_configuration);
      if (!isPlainObject(configuration)) return;
      parent.versioning = {
        enabled: enabledFlag(configuration.status),
        mfa_delete: enabledFlag(configuration.mfa_delete ?? null),
      };
    }),
    sub('aws_s3_bucket_public_access_block', [body('public_access_block')], (parent, child) => {
      parent.public_access_block = pick(child, PUBLIC_ACCESS_BLOCK_KEYS);
    }),
    sub(
      'aws_s3_bucket_policy',
      [same('policy')],
      (parent, child) => {
        parent.policy = child.policy ?? null;
      },
      {
        type: 'AWS::S3::BucketPolicy',
        map: cfn.fromSpec({ bucket: cfn.or('Bucket', null), policy: cfn.policyDocument }),
      },
    ),
    sub('aws_s3_bucket_acl', [same('acl'), same('access_control_policy')], (parent, child) => {
      if (child.acl !== undefined && child.acl !== null && child.acl !== '') parent.acl = child.acl;
      if (child.access_control_policy !== undefined)
        parent.access_control_policy = single(child.access_control_policy) ?? null;
    }),
    sub('aws_s3_bucket_logging', [body('logging')], (parent, child) => {
      parent.logging = pick(child, ['target_bucket', 'target_prefix']);
    }),
  ];
}

/** `versioning_configuration` writes the flags as statuses; a suspended bucket reads `Suspended` (`Disabled` only creates one unversioned). */
function versioningUnfold(): Unfold {
  return {
    attribute: 'versioning',
    as: 'body',
    paths: {
      enabled: {
        path: 'versioning_configuration.status',
        read: enabledFlag,
        write: (enabled) => (enabled === true ? 'Enabled' : enabled === false ? 'Suspended' : undefined),
      },
      mfa_delete: {
        path: 'versioning_configuration.mfa_delete',
        read: enabledFlag,
        write: (enabled) => (enabled === true ? 'Enabled' : enabled === false ? 'Disabled' : undefined),
      },
    },
  };
}

const PUBLIC_ACCESS_BLOCK_KEYS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

/**
 * Brings a bucket's own inline blocks (provider 3, or computed in 4+) into the canonical shape. Terraform's shape
 * is a block list; a value already in canonical shape (an object, from a cloud API or a template) is left as it
 * is, so the pass can run on every origin.
 */
function canonicalise(attributes: Attributes): void {
  if (Array.isArray(attributes.server_side_encryption_configuration)) {
    const encryption = single(attributes.server_side_encryption_configuration);
    attributes.server_side_encryption_configuration =
      isPlainObject(encryption) && !isUnknown(encryption) ? { rule: encryptionRules(encryption.rule) } : null;
  }
  const versioning = Array.isArray(attributes.versioning) ? single(attributes.versioning) : undefined;
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

// --- AWS Config ----------------------------------------------------------------------------------------------------

function fromConfigItem(item: AwsConfigItem) {
  const supplementary = item.supplementaryConfiguration;
  const reported = Object.keys(supplementary).length > 0;
  const attributes: Attributes = {};
  put(attributes, 'bucket', item.configuration.name ?? item.resourceName ?? item.resourceId);
  put(attributes, 'arn', item.arn);
  put(attributes, 'tags', configTags(item));
  put(
    attributes,
    'server_side_encryption_configuration',
    configEncryption(supplementary.ServerSideEncryptionConfiguration),
  );
  put(attributes, 'versioning', configVersioning(supplementary.BucketVersioningConfiguration));
  // Config leaves PublicAccessBlockConfiguration out when none is set; in a reported item that means "none".
  // Present but undefined is a value of the wrong shape: unknown.
  if ('PublicAccessBlockConfiguration' in supplementary) {
    put(
      attributes,
      'public_access_block',
      configPublicAccessBlock(supplementary.PublicAccessBlockConfiguration),
    );
  } else if (reported) {
    attributes.public_access_block = null;
  }
  put(attributes, 'policy', configPolicy(supplementary.BucketPolicy));
  put(attributes, 'logging', configLogging(supplementary.BucketLoggingConfiguration));
  return { id: item.resourceId, attributes };
}

function configTags(item: AwsConfigItem): Value | undefined {
  if (item.tags) return item.tags;
  const tagging = record(item.supplementaryConfiguration.BucketTaggingConfiguration);
  if (!tagging) return undefined;
  const sets = Array.isArray(tagging.tagSets) ? tagging.tagSets : [];
  return tagMap(record(sets[0])?.tags) ?? {};
}

function configEncryption(raw: unknown): Value | undefined {
  const rules = record(raw)?.rules;
  if (!Array.isArray(rules)) return undefined;
  return {
    rule: rules.map((rule) => {
      const byDefault = record(record(rule)?.applyServerSideEncryptionByDefault);
      return {
        apply_server_side_encryption_by_default: {
          sse_algorithm: stringOrNull(byDefault?.sseAlgorithm),
          kms_master_key_id: stringOrNull(byDefault?.kmsMasterKeyID),
        },
        bucket_key_enabled: booleanOr(record(rule)?.bucketKeyEnabled, null),
      };
    }),
  };
}

function configVersioning(raw: unknown): Value | undefined {
  const config = record(raw);
  if (!config) return undefined;
  return { enabled: config.status === 'Enabled', mfa_delete: config.isMfaDeleteEnabled === true };
}

function configPublicAccessBlock(raw: unknown): Value | undefined {
  const config = record(raw);
  if (!config) return undefined;
  const flag = (key: string) => booleanOr(config[key], false);
  return {
    block_public_acls: flag('blockPublicAcls'),
    block_public_policy: flag('blockPublicPolicy'),
    ignore_public_acls: flag('ignorePublicAcls'),
    restrict_public_buckets: flag('restrictPublicBuckets'),
  };
}

function configPolicy(raw: unknown): Value | undefined {
  const config = record(raw);
  if (!config) return undefined;
  return stringOrNull(config.policyText);
}

function configLogging(raw: unknown): Value | undefined {
  const config = record(raw);
  if (!config) return undefined;
  if (!config.destinationBucketName) return null;
  return {
    target_bucket: stringOrNull(config.destinationBucketName),
    target_prefix: stringOrNull(config.logFilePrefix),
  };
}
