import type { Value } from '../../../src/model/value.js';
import { decodePolicyDocument, put, tagMap } from './decode.js';
import type { TypeMapping } from './types.js';

/**
 * AWS::IAM::Role -> aws_iam_role, keyed by role name (Terraform's import id; Config's resourceId is the AROA...
 * role id in listings). One item carries the trust policy, the inline policies and the attached managed policies,
 * which Terraform also holds on the role (inline_policy, managed_policy_arns). Shapes: moto iam/models.py
 * Role.to_config_dict and the AWS::IAM::Role resource schema.
 */
export const iamRoleMapping: TypeMapping = {
  configType: 'AWS::IAM::Role',
  terraformType: 'aws_iam_role',
  map(item) {
    const c = item.configuration;
    const name = (c.roleName ?? item.resourceName) as string | undefined;
    if (!name) return undefined;
    const attributes: Record<string, Value> = {};
    put(attributes, 'name', name);
    put(attributes, 'arn', item.arn ?? c.arn);
    put(attributes, 'path', c.path);
    put(attributes, 'unique_id', c.roleId);
    put(attributes, 'assume_role_policy', decodePolicyDocument(c.assumeRolePolicyDocument));
    if (Array.isArray(c.rolePolicyList)) {
      attributes.inline_policy = (c.rolePolicyList as Record<string, unknown>[]).map((p) => ({
        name: (p.policyName ?? null) as Value,
        policy: decodePolicyDocument(p.policyDocument) ?? null,
      }));
    }
    if (Array.isArray(c.attachedManagedPolicies)) {
      attributes.managed_policy_arns = (c.attachedManagedPolicies as Record<string, unknown>[])
        .map((p) => p.policyArn)
        .filter((arn): arn is string => typeof arn === 'string');
    }
    if ('permissionsBoundary' in c)
      put(attributes, 'permissions_boundary', boundaryArn(c.permissionsBoundary));
    put(attributes, 'max_session_duration', c.maxSessionDuration);
    put(attributes, 'tags', item.tags ?? tagMap(c.tags));
    return { id: name, attributes };
  },
};

function boundaryArn(value: unknown): Value {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object')
    return ((value as Record<string, unknown>).permissionsBoundaryArn ?? null) as Value;
  return null;
}
