import type { Value } from '../../../src/model/value.js';
import {
  asBoolean,
  asNumber,
  asRecord,
  asString,
  enabledFlag,
  envelopeAttributes,
  fieldOfEach,
  put,
} from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.KeyVault/vaults -> azurerm_key_vault.
 *
 * Shape: Azure/azure-rest-api-specs `keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/`
 * `getVault.json`: the SKU is `properties.sku{family, name}`, not the top-level sku. network_acls follows the
 * provider's `flattenKeyVaultNetworkAcls`: one block, bypass a plain string (unlike storage's set).
 *
 * access_policy is left out on purpose: the inline block and `azurerm_key_vault_access_policy` compete for the
 * same list, so the live list cannot be attributed to either.
 */
export const keyVaultMapping: ArmTypeMapping = {
  armType: 'Microsoft.KeyVault/vaults',
  terraformTypes: ['azurerm_key_vault'],
  map: mapKeyVault,
};

function mapKeyVault(resource: ArmResource): MappedResource {
  const p = asRecord(resource.properties);
  const attributes = envelopeAttributes(resource);
  if (p) {
    put(attributes, 'tenant_id', asString(p.tenantId));
    const skuName = asString(asRecord(p.sku)?.name) ?? asString(resource.sku?.name);
    put(attributes, 'sku_name', skuName?.toLowerCase());
    // ARM omits enablePurgeProtection until it has been turned on, and it can never be turned off again.
    put(attributes, 'purge_protection_enabled', p.enablePurgeProtection === true);
    put(attributes, 'soft_delete_retention_days', asNumber(p.softDeleteRetentionInDays));
    const rbac = asBoolean(p.enableRbacAuthorization);
    put(attributes, 'enable_rbac_authorization', rbac);
    // Later 4.x releases deprecate enable_rbac_authorization for this name and write both into state.
    put(attributes, 'rbac_authorization_enabled', rbac);
    put(attributes, 'public_network_access_enabled', enabledFlag(p.publicNetworkAccess));
    put(attributes, 'network_acls', networkAcls(asRecord(p.networkAcls)));
  }
  return { id: resource.id, terraformType: 'azurerm_key_vault', attributes };
}

function networkAcls(acls: Record<string, unknown> | undefined): Value[] | undefined {
  if (!acls) return undefined;
  const block: Record<string, Value> = {};
  put(block, 'default_action', asString(acls.defaultAction));
  put(block, 'bypass', asString(acls.bypass));
  put(block, 'ip_rules', fieldOfEach(acls.ipRules, 'value'));
  put(block, 'virtual_network_subnet_ids', fieldOfEach(acls.virtualNetworkRules, 'id'));
  return [block];
}
