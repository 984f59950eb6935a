import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_ebs_encryption_by_default: whether EC2 encrypts every new EBS volume of the account in the region
 * (hashicorp/terraform-provider-aws internal/service/ec2 ebs_encryption_by_default.go: `enabled`, Optional,
 * Default true; the state's `id` is a unique id Terraform makes up, and import takes any id). CloudFormation has no
 * such resource and AWS Config does not record the setting, so no live source maps this type; state carries it.
 */
export const ebsEncryptionByDefault = defineType({
  type: 'aws_ebs_encryption_by_default',
  provider: 'aws',
  schema: s.attributes({ enabled: s.boolean }),
  defaults: { enabled: true },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {},
});
