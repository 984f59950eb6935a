import { jsonNestingExcessOffset } from '../../../../util/depth.js';
import { escapeMarkers, isPlainObject, isUnknown, unknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';
import type { ArmMapping, Attributes, ResourceType } from '../../resource-type.js';
import * as s from '../../schema.js';
import type { ArmShape } from '../../sources.js';
import { canonicalResourceGroupCasing, parentIdOf } from './arm-ids.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './identity.js';
import { keepOnly } from './nested-blocks.js';

/**
 * Microsoft.Authorization/policyAssignments: one ARM type that azurerm 4.x models as four types, one per scope, as
 * the provider's id parsers tell them apart (internal/services/policy/parse: management group, subscription,
 * resource group, resource). The scope is the assignment's id up to `/providers/Microsoft.Authorization/...`
 * (`properties.scope` in a GET); a template gives it as the extension resource's `scope`:
 * - `/providers/Microsoft.Management/managementGroups/{mg}` -> azurerm_management_group_policy_assignment
 *   (management_group_id);
 * - `/subscriptions/{sub}` -> azurerm_subscription_policy_assignment (subscription_id);
 * - `/subscriptions/{sub}/resourceGroups/{rg}` -> azurerm_resource_group_policy_assignment (resource_group_id);
 * - any resource below -> azurerm_resource_policy_assignment (resource_id); a template's relative scope
 *   (`Microsoft.Storage/storageAccounts/x`) names a resource of the deployment's resource group, whose id is not
 *   static.
 * A template assignment without a static scope is deployed at the deployment's scope, which the template does not
 * say: it is none of the four, and is skipped. The deprecated azurerm_policy_assignment is gone from azurerm 3.x/4.x.
 *
 * ARM shape: Azure/azure-rest-api-specs `resources/resource-manager/Microsoft.Authorization/stable/2022-06-01/`
 * `examples/getPolicyAssignmentWithIdentity.json` (properties{displayName, description, metadata,
 * policyDefinitionId, notScopes, parameters{<name>: {value}}, enforcementMode, scope}, identity, location) and
 * `listPolicyAssignmentsForResourceGroup.json`; PolicyAssignmentProperties there gives enforcementMode "default":
 * "Default" and nonComplianceMessages[{message, policyDefinitionReferenceId}]. Attribute semantics follow
 * terraform-provider-azurerm 4.x `assignmentBaseResource.readFunc` (internal/services/policy/
 * assignment_resource_base.go): enforce is enforcementMode `Default` (`DoNotEnforce` is false); not_scopes is a list;
 * parameters is the JSON of the parameter values map, compared parsed (canonicalise parses Terraform's string, as
 * aws_cloudwatch_event_rule does its event pattern), so key order and spacing are not drift; identity is one
 * system- or user-assigned identity; non_compliance_message the messages as `{content,
 * policy_definition_reference_id}`.
 *
 * Not compared: metadata (Azure writes createdBy, createdOn, updatedBy and updatedOn into it on every change),
 * overrides and resource_selectors.
 */
export type PolicyAssignmentScope = 'management_group' | 'subscription' | 'resource_group' | 'resource';

const SCOPE_ATTRIBUTE: Readonly<Record<PolicyAssignmentScope, string>> = {
  management_group: 'management_group_id',
  subscription: 'subscription_id',
  resource_group: 'resource_group_id',
  resource: 'resource_id',
};

export const policyAssignmentMapping: ArmMapping = {
  type: 'Microsoft.Authorization/policyAssignments',
  typeOf: (resource) => {
    const kind = scopeKindOf(scopeOf(resource));
    return kind === undefined ? undefined : `azurerm_${kind}_policy_assignment`;
  },
  map: fromArm,
  // PolicyAssignmentProperties (2022-06-01): enforcementMode "default": "Default".
  platformDefaults: { enforce: true },
};

/** The schema of one scope's type: the shared attributes and that scope's own. */
export function policyAssignmentSchema(scope: PolicyAssignmentScope) {
  return s.attributes({
    name: s.string,
    [SCOPE_ATTRIBUTE[scope]]: s.string,
    policy_definition_id: s.string,
    display_name: s.string,
    description: s.string,
    enforce: s.boolean,
    not_scopes: s.strings,
    // Parsed JSON (canonicalise parses Terraform's string), or the text itself where it does not parse.
    parameters: s.policyDocument,
    location: s.string,
    non_compliance_message: s.blocks({ content: s.string, policy_definition_reference_id: s.string }),
    identity: identitySchema,
  });
}

/** What the four policy assignment types share but their name and schema. */
export const policyAssignment = {
  provider: 'azurerm',
  sets: [...IDENTITY_SETS],
  // azurerm 4.x schema default (assignment_resource_base.go `arguments`: enforce Default true).
  defaults: { enforce: true },
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes: Attributes) {
    withoutComputedIdentity(attributes);
    const parameters = parsedJson(attributes.parameters);
    if (parameters !== undefined) attributes.parameters = parameters;
    keepOnly(attributes.non_compliance_message, ['content', 'policy_definition_reference_id']);
  },
  sources: { arm: policyAssignmentMapping },
} as const satisfies Omit<ResourceType, 'type' | 'schema'>;

/** The assignment's scope: the template's `scope`, else a GET's properties.scope, else what its id says. */
function scopeOf(resource: ArmShape): Value | undefined {
  const declared = resource.scope ?? arm.field(resource.properties, 'scope');
  const scope = arm.str(declared);
  if (scope !== undefined) return typeof scope === 'string' ? scope.replace(/\/+$/, '') : scope;
  return parentIdOf(resource.id);
}

function scopeKindOf(scope: Value | undefined): PolicyAssignmentScope | undefined {
  if (typeof scope !== 'string' || scope === '') return undefined;
  const segments = scope.split('/').filter((segment) => segment !== '');
  const lower = segments.map((segment) => segment.toLowerCase());
  if (!scope.startsWith('/')) {
    // A template's relative scope: `Microsoft.Management/managementGroups/{mg}` or a resource of the deployment.
    if (lower.length === 3 && lower[0] === 'microsoft.management' && lower[1] === 'managementgroups')
      return 'management_group';
    return lower.length >= 3 && lower.length % 2 === 1 ? 'resource' : undefined;
  }
  if (lower[0] === 'providers')
    return lower.length === 4 && lower[1] === 'microsoft.management' && lower[2] === 'managementgroups'
      ? 'management_group'
      : undefined;
  if (lower[0] !== 'subscriptions') return undefined;
  if (lower.length === 2) return 'subscription';
  if (lower.length === 4 && lower[2] === 'resourcegroups') return 'resource_group';
  return lower.includes('providers') ? 'resource' : undefined;
}

/** The scope as its type's attribute holds it; a relative one names a resource whose id is not static. */
function scopeValue(scope: Value | undefined): Value | undefined {
  if (typeof scope !== 'string') return scope;
  if (!scope.startsWith('/')) {
    return scopeKindOf(scope) === 'management_group' ? `/providers/${scope}` : unknown('expression');
  }
  return canonicalResourceGroupCasing(scope);
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  const scope = scopeOf(resource);
  const kind = scopeKindOf(scope);
  arm.put(attributes, 'name', arm.nameOf(resource));
  if (kind !== undefined) arm.put(attributes, SCOPE_ATTRIBUTE[kind], scopeValue(scope));
  arm.put(attributes, 'location', arm.location(resource.location));
  arm.put(attributes, 'identity', identityOf(resource.identity));
  // A list row without properties says no more.
  if (p === undefined || p === null) return attributes;
  arm.put(attributes, 'policy_definition_id', arm.str(arm.field(p, 'policyDefinitionId')));
  arm.put(attributes, 'display_name', arm.str(arm.field(p, 'displayName')) ?? null);
  arm.put(attributes, 'description', arm.str(arm.field(p, 'description')) ?? null);
  arm.put(attributes, 'enforce', enforce(arm.str(arm.field(p, 'enforcementMode'))));
  arm.put(attributes, 'not_scopes', arm.strings(arm.field(p, 'notScopes')));
  // An assignment without parameter values or messages has none, in a template and a GET alike (the provider
  // writes "" and no block).
  arm.put(attributes, 'parameters', parameterValues(arm.field(p, 'parameters')) ?? null);
  arm.put(
    attributes,
    'non_compliance_message',
    arm.records(arm.field(p, 'nonComplianceMessages'), (message) => ({
      content: arm.str(arm.field(message, 'message')) ?? null,
      policy_definition_reference_id: arm.str(arm.field(message, 'policyDefinitionReferenceId')) ?? null,
    })) ?? [],
  );
  return attributes;
}

/** `Default` -> true, `DoNotEnforce` -> false; another mode is one the attribute cannot hold, left out. */
function enforce(mode: Value | undefined): Value | undefined {
  if (typeof mode !== 'string') return mode;
  const lower = mode.toLowerCase();
  return lower === 'default' ? true : lower === 'donotenforce' ? false : undefined;
}

function parameterValues(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  return isPlainObject(value) ? value : unknown('expression');
}

/** Terraform's JSON text as the object it encodes; text that is not a JSON object stays as it is. */
function parsedJson(value: Value | undefined): Value | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trim() === '') return null;
  // A document nested deeper than any input may be stays a string: every later walk over it would recurse.
  if (jsonNestingExcessOffset(value) >= 0) return undefined;
  try {
    // Escaped as the ARM readers escape payloads: a key shaped like driftwarden's own markers is data.
    const parsed = escapeMarkers(JSON.parse(value) as Value);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
