import { isUnknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';
import type { ArmMapping, Attributes, TypeDefinition } from '../../resource-type.js';
import * as s from '../../schema.js';
import type { ArmShape } from '../../sources.js';
import { canonicalResourceGroupCasing } from './arm-ids.js';

/**
 * Microsoft.Web/sites: one ARM type that is four azurerm types, azurerm_linux_web_app, azurerm_windows_web_app,
 * azurerm_linux_function_app and azurerm_windows_function_app, told apart by `kind`. This is their one mapping;
 * each type's module (`../linux-web-app.ts`, ...) is this plus its own name.
 *
 * ARM shape: Azure/azure-rest-api-specs `web/resource-manager/Microsoft.Web/stable/2023-12-01/examples/GetWebApp.json`
 * (`kind`, properties.serverFarmId, httpsOnly, clientCertEnabled, publicNetworkAccess, siteConfig{minTlsVersion,
 * ftpsState, http20Enabled, alwaysOn}). `kind` is a comma-separated list: `app`, `app,linux`,
 * `app,linux,container`, `functionapp`, `functionapp,linux`; a site created without one is `app`. Logic Apps
 * (`workflowapp`) and Arc/Container Apps hosted sites (`kubernetes`, `azurecontainerapps`) are other Terraform
 * types, and map to none of these.
 *
 * GET site returns a placeholder siteConfig: most fields null (Azure/azure-rest-api-specs#12104), and some that are
 * set hold wrong values, e.g. `http20Enabled: true` for an app on HTTP 1.1 (Azure/azure-sdk-for-js#13497). The
 * real configuration is the child `/config/web`, which the live connector puts in `properties.siteConfig`, as a
 * template's own `siteConfig` (and its `config/web` child resource) already is. The child always carries
 * `minTlsVersion`, the placeholder never does, so site_config is mapped only when minTlsVersion is set, and then
 * only from non-null fields. service_plan_id gets the canonical id casing the provider writes (`serverFarms`,
 * `resourceGroups`), since ARM returns `serverfarms`.
 *
 * App settings, connection strings and publishing credentials are never read.
 */
export const webSiteMapping: ArmMapping = {
  type: 'Microsoft.Web/sites',
  typeOf: (resource) => siteTypeOf(resource.kind),
  map: fromArm,
  // ARM's Site defaults: httpsOnly and clientCertEnabled are false unless set.
  platformDefaults: { https_only: false, client_certificate_enabled: false },
};

/** What the four site types share: everything but their name (and a function app's storage key). */
export const webSite = {
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    service_plan_id: s.string,
    https_only: s.boolean,
    public_network_access_enabled: s.boolean,
    client_certificate_enabled: s.boolean,
    site_config: s.blocks({
      minimum_tls_version: s.string,
      ftps_state: s.string,
      http2_enabled: s.boolean,
      always_on: s.boolean,
    }),
  }),
  computed: ['default_hostname', 'outbound_ip_addresses', 'possible_outbound_ip_addresses'],
  sensitive: ['custom_domain_verification_id', 'site_credential'],
  // azurerm 4.x schema defaults (website/docs/r/linux_web_app.html.markdown and its three siblings).
  defaults: { https_only: false, public_network_access_enabled: true, client_certificate_enabled: false },
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: webSiteMapping },
} as const satisfies Omit<TypeDefinition, 'type'>;

const OTHER_HOSTS = new Set(['workflowapp', 'kubernetes', 'azurecontainerapps']);

/** `kind` -> the azurerm type; undefined for another host, or a kind that is not static. */
export function siteTypeOf(kind: Value | undefined): string | undefined {
  if (kind !== undefined && kind !== null && typeof kind !== 'string') return undefined;
  const tokens = new Set((kind ?? 'app').split(',').map((token) => token.trim().toLowerCase()));
  if ([...tokens].some((token) => OTHER_HOSTS.has(token))) return undefined;
  const os = tokens.has('linux') ? 'linux' : 'windows';
  if (tokens.has('functionapp')) return `azurerm_${os}_function_app`;
  return tokens.has('app') ? `azurerm_${os}_web_app` : undefined;
}

const SITE_CONFIG_FIELDS: readonly (readonly [
  string,
  string,
  (value: Value | undefined) => Value | undefined,
])[] = [
  ['minTlsVersion', 'minimum_tls_version', arm.str],
  ['ftpsState', 'ftps_state', arm.str],
  ['http20Enabled', 'http2_enabled', arm.bool],
  ['alwaysOn', 'always_on', arm.bool],
];

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'service_plan_id', servicePlanId(arm.str(arm.field(p, 'serverFarmId'))));
  arm.put(attributes, 'https_only', arm.bool(arm.field(p, 'httpsOnly')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'client_certificate_enabled', arm.bool(arm.field(p, 'clientCertEnabled')));
  arm.put(attributes, 'site_config', siteConfig(arm.field(p, 'siteConfig')));
  return attributes;
}

function servicePlanId(id: Value | undefined): Value | undefined {
  if (typeof id !== 'string') return id;
  return canonicalResourceGroupCasing(id).replace(
    /\/providers\/microsoft\.web\/serverfarms\//i,
    '/providers/Microsoft.Web/serverFarms/',
  );
}

function siteConfig(config: Value | undefined): Value | undefined {
  if (config === undefined || isUnknown(config)) return config;
  if (arm.str(arm.field(config, 'minTlsVersion')) === undefined) return undefined;
  const block: Attributes = {};
  for (const [armName, name, read] of SITE_CONFIG_FIELDS)
    arm.put(block, name, read(arm.field(config, armName)));
  return [block];
}
