import type { Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_role_definition, from Microsoft.Authorization/roleDefinitions (custom roles only).
 *
 * ARM shape: Azure/azure-rest-api-specs `authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/`
 * `examples/GetRoleDefinitionById.json`: `properties{roleName, type, description, assignableScopes,
 * permissions[{actions, notActions, dataActions, notDataActions}]}`. `properties.type` is `BuiltInRole` or
 * `CustomRole`; built-in roles are Azure's, not Terraform's. A template can only create custom roles, so one that
 * leaves `type` out declares a custom role; a live definition always says which it is.
 *
 * The azurerm 4.x import id is Terraform's own `{roleDefinitionResourceId}|{scope}` (website/docs/r/
 * role_definition.html.markdown, parse/role_definition.go), built the same way from the attributes of either side.
 * `scope` is whatever the configuration gave; the docs recommend the first assignable scope, so that is what ARM's
 * shape says, falling back to the scope in the definition's own id; a tenant-level definition with neither has no
 * import id and is skipped. The provider's read sets role_definition_id to the GUID and role_definition_resource_id
 * to the ARM id, and flattens every permissions block with all four lists, empty where ARM leaves one out.
 */
export const roleDefinition = defineType({
  type: 'azurerm_role_definition',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    description: s.string,
    scope: s.string,
    role_definition_id: s.string,
    role_definition_resource_id: s.string,
    assignable_scopes: s.strings,
    permissions: s.blocks({
      actions: s.strings,
      not_actions: s.strings,
      data_actions: s.strings,
      not_data_actions: s.strings,
    }),
  }),
  sets: [
    'assignable_scopes',
    'permissions[*].actions',
    'permissions[*].not_actions',
    'permissions[*].data_actions',
    'permissions[*].not_data_actions',
  ],
  id: { attribute: 'id', importId, caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.Authorization/roleDefinitions',
      typeOf: (resource) => (isCustomRole(resource) ? 'azurerm_role_definition' : undefined),
      map: fromArm,
    },
  },
});

function isCustomRole(resource: ArmShape): boolean {
  const type = arm.str(arm.field(resource.properties, 'type'));
  if (resource.id === undefined) return typeof type !== 'string' || type.toLowerCase() === 'customrole';
  return typeof type === 'string' && type.toLowerCase() === 'customrole' && scopeOf(resource) !== undefined;
}

function scopeOf(resource: ArmShape): Value | undefined {
  const assignableScopes = arm.strings(arm.field(resource.properties, 'assignableScopes'));
  const first = Array.isArray(assignableScopes) ? assignableScopes[0] : assignableScopes;
  return first ?? parentIdOf(resource.id);
}

/** `{roleDefinitionResourceId}|{scope}`, where both are known. */
function importId(attributes: Attributes): string | undefined {
  const id = text(attributes.role_definition_resource_id);
  const scope = text(attributes.scope);
  return id && scope ? `${id}|${scope}` : undefined;
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  const assignableScopes = arm.strings(arm.field(p, 'assignableScopes'));
  arm.put(attributes, 'name', arm.str(arm.field(p, 'roleName')));
  arm.put(attributes, 'description', arm.str(arm.field(p, 'description')));
  arm.put(attributes, 'scope', scopeOf(resource));
  arm.put(attributes, 'role_definition_id', arm.nameOf(resource));
  arm.put(attributes, 'role_definition_resource_id', resource.id);
  arm.put(attributes, 'assignable_scopes', assignableScopes);
  arm.put(attributes, 'permissions', arm.records(arm.field(p, 'permissions'), permission));
  return attributes;
}

function permission(value: Value): Value {
  return {
    actions: arm.strings(arm.field(value, 'actions')) ?? [],
    not_actions: arm.strings(arm.field(value, 'notActions')) ?? [],
    data_actions: arm.strings(arm.field(value, 'dataActions')) ?? [],
    not_data_actions: arm.strings(arm.field(value, 'notDataActions')) ?? [],
  };
}

function text(value: Value | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
