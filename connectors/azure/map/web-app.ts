import type { Value } from '../../../src/model/value.js';
import {
  asBoolean,
  asRecord,
  asString,
  canonicalResourceGroupCasing,
  enabledFlag,
  envelopeAttributes,
  propertiesOf,
  put,
} from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Web/sites -> azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app or
 * azurerm_windows_function_app, by `kind`.
 *
 * Shape: Azure/azure-rest-api-specs `web/resource-manager/Microsoft.Web/stable/2023-12-01/examples/GetWebApp.json`
 * (`kind`, properties.serverFarmId, httpsOnly, clientCertEnabled, publicNetworkAccess, siteConfig{minTlsVersion,
 * ftpsState, http20Enabled, alwaysOn}). `kind` is a comma-separated list: `app`, `app,linux`,
 * `app,linux,container`, `functionapp`, `functionapp,linux`. Logic Apps (`workflowapp`) and Arc/Container Apps
 * hosted sites (`kubernetes`, `azurecontainerapps`) are other Terraform types and return undefined.
 *
 * GET site returns a placeholder siteConfig: most fields null (Azure/azure-rest-api-specs#12104), and some that are
 * set hold wrong values, e.g. `http20Enabled: true` for an app on HTTP 1.1 (Azure/azure-sdk-for-js#13497). The
 * real configuration is the child `/config/web`, which the connector puts in `properties.siteConfig`. It always
 * carries `minTlsVersion`, the placeholder never does, so site_config is mapped only when minTlsVersion is set,
 * and then only from non-null fields. service_plan_id gets the canonical id casing the provider writes
 * (`serverFarms`, `resourceGroups`), since ARM returns `serverfarms`.
 *
 * App settings, connection strings and publishing credentials are never read.
 */
export const webAppMapping: ArmTypeMapping = {
  armType: 'Microsoft.Web/sites',
  terraformTypes: [
    'azurerm_linux_web_app',
    'azurerm_windows_web_app',
    'azurerm_linux_function_app',
    'azurerm_windows_function_app',
  ],
  map: mapWebApp,
};

const OTHER_HOSTS = new Set(['workflowapp', 'kubernetes', 'azurecontainerapps']);

const SITE_CONFIG_FIELDS: readonly (readonly [string, string])[] = [
  ['minTlsVersion', 'minimum_tls_version'],
  ['ftpsState', 'ftps_state'],
  ['http20Enabled', 'http2_enabled'],
  ['alwaysOn', 'always_on'],
];

function mapWebApp(resource: ArmResource): MappedResource | undefined {
  const terraformType = terraformTypeOf(resource.kind);
  if (!terraformType) return undefined;
  const p = propertiesOf(resource);
  const attributes = envelopeAttributes(resource);
  put(attributes, 'service_plan_id', servicePlanId(asString(p.serverFarmId)));
  put(attributes, 'https_only', asBoolean(p.httpsOnly));
  put(attributes, 'public_network_access_enabled', enabledFlag(p.publicNetworkAccess));
  put(attributes, 'client_certificate_enabled', asBoolean(p.clientCertEnabled));
  put(attributes, 'site_config', siteConfig(asRecord(p.siteConfig)));
  return { id: resource.id, terraformType, attributes };
}

export function terraformTypeOf(kind: string | undefined): string | undefined {
  const tokens = new Set((kind ?? '').split(',').map((token) => token.trim().toLowerCase()));
  if ([...tokens].some((token) => OTHER_HOSTS.has(token))) return undefined;
  const os = tokens.has('linux') ? 'linux' : 'windows';
  if (tokens.has('functionapp')) return `azurerm_${os}_function_app`;
  if (tokens.has('app')) return `azurerm_${os}_web_app`;
  return undefined;
}

function servicePlanId(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  return canonicalResourceGroupCasing(id).replace(
    /\/providers\/microsoft\.web\/serverfarms\//i,
    '/providers/Microsoft.Web/serverFarms/',
  );
}

function siteConfig(config: Record<string, unknown> | undefined): Value[] | undefined {
  if (typeof config?.minTlsVersion !== 'string') return undefined;
  const block: Record<string, Value> = {};
  for (const [armName, name] of SITE_CONFIG_FIELDS) {
    const value = config[armName];
    if (typeof value === 'string' || typeof value === 'boolean') block[name] = value;
  }
  return [block];
}
