import { isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_kinesis_stream, from AWS::Kinesis::Stream.
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the stream's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::Kinesis::Stream.properties.json`: `Name`,
 * `Arn`, `RetentionPeriodHours`, `ShardCount`, `StreamEncryption{EncryptionType, KeyId}`; the registry schema adds
 * `StreamModeDetails{StreamMode}` and `Tags`). Terraform (hashicorp/terraform-provider-aws `aws_kinesis_stream`,
 * import id the stream name) flattens StreamEncryption into `encryption_type` and `kms_key_id`.
 */
const fromProperties = cfn.fromSpec({
  name: cfn.name('Name'),
  arn: 'Arn',
  shard_count: ['ShardCount', cfn.num],
  retention_period: ['RetentionPeriodHours', cfn.num],
  encryption_type: (p) => encryption(p, 'EncryptionType'),
  kms_key_id: (p) => encryption(p, 'KeyId'),
  stream_mode_details: [
    'StreamModeDetails',
    cfn.block((details) => [{ stream_mode: cfn.orNull(cfn.field(details, 'StreamMode')) }]),
  ],
  tags: ['Tags', cfn.tags],
});

/** A field of StreamEncryption; an unknown block makes both unknown. */
function encryption(properties: Value, key: string): Value | undefined {
  const block = cfn.field(properties, 'StreamEncryption');
  if (block === undefined || isUnknown(block)) return block;
  return cfn.orNull(cfn.field(block, key));
}

export const kinesisStream = defineType({
  type: 'aws_kinesis_stream',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    tags: s.tags,
    shard_count: s.number,
    retention_period: s.number,
    encryption_type: s.string,
    kms_key_id: s.string,
    stream_mode_details: s.blocks({ stream_mode: s.string }),
  }),
  computed: ['arn'],
  // The provider's schema defaults: 24 hours of retention, no server-side encryption.
  defaults: { retention_period: 24, encryption_type: 'NONE' },
  // The state's `id` is the stream ARN; the import id, and what AWS Config keys the stream by, is its name.
  id: {
    attribute: 'name',
    importId: (attributes) => (typeof attributes.name === 'string' ? attributes.name : undefined),
    caseInsensitive: false,
  },
  sources: {
    awsConfig: { type: 'AWS::Kinesis::Stream', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::Kinesis::Stream',
      // Without StreamEncryption a template's stream is not encrypted; without StreamModeDetails it is provisioned.
      map: cfn.withTemplateDefaults(fromProperties, {
        retention_period: 24,
        encryption_type: 'NONE',
        kms_key_id: null,
        stream_mode_details: [{ stream_mode: 'PROVISIONED' }],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  const name = attributes.name;
  const id = typeof name === 'string' ? name : (item.resourceName ?? item.resourceId);
  attributes.name = id;
  put(attributes, 'arn', item.arn ?? record(configuration)?.Arn);
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.Tags));
  return { id, attributes };
}
