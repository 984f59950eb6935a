import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_efs_file_system, keyed by its file system id (fs-...), the Terraform import id.
 *
 * AWS Config (AWS::EFS::FileSystem): awslabs/aws-config-resource-schema `AWS::EFS::FileSystem.properties.json`,
 * PascalCase as in the CloudFormation resource (FileSystemId, Encrypted, KmsKeyId, PerformanceMode, ThroughputMode,
 * ProvisionedThroughputInMibps); tags come as FileSystemTags `[{Key, Value}]`, as in the CloudFormation schema.
 *
 * CloudFormation: AWS::EFS::FileSystem; an absent Encrypted is CloudFormation's default, unencrypted.
 */
export const efsFileSystem = defineType({
  type: 'aws_efs_file_system',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    encrypted: s.boolean,
    kms_key_id: s.string,
    performance_mode: s.string,
    throughput_mode: s.string,
    provisioned_throughput_in_mibps: s.number,
    tags: s.tags,
  }),
  computed: ['arn', 'dns_name', 'number_of_mount_targets', 'owner_id', 'size_in_bytes'],
  // The provider's aws_efs_file_system documentation: performance_mode "(Default: `generalPurpose`)",
  // throughput_mode "Default is `bursting`", as EFS's CreateFileSystem defaults them.
  defaults: { performance_mode: 'generalPurpose', throughput_mode: 'bursting' },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EFS::FileSystem', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EFS::FileSystem',
      map: cfn.fromSpec({
        encrypted: cfn.or('Encrypted', false, cfn.bool),
        kms_key_id: 'KmsKeyId',
        tags: ['FileSystemTags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'arn', c.Arn ?? item.arn);
  put(attributes, 'encrypted', c.Encrypted);
  put(attributes, 'kms_key_id', c.KmsKeyId);
  put(attributes, 'performance_mode', c.PerformanceMode);
  put(attributes, 'throughput_mode', c.ThroughputMode);
  put(attributes, 'provisioned_throughput_in_mibps', c.ProvisionedThroughputInMibps);
  put(attributes, 'tags', tagMap(item.tags ?? c.FileSystemTags));
  return { id: typeof c.FileSystemId === 'string' ? c.FileSystemId : item.resourceId, attributes };
}
