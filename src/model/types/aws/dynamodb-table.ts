import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * No SSESpecification, or SSEEnabled false: an AWS-owned key. DescribeTable then reports no SSEDescription, which
 * the provider (and the AWS Config mapping) read as an empty server_side_encryption.
 */
const dynamodbEncryption = cfn.block((sse) => {
  const enabled = cfn.bool(cfn.field(sse, 'SSEEnabled')) ?? false;
  if (enabled === false) return [];
  return [{ enabled, kms_key_arn: cfn.orNull(cfn.field(sse, 'KMSMasterKeyId')) }];
});

/**
 * aws_dynamodb_table, keyed by its name, the Terraform import id.
 *
 * AWS Config (AWS::DynamoDB::Table): awslabs/aws-config-resource-schema `AWS::DynamoDB::Table.properties.json`:
 * configuration.tableName, keySchema[{attributeName, keyType}], billingModeSummary.billingMode,
 * ssedescription{status, ssetype, kmsmasterKeyArn} (the SDK's SSEDescription and KMSMasterKeyArn with the leading
 * acronym lower-cased), and
 * supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus.
 * Other casings of the SSE names are read too, since they differ between Config's serialisers.
 *
 * CloudFormation: AWS::DynamoDB::Table.
 */
export const dynamodbTable = defineType({
  type: 'aws_dynamodb_table',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    billing_mode: s.string,
    hash_key: s.string,
    range_key: s.string,
    server_side_encryption: s.blocks({ enabled: s.boolean, kms_key_arn: s.string }),
    point_in_time_recovery: s.blocks({ enabled: s.boolean }),
    tags: s.tags,
  }),
  computed: ['arn', 'stream_arn', 'stream_label'],
  // The provider's aws_dynamodb_table documentation: billing_mode "Defaults to `PROVISIONED`"; without a
  // point_in_time_recovery block, point-in-time recovery "defaults to `false`".
  defaults: { billing_mode: 'PROVISIONED', point_in_time_recovery: [{ enabled: false }] },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::DynamoDB::Table', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::DynamoDB::Table',
      map: cfn.fromSpec({
        name: cfn.name('TableName'),
        server_side_encryption: cfn.or('SSESpecification', [], dynamodbEncryption),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

const SSE_KEYS = ['ssedescription', 'sSEDescription', 'sseDescription', 'SSEDescription'];
const SSE_KEY_ARN_KEYS = ['kmsmasterKeyArn', 'kMSMasterKeyArn', 'kmsMasterKeyArn', 'KMSMasterKeyArn'];

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = typeof c.tableName === 'string' ? c.tableName : (item.resourceName ?? item.resourceId);
  const attributes: Attributes = { name };
  put(attributes, 'billing_mode', billingMode(c));
  put(attributes, 'hash_key', keyAttribute(c.keySchema, 'HASH'));
  put(attributes, 'range_key', keyAttribute(c.keySchema, 'RANGE'));
  put(attributes, 'server_side_encryption', serverSideEncryption(c));
  put(attributes, 'point_in_time_recovery', pointInTimeRecovery(item.supplementaryConfiguration));
  put(attributes, 'tags', tagMap(item.tags));
  return { id: name, attributes };
}

// DescribeTable leaves BillingModeSummary out for tables that were always provisioned, and the provider reads
// that as PROVISIONED; a summary the item does not carry at all stays unknown.
function billingMode(c: Record<string, unknown>): string | undefined {
  if (!('billingModeSummary' in c)) return undefined;
  const summary = record(c.billingModeSummary);
  if (!summary) return 'PROVISIONED';
  return typeof summary.billingMode === 'string' ? summary.billingMode : undefined;
}

function keyAttribute(keySchema: unknown, keyType: 'HASH' | 'RANGE'): string | undefined {
  if (!Array.isArray(keySchema)) return undefined;
  for (const entry of keySchema) {
    const key = record(entry);
    if (key?.keyType === keyType && typeof key.attributeName === 'string') return key.attributeName;
  }
  return undefined;
}

// Mirrors the provider's flattening: no SSE description (an AWS-owned key) is an empty list, otherwise one block.
function serverSideEncryption(c: Record<string, unknown>): Value[] | undefined {
  const key = SSE_KEYS.find((k) => k in c);
  if (key === undefined) return undefined;
  const description = record(c[key]);
  if (!description) return [];
  const arn = SSE_KEY_ARN_KEYS.map((k) => description[k]).find((v) => typeof v === 'string');
  const status = description.status ?? description.Status;
  return [{ enabled: status === 'ENABLED', kms_key_arn: typeof arn === 'string' ? arn : '' }];
}

function pointInTimeRecovery(supplementary: Record<string, unknown>): Value[] | undefined {
  const description = record(
    record(supplementary.ContinuousBackupsDescription)?.pointInTimeRecoveryDescription,
  );
  if (typeof description?.pointInTimeRecoveryStatus !== 'string') return undefined;
  return [{ enabled: description.pointInTimeRecoveryStatus === 'ENABLED' }];
}
