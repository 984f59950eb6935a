import { z } from 'zod';
import { isPlainObject, type Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { policyFold } from './shared/policy-fold.js';

/**
 * aws_sns_topic, keyed by its topic ARN, the Terraform import id.
 *
 * AWS Config (AWS::SNS::Topic): Config's SNS items follow the CloudFormation resource schema (TopicArn,
 * KmsMasterKeyId, ...); moto 5.2.1 (SNSBackend.get_config_resource) writes camel-case (topicArn, kmsMasterKeyId,
 * policy as an object) and the tags as a supplementary `Tags` list. Both are read. The key id is only present when
 * one is set, so in a reported item its absence means "no key".
 *
 * CloudFormation: AWS::SNS::Topic. Its policy is a separate AWS::SNS::TopicPolicy (`Topics`, a list of topic ARNs,
 * and `PolicyDocument`), and in Terraform either the topic's `policy` or an aws_sns_topic_policy (`arn`, `policy`),
 * which folds into the topic.
 */
export const snsTopic = defineType({
  type: 'aws_sns_topic',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    display_name: s.string,
    kms_master_key_id: s.string,
    fifo_topic: s.boolean,
    policy: s.policyDocument,
    tags: s.tags,
  }),
  computed: ['arn', 'owner'],
  // The provider's aws_sns_topic documentation: fifo_topic "Default is `false`".
  defaults: { fifo_topic: false },
  id: { attribute: 'arn', caseInsensitive: false },
  folds: [
    policyFold({
      type: 'aws_sns_topic_policy',
      parentIdAttribute: 'arn',
      cloudFormation: { type: 'AWS::SNS::TopicPolicy', parents: 'Topics', policy: 'PolicyDocument' },
    }),
  ],
  sources: {
    awsConfig: {
      type: 'AWS::SNS::Topic',
      itemSchema: z.lazy(() =>
        z.object({
          configuration: z.looseObject({ TopicArn: z.string().nullish(), topicArn: z.string().nullish() }),
        }),
      ),
      map: fromConfigItem,
    },
    cloudFormation: {
      type: 'AWS::SNS::Topic',
      map: cfn.fromSpec({
        name: cfn.name('TopicName'),
        kms_master_key_id: cfn.or('KmsMasterKeyId', null),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = firstString(c.TopicArn, c.topicArn, item.arn) ?? item.resourceId;
  const attributes: Attributes = {};
  put(attributes, 'arn', arn);
  put(attributes, 'name', c.TopicName ?? item.resourceName);
  put(attributes, 'display_name', c.DisplayName ?? c.displayName);
  attributes.kms_master_key_id = text(c.KmsMasterKeyId ?? c.kmsMasterKeyId) ?? null;
  put(attributes, 'fifo_topic', c.FifoTopic ?? c.fifoTopic);
  put(attributes, 'policy', policy(c.Policy ?? c.policy));
  put(attributes, 'tags', item.tags ?? tagMap(item.supplementaryConfiguration.Tags ?? c.Tags));
  return { id: arn, attributes };
}

/** The first of the candidates that is present; the item schema has checked that it is a string. */
function firstString(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) if (typeof candidate === 'string') return candidate;
  return undefined;
}

/** A policy document as the item holds it: the JSON text, or (moto) the parsed object. */
function policy(value: unknown): Value | undefined {
  if (typeof value === 'string' || isPlainObject(value)) return value;
  return undefined;
}
