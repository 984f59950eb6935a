import { z } from 'zod';
import { put } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { cfnInlinePolicies } from './iam-role.js';

/**
 * aws_iam_group, keyed by group name (hashicorp/terraform-provider-aws `aws_iam_group`: `name`, `path`, `arn`,
 * `unique_id`; the import id is the name, and Config's resourceId is the group id, AGPA...).
 *
 * The group's inline policies and attached managed policies are separate Terraform resources
 * (aws_iam_group_policy, aws_iam_group_policy_attachment), but a CloudFormation group declares them as its own
 * `Policies` and `ManagedPolicyArns`: they are read as the role reads its own (inline_policy [{name, policy}],
 * managed_policy_arns), so the identity rules judge each document where it is written. Only the template carries
 * them; Config's `groupPolicyList` and `attachedManagedPolicies` are not read yet.
 *
 * AWS Config (AWS::IAM::Group, a global type): awslabs/aws-config-resource-schema `AWS::IAM::Group.properties.json`
 * (configuration.groupName, groupId, path, arn). CloudFormation: AWS::IAM::Group (`GroupName`, generated when left
 * out, and `Path`, `/` when left out).
 */
export const iamGroup = defineType({
  type: 'aws_iam_group',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    path: s.string,
    arn: s.string,
    unique_id: s.string,
    inline_policy: s.blocks({ name: s.string, policy: s.policyDocument }),
    managed_policy_arns: s.strings,
  }),
  sets: ['managed_policy_arns', 'inline_policy'],
  computed: ['arn', 'unique_id'],
  // "path - (Optional, default "/")": the provider's aws_iam_group documentation.
  defaults: { path: '/' },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: {
      type: 'AWS::IAM::Group',
      global: true,
      itemSchema: z.lazy(() =>
        z.object({ configuration: z.looseObject({ groupName: z.string().nullish() }) }),
      ),
      map: fromConfigItem,
    },
    cloudFormation: {
      type: 'AWS::IAM::Group',
      map: cfn.fromSpec({
        name: cfn.name('GroupName'),
        path: cfn.or('Path', '/'),
        inline_policy: ['Policies', cfnInlinePolicies],
        managed_policy_arns: 'ManagedPolicyArns',
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = typeof c.groupName === 'string' ? c.groupName : (item.resourceName ?? item.resourceId);
  const attributes: Attributes = { name };
  put(attributes, 'path', c.path);
  put(attributes, 'arn', c.arn ?? item.arn);
  put(attributes, 'unique_id', c.groupId);
  return { id: name, attributes };
}
