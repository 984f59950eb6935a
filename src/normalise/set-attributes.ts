/**
 * Attributes that Terraform's provider schemas type as sets: their order carries no meaning, so both sides are
 * sorted before comparison. Paths use `[*]` for "every element". Only types whose schemas were checked are listed.
 */
export const SET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  azurerm_storage_account: [
    'network_rules[*].ip_rules',
    'network_rules[*].virtual_network_subnet_ids',
    'network_rules[*].bypass',
  ],
};
