import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';
import { serverParameter } from './shared/server-parameter.js';

/**
 * azurerm_postgresql_flexible_server_configuration, from Microsoft.DBforPostgreSQL/flexibleServers/configurations
 * (one server parameter: its name and value).
 *
 * ARM shape: Azure/azure-rest-api-specs `postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2022-12-01/`
 * `examples/ConfigurationGet.json` (name, properties.value, defaultValue, source). Attributes follow
 * terraform-provider-azurerm 4.x `postgresql_flexible_server_configuration_resource.go`: name, server_id (the
 * parent) and value, as ARM holds it (`on`/`off` for the boolean parameters, any case).
 *
 * Neither `Resources - List` nor Resource Graph lists server parameters, so no live reader reads them yet.
 */
export const postgresqlFlexibleServerConfiguration = defineType({
  type: 'azurerm_postgresql_flexible_server_configuration',
  provider: 'azurerm',
  schema: s.attributes({ name: s.string, server_id: s.string, value: s.string }),
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const attributes = serverParameter(resource);
  arm.put(attributes, 'server_id', parentIdOf(resource.id));
  return attributes;
}
