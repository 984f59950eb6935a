import { defineType } from '../resource-type.js';
import { legacySite } from './shared/legacy-site.js';

/** azurerm_function_app (azurerm 2.x and 3.x), from Terraform only: the shared legacy site in ./shared/legacy-site.ts. */
export const functionApp = defineType({
  type: 'azurerm_function_app',
  ...legacySite,
  computed: [...legacySite.computed, 'default_hostname', 'kind'],
  sensitive: [...legacySite.sensitive, 'storage_account_access_key', 'storage_connection_string'],
});
