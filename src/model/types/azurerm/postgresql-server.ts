import { singleServerType } from './shared/single-server.js';

/**
 * azurerm_postgresql_server (Azure Database for PostgreSQL single server, retired by Azure; azurerm 3.x), from
 * Microsoft.DBforPostgreSQL/servers.
 *
 * ARM shape: Azure/azure-rest-api-specs `postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2017-12-01/`
 * `examples/ServerGet.json` (properties.version, sslEnforcement `Enabled`/`Disabled`, minimalTlsVersion `TLS1_0`,
 * `TLS1_1`, `TLS1_2` or `TLSEnforcementDisabled`, publicNetworkAccess). Attribute semantics follow
 * terraform-provider-azurerm 3.x `postgresql_server_resource.go`: ssl_enforcement_enabled is sslEnforcement
 * `Enabled`, ssl_minimal_tls_version_enforced is minimalTlsVersion as ARM writes it; schema defaults
 * (website/docs/r/postgresql_server.html.markdown) in `shared/single-server.ts`.
 */
export const postgresqlServer = singleServerType(
  'azurerm_postgresql_server',
  'Microsoft.DBforPostgreSQL/servers',
);
