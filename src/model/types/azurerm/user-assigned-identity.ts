import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_user_assigned_identity, from Microsoft.ManagedIdentity/userAssignedIdentities (a row of the azurerm table
 * until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `msi/resource-manager/Microsoft.ManagedIdentity/stable/2024-11-30/examples/`
 * `IdentityGet.json` (name, location, tags; properties{clientId, principalId, tenantId, isolationScope}). Attribute
 * names from terraform-provider-azurerm `website/docs/r/user_assigned_identity.html.markdown`: the arguments are the
 * envelope alone (name, resource_group_name, location, tags); client_id, principal_id and tenant_id are exported,
 * set by Entra ID when the identity is created: computed, never compared.
 *
 * Not mapped: properties.isolationScope, which those docs give no attribute for. Federated identity credentials are
 * child resources (azurerm_federated_identity_credential), not part of this payload.
 */
export const userAssignedIdentity = defineType({
  type: 'azurerm_user_assigned_identity',
  provider: 'azurerm',
  schema: s.attributes({ ...s.azurermEnvelope }),
  computed: ['client_id', 'principal_id', 'tenant_id'],
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', map: fromArm },
  },
});

function fromArm(resource: ArmShape): Attributes {
  return arm.envelope(resource);
}
