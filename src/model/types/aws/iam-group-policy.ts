import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_group_policy, an inline policy embedded in one IAM group (hashicorp/terraform-provider-aws
 * `aws_iam_group_policy`: `name`, `policy`, `group`; the state's `id`, and the import id, is `<group>:<name>`).
 *
 * CloudFormation: AWS::IAM::GroupPolicy (`PolicyName`, `PolicyDocument` and `GroupName`, all required). AWS Config has
 * no type of its own for it (the group's item lists it), so no live source maps this type.
 */
export const iamGroupPolicy = defineType({
  type: 'aws_iam_group_policy',
  provider: 'aws',
  schema: s.attributes({ name: s.string, policy: s.policyDocument, group: s.string }),
  // Not built from `group` and `name`: a plan creating the policy has no id yet and is keyed by its address.
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    cloudFormation: {
      type: 'AWS::IAM::GroupPolicy',
      map: cfn.fromSpec({ name: 'PolicyName', policy: cfn.policyDocument, group: 'GroupName' }),
    },
  },
});
