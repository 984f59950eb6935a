import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_policy_attachment: every attachment of one managed policy, to users, roles and groups, as one exclusive
 * Terraform resource. No live source maps it; state carries it, keyed by the resource's name.
 */
export const iamPolicyAttachment = defineType({
  type: 'aws_iam_policy_attachment',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    policy_arn: s.string,
    users: s.strings,
    roles: s.strings,
    groups: s.strings,
  }),
  sets: ['users', 'roles', 'groups'],
  id: {
    attribute: 'name',
    // hashicorp/terraform-provider-aws website/docs/r/iam_policy_attachment.html.markdown: no Import section.
    importIdUnknown:
      'the provider documents no import for this type (its resource page has no Import section)',
    caseInsensitive: false,
  },
  sources: {},
});
