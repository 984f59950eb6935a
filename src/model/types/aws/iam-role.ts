import { z } from 'zod';
import type { Value } from '../../value.js';
import { decodePolicyDocument, put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_iam_role, keyed by role name (Terraform's import id; Config's resourceId is the AROA... role id in listings).
 *
 * AWS Config (AWS::IAM::Role): one item carries the trust policy, the inline policies and the attached managed
 * policies, which Terraform also holds on the role (inline_policy, managed_policy_arns). Shapes: moto
 * iam/models.py Role.to_config_dict, the AWS::IAM::Role resource schema and awslabs/aws-config-resource-schema
 * `AWS::IAM::Role.properties.json`; policy documents are URL-encoded.
 *
 * CloudFormation: AWS::IAM::Role.
 */
/** CloudFormation's `Policies` of a role, user or group: `[{PolicyName, PolicyDocument}]`. */
export const cfnInlinePolicies: cfn.Convert = (list) =>
  cfn.eachOf(list, (policy) => ({
    name: cfn.orNull(cfn.field(policy, 'PolicyName')),
    policy: cfn.orNull(cfn.field(policy, 'PolicyDocument')),
  }));

export const iamRole = defineType({
  type: 'aws_iam_role',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    path: s.string,
    unique_id: s.string,
    assume_role_policy: s.policyDocument,
    inline_policy: s.blocks({ name: s.string, policy: s.policyDocument }),
    managed_policy_arns: s.strings,
    permissions_boundary: s.string,
    max_session_duration: s.number,
    tags: s.tags,
  }),
  sets: ['managed_policy_arns', 'inline_policy'],
  computed: ['arn', 'unique_id', 'create_date'],
  // The provider's documentation: "If you do not specify a value for this setting, the default maximum of one hour
  // is applied."
  defaults: { max_session_duration: 3600 },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: {
      type: 'AWS::IAM::Role',
      global: true,
      itemSchema: z.lazy(() =>
        z.object({
          configuration: z.looseObject({
            roleName: z.string().nullish(),
            rolePolicyList: z.array(z.unknown()).nullish(),
            attachedManagedPolicies: z.array(z.unknown()).nullish(),
            tags: z.array(z.unknown()).nullish(),
          }),
        }),
      ),
      map: fromConfigItem,
    },
    cloudFormation: {
      type: 'AWS::IAM::Role',
      map: cfn.fromSpec({
        name: cfn.name('RoleName'),
        assume_role_policy: 'AssumeRolePolicyDocument',
        path: 'Path',
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
  const name = c.roleName ?? item.resourceName;
  if (typeof name !== 'string' || name === '') return undefined;
  const attributes: Attributes = {};
  put(attributes, 'name', name);
  put(attributes, 'arn', item.arn ?? c.arn);
  put(attributes, 'path', c.path);
  put(attributes, 'unique_id', c.roleId);
  put(attributes, 'assume_role_policy', decodePolicyDocument(c.assumeRolePolicyDocument));
  if (Array.isArray(c.rolePolicyList)) attributes.inline_policy = c.rolePolicyList.map(inlinePolicy);
  if (Array.isArray(c.attachedManagedPolicies)) {
    attributes.managed_policy_arns = c.attachedManagedPolicies
      .map((policy) => record(policy)?.policyArn)
      .filter((arn): arn is string => typeof arn === 'string');
  }
  if ('permissionsBoundary' in c) put(attributes, 'permissions_boundary', boundaryArn(c.permissionsBoundary));
  put(attributes, 'max_session_duration', c.maxSessionDuration);
  put(attributes, 'tags', item.tags ?? tagMap(c.tags));
  return { id: name, attributes };
}

function inlinePolicy(raw: unknown): Value {
  const policy = record(raw);
  const block: Attributes = {};
  put(block, 'name', policy?.policyName ?? null);
  block.policy = decodePolicyDocument(policy?.policyDocument) ?? null;
  return block;
}

function boundaryArn(value: unknown): Value {
  if (typeof value === 'string') return value;
  const arn = record(value)?.permissionsBoundaryArn;
  return typeof arn === 'string' ? arn : null;
}
