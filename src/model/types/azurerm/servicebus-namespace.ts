import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema } from './shared/identity.js';
import { keyVaultKeyId, skuName } from './shared/messaging.js';

/**
 * azurerm_servicebus_namespace, from Microsoft.ServiceBus/namespaces (a row of the azurerm table until it had a
 * module).
 *
 * ARM shape: Azure/azure-rest-api-specs `servicebus/resource-manager/Microsoft.ServiceBus/stable/2024-01-01/`
 * `namespace-preview.json` (SBNamespace: sku{name, tier, capacity}, identity, properties.minimumTlsVersion,
 * disableLocalAuth, publicNetworkAccess, premiumMessagingPartitions, encryption{keySource, keyVaultProperties[],
 * requireInfrastructureEncryption}) and the examples `NameSpaces/SBNameSpaceCreate.json` and (2026-01-01)
 * `NameSpaces/SBNameSpaceGet.json`. Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceServiceBusNamespaceRead`: sku is rewritten to Basic/Standard/Premium whatever casing ARM returns;
 * capacity is sku.capacity; local_auth_enabled is the negation of disableLocalAuth; customer_managed_key is one
 * block from the first keyVaultProperties entry (key_vault_key_id rebuilt from keyVaultUri, keyName and
 * keyVersion; identity_id the user-assigned identity) and none when encryption is absent.
 *
 * network_rule_set comes from a separate GET (`namespaces/{name}/networkRuleSets/default`), not the namespace's
 * payload: not compared. The default keys and connection strings come from listKeys: never read.
 */
export const servicebusNamespace = defineType({
  type: 'azurerm_servicebus_namespace',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    sku: s.string,
    capacity: s.number,
    premium_messaging_partitions: s.number,
    local_auth_enabled: s.boolean,
    public_network_access_enabled: s.boolean,
    minimum_tls_version: s.string,
    customer_managed_key: s.blocks({
      key_vault_key_id: s.string,
      identity_id: s.string,
      infrastructure_encryption_enabled: s.boolean,
    }),
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['endpoint'],
  sensitive: [
    'default_primary_connection_string',
    'default_secondary_connection_string',
    'default_primary_key',
    'default_secondary_key',
  ],
  // azurerm 4.x schema defaults (internal/services/servicebus/servicebus_namespace_resource.go).
  defaults: {
    capacity: 0,
    premium_messaging_partitions: 0,
    local_auth_enabled: true,
    public_network_access_enabled: true,
    minimum_tls_version: '1.2',
  },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.ServiceBus/namespaces',
      map: fromArm,
      // SBNamespaceProperties (2024-01-01): publicNetworkAccess "default": "Enabled".
      platformDefaults: { public_network_access_enabled: true },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku', skuName(arm.field(resource.sku, 'name'), ['Basic', 'Standard', 'Premium']));
  arm.put(attributes, 'capacity', arm.num(arm.field(resource.sku, 'capacity')));
  // A list row carries no properties: the envelope, identity and sku are all it says.
  if (p === undefined || p === null) return attributes;
  arm.put(attributes, 'premium_messaging_partitions', arm.num(arm.field(p, 'premiumMessagingPartitions')));
  const disableLocalAuth = arm.bool(arm.field(p, 'disableLocalAuth'));
  arm.put(
    attributes,
    'local_auth_enabled',
    typeof disableLocalAuth === 'boolean' ? !disableLocalAuth : disableLocalAuth,
  );
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'minimum_tls_version', arm.str(arm.field(p, 'minimumTlsVersion')));
  arm.put(attributes, 'customer_managed_key', customerManagedKey(p));
  return attributes;
}

/**
 * `encryption{keyVaultProperties: [{keyVaultUri, keyName, keyVersion, identity.userAssignedIdentity}],
 * requireInfrastructureEncryption}` -> one block; no encryption is no block (the provider's
 * flattenServiceBusNamespaceEncryption).
 */
function customerManagedKey(properties: Value): Value | undefined {
  const encryption = arm.field(properties, 'encryption');
  if (encryption === undefined) return isUnknown(properties) ? encryption : [];
  if (isUnknown(encryption)) return encryption;
  const vaults = arm.records(arm.field(encryption, 'keyVaultProperties'), (item) => item);
  if (vaults !== undefined && !Array.isArray(vaults)) return vaults;
  const first = vaults?.[0];
  return [
    {
      key_vault_key_id: first === undefined ? null : (keyVaultKeyId(first) ?? null),
      identity_id: arm.str(arm.field(first, 'identity', 'userAssignedIdentity')) ?? null,
      infrastructure_encryption_enabled:
        arm.bool(arm.field(encryption, 'requireInfrastructureEncryption')) ?? null,
    },
  ];
}
