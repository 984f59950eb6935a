import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_cloudwatch_log_group, keyed by its name: the state's `id` and the import id (hashicorp/terraform-provider-aws
 * `aws_cloudwatch_log_group`: `name`, `kms_key_id`, `retention_in_days`, `log_group_class`, `tags`).
 *
 * CloudFormation: AWS::Logs::LogGroup (LogGroupName, generated when left out; KmsKeyId, the key's ARN;
 * RetentionInDays, LogGroupClass, Tags). AWS Config does not record log groups (botocore's config ResourceType has
 * AWS::Logs::Destination only), so no live source maps this type.
 */
export const cloudwatchLogGroup = defineType({
  type: 'aws_cloudwatch_log_group',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    kms_key_id: s.string,
    retention_in_days: s.number,
    log_group_class: s.string,
    tags: s.tags,
  }),
  computed: ['arn'],
  // The provider's aws_cloudwatch_log_group documentation: retention_in_days "Default is 0" (never expire), and
  // log_group_class defaults to STANDARD, as CloudWatch Logs does.
  defaults: { retention_in_days: 0, log_group_class: 'STANDARD' },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    cloudFormation: {
      type: 'AWS::Logs::LogGroup',
      map: cfn.fromSpec({
        name: cfn.name('LogGroupName'),
        kms_key_id: 'KmsKeyId',
        retention_in_days: ['RetentionInDays', cfn.num],
        log_group_class: 'LogGroupClass',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});
