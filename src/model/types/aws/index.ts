import type { ResourceType } from '../resource-type.js';
import { cloudfrontDistribution } from './cloudfront-distribution.js';
import { ecrRepository } from './ecr-repository.js';
import { iamGroup } from './iam-group.js';
import { iamGroupMembership } from './iam-group-membership.js';
import { iamGroupPolicy } from './iam-group-policy.js';
import { iamGroupPolicyAttachment } from './iam-group-policy-attachment.js';
import { iamPolicyAttachment } from './iam-policy-attachment.js';
import { iamRolePolicy } from './iam-role-policy.js';
import { iamRolePolicyAttachment } from './iam-role-policy-attachment.js';
import { iamUserPolicy } from './iam-user-policy.js';
import { iamUserPolicyAttachment } from './iam-user-policy-attachment.js';
import { instance } from './instance.js';
import { kinesisStream } from './kinesis-stream.js';
import { lb } from './lb.js';
import { routeTableAssociation } from './route-table-association.js';
import { s3Bucket } from './s3-bucket.js';

/** Every aws type module, one file each in this folder; the conformance test checks the two agree. */
export const AWS_TYPES: readonly ResourceType[] = [
  cloudfrontDistribution,
  ecrRepository,
  iamGroup,
  iamGroupMembership,
  iamGroupPolicy,
  iamGroupPolicyAttachment,
  iamPolicyAttachment,
  iamRolePolicy,
  iamRolePolicyAttachment,
  iamUserPolicy,
  iamUserPolicyAttachment,
  instance,
  kinesisStream,
  lb,
  routeTableAssociation,
  s3Bucket,
];
