import { iamPolicyMapping } from './iam-policy.js';
import { iamRoleMapping } from './iam-role.js';
import { EXTRA_MAPPINGS } from './registry-extra.js';
import { s3BucketMapping } from './s3-bucket.js';
import { snsTopicMapping } from './sns-topic.js';
import type { TypeMapping } from './types.js';

/** Every Config type this connector maps, one file per type. */
export const MAPPINGS: readonly TypeMapping[] = [
  s3BucketMapping,
  iamPolicyMapping,
  iamRoleMapping,
  snsTopicMapping,
  ...EXTRA_MAPPINGS,
];

export const MAPPING_BY_CONFIG_TYPE = new Map(MAPPINGS.map((m) => [m.configType, m]));
export const MAPPING_BY_TERRAFORM_TYPE = new Map(MAPPINGS.map((m) => [m.terraformType, m]));

/** Config's global resource types: recorded once, in the region that records global types. */
export const GLOBAL_CONFIG_TYPES = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::Group',
]);
