/**
 * Attributes that Terraform's provider schemas type as sets: their order carries no meaning, so both sides are
 * sorted before comparison. Paths use `[*]` for "every element". Only types whose schemas were checked are listed.
 */
export const SET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role: ['managed_policy_arns', 'inline_policy'],
  aws_iam_user: [],
  aws_iam_group_membership: ['users'],
  aws_iam_policy_attachment: ['users', 'roles', 'groups'],
  aws_security_group: [
    'ingress',
    'egress',
    'ingress[*].cidr_blocks',
    'ingress[*].ipv6_cidr_blocks',
    'ingress[*].security_groups',
    'ingress[*].prefix_list_ids',
    'egress[*].cidr_blocks',
    'egress[*].ipv6_cidr_blocks',
    'egress[*].security_groups',
    'egress[*].prefix_list_ids',
  ],
  aws_instance: ['vpc_security_group_ids', 'security_groups'],
  aws_db_instance: ['vpc_security_group_ids', 'enabled_cloudwatch_logs_exports'],
  aws_rds_cluster: ['vpc_security_group_ids', 'enabled_cloudwatch_logs_exports', 'availability_zones'],
  aws_lb: ['security_groups', 'subnets'],
  aws_lambda_function: ['vpc_config[*].security_group_ids', 'vpc_config[*].subnet_ids', 'layers'],
  aws_efs_mount_target: ['security_groups'],
  aws_cloudtrail: ['event_selector'],
  azurerm_network_security_group: ['security_rule'],
  azurerm_storage_account: [
    'network_rules[*].ip_rules',
    'network_rules[*].virtual_network_subnet_ids',
    'network_rules[*].bypass',
  ],
  azurerm_key_vault: [
    'network_acls[*].ip_rules',
    'network_acls[*].virtual_network_subnet_ids',
    'access_policy',
  ],
  azurerm_role_definition: [
    'assignable_scopes',
    'permissions[*].actions',
    'permissions[*].not_actions',
    'permissions[*].data_actions',
    'permissions[*].not_data_actions',
  ],
};
