import { isUnknown, type Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { idText } from './shared/config-fields.js';

/**
 * aws_ecs_cluster, keyed by its name: the import id (the provider's import section imports by cluster name), while
 * the state's `id` is the cluster ARN.
 *
 * AWS Config records this type through the CloudFormation registry: the item's configuration is the resource's
 * CloudFormation Properties, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::ECS::Cluster.properties.json` (Arn, ClusterName, ClusterSettings[{Name,
 * Value}], Configuration.ExecuteCommandConfiguration{KmsKeyId, Logging, LogConfiguration{CloudWatchEncryptionEnabled,
 * CloudWatchLogGroupName, S3BucketName, S3EncryptionEnabled, S3KeyPrefix}}, CapacityProviders,
 * DefaultCapacityProviderStrategy; tags). Config's resourceId is the registry primary identifier, ClusterName. One
 * mapping of those Properties serves the item and AWS::ECS::Cluster templates. Capacity providers are Terraform's
 * aws_ecs_cluster_capacity_providers, not this type: not mapped. The execute-command block is written as the
 * provider flattens it (unset flags false).
 * Terraform: hashicorp/terraform-provider-aws aws_ecs_cluster (import id: the cluster name).
 */
const logConfiguration = {
  cloud_watch_encryption_enabled: s.boolean,
  cloud_watch_log_group_name: s.string,
  s3_bucket_encryption_enabled: s.boolean,
  s3_bucket_name: s.string,
  s3_key_prefix: s.string,
};

const fromProperties = cfn.fromSpec({
  name: cfn.name('ClusterName'),
  arn: 'Arn',
  setting: [
    'ClusterSettings',
    (list) =>
      cfn.eachOf(list, (entry) => ({
        name: cfn.field(entry, 'Name') ?? null,
        value: cfn.field(entry, 'Value') ?? null,
      })),
  ],
  configuration: [
    'Configuration',
    cfn.block((configuration) => {
      const command = cfn.field(configuration, 'ExecuteCommandConfiguration');
      return [{ execute_command_configuration: executeCommand(command) }];
    }),
  ],
  tags: ['Tags', cfn.tags],
});

export const ecsCluster = defineType({
  type: 'aws_ecs_cluster',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    setting: s.blocks({ name: s.string, value: s.string }),
    configuration: s.blocks({
      execute_command_configuration: s.blocks({
        kms_key_id: s.string,
        logging: s.string,
        log_configuration: s.blocks(logConfiguration),
      }),
    }),
    tags: s.tags,
  }),
  sets: ['setting'],
  computed: ['arn'],
  id: {
    attribute: 'name',
    importId: (attributes) => text(attributes.name),
    caseInsensitive: false,
  },
  sources: {
    awsConfig: { type: 'AWS::ECS::Cluster', map: fromConfigItem },
    cloudFormation: { type: 'AWS::ECS::Cluster', map: fromProperties },
  },
});

function executeCommand(command: Value | undefined): Value {
  if (command === undefined) return [];
  if (isUnknown(command)) return command;
  const log = cfn.field(command, 'LogConfiguration');
  return [
    {
      kms_key_id: cfn.field(command, 'KmsKeyId') ?? '',
      logging: cfn.field(command, 'Logging') ?? '',
      log_configuration:
        log === undefined
          ? []
          : isUnknown(log)
            ? log
            : [
                {
                  cloud_watch_encryption_enabled:
                    cfn.bool(cfn.field(log, 'CloudWatchEncryptionEnabled')) ?? false,
                  cloud_watch_log_group_name: cfn.field(log, 'CloudWatchLogGroupName') ?? '',
                  s3_bucket_encryption_enabled: cfn.bool(cfn.field(log, 'S3EncryptionEnabled')) ?? false,
                  s3_bucket_name: cfn.field(log, 'S3BucketName') ?? '',
                  s3_key_prefix: cfn.field(log, 'S3KeyPrefix') ?? '',
                },
              ],
    },
  ];
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = fromProperties(c as Value);
  const name = idText(c.ClusterName) ?? item.resourceName ?? item.resourceId;
  attributes.name = name;
  put(attributes, 'arn', idText(c.Arn) ?? item.arn);
  put(attributes, 'tags', item.tags ?? tagMap(c.Tags));
  return { id: name, attributes };
}
