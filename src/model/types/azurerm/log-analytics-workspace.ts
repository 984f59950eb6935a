import type { Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './shared/identity.js';
import { skuName } from './shared/messaging.js';

/**
 * azurerm_log_analytics_workspace, from Microsoft.OperationalInsights/workspaces (a row of the azurerm table until
 * it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `operationalinsights/resource-manager/Microsoft.OperationalInsights/`
 * `OperationalInsights/stable/2025-02-01/Workspaces.json` (WorkspaceProperties: sku{name, capacityReservationLevel},
 * retentionInDays, workspaceCapping{dailyQuotaGb}, publicNetworkAccessForIngestion, publicNetworkAccessForQuery,
 * forceCmkForQuery, features{disableLocalAuth, enableLogAccessUsingOnlyResourcePermissions,
 * immediatePurgeDataOn30Days}, defaultDataCollectionRuleResourceId; top-level identity) and the example
 * `examples/WorkspacesGet.json`. Attribute names, and their defaults, from terraform-provider-azurerm 4.x
 * `website/docs/r/log_analytics_workspace.html.markdown`; semantics from the provider's workspace read:
 * internet_ingestion_enabled / internet_query_enabled are publicNetworkAccessFor* == Enabled, sku is the SKU name,
 * reservation_capacity_in_gb_per_day is sku.capacityReservationLevel, daily_quota_gb is workspaceCapping.dailyQuotaGb,
 * workspace_id is customerId (computed). local_authentication_enabled is the negation of features.disableLocalAuth.
 *
 * Not compared: the shared keys (from the sharedKeys POST, never read), replication and failover (not attributes of
 * the resource).
 */
export const logAnalyticsWorkspace = defineType({
  type: 'azurerm_log_analytics_workspace',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    sku: s.string,
    reservation_capacity_in_gb_per_day: s.number,
    retention_in_days: s.number,
    daily_quota_gb: s.number,
    internet_ingestion_enabled: s.boolean,
    internet_query_enabled: s.boolean,
    local_authentication_enabled: s.boolean,
    allow_resource_only_permissions: s.boolean,
    cmk_for_query_forced: s.boolean,
    immediate_data_purge_on_30_days_enabled: s.boolean,
    data_collection_rule_id: s.string,
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['workspace_id'],
  sensitive: ['primary_shared_key', 'secondary_shared_key'],
  // azurerm 4.x docs (website/docs/r/log_analytics_workspace.html.markdown): "Defaults to".
  defaults: {
    sku: 'PerGB2018',
    daily_quota_gb: -1,
    internet_ingestion_enabled: true,
    internet_query_enabled: true,
    local_authentication_enabled: true,
    allow_resource_only_permissions: true,
  },
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise,
  sources: {
    arm: {
      type: 'Microsoft.OperationalInsights/workspaces',
      map: fromArm,
      // Workspaces.json (2025-02-01): PublicNetworkAccessType "default": "Enabled", for ingestion and query alike.
      platformDefaults: { internet_ingestion_enabled: true, internet_query_enabled: true },
    },
  },
});

/** The SKU names of the provider's validation, in its casing (ARM may return `pergb2018`). */
const SKUS = [
  'Free',
  'PerNode',
  'Premium',
  'Standard',
  'Standalone',
  'Unlimited',
  'CapacityReservation',
  'PerGB2018',
  'LACluster',
];

/**
 * A state written before local_authentication_enabled existed carries local_authentication_disabled (azurerm 3.x),
 * its negation: read as the current attribute. The computed identity ids go, as for every identity block.
 */
function canonicalise(attributes: Attributes): void {
  const disabled = attributes.local_authentication_disabled;
  if (attributes.local_authentication_enabled === undefined && typeof disabled === 'boolean')
    attributes.local_authentication_enabled = !disabled;
  delete attributes.local_authentication_disabled;
  withoutComputedIdentity(attributes);
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  // A list row carries no properties: the envelope and identity are all it says.
  if (p === undefined || p === null) return attributes;
  const sku = arm.field(p, 'sku');
  arm.put(attributes, 'sku', skuName(arm.field(sku, 'name'), SKUS));
  arm.put(
    attributes,
    'reservation_capacity_in_gb_per_day',
    arm.num(arm.field(sku, 'capacityReservationLevel')),
  );
  arm.put(attributes, 'retention_in_days', arm.num(arm.field(p, 'retentionInDays')));
  arm.put(attributes, 'daily_quota_gb', arm.num(arm.field(p, 'workspaceCapping', 'dailyQuotaGb')));
  arm.put(
    attributes,
    'internet_ingestion_enabled',
    arm.enabledFlag(arm.field(p, 'publicNetworkAccessForIngestion')),
  );
  arm.put(attributes, 'internet_query_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccessForQuery')));
  arm.put(attributes, 'cmk_for_query_forced', arm.bool(arm.field(p, 'forceCmkForQuery')));
  const features = arm.field(p, 'features');
  arm.put(
    attributes,
    'local_authentication_enabled',
    negated(arm.bool(arm.field(features, 'disableLocalAuth'))),
  );
  arm.put(
    attributes,
    'allow_resource_only_permissions',
    arm.bool(arm.field(features, 'enableLogAccessUsingOnlyResourcePermissions')),
  );
  arm.put(
    attributes,
    'immediate_data_purge_on_30_days_enabled',
    arm.bool(arm.field(features, 'immediatePurgeDataOn30Days')),
  );
  arm.put(
    attributes,
    'data_collection_rule_id',
    arm.str(arm.field(p, 'defaultDataCollectionRuleResourceId')),
  );
  return attributes;
}

function negated(value: Value | undefined): Value | undefined {
  return typeof value === 'boolean' ? !value : value;
}
