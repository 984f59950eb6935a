import type { Value } from '../../../src/model/value.js';
import { asString, canonicalResourceGroupCasing, lastSegmentOf, propertiesOf, put } from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Authorization/roleAssignments -> azurerm_role_assignment.
 *
 * Shape: Azure/azure-rest-api-specs `authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/`
 * `examples/RoleAssignments_Get.json`: `properties{roleDefinitionId, principalId, principalType, scope,
 * description?, condition?, conditionVersion?}`; the import id is the full ARM id. Like the provider's read
 * (`normalizeScopeValue`), a resource-group scope gets the canonical `resourceGroups` casing.
 *
 * role_definition_name is not in the payload (the provider looks the role up by a second call), so it is left
 * out; the privileged-assignment policy recognises the role by role_definition_id first.
 */
export const roleAssignmentMapping: ArmTypeMapping = {
  armType: 'Microsoft.Authorization/roleAssignments',
  terraformTypes: ['azurerm_role_assignment'],
  map: mapRoleAssignment,
};

function mapRoleAssignment(resource: ArmResource): MappedResource {
  const p = propertiesOf(resource);
  const attributes: Record<string, Value> = {};
  put(attributes, 'name', resource.name ?? lastSegmentOf(resource.id));
  const scope = asString(p.scope);
  put(attributes, 'scope', scope === undefined ? undefined : canonicalResourceGroupCasing(scope));
  put(attributes, 'role_definition_id', asString(p.roleDefinitionId));
  put(attributes, 'principal_id', asString(p.principalId));
  put(attributes, 'principal_type', asString(p.principalType));
  put(attributes, 'description', asString(p.description));
  put(attributes, 'condition', asString(p.condition));
  put(attributes, 'condition_version', asString(p.conditionVersion));
  return { id: resource.id, terraformType: 'azurerm_role_assignment', attributes };
}
