import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_service_plan, from Microsoft.Web/serverFarms (a row of the azurerm table until it had a module; the older
 * azurerm_app_service_plan, the same ARM type, was removed in azurerm 4.0).
 *
 * ARM shape: Azure/azure-rest-api-specs `web/resource-manager/Microsoft.Web/stable/2023-12-01/examples/`
 * `GetAppServicePlan.json` (kind, sku{name, tier, capacity}, properties{reserved, ...}) and that api-version's
 * CommonDefinitions.json `AppServicePlan` (perSiteScaling, reserved, hyperV and zoneRedundant default false;
 * elasticScaleEnabled, maximumElasticWorkerCount, hostingEnvironmentProfile.id). Attribute semantics follow
 * terraform-provider-azurerm 4.x `ServicePlanResource.Read` (internal/services/appservice/service_plan_resource.go):
 * os_type is `Linux` when reserved, else `WindowsContainer` when hyperV, else `Windows`; `kind` is not what decides
 * it (a plan of kind `linux` without `reserved` is a Windows plan, and the provider reads it so); sku_name is
 * sku.name and worker_count sku.capacity.
 *
 * kind and reserved are computed; the plan's status, worker counts and site count are not arguments. Not compared:
 * premium_plan_auto_scale_enabled, which the provider reads from elasticScaleEnabled only for the skus its
 * `helpers.PlanIsPremium` accepts, a list this module does not restate.
 */
export const servicePlan = defineType({
  type: 'azurerm_service_plan',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    os_type: s.string,
    sku_name: s.string,
    worker_count: s.number,
    zone_balancing_enabled: s.boolean,
    per_site_scaling_enabled: s.boolean,
    maximum_elastic_worker_count: s.number,
    app_service_environment_id: s.string,
  }),
  computed: ['kind', 'reserved'],
  // azurerm 4.x schema defaults (website/docs/r/service_plan.html.markdown); zone_balancing_enabled has none, and the
  // read writes false for an absent zoneRedundant.
  defaults: { per_site_scaling_enabled: false, zone_balancing_enabled: false },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.Web/serverFarms',
      map: fromArm,
      // AppServicePlan (2023-12-01): perSiteScaling and zoneRedundant "default": false.
      platformDefaults: { per_site_scaling_enabled: false, zone_balancing_enabled: false },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'sku_name', arm.str(arm.field(resource.sku, 'name')));
  arm.put(attributes, 'worker_count', arm.num(arm.field(resource.sku, 'capacity')));
  // A list row carries no properties: the envelope and sku are all it says.
  if (p === undefined || p === null) return attributes;
  arm.put(
    attributes,
    'os_type',
    osType(arm.bool(arm.field(p, 'reserved')), arm.bool(arm.field(p, 'hyperV'))),
  );
  arm.put(attributes, 'per_site_scaling_enabled', arm.bool(arm.field(p, 'perSiteScaling')));
  arm.put(attributes, 'zone_balancing_enabled', arm.bool(arm.field(p, 'zoneRedundant')));
  arm.put(attributes, 'maximum_elastic_worker_count', arm.num(arm.field(p, 'maximumElasticWorkerCount')));
  arm.put(
    attributes,
    'app_service_environment_id',
    arm.str(arm.field(p, 'hostingEnvironmentProfile', 'id')) ?? null,
  );
  return attributes;
}

/** reserved -> Linux, hyperV -> WindowsContainer, else Windows (both default false); unknown if either is. */
function osType(reserved: Value | undefined, hyperV: Value | undefined): Value | undefined {
  if (reserved === true) return 'Linux';
  if (isUnknown(reserved)) return reserved;
  if (isUnknown(hyperV)) return hyperV;
  return hyperV === true ? 'WindowsContainer' : 'Windows';
}
