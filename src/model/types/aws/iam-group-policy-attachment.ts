import { joined } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_group_policy_attachment: one managed policy attached to one group. No live source maps it; state carries
 * it. Its state `id` is generated (`<group>-<timestamp>`); the import id is `<group>/<policy_arn>`.
 */
export const iamGroupPolicyAttachment = defineType({
  type: 'aws_iam_group_policy_attachment',
  provider: 'aws',
  schema: s.attributes({ group: s.string, policy_arn: s.string }),
  id: {
    attribute: 'id',
    importId: (attributes) => joined(attributes.group, attributes.policy_arn),
    caseInsensitive: false,
  },
  sources: {},
});
