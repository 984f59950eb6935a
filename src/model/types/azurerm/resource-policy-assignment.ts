import { defineType } from '../resource-type.js';
import { policyAssignment, policyAssignmentSchema } from './shared/policy-assignment.js';

/**
 * azurerm_resource_policy_assignment, from Microsoft.Authorization/policyAssignments at the scope of a resource
 * (`/subscriptions/{sub}/resourceGroups/{rg}/providers/...`): the shared policy assignment mapping in
 * ./shared/policy-assignment.ts.
 */
export const resourcePolicyAssignment = defineType({
  type: 'azurerm_resource_policy_assignment',
  ...policyAssignment,
  schema: policyAssignmentSchema('resource'),
});
