import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::EC2::Volume -> aws_ebs_volume. Shape: awslabs/aws-config-resource-schema
 * `AWS::EC2::Volume.properties.json` (configuration.volumeId, volumeType, encrypted, kmsKeyId, ...); the EC2 API
 * fields the schema omits (throughput, multiAttachEnabled, tags) keep the same camel-casing.
 */
export const ebsVolumeMapping: TypeMapping = {
  configType: 'AWS::EC2::Volume',
  terraformType: 'aws_ebs_volume',
  map: mapVolume,
};

function mapVolume(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const attributes: Record<string, Value> = {};
  put(attributes, 'availability_zone', c.availabilityZone);
  put(attributes, 'size', c.size);
  put(attributes, 'type', c.volumeType);
  put(attributes, 'iops', c.iops);
  put(attributes, 'throughput', c.throughput);
  put(attributes, 'encrypted', c.encrypted);
  put(attributes, 'kms_key_id', c.kmsKeyId);
  put(attributes, 'multi_attach_enabled', c.multiAttachEnabled);
  put(attributes, 'snapshot_id', c.snapshotId);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: typeof c.volumeId === 'string' ? c.volumeId : item.resourceId, attributes };
}
