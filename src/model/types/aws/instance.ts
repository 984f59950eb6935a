import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/** aws_instance, keyed by instance id. No live source maps it yet; state carries it. */
export const instance = defineType({
  type: 'aws_instance',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    ami: s.string,
    instance_type: s.string,
    subnet_id: s.string,
    vpc_security_group_ids: s.strings,
    security_groups: s.strings,
    associate_public_ip_address: s.boolean,
    iam_instance_profile: s.string,
    metadata_options: s.blocks({ http_endpoint: s.string, http_tokens: s.string }),
    root_block_device: s.blocks({
      encrypted: s.boolean,
      kms_key_id: s.string,
      volume_size: s.number,
      volume_type: s.string,
    }),
    tags: s.tags,
  }),
  sets: ['vpc_security_group_ids', 'security_groups'],
  computed: ['arn', 'private_ip', 'public_ip', 'private_dns', 'public_dns', 'primary_network_interface_id'],
  id: { attribute: 'id', caseInsensitive: false },
  sources: {},
});
