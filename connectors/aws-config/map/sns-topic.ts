import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { TypeMapping } from './types.js';

/**
 * AWS::SNS::Topic -> aws_sns_topic, keyed by topic ARN. Config's SNS items follow the CloudFormation resource
 * schema (TopicArn, KmsMasterKeyId, ...); moto 5.2.1 writes camel-case (topicArn, kmsMasterKeyId) and the tags as a
 * supplementary `Tags` list. Both are read. The key id is only present when one is set, so in a reported item its
 * absence means "no key".
 */
export const snsTopicMapping: TypeMapping = {
  configType: 'AWS::SNS::Topic',
  terraformType: 'aws_sns_topic',
  map(item) {
    const c = item.configuration;
    const arn = (c.TopicArn ?? c.topicArn ?? item.arn ?? item.resourceId) as string;
    const attributes: Record<string, Value> = {};
    put(attributes, 'arn', arn);
    put(attributes, 'name', c.TopicName ?? item.resourceName);
    put(attributes, 'display_name', c.DisplayName ?? c.displayName);
    attributes.kms_master_key_id = ((c.KmsMasterKeyId ?? c.kmsMasterKeyId ?? null) as Value) || null;
    put(attributes, 'fifo_topic', c.FifoTopic ?? c.fifoTopic);
    const policy = c.Policy ?? c.policy;
    if (policy !== undefined)
      put(attributes, 'policy', typeof policy === 'string' ? policy : (policy as Value));
    put(attributes, 'tags', item.tags ?? tagMap(item.supplementaryConfiguration.Tags ?? c.Tags));
    return { id: arn, attributes };
  },
};
