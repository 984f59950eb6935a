import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_application_insights, from Microsoft.Insights/components (a row of the azurerm table until it had a
 * module).
 *
 * ARM shape: Azure/azure-rest-api-specs `applicationinsights/resource-manager/Microsoft.Insights/stable/2020-02-02/`
 * `examples/ComponentsGet.json` (kind; properties{Application_Type, Flow_Type, Request_Source, AppId,
 * InstrumentationKey, ConnectionString, SamplingPercentage, WorkspaceResourceId, DisableIpMasking,
 * publicNetworkAccessForIngestion, publicNetworkAccessForQuery, IngestionMode}) with RetentionInDays, DisableLocalAuth
 * and ForceCustomerStorageForProfiler of that api-version's ApplicationInsightsComponentProperties (property names in
 * ARM's own mixed casing; the readers compare them case-insensitively). Attribute names from the azurerm 4.3.0
 * resource schema (registry docs `resources/application_insights`): local_authentication_disabled is
 * DisableLocalAuth as it is (not negated), internet_ingestion_enabled / internet_query_enabled are
 * publicNetworkAccessFor* == Enabled, workspace_id is WorkspaceResourceId.
 *
 * Not compared: daily_data_cap_in_gb and daily_data_cap_notifications_disabled (the provider reads them from the
 * separate currentbillingfeatures API, not the component's payload). app_id is computed; the instrumentation key
 * and connection string are secrets.
 */
export const applicationInsights = defineType({
  type: 'azurerm_application_insights',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    application_type: s.string,
    retention_in_days: s.number,
    sampling_percentage: s.number,
    disable_ip_masking: s.boolean,
    workspace_id: s.string,
    local_authentication_disabled: s.boolean,
    internet_ingestion_enabled: s.boolean,
    internet_query_enabled: s.boolean,
    force_customer_storage_for_profiler: s.boolean,
  }),
  computed: ['app_id'],
  sensitive: ['instrumentation_key', 'connection_string'],
  // azurerm docs (website/docs/r/application_insights.html.markdown) "Defaults to": retention_in_days 90,
  // disable_ip_masking false; the 4.x docs add local_authentication_disabled false, internet_ingestion_enabled and
  // internet_query_enabled true, force_customer_storage_for_profiler false.
  defaults: {
    retention_in_days: 90,
    disable_ip_masking: false,
    local_authentication_disabled: false,
    internet_ingestion_enabled: true,
    internet_query_enabled: true,
    force_customer_storage_for_profiler: false,
  },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: { type: 'Microsoft.Insights/components', map: fromArm },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  // A list row carries no properties: the envelope is all it says.
  if (p === undefined || p === null) return attributes;
  arm.put(attributes, 'application_type', arm.str(arm.field(p, 'Application_Type')));
  arm.put(attributes, 'retention_in_days', arm.num(arm.field(p, 'RetentionInDays')));
  arm.put(attributes, 'sampling_percentage', arm.num(arm.field(p, 'SamplingPercentage')));
  arm.put(attributes, 'disable_ip_masking', arm.bool(arm.field(p, 'DisableIpMasking')));
  arm.put(attributes, 'workspace_id', arm.str(arm.field(p, 'WorkspaceResourceId')));
  arm.put(attributes, 'local_authentication_disabled', arm.bool(arm.field(p, 'DisableLocalAuth')));
  arm.put(
    attributes,
    'internet_ingestion_enabled',
    arm.enabledFlag(arm.field(p, 'publicNetworkAccessForIngestion')),
  );
  arm.put(attributes, 'internet_query_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccessForQuery')));
  arm.put(
    attributes,
    'force_customer_storage_for_profiler',
    arm.bool(arm.field(p, 'ForceCustomerStorageForProfiler')),
  );
  return attributes;
}
