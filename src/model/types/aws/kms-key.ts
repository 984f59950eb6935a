import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_kms_key, keyed by its key id, the Terraform import id.
 *
 * AWS Config (AWS::KMS::Key): awslabs/aws-config-resource-schema `AWS::KMS::Key.properties.json`
 * (configuration.keyId, arn, description, enabled, keyManager, keyState, keyUsage, customerMasterKeySpec, and
 * supplementaryConfiguration.KeyRotationStatus, typed boolean). Newer DescribeKey fields (keySpec, multiRegion)
 * keep the same casing. Config records no key policy for keys (the schema has none), so `policy` is left out:
 * unknown, not empty.
 *
 * CloudFormation: AWS::KMS::Key.
 */
export const kmsKey = defineType({
  type: 'aws_kms_key',
  provider: 'aws',
  schema: s.attributes({
    key_id: s.string,
    arn: s.string,
    description: s.string,
    key_usage: s.string,
    customer_master_key_spec: s.string,
    is_enabled: s.boolean,
    enable_key_rotation: s.boolean,
    rotation_period_in_days: s.number,
    multi_region: s.boolean,
    policy: s.policyDocument,
    tags: s.tags,
  }),
  computed: ['arn', 'key_id'],
  // The provider's aws_kms_key documentation: key_usage "Defaults to `ENCRYPT_DECRYPT`", customer_master_key_spec
  // "Defaults to `SYMMETRIC_DEFAULT`", is_enabled "Defaults to `true`", enable_key_rotation "Defaults to `false`",
  // multi_region "Defaults to `false`".
  defaults: {
    key_usage: 'ENCRYPT_DECRYPT',
    customer_master_key_spec: 'SYMMETRIC_DEFAULT',
    is_enabled: true,
    enable_key_rotation: false,
    multi_region: false,
  },
  id: { attribute: 'key_id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::KMS::Key', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::KMS::Key',
      map: cfn.fromSpec({
        description: 'Description',
        enable_key_rotation: cfn.or('EnableKeyRotation', false, cfn.bool),
        rotation_period_in_days: ['RotationPeriodInDays', cfn.num],
        key_usage: 'KeyUsage',
        customer_master_key_spec: 'KeySpec',
        policy: 'KeyPolicy',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

const PENDING_DELETION: ReadonlySet<unknown> = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

// Terraform never manages AWS-managed keys (aws/s3, aws/rds, ...), nor keys on their way out; driftctl skips
// the same two kinds, so they are neither unmanaged nor missing.
function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  if (c.keyManager === 'AWS' || PENDING_DELETION.has(c.keyState)) return undefined;
  const keyId = typeof c.keyId === 'string' ? c.keyId : item.resourceId;
  const attributes: Attributes = { key_id: keyId };
  put(attributes, 'arn', c.arn ?? item.arn);
  put(attributes, 'description', c.description);
  put(attributes, 'key_usage', c.keyUsage);
  put(attributes, 'customer_master_key_spec', c.keySpec ?? c.customerMasterKeySpec);
  put(attributes, 'is_enabled', c.enabled);
  put(attributes, 'enable_key_rotation', rotationEnabled(item.supplementaryConfiguration.KeyRotationStatus));
  put(attributes, 'multi_region', c.multiRegion);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: keyId, attributes };
}

function rotationEnabled(status: unknown): boolean | undefined {
  if (typeof status === 'boolean') return status;
  if (status === 'true' || status === 'false') return status === 'true';
  return undefined;
}
