import { z } from 'zod';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { cfnInlinePolicies } from './iam-role.js';

/**
 * aws_iam_user, keyed by user name (Terraform's import id; Config's resourceId is the user id, AIDA...). Inline
 * policies, attachments and group memberships are separate Terraform resources, so they are not mapped here.
 *
 * AWS Config (AWS::IAM::User): awslabs/aws-config-resource-schema `AWS::IAM::User.properties.json`
 * (configuration.userName, userId, path, arn, userPolicyList, attachedManagedPolicies, groupList) with
 * permissionsBoundary{permissionsBoundaryType, permissionsBoundaryArn} as in the AWS::IAM::Role schema, and
 * configuration.tags `[{key, value}]` as in Workload Discovery on AWS's IAM user fixture. CloudFormation: the
 * AWS::IAM::User resource reference (UserName, Path, PermissionsBoundary, Tags).
 *
 * Inline policies and attached managed policies are separate Terraform resources (aws_iam_user_policy,
 * aws_iam_user_policy_attachment), but a CloudFormation user declares them as its own `Policies` and
 * `ManagedPolicyArns`. Those are read as the role reads its own: inline_policy [{name, policy}] and
 * managed_policy_arns, so the identity rules judge each document where it is written
 * (`inline_policy[0].policy.Statement[0]`). Only the template carries them: state keeps them in their own
 * resources, and the live mapping does not read the item's userPolicyList yet.
 */
export const iamUser = defineType({
  type: 'aws_iam_user',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    path: s.string,
    arn: s.string,
    unique_id: s.string,
    permissions_boundary: s.string,
    inline_policy: s.blocks({ name: s.string, policy: s.policyDocument }),
    managed_policy_arns: s.strings,
    tags: s.tags,
  }),
  sets: ['managed_policy_arns', 'inline_policy'],
  computed: ['arn', 'unique_id'],
  // "path - (Optional, default "/")": the provider's aws_iam_user documentation.
  defaults: { path: '/' },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: {
      type: 'AWS::IAM::User',
      global: true,
      itemSchema: z.lazy(() =>
        z.object({
          configuration: z.looseObject({
            userName: z.string().nullish(),
            tags: z.array(z.unknown()).nullish(),
          }),
        }),
      ),
      map: fromConfigItem,
    },
    // LoginProfile holds the console password: never read.
    cloudFormation: {
      type: 'AWS::IAM::User',
      map: cfn.fromSpec({
        name: cfn.name('UserName'),
        path: cfn.or('Path', '/'),
        permissions_boundary: 'PermissionsBoundary',
        inline_policy: ['Policies', cfnInlinePolicies],
        managed_policy_arns: 'ManagedPolicyArns',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = typeof c.userName === 'string' ? c.userName : (item.resourceName ?? item.resourceId);
  const attributes: Attributes = { name };
  put(attributes, 'path', c.path);
  put(attributes, 'arn', c.arn ?? item.arn);
  put(attributes, 'unique_id', c.userId);
  put(attributes, 'permissions_boundary', permissionsBoundary(c.permissionsBoundary));
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: name, attributes };
}

// null says the user has no boundary; a missing key says nothing, so it stays unknown.
function permissionsBoundary(boundary: unknown): string | null | undefined {
  if (boundary === null) return null;
  const arn = record(boundary)?.permissionsBoundaryArn;
  return typeof arn === 'string' ? arn : undefined;
}
