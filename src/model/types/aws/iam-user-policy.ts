import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_user_policy, an inline policy embedded in one IAM user (hashicorp/terraform-provider-aws
 * `aws_iam_user_policy`: `name`, `policy`, `user`; the state's `id`, and the import id, is `<user>:<name>`).
 *
 * CloudFormation: AWS::IAM::UserPolicy (`PolicyName`, `PolicyDocument` and `UserName`, all required). AWS Config has
 * no type of its own for it (the user's item lists it), so no live source maps this type.
 */
export const iamUserPolicy = defineType({
  type: 'aws_iam_user_policy',
  provider: 'aws',
  schema: s.attributes({ name: s.string, policy: s.policyDocument, user: s.string }),
  // Not built from `user` and `name`: a plan creating the policy has no id yet and is keyed by its address.
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    cloudFormation: {
      type: 'AWS::IAM::UserPolicy',
      map: cfn.fromSpec({ name: 'PolicyName', policy: cfn.policyDocument, user: 'UserName' }),
    },
  },
});
