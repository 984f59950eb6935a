import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { policyFold } from './shared/policy-fold.js';

/**
 * aws_sqs_queue, keyed by its queue URL, the Terraform import id (and the state's `id` and `url`).
 *
 * AWS Config (AWS::SQS::Queue): awslabs/aws-config-resource-schema `AWS::SQS::Queue.properties.json`: the
 * configuration is the queue's GetQueueAttributes map (PascalCase: KmsMasterKeyId, SqsManagedSseEnabled,
 * VisibilityTimeout, MessageRetentionPeriod, FifoQueue, ...) plus QueueUrl, QueueName and QueueArn. The SQS API
 * returns every attribute as a string, and the schema types some of them as integers, so both are read.
 *
 * CloudFormation: AWS::SQS::Queue. Its policy is a separate AWS::SQS::QueuePolicy (`Queues`, a list of queue
 * URLs, and `PolicyDocument`), and in Terraform either the queue's `policy` or an aws_sqs_queue_policy (`queue_url`,
 * `policy`), which folds into the queue.
 */
export const sqsQueue = defineType({
  type: 'aws_sqs_queue',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    kms_master_key_id: s.string,
    sqs_managed_sse_enabled: s.boolean,
    visibility_timeout_seconds: s.number,
    message_retention_seconds: s.number,
    fifo_queue: s.boolean,
    policy: s.policyDocument,
    tags: s.tags,
  }),
  computed: ['arn', 'url'],
  // The provider's aws_sqs_queue documentation: visibility_timeout_seconds "The default for this attribute is 30",
  // message_retention_seconds "The default for this attribute is 345600 (4 days)", fifo_queue defaults to false.
  // SQS encrypts new queues with SSE-SQS unless a KMS key is given (SqsManagedSseEnabled defaults to true, since
  // October 2022; AWS::SQS::Queue SqsManagedSseEnabled).
  defaults: {
    visibility_timeout_seconds: 30,
    message_retention_seconds: 345600,
    fifo_queue: false,
    sqs_managed_sse_enabled: true,
  },
  id: { attribute: 'url', caseInsensitive: false },
  folds: [
    policyFold({
      type: 'aws_sqs_queue_policy',
      parentIdAttribute: 'queue_url',
      cloudFormation: { type: 'AWS::SQS::QueuePolicy', parents: 'Queues', policy: 'PolicyDocument' },
    }),
  ],
  sources: {
    awsConfig: { type: 'AWS::SQS::Queue', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::SQS::Queue',
      map: cfn.fromSpec({
        name: cfn.name('QueueName'),
        kms_master_key_id: cfn.or('KmsMasterKeyId', null),
        sqs_managed_sse_enabled: sqsManagedSse,
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

/**
 * SQS turns SSE-SQS on for new queues unless a KMS key is given (SqsManagedSseEnabled defaults to true), so an
 * absent flag is true without a key, false with one, and unknown when the key itself may or may not be set.
 */
function sqsManagedSse(properties: Value): Value {
  const flag = cfn.bool(cfn.field(properties, 'SqsManagedSseEnabled'));
  if (flag !== undefined) return flag;
  const key = cfn.field(properties, 'KmsMasterKeyId');
  return key === undefined ? true : isUnknown(key) ? key : false;
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = queueName(item);
  const attributes: Attributes = { name };
  const sqsManaged = boolean(c.SqsManagedSseEnabled);
  put(attributes, 'kms_master_key_id', c.KmsMasterKeyId);
  // GetQueueAttributes leaves KmsMasterKeyId out when no key is set; an attribute map that reports
  // SqsManagedSseEnabled (every map since SSE-SQS came in) would carry the key if there were one.
  if (c.KmsMasterKeyId === undefined && sqsManaged !== undefined) attributes.kms_master_key_id = null;
  put(attributes, 'sqs_managed_sse_enabled', sqsManaged);
  put(attributes, 'visibility_timeout_seconds', integer(c.VisibilityTimeout));
  put(attributes, 'message_retention_seconds', integer(c.MessageRetentionPeriod));
  put(attributes, 'fifo_queue', boolean(c.FifoQueue));
  put(attributes, 'policy', policyDocument(c.Policy));
  put(attributes, 'tags', tagMap(item.tags));
  return { id: queueUrl(item, name), attributes };
}

function queueName(item: AwsConfigItem): string {
  const c = item.configuration;
  const fromConfiguration = text(c.QueueName);
  if (fromConfiguration) return fromConfiguration;
  const arn = typeof c.QueueArn === 'string' ? c.QueueArn : item.arn;
  return arn?.split(':').at(-1) ?? item.resourceName ?? item.resourceId;
}

// Config's resourceId for a queue is not documented to be the URL, so the URL is built the way SQS forms it
// when the configuration does not carry QueueUrl.
function queueUrl(item: AwsConfigItem, name: string): string {
  const url = text(item.configuration.QueueUrl);
  if (url) return url;
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
    const parsed: Value = JSON.parse(value);
    return parsed;
  } catch {
    return undefined;
  }
}
