import { asString, enabledFlag, envelopeAttributes, propertiesOf, put } from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Sql/servers -> azurerm_mssql_server.
 *
 * Shape: Azure/azure-rest-api-specs `sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/ServerGet.json`
 * (administratorLogin, version, publicNetworkAccess); `minimalTlsVersion` from the same API's ServerProperties.
 * ARM writes `None` for "no minimum", which the provider stores as `Disabled`.
 *
 * administratorLoginPassword is write-only in ARM (GET returns it absent or null) and is never read here.
 */
export const mssqlServerMapping: ArmTypeMapping = {
  armType: 'Microsoft.Sql/servers',
  terraformTypes: ['azurerm_mssql_server'],
  map: mapMssqlServer,
};

function mapMssqlServer(resource: ArmResource): MappedResource {
  const p = propertiesOf(resource);
  const attributes = envelopeAttributes(resource);
  put(attributes, 'version', asString(p.version));
  put(attributes, 'administrator_login', asString(p.administratorLogin));
  put(attributes, 'minimum_tls_version', minimumTlsVersion(asString(p.minimalTlsVersion)));
  put(attributes, 'public_network_access_enabled', enabledFlag(p.publicNetworkAccess));
  return { id: resource.id, terraformType: 'azurerm_mssql_server', attributes };
}

function minimumTlsVersion(version: string | undefined): string | undefined {
  return version?.toLowerCase() === 'none' ? 'Disabled' : version;
}
