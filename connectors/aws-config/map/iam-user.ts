import { isPlainObject, type Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::IAM::User -> aws_iam_user. Shape: awslabs/aws-config-resource-schema `AWS::IAM::User.properties.json`
 * (configuration.userName, userId, path, arn, userPolicyList, attachedManagedPolicies, groupList) with
 * permissionsBoundary{permissionsBoundaryType, permissionsBoundaryArn} as in the AWS::IAM::Role schema, and
 * configuration.tags `[{key, value}]` as in Workload Discovery on AWS's IAM user fixture.
 *
 * Config's resourceId is the user id (AIDA...); the id here is the user name, the Terraform import id. Inline
 * policies, attachments and group memberships are separate Terraform resources, so they are not emitted.
 */
export const iamUserMapping: TypeMapping = {
  configType: 'AWS::IAM::User',
  terraformType: 'aws_iam_user',
  map: mapUser,
};

function mapUser(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const name = typeof c.userName === 'string' ? c.userName : (item.resourceName ?? item.resourceId);
  const attributes: Record<string, Value> = { name };
  put(attributes, 'path', c.path);
  put(attributes, 'arn', c.arn ?? item.arn);
  put(attributes, 'unique_id', c.userId);
  put(attributes, 'permissions_boundary', permissionsBoundary(c));
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: name, attributes };
}

// null says the user has no boundary; a missing key says nothing, so it stays unknown.
function permissionsBoundary(c: Record<string, unknown>): string | null | undefined {
  const boundary = c.permissionsBoundary;
  if (boundary === null) return null;
  if (!isPlainObject(boundary)) return undefined;
  return typeof boundary.permissionsBoundaryArn === 'string' ? boundary.permissionsBoundaryArn : undefined;
}
