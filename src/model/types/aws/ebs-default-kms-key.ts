import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_ebs_default_kms_key: the KMS key EC2 encrypts new EBS volumes of the account in the region with when they
 * name none (hashicorp/terraform-provider-aws internal/service/ec2 ebs_default_kms_key.go: `key_arn`, Required;
 * without it the default is the AWS-managed aws/ebs key). CloudFormation has no such resource and AWS Config does
 * not record the setting, so no live source maps this type; state carries it.
 */
export const ebsDefaultKmsKey = defineType({
  type: 'aws_ebs_default_kms_key',
  provider: 'aws',
  schema: s.attributes({ key_arn: s.string }),
  id: { attribute: 'id', caseInsensitive: false },
  sources: {},
});
