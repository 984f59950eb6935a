import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::KMS::Key -> aws_kms_key. Shape: awslabs/aws-config-resource-schema `AWS::KMS::Key.properties.json`
 * (configuration.keyId, arn, description, enabled, keyManager, keyState, keyUsage, customerMasterKeySpec, and
 * supplementaryConfiguration.KeyRotationStatus, typed boolean). Newer DescribeKey fields (keySpec, multiRegion)
 * keep the same casing.
 *
 * Config records no key policy for keys (the schema has none), so `policy` is left out: unknown, not empty.
 */
export const kmsKeyMapping: TypeMapping = {
  configType: 'AWS::KMS::Key',
  terraformType: 'aws_kms_key',
  map: mapKey,
};

const PENDING_DELETION: ReadonlySet<unknown> = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

// Terraform never manages AWS-managed keys (aws/s3, aws/rds, ...), nor keys on their way out; driftctl skips
// the same two kinds, so they are neither unmanaged nor missing.
function mapKey(item: ConfigItem): MappedResource | undefined {
  const c = item.configuration;
  if (c.keyManager === 'AWS' || PENDING_DELETION.has(c.keyState)) return undefined;
  const keyId = typeof c.keyId === 'string' ? c.keyId : item.resourceId;
  const attributes: Record<string, Value> = { key_id: keyId };
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
