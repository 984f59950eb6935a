import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/** aws_lb, keyed by its ARN. No live source maps it yet; state carries it. */
export const lb = defineType({
  type: 'aws_lb',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    internal: s.boolean,
    load_balancer_type: s.string,
    security_groups: s.strings,
    subnets: s.strings,
    drop_invalid_header_fields: s.boolean,
    enable_deletion_protection: s.boolean,
    access_logs: s.blocks({ bucket: s.string, enabled: s.boolean, prefix: s.string }),
    tags: s.tags,
  }),
  sets: ['security_groups', 'subnets'],
  computed: ['arn', 'arn_suffix', 'dns_name', 'zone_id', 'vpc_id'],
  // The provider's aws_lb documentation: internal "Defaults to `false`", load_balancer_type "The default value
  // is `application`", enable_deletion_protection "Defaults to `false`", drop_invalid_header_fields "Default is
  // `false`".
  defaults: {
    internal: false,
    load_balancer_type: 'application',
    enable_deletion_protection: false,
    drop_invalid_header_fields: false,
  },
  id: { attribute: 'arn', caseInsensitive: false },
  sources: {},
});
