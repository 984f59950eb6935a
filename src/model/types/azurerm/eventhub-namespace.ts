import { isPlainObject } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema } from './shared/identity.js';
import { skuName } from './shared/messaging.js';

/**
 * azurerm_eventhub_namespace, from Microsoft.EventHub/namespaces (a row of the azurerm table until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `eventhub/resource-manager/Microsoft.EventHub/stable/2024-01-01/examples/`
 * `NameSpaces/EHNameSpaceCreate.json` (sku{name, tier, capacity}, identity, properties.isAutoInflateEnabled,
 * maximumThroughputUnits, disableLocalAuth, minimumTlsVersion, clusterArmId, zoneRedundant, encryption).
 * Attribute semantics follow terraform-provider-azurerm 4.x `resourceEventHubNamespaceRead`: capacity is
 * sku.capacity, local_authentication_enabled the negation of disableLocalAuth, dedicated_cluster_id is
 * clusterArmId; zone_redundant is computed in 4.x.
 *
 * The customer-managed key is `azurerm_eventhub_namespace_customer_managed_key`, a type of its own, so
 * properties.encryption is not this type's. network_rulesets comes from a separate GET
 * (`namespaces/{name}/networkRuleSets/default`), not the namespace's payload: not compared. The default keys and
 * connection strings come from listKeys: never read.
 */
export const eventhubNamespace = defineType({
  type: 'azurerm_eventhub_namespace',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    sku: s.string,
    capacity: s.number,
    auto_inflate_enabled: s.boolean,
    maximum_throughput_units: s.number,
    dedicated_cluster_id: s.string,
    local_authentication_enabled: s.boolean,
    public_network_access_enabled: s.boolean,
    minimum_tls_version: s.string,
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['zone_redundant'],
  sensitive: [
    'default_primary_connection_string',
    'default_secondary_connection_string',
    'default_primary_connection_string_alias',
    'default_secondary_connection_string_alias',
    'default_primary_key',
    'default_secondary_key',
  ],
  // azurerm 4.x schema defaults (internal/services/eventhub/eventhub_namespace_resource.go).
  defaults: {
    capacity: 1,
    auto_inflate_enabled: false,
    local_authentication_enabled: true,
    public_network_access_enabled: true,
  },
  id: { attribute: 'id', caseInsensitive: true },
  // A system-assigned identity's principal_id and tenant_id are the cloud's (computed); ARM mappings leave them out.
  canonicalise(attributes) {
    const identity = attributes.identity;
    if (!Array.isArray(identity)) return;
    for (const block of identity)
      if (isPlainObject(block)) {
        delete block.principal_id;
        delete block.tenant_id;
      }
  },
  sources: { arm: { type: 'Microsoft.EventHub/namespaces', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku', skuName(arm.field(resource.sku, 'name'), ['Basic', 'Standard', 'Premium']));
  arm.put(attributes, 'capacity', arm.num(arm.field(resource.sku, 'capacity')));
  // A list row carries no properties: the envelope, identity and sku are all it says.
  if (p === undefined || p === null) return attributes;
  arm.put(attributes, 'auto_inflate_enabled', arm.bool(arm.field(p, 'isAutoInflateEnabled')));
  arm.put(attributes, 'maximum_throughput_units', arm.num(arm.field(p, 'maximumThroughputUnits')));
  arm.put(attributes, 'dedicated_cluster_id', arm.str(arm.field(p, 'clusterArmId')));
  const disableLocalAuth = arm.bool(arm.field(p, 'disableLocalAuth'));
  arm.put(
    attributes,
    'local_authentication_enabled',
    typeof disableLocalAuth === 'boolean' ? !disableLocalAuth : disableLocalAuth,
  );
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'minimum_tls_version', arm.str(arm.field(p, 'minimumTlsVersion')));
  return attributes;
}
