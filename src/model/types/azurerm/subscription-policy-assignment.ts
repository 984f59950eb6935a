import { defineType } from '../resource-type.js';
import { policyAssignment, policyAssignmentSchema } from './shared/policy-assignment.js';

/**
 * azurerm_subscription_policy_assignment, from Microsoft.Authorization/policyAssignments at a subscription scope
 * (`/subscriptions/{sub}`): the shared policy assignment mapping in ./shared/policy-assignment.ts.
 */
export const subscriptionPolicyAssignment = defineType({
  type: 'azurerm_subscription_policy_assignment',
  ...policyAssignment,
  schema: policyAssignmentSchema('subscription'),
});
