import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_cloudwatch_event_bus, from AWS::Events::EventBus, keyed by its name: the Terraform import id and the state's
 * `id` (hashicorp/terraform-provider-aws website/docs/r/cloudwatch_event_bus.html.markdown, "Import").
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the bus's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::Events::EventBus.properties.json`: Name, Arn,
 * EventSourceName; the registry schema adds Description, KmsKeyIdentifier, DeadLetterConfig{Arn} and Tags). One
 * mapping of those Properties serves templates and AWS Config. The bus policy is aws_cloudwatch_event_bus_policy,
 * not mapped here.
 *
 * `aws_created` marks the account's `default` bus, which every account has in every region and Terraform cannot
 * create: the scan does not report it unmanaged unless --strict. It is no Terraform attribute; only the live
 * mapping writes it.
 */
const fromProperties = cfn.fromSpec({
  name: cfn.name('Name'),
  arn: 'Arn',
  description: 'Description',
  event_source_name: 'EventSourceName',
  kms_key_identifier: 'KmsKeyIdentifier',
  dead_letter_config: [
    'DeadLetterConfig',
    cfn.block((config) => [{ arn: cfn.orNull(cfn.field(config, 'Arn')) }]),
  ],
  tags: ['Tags', cfn.tags],
});

export const cloudwatchEventBus = defineType({
  type: 'aws_cloudwatch_event_bus',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    description: s.string,
    event_source_name: s.string,
    kms_key_identifier: s.string,
    dead_letter_config: s.blocks({ arn: s.string }),
    tags: s.tags,
    aws_created: s.boolean,
  }),
  computed: ['arn'],
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::Events::EventBus', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::Events::EventBus',
      // Without KmsKeyIdentifier events are encrypted with an AWS-owned key, which Terraform holds as no key.
      map: cfn.withTemplateDefaults(fromProperties, { kms_key_identifier: null, dead_letter_config: null }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  const name = text(attributes.name) ?? item.resourceName ?? item.resourceId;
  attributes.name = name;
  put(attributes, 'arn', text(item.arn) ?? text(record(configuration)?.Arn));
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.Tags));
  attributes.aws_created = name === 'default';
  return { id: name, attributes };
}
