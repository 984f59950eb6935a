import { defineType } from '../resource-type.js';
import { policyAssignment, policyAssignmentSchema } from './shared/policy-assignment.js';

/**
 * azurerm_management_group_policy_assignment, from Microsoft.Authorization/policyAssignments at a management group scope
 * (`/providers/Microsoft.Management/managementGroups/{mg}`): the shared policy assignment mapping in ./shared/policy-assignment.ts.
 */
export const managementGroupPolicyAssignment = defineType({
  type: 'azurerm_management_group_policy_assignment',
  ...policyAssignment,
  schema: policyAssignmentSchema('management_group'),
});
