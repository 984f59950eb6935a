import * as arm from '../../read/arm.js';
import { type Attributes, defineType, type ResourceType } from '../../resource-type.js';
import * as s from '../../schema.js';
import type { ArmShape } from '../../sources.js';

/*
 * What azurerm_postgresql_server and azurerm_mysql_server (the retired single servers, azurerm 3.x) read alike from
 * Microsoft.DBforPostgreSQL/servers and Microsoft.DBforMySQL/servers: both 2017-12-01 APIs share ServerProperties
 * (version, sslEnforcement `Enabled`/`Disabled`, minimalTlsVersion `TLS1_0`, `TLS1_1`, `TLS1_2` or
 * `TLSEnforcementDisabled`, publicNetworkAccess), and both provider resources read them the same way
 * (postgresql_server_resource.go, mysql_server_resource.go: ssl_enforcement_enabled is sslEnforcement `Enabled`,
 * ssl_minimal_tls_version_enforced is minimalTlsVersion as ARM writes it). Both have the same schema defaults
 * (ssl_minimal_tls_version_enforced `TLS1_2`, public_network_access_enabled true; ssl_enforcement_enabled is
 * required, so it has none).
 */
export function singleServerType(type: string, armType: string): ResourceType {
  return defineType({
    type,
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
    defaults: { ssl_minimal_tls_version_enforced: 'TLS1_2', public_network_access_enabled: true },
    id: { attribute: 'id', caseInsensitive: true },
    sources: { arm: { type: armType, map: fromArm } },
  });
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'version', arm.str(arm.field(p, 'version')));
  arm.put(attributes, 'ssl_enforcement_enabled', arm.enabledFlag(arm.field(p, 'sslEnforcement')));
  arm.put(attributes, 'ssl_minimal_tls_version_enforced', arm.str(arm.field(p, 'minimalTlsVersion')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  return attributes;
}
