import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_msk_cluster, from AWS::MSK::Cluster, keyed by its ARN: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/msk_cluster.html.markdown, "Import").
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the cluster's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::MSK::Cluster.properties.json`: Arn,
 * ClusterName, KafkaVersion, NumberOfBrokerNodes, EnhancedMonitoring, EncryptionInfo{EncryptionAtRest
 * {DataVolumeKMSKeyId}, EncryptionInTransit{ClientBroker, InCluster}}, ClientAuthentication{Sasl{Iam, Scram}, Tls,
 * Unauthenticated}, LoggingInfo{BrokerLogs{CloudWatchLogs, Firehose, S3}}, BrokerNodeGroupInfo). One mapping of
 * those Properties serves templates and AWS Config.
 *
 * What is compared: encryption at rest and in transit, client authentication, broker logging, the Kafka version,
 * broker count and monitoring level. broker_node_group_info (instance type, subnets, storage, public access) is not
 * yet: the provider stores its nested blocks with fields neither live shape carries.
 */
const fromProperties = cfn.fromSpec({
  cluster_name: cfn.name('ClusterName'),
  arn: 'Arn',
  kafka_version: 'KafkaVersion',
  number_of_broker_nodes: ['NumberOfBrokerNodes', cfn.num],
  enhanced_monitoring: 'EnhancedMonitoring',
  encryption_info: ['EncryptionInfo', cfn.block(encryptionInfo)],
  client_authentication: ['ClientAuthentication', cfn.block(clientAuthentication)],
  logging_info: ['LoggingInfo', cfn.block(loggingInfo)],
  tags: ['Tags', tagsMap],
});

const enabled = (block: Value | undefined, fallback = false): Value =>
  isUnknown(block) ? block : (cfn.bool(cfn.field(block, 'Enabled')) ?? fallback);

function encryptionInfo(info: Value): Value {
  const inTransit = cfn.field(info, 'EncryptionInTransit');
  return [
    {
      encryption_at_rest_kms_key_arn:
        cfn.field(cfn.field(info, 'EncryptionAtRest'), 'DataVolumeKMSKeyId') ?? null,
      // MSK's defaults for a cluster created without them: TLS between clients and brokers, and within the cluster.
      encryption_in_transit: isUnknown(inTransit)
        ? inTransit
        : [
            {
              client_broker: cfn.field(inTransit, 'ClientBroker') ?? 'TLS',
              in_cluster: cfn.bool(cfn.field(inTransit, 'InCluster')) ?? true,
            },
          ],
    },
  ];
}

function clientAuthentication(authentication: Value): Value {
  const sasl = cfn.field(authentication, 'Sasl');
  const tls = cfn.field(authentication, 'Tls');
  const authorities = cfn.field(tls, 'CertificateAuthorityArnList');
  const withTls = enabled(tls) === true || (Array.isArray(authorities) && authorities.length > 0);
  return [
    {
      sasl:
        sasl === undefined || isUnknown(sasl)
          ? (sasl ?? null)
          : [{ iam: enabled(cfn.field(sasl, 'Iam')), scram: enabled(cfn.field(sasl, 'Scram')) }],
      tls: withTls ? [{ certificate_authority_arns: authorities ?? null }] : null,
      unauthenticated: enabled(cfn.field(authentication, 'Unauthenticated')),
    },
  ];
}

function loggingInfo(info: Value): Value {
  const logs = cfn.field(info, 'BrokerLogs');
  if (logs === undefined || isUnknown(logs)) return logs ?? null;
  const destination = (key: string, fields: Record<string, string>) => {
    const block = cfn.field(logs, key);
    if (block === undefined || isUnknown(block)) return block ?? null;
    const out: Record<string, Value> = { enabled: enabled(block) };
    for (const [name, property] of Object.entries(fields)) out[name] = cfn.field(block, property) ?? null;
    return [out];
  };
  return [
    {
      broker_logs: [
        {
          cloudwatch_logs: destination('CloudWatchLogs', { log_group: 'LogGroup' }),
          firehose: destination('Firehose', { delivery_stream: 'DeliveryStream' }),
          s3: destination('S3', { bucket: 'Bucket', prefix: 'Prefix' }),
        },
      ],
    },
  ];
}

/** AWS::MSK::Cluster Tags is a map, not CloudFormation's usual tag list. */
function tagsMap(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value) || !isPlainObject(value)) return cfn.tags(value);
  return cfn.tags(Object.entries(value).map(([Key, tag]) => ({ Key, Value: tag })));
}

export const mskCluster = defineType({
  type: 'aws_msk_cluster',
  provider: 'aws',
  schema: s.attributes({
    cluster_name: s.string,
    arn: s.string,
    kafka_version: s.string,
    number_of_broker_nodes: s.number,
    enhanced_monitoring: s.string,
    encryption_info: s.blocks({
      encryption_at_rest_kms_key_arn: s.string,
      encryption_in_transit: s.blocks({ client_broker: s.string, in_cluster: s.boolean }),
    }),
    client_authentication: s.blocks({
      sasl: s.blocks({ iam: s.boolean, scram: s.boolean }),
      tls: s.blocks({ certificate_authority_arns: s.strings }),
      unauthenticated: s.boolean,
    }),
    logging_info: s.blocks({ broker_logs: s.blocks({}) }),
    tags: s.tags,
  }),
  sets: ['client_authentication[*].tls[*].certificate_authority_arns'],
  computed: [
    'arn',
    'bootstrap_brokers',
    'bootstrap_brokers_tls',
    'current_version',
    'zookeeper_connect_string',
  ],
  // The provider's schema default.
  defaults: { enhanced_monitoring: 'DEFAULT' },
  id: { attribute: 'arn', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::MSK::Cluster', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::MSK::Cluster',
      map: cfn.withTemplateDefaults(fromProperties, { enhanced_monitoring: 'DEFAULT' }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  const arn = text(record(configuration)?.Arn) ?? text(item.arn) ?? item.resourceId;
  attributes.arn = arn;
  put(attributes, 'cluster_name', text(attributes.cluster_name) ?? item.resourceName);
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.Tags));
  return { id: arn, attributes };
}
