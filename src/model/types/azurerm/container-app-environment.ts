import { isPlainObject, isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './shared/identity.js';
import { keepOnly } from './shared/nested-blocks.js';

/**
 * azurerm_container_app_environment, from Microsoft.App/managedEnvironments (a row of the azurerm table until it had
 * a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `app/resource-manager/Microsoft.App/stable/2025-01-01/examples/`
 * `ManagedEnvironments_Get.json` (properties{zoneRedundant, vnetConfiguration{infrastructureSubnetId},
 * workloadProfiles[{name, workloadProfileType, minimumCount, maximumCount}], infrastructureResourceGroup,
 * peerAuthentication.mtls.enabled}) with appLogsConfiguration{destination, logAnalyticsConfiguration.customerId} and
 * vnetConfiguration.internal of that api-version's ManagedEnvironments.json. Attribute semantics follow
 * terraform-provider-azurerm 4.x `ContainerAppEnvironmentResource.Read`
 * (internal/services/containerapps/container_app_environment_resource.go): internal_load_balancer_enabled,
 * zone_redundancy_enabled and mutual_tls_enabled are false when ARM leaves them out; logs_destination is the
 * destination as ARM spells it (`log-analytics`, `azure-monitor`), empty when none; the workload profiles are a set,
 * and the Consumption profile ARM always lists is left out unless the configuration declares it
 * (`FlattenWorkloadProfiles`), which no payload can tell: both sides leave it out here.
 *
 * log_analytics_workspace_id is not compared. ARM holds only the workspace's customer id (a GUID), never its ARM id;
 * the provider finds the workspace by listing every workspace of the subscription, a second call and a match no
 * mapping of one payload can make. The destination is compared instead: a workspace unhooked live reads as
 * `logs_destination` no longer `log-analytics`. The shared key and the Dapr Application Insights connection string
 * are never read (GET does not return them).
 */
export const containerAppEnvironment = defineType({
  type: 'azurerm_container_app_environment',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    log_analytics_workspace_id: s.string,
    logs_destination: s.string,
    infrastructure_subnet_id: s.string,
    infrastructure_resource_group_name: s.string,
    internal_load_balancer_enabled: s.boolean,
    zone_redundancy_enabled: s.boolean,
    mutual_tls_enabled: s.boolean,
    workload_profile: s.blocks({
      name: s.string,
      workload_profile_type: s.string,
      minimum_count: s.number,
      maximum_count: s.number,
    }),
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS, 'workload_profile'],
  computed: [
    'custom_domain_verification_id',
    'default_domain',
    'docker_bridge_cidr',
    'platform_reserved_cidr',
    'platform_reserved_dns_ip_address',
    'static_ip_address',
  ],
  sensitive: ['dapr_application_insights_connection_string'],
  // azurerm 4.x schema defaults (website/docs/r/container_app_environment.html.markdown).
  defaults: {
    internal_load_balancer_enabled: false,
    zone_redundancy_enabled: false,
    mutual_tls_enabled: false,
  },
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes) {
    withoutComputedIdentity(attributes);
    const profiles = withoutConsumption(attributes.workload_profile);
    if (profiles !== undefined) attributes.workload_profile = profiles;
    keepOnly(attributes.workload_profile, [
      'name',
      'workload_profile_type',
      'minimum_count',
      'maximum_count',
    ]);
  },
  sources: { arm: { type: 'Microsoft.App/managedEnvironments', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  // A list row carries no properties: the envelope is all it says.
  if (p === undefined || p === null) return attributes;
  const vnet = arm.field(p, 'vnetConfiguration');
  arm.put(attributes, 'infrastructure_subnet_id', arm.str(arm.field(vnet, 'infrastructureSubnetId')) ?? null);
  arm.put(attributes, 'internal_load_balancer_enabled', arm.bool(arm.field(vnet, 'internal')) ?? false);
  arm.put(attributes, 'zone_redundancy_enabled', arm.bool(arm.field(p, 'zoneRedundant')) ?? false);
  arm.put(
    attributes,
    'mutual_tls_enabled',
    arm.bool(arm.field(p, 'peerAuthentication', 'mtls', 'enabled')) ?? false,
  );
  arm.put(
    attributes,
    'logs_destination',
    arm.str(arm.field(p, 'appLogsConfiguration', 'destination')) ?? null,
  );
  arm.put(
    attributes,
    'infrastructure_resource_group_name',
    arm.str(arm.field(p, 'infrastructureResourceGroup')),
  );
  arm.put(
    attributes,
    'workload_profile',
    withoutConsumption(
      arm.records(arm.field(p, 'workloadProfiles'), (profile) => ({
        name: arm.str(arm.field(profile, 'name')) ?? null,
        workload_profile_type: arm.str(arm.field(profile, 'workloadProfileType')) ?? null,
        minimum_count: arm.num(arm.field(profile, 'minimumCount')) ?? null,
        maximum_count: arm.num(arm.field(profile, 'maximumCount')) ?? null,
      })),
    ),
  );
  return attributes;
}

/** The profiles but the Consumption one, which ARM lists whether or not the configuration declared it. */
function withoutConsumption(profiles: Value | undefined): Value | undefined {
  if (!Array.isArray(profiles)) return profiles;
  return profiles.filter((profile) => {
    if (!isPlainObject(profile) || isUnknown(profile)) return true;
    const type = profile.workload_profile_type;
    return typeof type !== 'string' || type.toLowerCase() !== 'consumption';
  });
}
