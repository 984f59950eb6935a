import { defineType } from '../resource-type.js';
import { webSite } from './shared/web-site.js';

/** azurerm_windows_function_app, from Microsoft.Web/sites by `kind`: the shared site mapping in ./shared/web-site.ts. */
export const windowsFunctionApp = defineType({
  type: 'azurerm_windows_function_app',
  ...webSite,
  sensitive: [...webSite.sensitive, 'storage_account_access_key'],
});
