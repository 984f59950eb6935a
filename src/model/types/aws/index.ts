import type { ResourceType } from '../resource-type.js';
import { cloudfrontDistribution } from './cloudfront-distribution.js';
import { ecrRepository } from './ecr-repository.js';
import { iamGroup } from './iam-group.js';
import { iamGroupPolicy } from './iam-group-policy.js';
import { iamRolePolicy } from './iam-role-policy.js';
import { iamUserPolicy } from './iam-user-policy.js';
import { kinesisStream } from './kinesis-stream.js';
import { s3Bucket } from './s3-bucket.js';

/** Every aws type module, one file each in this folder; the conformance test checks the two agree. */
export const AWS_TYPES: readonly ResourceType[] = [
  cloudfrontDistribution,
  ecrRepository,
  iamGroup,
  iamGroupPolicy,
  iamRolePolicy,
  iamUserPolicy,
  kinesisStream,
  s3Bucket,
];
