import * as arm from '../../read/arm.js';
import type { Attributes } from '../../resource-type.js';
import type { ArmShape } from '../../sources.js';

/*
 * What azurerm_postgresql_flexible_server_configuration and azurerm_mysql_flexible_server_configuration read alike
 * from their ARM resources (Microsoft.DBforPostgreSQL/flexibleServers/configurations and
 * Microsoft.DBforMySQL/flexibleServers/configurations share the shape: name, properties.value): the parameter's
 * name and its value, as ARM holds it (any case).
 */
export function serverParameter(resource: ArmShape): Attributes {
  const attributes: Attributes = {};
  // A template names a child `server/parameter`; the parameter is the last segment.
  const name = arm.nameOf(resource);
  arm.put(attributes, 'name', typeof name === 'string' ? name.split('/').pop() : name);
  arm.put(attributes, 'value', arm.str(arm.field(resource.properties, 'value')));
  return attributes;
}
