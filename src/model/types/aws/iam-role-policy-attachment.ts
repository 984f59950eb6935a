import { joined } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_role_policy_attachment: one managed policy attached to one role. No live source maps it; state carries
 * it. Its state `id` is generated (`<role>-<timestamp>`); the import id is `<role>/<policy_arn>`.
 */
export const iamRolePolicyAttachment = defineType({
  type: 'aws_iam_role_policy_attachment',
  provider: 'aws',
  schema: s.attributes({ role: s.string, policy_arn: s.string }),
  id: {
    attribute: 'id',
    importId: (attributes) => joined(attributes.role, attributes.policy_arn),
    caseInsensitive: false,
  },
  sources: {},
});
