import { z } from 'zod';
import { decodePolicyDocument, put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_iam_policy, a customer managed policy, keyed by its ARN (Terraform's import id).
 *
 * AWS Config (AWS::IAM::Policy): Config lists every version; the document is the default version's, URL-encoded.
 * Shapes: shared/reference/cloud-apis.md §1.5 and §2.4, and awslabs/aws-config-resource-schema
 * `AWS::IAM::Policy.properties.json` (policyName, policyId, arn, path, description, policyVersionList[{document,
 * versionId, isDefaultVersion}]).
 *
 * CloudFormation: AWS::IAM::ManagedPolicy; and AWS::IAM::Policy, an inline policy attached to roles, users or
 * groups, which as aws_iam_policy the same identity rules judge. Either names the principals it attaches to
 * (`Users`, `Groups`, `Roles`), which Terraform declares as one attachment resource per principal
 * (aws_iam_*_policy_attachment, aws_iam_*_policy) or one aws_iam_policy_attachment for all: the document is judged
 * once, here, and the principals are kept as aws_iam_policy_attachment names them (users, groups, roles), for the
 * rules on who holds a policy. Only a template carries them.
 */
export const iamPolicy = defineType({
  type: 'aws_iam_policy',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    name: s.string,
    path: s.string,
    description: s.string,
    policy_id: s.string,
    policy: s.policyDocument,
    users: s.strings,
    groups: s.strings,
    roles: s.strings,
    tags: s.tags,
  }),
  sets: ['users', 'groups', 'roles'],
  computed: ['arn', 'policy_id', 'attachment_count'],
  // "path - (Optional, default "/")": the provider's aws_iam_policy documentation.
  defaults: { path: '/' },
  id: { attribute: 'arn', caseInsensitive: false },
  sources: {
    awsConfig: {
      type: 'AWS::IAM::Policy',
      global: true,
      itemSchema: z.lazy(() =>
        z.object({
          configuration: z.looseObject({
            arn: z.string().nullish(),
            policyVersionList: z.array(z.unknown()).nullish(),
          }),
        }),
      ),
      map: fromConfigItem,
    },
    cloudFormation: {
      type: 'AWS::IAM::ManagedPolicy',
      also: ['AWS::IAM::Policy'],
      map: (properties, cfnType) =>
        cfnType === 'AWS::IAM::Policy' ? cfnInlinePolicy(properties) : cfnManagedPolicy(properties),
    },
  },
});

const principals = { users: 'Users', groups: 'Groups', roles: 'Roles' };

const cfnManagedPolicy = cfn.fromSpec({
  name: cfn.name('ManagedPolicyName'),
  description: 'Description',
  path: 'Path',
  policy: cfn.policyDocument,
  ...principals,
});

const cfnInlinePolicy = cfn.fromSpec({
  name: cfn.or('PolicyName', null),
  policy: cfn.policyDocument,
  ...principals,
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = item.arn ?? c.arn;
  if (typeof arn !== 'string' || arn === '') return undefined;
  const versions = Array.isArray(c.policyVersionList) ? c.policyVersionList : [];
  const current = versions.map(record).find((version) => version?.isDefaultVersion === true);
  const attributes: Attributes = {};
  put(attributes, 'arn', arn);
  put(attributes, 'name', c.policyName);
  put(attributes, 'path', c.path);
  put(attributes, 'description', c.description);
  put(attributes, 'policy_id', c.policyId);
  if (current) put(attributes, 'policy', decodePolicyDocument(current.document));
  put(attributes, 'tags', item.tags ?? tagMap(c.tags));
  return { id: arn, attributes };
}
