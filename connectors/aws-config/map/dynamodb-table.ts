import { isPlainObject, type Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::DynamoDB::Table -> aws_dynamodb_table. Shape: awslabs/aws-config-resource-schema
 * `AWS::DynamoDB::Table.properties.json`: configuration.tableName, keySchema[{attributeName, keyType}],
 * billingModeSummary.billingMode, ssedescription{status, ssetype, kmsmasterKeyArn} (the SDK's SSEDescription
 * and KMSMasterKeyArn with the leading acronym lower-cased), and
 * supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus.
 * Other casings of the SSE names are read too, since they differ between Config's serialisers.
 */
export const dynamodbTableMapping: TypeMapping = {
  configType: 'AWS::DynamoDB::Table',
  terraformType: 'aws_dynamodb_table',
  map: mapTable,
};

const SSE_KEYS = ['ssedescription', 'sSEDescription', 'sseDescription', 'SSEDescription'];
const SSE_KEY_ARN_KEYS = ['kmsmasterKeyArn', 'kMSMasterKeyArn', 'kmsMasterKeyArn', 'KMSMasterKeyArn'];

function mapTable(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const name = typeof c.tableName === 'string' ? c.tableName : (item.resourceName ?? item.resourceId);
  const attributes: Record<string, Value> = { name };
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
  const summary = c.billingModeSummary;
  if (!isPlainObject(summary)) return 'PROVISIONED';
  return typeof summary.billingMode === 'string' ? summary.billingMode : undefined;
}

function keyAttribute(keySchema: unknown, keyType: 'HASH' | 'RANGE'): string | undefined {
  if (!Array.isArray(keySchema)) return undefined;
  for (const key of keySchema) {
    if (isPlainObject(key) && key.keyType === keyType && typeof key.attributeName === 'string') {
      return key.attributeName;
    }
  }
  return undefined;
}

// Mirrors the provider's flattening: no SSE description (an AWS-owned key) is an empty list, otherwise one block.
function serverSideEncryption(c: Record<string, unknown>): Value[] | undefined {
  const key = SSE_KEYS.find((k) => k in c);
  if (key === undefined) return undefined;
  const description = c[key];
  if (!isPlainObject(description)) return [];
  const arn = SSE_KEY_ARN_KEYS.map((k) => description[k]).find((v) => typeof v === 'string');
  const status = description.status ?? description.Status;
  return [{ enabled: status === 'ENABLED', kms_key_arn: typeof arn === 'string' ? arn : '' }];
}

function pointInTimeRecovery(supplementary: Record<string, unknown>): Value[] | undefined {
  const backups = supplementary.ContinuousBackupsDescription;
  if (!isPlainObject(backups)) return undefined;
  const description = backups.pointInTimeRecoveryDescription;
  if (!isPlainObject(description) || typeof description.pointInTimeRecoveryStatus !== 'string')
    return undefined;
  return [{ enabled: description.pointInTimeRecoveryStatus === 'ENABLED' }];
}
