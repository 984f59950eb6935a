import { defineType } from '../resource-type.js';
import { policyAssignment, policyAssignmentSchema } from './shared/policy-assignment.js';

/**
 * azurerm_resource_group_policy_assignment, from Microsoft.Authorization/policyAssignments at a resource group scope
 * (`/subscriptions/{sub}/resourceGroups/{rg}`): the shared policy assignment mapping in ./shared/policy-assignment.ts.
 */
export const resourceGroupPolicyAssignment = defineType({
  type: 'azurerm_resource_group_policy_assignment',
  ...policyAssignment,
  schema: policyAssignmentSchema('resource_group'),
});
