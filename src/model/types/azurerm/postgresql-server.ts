import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_postgresql_server (Azure Database for PostgreSQL single server, retired by Azure; azurerm 3.x), from
 * Microsoft.DBforPostgreSQL/servers.
 *
 * ARM shape: Azure/azure-rest-api-specs `postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2017-12-01/`
 * `examples/ServerGet.json` (properties.version, sslEnforcement `Enabled`/`Disabled`, minimalTlsVersion `TLS1_0`,
 * `TLS1_1`, `TLS1_2` or `TLSEnforcementDisabled`, publicNetworkAccess). Attribute semantics follow
 * terraform-provider-azurerm 3.x `postgresql_server_resource.go`: ssl_enforcement_enabled is sslEnforcement
 * `Enabled`, ssl_minimal_tls_version_enforced is minimalTlsVersion as ARM writes it.
 */
export const postgresqlServer = defineType({
  type: 'azurerm_postgresql_server',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    version: s.string,
    ssl_enforcement_enabled: s.boolean,
    ssl_minimal_tls_version_enforced: s.string,
    public_network_access_enabled: s.boolean,
  }),
  computed: ['fqdn'],
  sensitive: ['administrator_login_password'],
  // azurerm 3.x schema defaults (website/docs/r/postgresql_server.html.markdown).
  defaults: { ssl_minimal_tls_version_enforced: 'TLS1_2', public_network_access_enabled: true },
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.DBforPostgreSQL/servers', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'version', arm.str(arm.field(p, 'version')));
  arm.put(attributes, 'ssl_enforcement_enabled', arm.enabledFlag(arm.field(p, 'sslEnforcement')));
  arm.put(attributes, 'ssl_minimal_tls_version_enforced', arm.str(arm.field(p, 'minimalTlsVersion')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  return attributes;
}
