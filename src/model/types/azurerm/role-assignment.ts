import { unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { canonicalResourceGroupCasing } from './shared/arm-ids.js';

/**
 * azurerm_role_assignment, from Microsoft.Authorization/roleAssignments.
 *
 * ARM shape: Azure/azure-rest-api-specs `authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/`
 * `examples/RoleAssignments_Get.json`: `properties{roleDefinitionId, principalId, principalType, scope,
 * description?, condition?, conditionVersion?}`; the import id is the full ARM id. Like the provider's read
 * (`normalizeScopeValue`), a resource-group scope gets the canonical `resourceGroups` casing.
 *
 * A template declares the assignment as an extension resource: its top-level `scope` (else properties.scope). A
 * relative scope (`Microsoft.Storage/storageAccounts/x`) is below the deployment's resource group, whose id is not
 * static, and so is the deployment's own scope when the template gives none.
 *
 * role_definition_name is not in the payload (the provider looks the role up by a second call), so it is left
 * out; the privileged-assignment policy recognises the role by role_definition_id first.
 */
export const roleAssignment = defineType({
  type: 'azurerm_role_assignment',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    scope: s.string,
    role_definition_id: s.string,
    role_definition_name: s.string,
    principal_id: s.string,
    principal_type: s.string,
    description: s.string,
    condition: s.string,
    condition_version: s.string,
  }),
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.Authorization/roleAssignments',
      map: fromArm,
      // A template that gives no scope deploys the assignment at the deployment's scope, which is not static.
      platformDefaults: { scope: unknown('expression') },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'scope', scopeOf(arm.str(resource.scope) ?? arm.str(arm.field(p, 'scope'))));
  arm.put(attributes, 'role_definition_id', arm.str(arm.field(p, 'roleDefinitionId')));
  arm.put(attributes, 'principal_id', arm.str(arm.field(p, 'principalId')));
  arm.put(attributes, 'principal_type', arm.str(arm.field(p, 'principalType')));
  arm.put(attributes, 'description', arm.str(arm.field(p, 'description')));
  arm.put(attributes, 'condition', arm.str(arm.field(p, 'condition')));
  arm.put(attributes, 'condition_version', arm.str(arm.field(p, 'conditionVersion')));
  return attributes;
}

function scopeOf(scope: Value | undefined): Value | undefined {
  if (typeof scope !== 'string') return scope;
  return scope.startsWith('/') ? canonicalResourceGroupCasing(scope) : unknown('expression');
}
