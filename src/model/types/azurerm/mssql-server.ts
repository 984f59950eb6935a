import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_mssql_server, from Microsoft.Sql/servers.
 *
 * ARM shape: Azure/azure-rest-api-specs `sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/ServerGet.json`
 * (administratorLogin, version, publicNetworkAccess); `minimalTlsVersion` from the same API's ServerProperties.
 * ARM writes `None` for "no minimum", which the provider stores as `Disabled`.
 *
 * administratorLoginPassword is write-only in ARM (GET returns it absent or null), and a template's is a secure
 * parameter: it is never read.
 */
export const mssqlServer = defineType({
  type: 'azurerm_mssql_server',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    version: s.string,
    administrator_login: s.string,
    administrator_login_password: s.string,
    minimum_tls_version: s.string,
    public_network_access_enabled: s.boolean,
  }),
  computed: ['fully_qualified_domain_name'],
  sensitive: ['administrator_login_password'],
  // azurerm 4.x schema defaults (website/docs/r/mssql_server.html.markdown).
  defaults: { minimum_tls_version: '1.2', public_network_access_enabled: true },
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Sql/servers', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'version', arm.str(arm.field(p, 'version')));
  arm.put(attributes, 'administrator_login', arm.str(arm.field(p, 'administratorLogin')));
  const tls = arm.str(arm.field(p, 'minimalTlsVersion'));
  const none = typeof tls === 'string' && tls.toLowerCase() === 'none';
  arm.put(attributes, 'minimum_tls_version', none ? 'Disabled' : tls);
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  return attributes;
}
