import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { serverParameter } from './shared/server-parameter.js';

/**
 * azurerm_mysql_flexible_server_configuration, from Microsoft.DBforMySQL/flexibleServers/configurations (one server
 * parameter: its name and value).
 *
 * ARM shape: Azure/azure-rest-api-specs `mysql/resource-manager/Microsoft.DBforMySQL/FlexibleServers/stable/`
 * `2023-12-30/examples/ConfigurationGet.json` (name, properties.value, defaultValue, source). Attributes follow
 * terraform-provider-azurerm 4.x `resourceMySQLFlexibleServerConfigurationFlatten`: name, resource_group_name and
 * server_name (from the id) and value, as ARM holds it (`ON`/`OFF` for the boolean parameters, any case; a list
 * such as `TLSv1.2,TLSv1.3` for tls_version).
 *
 * Neither `Resources - List` nor Resource Graph lists server parameters, so no live reader reads them yet.
 */
export const mysqlFlexibleServerConfiguration = defineType({
  type: 'azurerm_mysql_flexible_server_configuration',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    resource_group_name: s.string,
    server_name: s.string,
    value: s.string,
  }),
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.DBforMySQL/flexibleServers/configurations', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const attributes = serverParameter(resource);
  arm.put(attributes, 'resource_group_name', arm.idSegmentAfter(resource.id, 'resourcegroups'));
  arm.put(attributes, 'server_name', arm.idSegmentAfter(resource.id, 'flexibleservers'));
  return attributes;
}
