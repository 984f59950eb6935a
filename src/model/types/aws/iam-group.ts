import { z } from 'zod';
import { put } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_iam_group, keyed by group name (hashicorp/terraform-provider-aws `aws_iam_group`: `name`, `path`, `arn`,
 * `unique_id`; the import id is the name, and Config's resourceId is the group id, AGPA...).
 *
 * The group's inline policies and attached managed policies are separate Terraform resources
 * (aws_iam_group_policy, aws_iam_group_policy_attachment), as they are for aws_iam_user, so neither CloudFormation's
 * `Policies` and `ManagedPolicyArns` nor Config's `groupPolicyList` and `attachedManagedPolicies` are read here.
 *
 * AWS Config (AWS::IAM::Group, a global type): awslabs/aws-config-resource-schema `AWS::IAM::Group.properties.json`
 * (configuration.groupName, groupId, path, arn). CloudFormation: AWS::IAM::Group (`GroupName`, generated when left
 * out, and `Path`, `/` when left out).
 */
export const iamGroup = defineType({
  type: 'aws_iam_group',
  provider: 'aws',
  schema: s.attributes({ name: s.string, path: s.string, arn: s.string, unique_id: s.string }),
  computed: ['arn', 'unique_id'],
  // "path - (Optional, default "/")": the provider's aws_iam_group documentation.
  defaults: { path: '/' },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: {
      type: 'AWS::IAM::Group',
      global: true,
      itemSchema: z.object({ configuration: z.looseObject({ groupName: z.string().nullish() }) }),
      map: fromConfigItem,
    },
    cloudFormation: {
      type: 'AWS::IAM::Group',
      map: cfn.fromSpec({ name: cfn.name('GroupName'), path: cfn.or('Path', '/') }),
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
