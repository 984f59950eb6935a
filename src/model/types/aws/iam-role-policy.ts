import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_role_policy, an inline policy embedded in one IAM role (hashicorp/terraform-provider-aws
 * `aws_iam_role_policy`: `name`, `policy`, `role`; the state's `id`, and the import id, is `<role>:<name>`).
 *
 * CloudFormation: AWS::IAM::RolePolicy (`PolicyName`, `PolicyDocument` and `RoleName`, all required). AWS Config has
 * no type of its own for it (the role's item lists it), so no live source maps this type.
 */
export const iamRolePolicy = defineType({
  type: 'aws_iam_role_policy',
  provider: 'aws',
  schema: s.attributes({ name: s.string, policy: s.policyDocument, role: s.string }),
  // Not built from `role` and `name`: a plan creating the policy has no id yet and is keyed by its address.
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    cloudFormation: {
      type: 'AWS::IAM::RolePolicy',
      map: cfn.fromSpec({ name: 'PolicyName', policy: cfn.policyDocument, role: 'RoleName' }),
    },
  },
});
