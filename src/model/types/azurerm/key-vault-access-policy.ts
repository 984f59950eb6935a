import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * azurerm_key_vault_access_policy: one access policy of a vault, managed apart from azurerm_key_vault's
 * `access_policy` blocks (terraform-provider-azurerm 4.x website/docs/r/key_vault_access_policy.html.markdown).
 *
 * Terraform state only. Its id (`<vault id>/objectId/<object id>[/applicationId/<application id>]`) is Terraform's
 * own and names no Azure object: a vault GET returns its policies as one list in `properties.accessPolicies`, with
 * nothing saying which resource declared each, and ARM's `Microsoft.KeyVault/vaults/accessPolicies` (named
 * add/replace/remove) is an operation on that list that a GET never returns, so no ARM form maps to this type.
 */
export const keyVaultAccessPolicy = defineType({
  type: 'azurerm_key_vault_access_policy',
  provider: 'azurerm',
  schema: s.attributes({
    key_vault_id: s.string,
    tenant_id: s.string,
    object_id: s.string,
    application_id: s.string,
    key_permissions: s.strings,
    secret_permissions: s.strings,
    certificate_permissions: s.strings,
    storage_permissions: s.strings,
  }),
  id: { attribute: 'id', caseInsensitive: true },
  sources: {},
});
