import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_group_membership: the whole member list of one group, as one Terraform resource. No live source maps it
 * (AWS Config reports membership on each user's groupList); state carries it, keyed by the resource's name.
 */
export const iamGroupMembership = defineType({
  type: 'aws_iam_group_membership',
  provider: 'aws',
  schema: s.attributes({ name: s.string, group: s.string, users: s.strings }),
  sets: ['users'],
  id: {
    attribute: 'name',
    // hashicorp/terraform-provider-aws website/docs/r/iam_group_membership.html.markdown: no Import section.
    importIdUnknown:
      'the provider documents no import for this type (its resource page has no Import section)',
    caseInsensitive: false,
  },
  sources: {},
});
