import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_ebs_volume, keyed by its volume id (vol-...), which is also the import id.
 *
 * AWS Config (AWS::EC2::Volume): awslabs/aws-config-resource-schema `AWS::EC2::Volume.properties.json`
 * (configuration.volumeId, volumeType, encrypted, kmsKeyId, ...); the EC2 API fields the schema omits (throughput,
 * multiAttachEnabled, tags) keep the same camel-casing.
 *
 * CloudFormation: AWS::EC2::Volume.
 */
export const ebsVolume = defineType({
  type: 'aws_ebs_volume',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    availability_zone: s.string,
    size: s.number,
    type: s.string,
    iops: s.number,
    throughput: s.number,
    encrypted: s.boolean,
    kms_key_id: s.string,
    multi_attach_enabled: s.boolean,
    snapshot_id: s.string,
    tags: s.tags,
  }),
  computed: ['arn'],
  // The provider's aws_ebs_volume documentation: type "(Default: `gp2`)", as EC2's CreateVolume defaults it.
  defaults: { type: 'gp2' },
  // A volume made from a snapshot keeps the snapshot's encryption and key.
  inherited: { encrypted: ['snapshot_id'], kms_key_id: ['snapshot_id'] },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::Volume', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::Volume',
      // Encrypted absent means unencrypted, unless the volume is created from a snapshot, whose encryption it keeps.
      map: cfn.fromSpec({
        availability_zone: 'AvailabilityZone',
        size: ['Size', cfn.num],
        type: 'VolumeType',
        encrypted: cfn.encryptedFlag('Encrypted', ['SnapshotId']),
        kms_key_id: 'KmsKeyId',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
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
