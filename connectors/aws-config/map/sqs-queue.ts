import { isPlainObject, type Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::SQS::Queue -> aws_sqs_queue. Shape: awslabs/aws-config-resource-schema `AWS::SQS::Queue.properties.json`:
 * the configuration is the queue's GetQueueAttributes map (PascalCase: KmsMasterKeyId, SqsManagedSseEnabled,
 * VisibilityTimeout, MessageRetentionPeriod, FifoQueue, ...) plus QueueUrl, QueueName and QueueArn. The SQS API
 * returns every attribute as a string, and the schema types some of them as integers, so both are read.
 *
 * The id is the queue URL, the Terraform import id.
 */
export const sqsQueueMapping: TypeMapping = {
  configType: 'AWS::SQS::Queue',
  terraformType: 'aws_sqs_queue',
  map: mapQueue,
};

function mapQueue(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const name = queueName(item);
  const attributes: Record<string, Value> = { name };
  put(attributes, 'kms_master_key_id', c.KmsMasterKeyId);
  put(attributes, 'sqs_managed_sse_enabled', boolean(c.SqsManagedSseEnabled));
  put(attributes, 'visibility_timeout_seconds', integer(c.VisibilityTimeout));
  put(attributes, 'message_retention_seconds', integer(c.MessageRetentionPeriod));
  put(attributes, 'fifo_queue', boolean(c.FifoQueue));
  put(attributes, 'policy', policyDocument(c.Policy));
  put(attributes, 'tags', tagMap(item.tags));
  return { id: queueUrl(item, name), attributes };
}

function queueName(item: ConfigItem): string {
  const c = item.configuration;
  if (typeof c.QueueName === 'string' && c.QueueName !== '') return c.QueueName;
  const arn = typeof c.QueueArn === 'string' ? c.QueueArn : item.arn;
  return arn?.split(':').at(-1) ?? item.resourceName ?? item.resourceId;
}

// Config's resourceId for a queue is not documented to be the URL, so the URL is built the way SQS forms it
// when the configuration does not carry QueueUrl.
function queueUrl(item: ConfigItem, name: string): string {
  const url = item.configuration.QueueUrl;
  if (typeof url === 'string' && url !== '') return url;
  if (item.resourceId.startsWith('https://')) return item.resourceId;
  if (item.awsRegion && item.accountId)
    return `https://sqs.${item.awsRegion}.amazonaws.com/${item.accountId}/${name}`;
  return item.resourceId;
}

function boolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

function integer(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

// Queue policies are plain JSON text in GetQueueAttributes, not URL-encoded like IAM documents.
function policyDocument(value: unknown): Value | undefined {
  if (isPlainObject(value)) return value;
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const document: Value = JSON.parse(value);
    return document;
  } catch {
    return undefined;
  }
}
