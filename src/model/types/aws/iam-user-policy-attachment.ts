import { joined } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_iam_user_policy_attachment: one managed policy attached to one user. No live source maps it; state carries
 * it. Its state `id` is generated (`<user>-<timestamp>`); the import id is `<user>/<policy_arn>`.
 */
export const iamUserPolicyAttachment = defineType({
  type: 'aws_iam_user_policy_attachment',
  provider: 'aws',
  schema: s.attributes({ user: s.string, policy_arn: s.string }),
  id: {
    attribute: 'id',
    importId: (attributes) => joined(attributes.user, attributes.policy_arn),
    caseInsensitive: false,
  },
  sources: {},
});
