import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::EFS::FileSystem -> aws_efs_file_system. Shape: awslabs/aws-config-resource-schema
 * `AWS::EFS::FileSystem.properties.json`, PascalCase as in the CloudFormation resource (FileSystemId, Encrypted,
 * KmsKeyId, PerformanceMode, ThroughputMode, ProvisionedThroughputInMibps); tags come as FileSystemTags
 * `[{Key, Value}]`, as in the CloudFormation schema.
 */
export const efsFileSystemMapping: TypeMapping = {
  configType: 'AWS::EFS::FileSystem',
  terraformType: 'aws_efs_file_system',
  map: mapFileSystem,
};

function mapFileSystem(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const attributes: Record<string, Value> = {};
  put(attributes, 'arn', c.Arn ?? item.arn);
  put(attributes, 'encrypted', c.Encrypted);
  put(attributes, 'kms_key_id', c.KmsKeyId);
  put(attributes, 'performance_mode', c.PerformanceMode);
  put(attributes, 'throughput_mode', c.ThroughputMode);
  put(attributes, 'provisioned_throughput_in_mibps', c.ProvisionedThroughputInMibps);
  put(attributes, 'tags', tagMap(item.tags ?? c.FileSystemTags));
  return { id: typeof c.FileSystemId === 'string' ? c.FileSystemId : item.resourceId, attributes };
}
