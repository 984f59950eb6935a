import { singleServerType } from './shared/single-server.js';

/**
 * azurerm_mysql_server (Azure Database for MySQL single server, retired by Azure; azurerm 3.x), from
 * Microsoft.DBforMySQL/servers.
 *
 * ARM shape: Azure/azure-rest-api-specs `mysql/resource-manager/Microsoft.DBforMySQL/stable/2017-12-01/`
 * `examples/ServerGet.json` (properties.version, sslEnforcement `Enabled`/`Disabled`; minimalTlsVersion `TLS1_0`,
 * `TLS1_1`, `TLS1_2` or `TLSEnforcementDisabled` and publicNetworkAccess in mysql.json). Attribute semantics
 * follow terraform-provider-azurerm 3.x `internal/services/mysql/mysql_server_resource.go`
 * (resourceMySqlServerRead): ssl_enforcement_enabled is sslEnforcement `Enabled`, ssl_minimal_tls_version_enforced
 * is minimalTlsVersion as ARM writes it, public_network_access_enabled is publicNetworkAccess `Enabled`; schema
 * defaults (ssl_minimal_tls_version_enforced `TLS1_2`, public_network_access_enabled true) in
 * `shared/single-server.ts`.
 */
export const mysqlServer = singleServerType('azurerm_mysql_server', 'Microsoft.DBforMySQL/servers');
