import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_key_vault, from Microsoft.KeyVault/vaults.
 *
 * ARM shape: Azure/azure-rest-api-specs `keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/`
 * `getVault.json`: the SKU is `properties.sku{family, name}`, not the top-level sku. network_acls follows the
 * provider's `flattenKeyVaultNetworkAcls`: one block, bypass a plain string (unlike storage's set).
 *
 * access_policy is left out on purpose: the inline block and `azurerm_key_vault_access_policy` compete for the
 * same list, so the live list cannot be attributed to either.
 */
export const keyVault = defineType({
  type: 'azurerm_key_vault',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    tenant_id: s.string,
    sku_name: s.string,
    purge_protection_enabled: s.boolean,
    soft_delete_retention_days: s.number,
    rbac_authorization_enabled: s.boolean,
    public_network_access_enabled: s.boolean,
    network_acls: s.blocks({
      default_action: s.string,
      bypass: s.string,
      ip_rules: s.strings,
      virtual_network_subnet_ids: s.strings,
    }),
    access_policy: s.blocks({
      tenant_id: s.string,
      object_id: s.string,
      application_id: s.string,
      key_permissions: s.strings,
      secret_permissions: s.strings,
      certificate_permissions: s.strings,
      storage_permissions: s.strings,
    }),
  }),
  sets: ['network_acls[*].ip_rules', 'network_acls[*].virtual_network_subnet_ids', 'access_policy'],
  // azurerm 4.x schema defaults (website/docs/r/key_vault.html.markdown); an unset bool is false in state.
  defaults: {
    purge_protection_enabled: false,
    soft_delete_retention_days: 90,
    rbac_authorization_enabled: false,
    public_network_access_enabled: true,
  },
  // Later 4.x releases deprecate enable_rbac_authorization for this name and write both into state.
  renamed: [['enable_rbac_authorization', 'rbac_authorization_enabled']],
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.KeyVault/vaults',
      map: fromArm,
      // Purge protection is off until it is turned on (and then it cannot be turned off); soft-deleted vaults are
      // kept 90 days unless softDeleteRetentionInDays says otherwise (VaultProperties, 2023-07-01).
      platformDefaults: { purge_protection_enabled: false, soft_delete_retention_days: 90 },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  // A list row carries no properties: the envelope is all it says.
  if (p === undefined || p === null) return attributes;
  arm.put(attributes, 'tenant_id', arm.str(arm.field(p, 'tenantId')));
  const sku = arm.str(arm.field(p, 'sku', 'name')) ?? arm.str(arm.field(resource.sku, 'name'));
  arm.put(attributes, 'sku_name', typeof sku === 'string' ? sku.toLowerCase() : sku);
  // ARM omits enablePurgeProtection until it has been turned on, so absent from properties is false.
  arm.put(attributes, 'purge_protection_enabled', arm.bool(arm.field(p, 'enablePurgeProtection')) ?? false);
  arm.put(attributes, 'soft_delete_retention_days', arm.num(arm.field(p, 'softDeleteRetentionInDays')));
  arm.put(attributes, 'rbac_authorization_enabled', arm.bool(arm.field(p, 'enableRbacAuthorization')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'network_acls', networkAcls(arm.field(p, 'networkAcls')));
  return attributes;
}

function networkAcls(acls: Value | undefined): Value | undefined {
  if (acls === undefined || isUnknown(acls)) return acls;
  const block: Attributes = {};
  arm.put(block, 'default_action', arm.str(arm.field(acls, 'defaultAction')));
  arm.put(block, 'bypass', arm.str(arm.field(acls, 'bypass')));
  arm.put(block, 'ip_rules', arm.fieldOfEach(arm.field(acls, 'ipRules'), 'value'));
  arm.put(block, 'virtual_network_subnet_ids', arm.fieldOfEach(arm.field(acls, 'virtualNetworkRules'), 'id'));
  return [block];
}
