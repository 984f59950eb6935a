import type { Value } from '../../../src/model/value.js';
import {
  asRecordList,
  asString,
  asStringList,
  lastSegmentOf,
  parentIdOf,
  propertiesOf,
  put,
} from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Authorization/roleDefinitions -> azurerm_role_definition (custom roles only).
 *
 * Shape: Azure/azure-rest-api-specs `authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/`
 * `examples/GetRoleDefinitionById.json`: `properties{roleName, type, description, assignableScopes,
 * permissions[{actions, notActions, dataActions, notDataActions}]}`. `properties.type` is `BuiltInRole` or
 * `CustomRole`; built-in roles are Azure's, so they return undefined.
 *
 * The azurerm 4.x import id is Terraform's own `{roleDefinitionResourceId}|{scope}` (website/docs/r/
 * role_definition.html.markdown, parse/role_definition.go). `scope` is whatever the configuration gave; the docs
 * recommend the first assignable scope, so that is used, falling back to the scope in the definition's own id;
 * a tenant-level definition with neither has no import id and is skipped.
 * The provider's read sets role_definition_id to the GUID and role_definition_resource_id to the ARM id, and
 * flattens every permissions block with all four lists, empty where ARM leaves one out.
 */
export const roleDefinitionMapping: ArmTypeMapping = {
  armType: 'Microsoft.Authorization/roleDefinitions',
  terraformTypes: ['azurerm_role_definition'],
  map: mapRoleDefinition,
};

function mapRoleDefinition(resource: ArmResource): MappedResource | undefined {
  const p = propertiesOf(resource);
  if (asString(p.type)?.toLowerCase() !== 'customrole') return undefined;
  const assignableScopes = asStringList(p.assignableScopes);
  const scope = assignableScopes?.[0] ?? parentIdOf(resource.id);
  if (scope === undefined) return undefined;
  const attributes: Record<string, Value> = {};
  put(attributes, 'name', asString(p.roleName));
  put(attributes, 'description', asString(p.description));
  put(attributes, 'scope', scope);
  put(attributes, 'role_definition_id', resource.name ?? lastSegmentOf(resource.id));
  put(attributes, 'role_definition_resource_id', resource.id);
  put(attributes, 'assignable_scopes', assignableScopes);
  put(attributes, 'permissions', permissions(p.permissions));
  return { id: `${resource.id}|${scope}`, terraformType: 'azurerm_role_definition', attributes };
}

function permissions(value: unknown): Value[] | undefined {
  return asRecordList(value)?.map((permission) => ({
    actions: asStringList(permission.actions) ?? [],
    not_actions: asStringList(permission.notActions) ?? [],
    data_actions: asStringList(permission.dataActions) ?? [],
    not_data_actions: asStringList(permission.notDataActions) ?? [],
  }));
}
