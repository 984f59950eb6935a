import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_efs_mount_target, keyed by its mount target id (fsmt-...), the Terraform import id. Only Terraform state
 * describes it here: driftwarden maps neither an AWS Config nor a CloudFormation shape of mount targets.
 */
export const efsMountTarget = defineType({
  type: 'aws_efs_mount_target',
  provider: 'aws',
  schema: s.attributes({
    file_system_id: s.string,
    subnet_id: s.string,
    ip_address: s.string,
    security_groups: s.strings,
  }),
  sets: ['security_groups'],
  computed: [
    'dns_name',
    'mount_target_dns_name',
    'file_system_arn',
    'network_interface_id',
    'availability_zone_name',
    'availability_zone_id',
    'owner_id',
  ],
  id: { attribute: 'id', caseInsensitive: false },
  sources: {},
});
