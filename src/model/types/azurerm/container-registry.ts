import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema } from './shared/identity.js';

/**
 * azurerm_container_registry, from Microsoft.ContainerRegistry/registries (a row of the azurerm table until it had a
 * module).
 *
 * ARM shape: Azure/azure-rest-api-specs `containerregistry/resource-manager/Microsoft.ContainerRegistry/stable/`
 * `2023-07-01/examples/RegistryGet.json` (sku, properties.adminUserEnabled, publicNetworkAccess,
 * networkRuleBypassOptions, zoneRedundancy, anonymousPullEnabled, dataEndpointEnabled, policies{quarantinePolicy,
 * trustPolicy, retentionPolicy, exportPolicy}, encryption.status) and `RegistryCreateZoneRedundant.json`.
 * Attribute semantics follow terraform-provider-azurerm 4.x `resourceContainerRegistryRead`: `encryption` is one
 * block `{key_vault_key_id, identity_client_id}` when encryption.status is `enabled` (keyVaultProperties
 * keyIdentifier and identity) and none otherwise; retention_policy_in_days is read when the retention policy is
 * enabled; network_rule_set is one block of the default action and the IP rules.
 *
 * Admin credentials come from listCredentials, not GET; nothing under them is ever read.
 */
export const containerRegistry = defineType({
  type: 'azurerm_container_registry',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    sku: s.string,
    admin_enabled: s.boolean,
    public_network_access_enabled: s.boolean,
    network_rule_bypass_option: s.string,
    zone_redundancy_enabled: s.boolean,
    anonymous_pull_enabled: s.boolean,
    data_endpoint_enabled: s.boolean,
    export_policy_enabled: s.boolean,
    quarantine_policy_enabled: s.boolean,
    trust_policy_enabled: s.boolean,
    retention_policy_in_days: s.number,
    encryption: s.blocks({ key_vault_key_id: s.string, identity_client_id: s.string }),
    network_rule_set: s.blocks({
      default_action: s.string,
      ip_rule: s.blocks({ action: s.string, ip_range: s.string }),
    }),
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS, 'network_rule_set[*].ip_rule'],
  computed: ['login_server'],
  sensitive: ['admin_username', 'admin_password'],
  // azurerm 4.x schema defaults (website/docs/r/container_registry.html.markdown).
  defaults: {
    admin_enabled: false,
    public_network_access_enabled: true,
    network_rule_bypass_option: 'AzureServices',
    zone_redundancy_enabled: false,
    anonymous_pull_enabled: false,
    data_endpoint_enabled: false,
    export_policy_enabled: true,
    quarantine_policy_enabled: false,
    trust_policy_enabled: false,
  },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.ContainerRegistry/registries',
      map: fromArm,
      // RegistryProperties (2023-07-01): adminUserEnabled "default false", publicNetworkAccess and exportPolicy
      // enabled, networkRuleBypassOptions AzureServices, zoneRedundancy Disabled unless set.
      platformDefaults: {
        admin_enabled: false,
        public_network_access_enabled: true,
        network_rule_bypass_option: 'AzureServices',
        zone_redundancy_enabled: false,
      },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const policies = arm.field(p, 'policies');
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku', arm.str(arm.field(resource.sku, 'name')));
  arm.put(attributes, 'admin_enabled', arm.bool(arm.field(p, 'adminUserEnabled')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'network_rule_bypass_option', arm.str(arm.field(p, 'networkRuleBypassOptions')));
  arm.put(attributes, 'zone_redundancy_enabled', arm.enabledFlag(arm.field(p, 'zoneRedundancy')));
  arm.put(attributes, 'anonymous_pull_enabled', arm.bool(arm.field(p, 'anonymousPullEnabled')));
  arm.put(attributes, 'data_endpoint_enabled', arm.bool(arm.field(p, 'dataEndpointEnabled')));
  arm.put(
    attributes,
    'export_policy_enabled',
    arm.enabledFlag(arm.field(policies, 'exportPolicy', 'status')),
  );
  arm.put(
    attributes,
    'quarantine_policy_enabled',
    arm.enabledFlag(arm.field(policies, 'quarantinePolicy', 'status')),
  );
  arm.put(attributes, 'trust_policy_enabled', arm.enabledFlag(arm.field(policies, 'trustPolicy', 'status')));
  const retention = arm.field(policies, 'retentionPolicy');
  if (arm.enabledFlag(arm.field(retention, 'status')) === true)
    arm.put(attributes, 'retention_policy_in_days', arm.num(arm.field(retention, 'days')));
  arm.put(attributes, 'encryption', encryption(arm.field(p, 'encryption')));
  arm.put(attributes, 'network_rule_set', networkRuleSet(arm.field(p, 'networkRuleSet')));
  return attributes;
}

/** `{status: enabled, keyVaultProperties}` -> `[{key_vault_key_id, identity_client_id}]`; disabled is no block. */
function encryption(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const enabled = arm.enabledFlag(arm.field(value, 'status'));
  if (enabled === false) return [];
  if (enabled !== true) return enabled;
  const vault = arm.field(value, 'keyVaultProperties');
  return [
    {
      key_vault_key_id: arm.str(arm.field(vault, 'keyIdentifier')) ?? null,
      identity_client_id: arm.str(arm.field(vault, 'identity')) ?? null,
    },
  ];
}

function networkRuleSet(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const block: Attributes = {};
  arm.put(block, 'default_action', arm.str(arm.field(value, 'defaultAction')));
  arm.put(
    block,
    'ip_rule',
    arm.records(arm.field(value, 'ipRules'), (rule) => ({
      action: arm.str(arm.field(rule, 'action')) ?? null,
      ip_range: arm.str(arm.field(rule, 'value')) ?? null,
    })),
  );
  return [block];
}
